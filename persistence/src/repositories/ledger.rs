//! Ledger postings: every amount on a case. Balances are sums of postings, computed on read.

use crate::dialect::on_backend;
use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::ledger_postings;
use solvo_domain::ledger::Account;
use solvo_domain::money::Currency;

/// A posting. Positive amounts add to what the debtor owes (principal, interest, compensation,
/// costs) or to what the creditor owes the agency (fees); payments and allocations are negative.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = ledger_postings, treat_none_as_default_value = false)]
pub struct PostingRow {
    /// `pst_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The invoice it concerns, if one.
    pub invoice_id: Option<String>,
    /// `principal`, `interest`, `compensation`, `costs`, `fees` or `payment`.
    pub account: Account,
    /// Signed amount in minor units.
    pub amount_minor: i64,
    /// ISO 4217 currency.
    pub currency: Currency,
    /// The date the amount takes effect (interest runs from it).
    pub effective_date: NaiveDate,
    /// What it is, for statements.
    pub description: String,
    /// When it was recorded.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// The payment that made it (its allocation, its unapplied part, or their reversal).
    pub payment_id: Option<String>,
}

/// Inserts postings in one statement per chunk.
///
/// # Errors
/// Database errors only.
pub fn insert_all(conn: &mut AnyConnection, rows: &[PostingRow]) -> Result<(), PersistenceError> {
    for chunk in rows.chunks(1_000) {
        crate::dialect::insert_batch!(conn, ledger_postings::table, chunk)?;
    }
    Ok(())
}

/// The postings of a case in effective-date order.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<PostingRow>, PersistenceError> {
    // Every balance and the case screen.
    Ok(on_backend!(conn, |c| ledger_postings::table
        .filter(ledger_postings::case_id.eq(case_id))
        .order((
            ledger_postings::effective_date.asc(),
            ledger_postings::id.asc(),
        ))
        .select(PostingRow::as_select())
        .load(c))?)
}

/// The postings a payment made, reversal postings included, in the order recorded.
///
/// # Errors
/// Database errors only.
pub fn of_payment(
    conn: &mut AnyConnection,
    payment_id: &str,
) -> Result<Vec<PostingRow>, PersistenceError> {
    Ok(ledger_postings::table
        .filter(ledger_postings::payment_id.eq(payment_id))
        .order(ledger_postings::id.asc())
        .select(PostingRow::as_select())
        .load(conn)?)
}

/// The postings of the given payments, in the order recorded.
///
/// # Errors
/// Database errors only.
pub fn of_payments(
    conn: &mut AnyConnection,
    payment_ids: &[String],
) -> Result<Vec<PostingRow>, PersistenceError> {
    Ok(ledger_postings::table
        .filter(ledger_postings::payment_id.eq_any(payment_ids))
        .order(ledger_postings::id.asc())
        .select(PostingRow::as_select())
        .load(conn)?)
}
