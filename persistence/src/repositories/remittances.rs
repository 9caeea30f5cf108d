//! Remittance statements and their lines. Written once, never changed; a payment has at most
//! one `payment` line and one `reversal` line (a unique key), so it is remitted once.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{exists, not};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::repositories::payments::PaymentRow;
use crate::schema::{payments, remittance_lines, remittances};
use solvo_domain::money::Currency;

/// A stored statement.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = remittances, treat_none_as_default_value = false)]
pub struct RemittanceRow {
    /// `rem_…`
    pub id: String,
    /// The creditor paid.
    pub organisation_id: String,
    /// ISO 4217.
    pub currency: Currency,
    /// The last day it covers.
    pub period_end: NaiveDate,
    /// Money received on its lines, minor units.
    pub collected_minor: i64,
    /// Compensation and costs the agency keeps.
    pub costs_minor: i64,
    /// Held for debtors.
    pub unapplied_minor: i64,
    /// Commission withheld.
    pub commission_minor: i64,
    /// Payable to the creditor.
    pub net_minor: i64,
    /// The user or API key that ran it.
    pub created_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// A stored line.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = remittance_lines, treat_none_as_default_value = false)]
pub struct LineRow {
    /// `rml_…`
    pub id: String,
    /// The statement.
    pub remittance_id: String,
    /// The payment.
    pub payment_id: String,
    /// Its case.
    pub case_id: String,
    /// `payment` or `reversal`.
    pub kind: String,
    /// The payment's value date.
    pub value_date: NaiveDate,
    /// Received (negative for a reversal), minor units.
    pub amount_minor: i64,
    /// To principal.
    pub principal_minor: i64,
    /// To interest.
    pub interest_minor: i64,
    /// To compensation and costs.
    pub costs_minor: i64,
    /// Held.
    pub unapplied_minor: i64,
    /// Commission withheld.
    pub commission_minor: i64,
    /// Payable.
    pub net_minor: i64,
}

/// Stores a statement with its lines.
///
/// # Errors
/// [`PersistenceError::Conflict`] when one of its payments was remitted meanwhile.
pub fn insert(
    conn: &mut AnyConnection,
    row: &RemittanceRow,
    lines: &[LineRow],
) -> Result<(), PersistenceError> {
    diesel::insert_into(remittances::table)
        .values(row)
        .execute(conn)?;
    for chunk in lines.chunks(500) {
        crate::dialect::insert_batch!(conn, remittance_lines::table, chunk)?;
    }
    Ok(())
}

/// The statement `id`, within `organisation_id` when given.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none (or it is another creditor's).
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<RemittanceRow, PersistenceError> {
    let mut query = remittances::table
        .filter(remittances::id.eq(id))
        .select(RemittanceRow::as_select())
        .into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(remittances::organisation_id.eq(organisation_id));
    }
    query
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

/// One page of statements, oldest first, of `organisation_id` when given.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    page: &PageRequest,
) -> Result<Page<RemittanceRow>, PersistenceError> {
    let mut query = remittances::table.into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(remittances::organisation_id.eq(organisation_id.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(remittances::id.gt(after.clone()));
    }
    let rows = query
        .order(remittances::id.asc())
        .limit(page.fetch())
        .select(RemittanceRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// The lines of a statement in the order written.
///
/// # Errors
/// Database errors only.
pub fn lines_of(
    conn: &mut AnyConnection,
    remittance_id: &str,
) -> Result<Vec<LineRow>, PersistenceError> {
    Ok(remittance_lines::table
        .filter(remittance_lines::remittance_id.eq(remittance_id.to_owned()))
        .order(remittance_lines::id.asc())
        .select(LineRow::as_select())
        .load(conn)?)
}

/// Every line ever written for the cases `case_ids`.
///
/// # Errors
/// Database errors only.
pub fn lines_of_cases(
    conn: &mut AnyConnection,
    case_ids: &[String],
) -> Result<Vec<LineRow>, PersistenceError> {
    Ok(remittance_lines::table
        .filter(remittance_lines::case_id.eq_any(case_ids.to_vec()))
        .order(remittance_lines::id.asc())
        .select(LineRow::as_select())
        .load(conn)?)
}

/// Payments the agency received for `organisation_id` in `currency`, value-dated by
/// `period_end`, standing (not reversed) and never remitted: the new lines of a statement.
///
/// # Errors
/// Database errors only.
pub fn unremitted(
    conn: &mut AnyConnection,
    organisation_id: &str,
    currency: &str,
    period_end: NaiveDate,
) -> Result<Vec<PaymentRow>, PersistenceError> {
    Ok(payments::table
        .filter(payments::organisation_id.eq(organisation_id.to_owned()))
        .filter(payments::currency.eq(currency.to_owned()))
        .filter(payments::received_by.eq("agency"))
        .filter(payments::value_date.le(period_end))
        .filter(payments::reversed_at.is_null())
        .filter(not(exists(
            remittance_lines::table
                .filter(remittance_lines::payment_id.eq(payments::id))
                .filter(remittance_lines::kind.eq("payment")),
        )))
        .order(payments::id.asc())
        .select(PaymentRow::as_select())
        .load(conn)?)
}

/// Payments of `organisation_id` in `currency` remitted before and reversed before `until`,
/// whose reversal is not remitted yet: the reversal lines of a statement.
///
/// # Errors
/// Database errors only.
pub fn reversed_since_remitted(
    conn: &mut AnyConnection,
    organisation_id: &str,
    currency: &str,
    until: NaiveDateTime,
) -> Result<Vec<PaymentRow>, PersistenceError> {
    Ok(payments::table
        .filter(payments::organisation_id.eq(organisation_id.to_owned()))
        .filter(payments::currency.eq(currency.to_owned()))
        .filter(payments::reversed_at.lt(until))
        .filter(exists(
            remittance_lines::table
                .filter(remittance_lines::payment_id.eq(payments::id))
                .filter(remittance_lines::kind.eq("payment")),
        ))
        .filter(not(exists(
            remittance_lines::table
                .filter(remittance_lines::payment_id.eq(payments::id))
                .filter(remittance_lines::kind.eq("reversal")),
        )))
        .order(payments::id.asc())
        .select(PaymentRow::as_select())
        .load(conn)?)
}
