//! What a stored invoice shows but does not store: its kind and printed number (from its
//! series, year and sequence) and its total and amount due (from net, VAT and withheld).

use rust_decimal::Decimal;
use solvo_domain::invoicing::{DocumentKind, InvoiceNumber};
use solvo_persistence::repositories::fee_invoices::FeeInvoiceRow;

use crate::error::AppError;

/// Invoice or credit note, by its series.
///
/// # Errors
/// [`AppError::Corrupt`] for an unknown series.
pub fn kind(row: &FeeInvoiceRow) -> Result<DocumentKind, AppError> {
    [DocumentKind::Invoice, DocumentKind::CreditNote]
        .into_iter()
        .find(|kind| kind.series() == row.series)
        .ok_or_else(|| {
            AppError::corrupt("fee invoice", &row.id, format!("series `{}`", row.series))
        })
}

/// The number as printed: `INV-2026-000042`.
///
/// # Errors
/// [`AppError::Corrupt`] for an unknown series.
pub fn number(row: &FeeInvoiceRow) -> Result<String, AppError> {
    Ok(InvoiceNumber {
        kind: kind(row)?,
        year: row.year,
        sequence: row.sequence,
    }
    .to_string())
}

/// Net plus VAT, minor units.
///
/// # Errors
/// [`AppError::Corrupt`] on overflow.
pub fn total_minor(row: &FeeInvoiceRow) -> Result<i64, AppError> {
    row.net_minor
        .checked_add(row.vat_minor)
        .ok_or_else(|| AppError::corrupt("fee invoice", &row.id, "total overflows"))
}

/// Total less what remittances withheld, minor units.
///
/// # Errors
/// [`AppError::Corrupt`] on overflow.
pub fn amount_due_minor(row: &FeeInvoiceRow) -> Result<i64, AppError> {
    total_minor(row)?
        .checked_sub(row.withheld_minor)
        .ok_or_else(|| AppError::corrupt("fee invoice", &row.id, "amount due overflows"))
}

/// A rate in basis points as percent without trailing zeros: 1900 is "19", 2550 is "25.5".
#[must_use]
pub fn percent(rate_bp: i64) -> String {
    Decimal::new(rate_bp, 2).normalize().to_string()
}

#[cfg(test)]
mod tests {
    use super::percent;

    #[test]
    fn rates_print_in_percent_without_trailing_zeros() {
        assert_eq!(percent(1900), "19");
        assert_eq!(percent(2550), "25.5");
        assert_eq!(percent(775), "7.75");
        assert_eq!(percent(0), "0");
    }
}
