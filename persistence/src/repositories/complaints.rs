//! Debtors' complaints about the agency's conduct (migration `000020_portal_conversation`).

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::complaints;

/// A stored complaint.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = complaints, treat_none_as_default_value = false)]
pub struct ComplaintRow {
    /// `cmp_…`
    pub id: String,
    /// The creditor whose debtor complains.
    pub organisation_id: String,
    /// The debtor record.
    pub debtor_id: String,
    /// The case it is about, if named.
    pub case_id: Option<String>,
    /// What the debtor says.
    pub text: String,
    /// When it arrived.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub received_at: NaiveDateTime,
    /// `open` or `resolved`.
    pub status: String,
    /// The agency's answer.
    pub resolution: Option<String>,
    /// Who answered.
    pub resolved_by: Option<String>,
    /// When.
    pub resolved_at: Option<NaiveDateTime>,
}

/// Stores a complaint.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &ComplaintRow) -> Result<(), PersistenceError> {
    diesel::insert_into(complaints::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The complaint `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<ComplaintRow, PersistenceError> {
    Ok(complaints::table
        .find(id)
        .select(ComplaintRow::as_select())
        .first(conn)?)
}

/// One page of complaints, oldest first, only those with `status` when given.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<ComplaintRow>, PersistenceError> {
    let mut query = complaints::table
        .select(ComplaintRow::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(complaints::status.eq(status.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(complaints::id.gt(after.clone()));
    }
    let rows = query
        .order(complaints::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// The complaints of debtor `debtor_id`, oldest first.
///
/// # Errors
/// Database errors only.
pub fn of_debtor(
    conn: &mut AnyConnection,
    debtor_id: &str,
) -> Result<Vec<ComplaintRow>, PersistenceError> {
    Ok(complaints::table
        .filter(complaints::debtor_id.eq(debtor_id))
        .select(ComplaintRow::as_select())
        .order(complaints::id.asc())
        .load(conn)?)
}

/// Answers the open complaint `id`; `false` when it was answered before.
///
/// # Errors
/// Database errors only.
pub fn resolve(
    conn: &mut AnyConnection,
    id: &str,
    resolution: &str,
    resolved_by: &str,
    resolved_at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let changed = diesel::update(
        complaints::table
            .filter(complaints::id.eq(id))
            .filter(complaints::status.eq("open")),
    )
    .set((
        complaints::status.eq("resolved"),
        complaints::resolution.eq(Some(resolution)),
        complaints::resolved_by.eq(Some(resolved_by)),
        complaints::resolved_at.eq(Some(resolved_at)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}
