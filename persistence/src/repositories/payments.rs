//! Payments: the money received on a case. A row is written once and changed only to record its
//! reversal; its ledger postings carry its id.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::payments;
use solvo_domain::money::Currency;

/// A stored payment.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = payments, treat_none_as_default_value = false)]
pub struct PaymentRow {
    /// `pay_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// `agency` or `creditor`.
    pub received_by: String,
    /// Positive, minor units.
    pub amount_minor: i64,
    /// ISO 4217, the case currency.
    pub currency: Currency,
    /// The day the money arrived.
    pub value_date: NaiveDate,
    /// How it was paid.
    pub method: String,
    /// The bank's reference, if given.
    pub bank_reference: Option<String>,
    /// Who paid, if given.
    pub payer: Option<String>,
    /// The invoice the payer designated.
    pub designated_invoice_id: Option<String>,
    /// Whether the designation counted.
    pub designation_honoured: bool,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// When it was reversed.
    pub reversed_at: Option<NaiveDateTime>,
    /// Why it was reversed.
    pub reversal_reason: Option<String>,
    /// Who reversed it.
    pub reversed_by: Option<String>,
}

/// A reversal to record.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = payments)]
pub struct Reversal {
    /// When.
    pub reversed_at: NaiveDateTime,
    /// Why.
    pub reversal_reason: String,
    /// Who.
    pub reversed_by: String,
}

/// Stores a new payment.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &PaymentRow) -> Result<(), PersistenceError> {
    diesel::insert_into(payments::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The payment with `id`, within `organisation_id` when given.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none (or it is another tenant's).
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<PaymentRow, PersistenceError> {
    let mut query = payments::table
        .filter(payments::id.eq(id))
        .select(PaymentRow::as_select())
        .into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(payments::organisation_id.eq(organisation_id));
    }
    query
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

/// One page of the payments of a case in the order recorded.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<PaymentRow>, PersistenceError> {
    let mut query = payments::table
        .filter(payments::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(payments::id.gt(after.clone()));
    }
    let rows = query
        .order(payments::id.asc())
        .limit(page.fetch())
        .select(PaymentRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Records a reversal, once: a payment already reversed is left as it is.
///
/// # Errors
/// [`PersistenceError::Conflict`] when it was already reversed.
pub fn reverse(
    conn: &mut AnyConnection,
    id: &str,
    reversal: &Reversal,
) -> Result<(), PersistenceError> {
    let updated = diesel::update(
        payments::table
            .filter(payments::id.eq(id))
            .filter(payments::reversed_at.is_null()),
    )
    .set(reversal)
    .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::Conflict("reversed".into()));
    }
    Ok(())
}

/// What counts towards a promise or a plan of the case: `(created_at, value_date,
/// amount_minor)` of every payment not reversed, oldest value date first.
///
/// # Errors
/// Database errors only.
pub fn received(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<(NaiveDateTime, NaiveDate, i64)>, PersistenceError> {
    Ok(payments::table
        .filter(payments::case_id.eq(case_id.to_owned()))
        .filter(payments::reversed_at.is_null())
        .order((payments::value_date.asc(), payments::id.asc()))
        .select((
            payments::created_at,
            payments::value_date,
            payments::amount_minor,
        ))
        .load(conn)?)
}

/// The case's payments that stand (not reversed), oldest value date first: what the debtor is
/// shown as paid.
///
/// # Errors
/// Database errors only.
pub fn standing_of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<PaymentRow>, PersistenceError> {
    Ok(payments::table
        .filter(payments::case_id.eq(case_id.to_owned()))
        .filter(payments::reversed_at.is_null())
        .order((payments::value_date.asc(), payments::id.asc()))
        .select(PaymentRow::as_select())
        .load(conn)?)
}

/// The ids of the case's payments received by `received_by` (`agency` or `creditor`) that stand
/// (not reversed).
///
/// # Errors
/// Database errors only.
pub fn standing_received_by(
    conn: &mut AnyConnection,
    case_id: &str,
    received_by: &str,
) -> Result<Vec<String>, PersistenceError> {
    Ok(payments::table
        .filter(payments::case_id.eq(case_id.to_owned()))
        .filter(payments::received_by.eq(received_by.to_owned()))
        .filter(payments::reversed_at.is_null())
        .order(payments::id.asc())
        .select(payments::id)
        .load(conn)?)
}
