//! Invoices placed on cases; the creditor's invoice number is unique per creditor.

use crate::dialect::on_backend;
use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::invoices;
use solvo_domain::money::Currency;

/// An invoice row.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = invoices, treat_none_as_default_value = false)]
pub struct InvoiceRow {
    /// `inv_…`
    pub id: String,
    /// Its case.
    pub case_id: String,
    /// The creditor (denormalised for the uniqueness of `number`).
    pub organisation_id: String,
    /// The creditor's invoice number.
    pub number: String,
    /// Issue date.
    pub issue_date: NaiveDate,
    /// Due date.
    pub due_date: NaiveDate,
    /// Amount in minor units.
    pub amount_minor: i64,
    /// ISO 4217 currency.
    pub currency: Currency,
    /// Placement time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// Inserts invoices in one statement.
///
/// # Errors
/// [`PersistenceError::Conflict`] when a number was placed before.
pub fn insert_all(conn: &mut AnyConnection, rows: &[InvoiceRow]) -> Result<(), PersistenceError> {
    // SQLite limits a statement to 32,766 bound parameters: 9 per row keeps a chunk far below.
    for chunk in rows.chunks(1_000) {
        crate::dialect::insert_batch!(conn, invoices::table, chunk)?;
    }
    Ok(())
}

/// The invoices of a case, oldest due first.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<InvoiceRow>, PersistenceError> {
    // Every balance and the case screen.
    Ok(on_backend!(conn, |c| invoices::table
        .filter(invoices::case_id.eq(case_id))
        .order((invoices::due_date.asc(), invoices::id.asc()))
        .select(InvoiceRow::as_select())
        .load(c))?)
}

/// `(number, case_id)` of the creditor's invoices with any of `numbers`.
///
/// # Errors
/// Database errors only.
pub fn placed_numbers(
    conn: &mut AnyConnection,
    organisation_id: &str,
    numbers: &[String],
) -> Result<Vec<(String, String)>, PersistenceError> {
    let mut found = Vec::new();
    for chunk in numbers.chunks(500) {
        let rows: Vec<(String, String)> = invoices::table
            .filter(invoices::organisation_id.eq(organisation_id))
            .filter(invoices::number.eq_any(chunk))
            .select((invoices::number, invoices::case_id))
            .load(conn)?;
        found.extend(rows);
    }
    Ok(found)
}
