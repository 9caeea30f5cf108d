//! Promises to pay. A row is written once and changed once, from `open` to `kept` or `broken`.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::promises;
use solvo_domain::money::Currency;

/// A stored promise.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = promises, treat_none_as_default_value = false)]
pub struct PromiseRow {
    /// `prm_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// Positive, minor units.
    pub amount_minor: i64,
    /// ISO 4217, the case currency.
    pub currency: Currency,
    /// The day promised.
    pub due_date: NaiveDate,
    /// `open`, `kept` or `broken`.
    pub status: String,
    /// What was said, if noted.
    pub note: Option<String>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// When it was found kept or broken.
    pub settled_at: Option<NaiveDateTime>,
}

/// Stores a new promise.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &PromiseRow) -> Result<(), PersistenceError> {
    diesel::insert_into(promises::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The promise with `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<PromiseRow, PersistenceError> {
    Ok(promises::table
        .find(id)
        .select(PromiseRow::as_select())
        .first(conn)?)
}

/// One page of a case's promises in the order made.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<PromiseRow>, PersistenceError> {
    let mut query = promises::table
        .filter(promises::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(promises::id.gt(after.clone()));
    }
    let rows = query
        .order(promises::id.asc())
        .limit(page.fetch())
        .select(PromiseRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Every promise of a case, in the order made.
///
/// # Errors
/// Database errors only.
pub fn all_of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<PromiseRow>, PersistenceError> {
    Ok(promises::table
        .filter(promises::case_id.eq(case_id.to_owned()))
        .order(promises::id.asc())
        .select(PromiseRow::as_select())
        .load(conn)?)
}

/// The cases with an open promise whose day is before `today`, at most `limit`: the
/// scheduler's work.
///
/// # Errors
/// Database errors only.
pub fn cases_with_overdue(
    conn: &mut AnyConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<String>, PersistenceError> {
    Ok(promises::table
        .filter(promises::status.eq("open"))
        .filter(promises::due_date.lt(today))
        .select(promises::case_id)
        .distinct()
        .order(promises::case_id.asc())
        .limit(limit)
        .load(conn)?)
}

/// Settles an open promise as `status` at `at`; `false` when it was no longer open.
///
/// # Errors
/// Database errors only.
pub fn settle(
    conn: &mut AnyConnection,
    id: &str,
    status: &str,
    at: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        promises::table
            .filter(promises::id.eq(id))
            .filter(promises::status.eq("open")),
    )
    .set((
        promises::status.eq(status),
        promises::settled_at.eq(Some(at)),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}
