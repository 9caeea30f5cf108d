//! Refunds of held credit. Written once, never changed.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::refunds;
use solvo_domain::money::Currency;

/// A stored refund.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = refunds, treat_none_as_default_value = false)]
pub struct RefundRow {
    /// `rfd_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// Positive, minor units.
    pub amount_minor: i64,
    /// ISO 4217, the case currency.
    pub currency: Currency,
    /// How the money went back.
    pub method: String,
    /// The outgoing transfer's reference.
    pub reference: Option<String>,
    /// Why.
    pub reason: String,
    /// The user or API key that refunded.
    pub refunded_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// Stores a refund.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &RefundRow) -> Result<(), PersistenceError> {
    diesel::insert_into(refunds::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// One page of a case's refunds, oldest first.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<RefundRow>, PersistenceError> {
    let mut query = refunds::table
        .filter(refunds::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(refunds::id.gt(after.clone()));
    }
    let rows = query
        .order(refunds::id.asc())
        .limit(page.fetch())
        .select(RefundRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}
