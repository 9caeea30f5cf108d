//! Data subjects' requests about the personal data of a debtor's contact persons (GDPR art. 15
//! to 17; migration `000020_portal_conversation`).

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::data_requests;

/// A stored data request.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = data_requests, treat_none_as_default_value = false)]
pub struct DataRequestRow {
    /// `dsr_…`
    pub id: String,
    /// The creditor of the debtor record.
    pub organisation_id: String,
    /// The debtor record.
    pub debtor_id: String,
    /// The case whose portal session made it.
    pub case_id: String,
    /// `access`, `rectification` or `erasure`.
    pub kind: String,
    /// What the data subject says (what to correct, whose data).
    pub text: String,
    /// When it arrived.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub received_at: NaiveDateTime,
    /// The last day to answer (GDPR art. 12(3)).
    pub due_on: NaiveDate,
    /// `open` or `completed`.
    pub status: String,
    /// What the agency did.
    pub completion_note: Option<String>,
    /// Who completed it.
    pub completed_by: Option<String>,
    /// When.
    pub completed_at: Option<NaiveDateTime>,
}

/// Stores a request.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &DataRequestRow) -> Result<(), PersistenceError> {
    diesel::insert_into(data_requests::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The request `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<DataRequestRow, PersistenceError> {
    Ok(data_requests::table
        .find(id)
        .select(DataRequestRow::as_select())
        .first(conn)?)
}

/// One page of requests, by id (the order received), only those with `status` when given.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<DataRequestRow>, PersistenceError> {
    let mut query = data_requests::table
        .select(DataRequestRow::as_select())
        .into_boxed();
    if let Some(status) = status {
        query = query.filter(data_requests::status.eq(status.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(data_requests::id.gt(after.clone()));
    }
    let rows = query
        .order(data_requests::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// The requests made for debtor `debtor_id`, oldest first.
///
/// # Errors
/// Database errors only.
pub fn of_debtor(
    conn: &mut AnyConnection,
    debtor_id: &str,
) -> Result<Vec<DataRequestRow>, PersistenceError> {
    Ok(data_requests::table
        .filter(data_requests::debtor_id.eq(debtor_id))
        .select(DataRequestRow::as_select())
        .order(data_requests::id.asc())
        .load(conn)?)
}

/// Completes the open request `id`; `false` when it was completed before.
///
/// # Errors
/// Database errors only.
pub fn complete(
    conn: &mut AnyConnection,
    id: &str,
    note: &str,
    completed_by: &str,
    completed_at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let changed = diesel::update(
        data_requests::table
            .filter(data_requests::id.eq(id))
            .filter(data_requests::status.eq("open")),
    )
    .set((
        data_requests::status.eq("completed"),
        data_requests::completion_note.eq(Some(note)),
        data_requests::completed_by.eq(Some(completed_by)),
        data_requests::completed_at.eq(Some(completed_at)),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}
