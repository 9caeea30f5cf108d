//! Debtor matching: a creditor has one debtor per VAT id and per (country, registration number).
//! Creating one that exists gives the existing debtor when the details agree, and a
//! [`AppError::DebtorConflict`] naming it when they differ, so an ERP can create blindly and still
//! never make a second record of the same business.

use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::debtors::{self, DebtorRow};

use crate::error::AppError;

/// Stores `row` unless the creditor already has this business: then the existing debtor when
/// the details agree (`false` = not created), or a conflict naming it when they differ.
///
/// # Errors
/// [`AppError::DebtorConflict`] on conflicting details; database errors.
pub fn find_or_create(
    conn: &mut AnyConnection,
    row: DebtorRow,
) -> Result<(DebtorRow, bool), AppError> {
    let existing = debtors::find_existing(
        conn,
        &row.organisation_id,
        row.vat_id.as_deref(),
        &row.country,
        row.registration_number.as_deref(),
    )?;
    match existing {
        Some(existing) if same_business(&existing, &row) => Ok((existing, false)),
        Some(existing) => Err(AppError::DebtorConflict {
            debtor_id: existing.id,
        }),
        None => {
            debtors::insert(conn, &row)?;
            Ok((row, true))
        }
    }
}

/// The details that must agree for a repeated create to be the same business.
#[must_use]
pub fn same_business(existing: &DebtorRow, new: &DebtorRow) -> bool {
    existing.legal_name.eq_ignore_ascii_case(&new.legal_name) && existing.country == new.country
}

/// What a debtor conflict says to the client: which debtor, and what to do about it.
#[must_use]
pub fn conflict_detail(debtor_id: &str) -> String {
    format!(
        "Debtor {debtor_id} has this VAT id or registration number with different details; update it or use debtor_id."
    )
}
