//! The facts the state machine's guards read, gathered for a case at the moment of a command.

use chrono::NaiveDate;
use solvo_domain::case::Facts;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::InvoiceRow;

use super::balance::Balance;
use super::prescription::{events_of, summarise};
use crate::error::AppError;
use crate::legal::record;

/// What the guards need: the balance, the last recorded legal assessment, and whether the
/// earliest limitation deadline has passed on `today`.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for a recorded assessment that does not read back.
pub fn facts_for(
    conn: &mut AnyConnection,
    case: &CaseRow,
    invoices: &[InvoiceRow],
    balance: &Balance,
    today: NaiveDate,
) -> Result<Facts, AppError> {
    Ok(Facts {
        outstanding: balance.outstanding,
        paid_to_date: balance.paid,
        legal_assessment: record::on_record(conn, &case.id)?,
        prescribed: summarise(case, invoices, &events_of(conn, &case.id)?, today)
            .prescribed_on(today),
    })
}
