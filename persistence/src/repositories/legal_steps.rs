//! Steps in court and in insolvency. Written once, never changed.

use crate::dialect::on_backend;
use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::legal_steps;
use solvo_domain::money::Currency;

/// A stored step.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = legal_steps, treat_none_as_default_value = false)]
pub struct LegalStepRow {
    /// `lgs_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// What kind of step.
    pub kind: String,
    /// When it happened (or, for a hearing, is set).
    pub occurred_on: NaiveDate,
    /// The court.
    pub court: Option<String>,
    /// The court's or the proceedings' reference.
    pub reference: Option<String>,
    /// The insolvency administrator.
    pub administrator: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// A judgment's award, or the claim lodged, in minor units.
    pub amount_minor: Option<i64>,
    /// Costs a judgment awarded, in minor units.
    pub costs_awarded_minor: Option<i64>,
    /// ISO 4217, the case currency.
    pub currency: Currency,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// Stores a step.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &LegalStepRow) -> Result<(), PersistenceError> {
    diesel::insert_into(legal_steps::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Every step of a case in the order recorded (a case has a handful).
///
/// # Errors
/// Database errors only.
pub fn all_of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<LegalStepRow>, PersistenceError> {
    // Part of the case screen.
    Ok(on_backend!(conn, |c| legal_steps::table
        .filter(legal_steps::case_id.eq(case_id))
        .order(legal_steps::id.asc())
        .select(LegalStepRow::as_select())
        .load(c))?)
}

/// One page of a case's steps in the order recorded.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<LegalStepRow>, PersistenceError> {
    let mut query = legal_steps::table
        .filter(legal_steps::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(legal_steps::id.gt(after.clone()));
    }
    let rows = query
        .order(legal_steps::id.asc())
        .limit(page.fetch())
        .select(LegalStepRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}
