//! The postings a placement opens a case's ledger with.

use super::{Account, CompensationScope, LedgerInvoice, Posting, compensation_due};
use crate::jurisdiction::JurisdictionCode;
use crate::money::{Currency, Money};
use chrono::{Days, NaiveDate};

/// Why opening postings could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpeningError {
    /// A case is opened on at least one invoice; its currency is the case currency.
    #[error("a case needs at least one invoice")]
    NoInvoices,
    /// The invoices are in different currencies; a case has one.
    #[error("invoice {invoice} is in {found}, the case is in {expected}")]
    MixedCurrency {
        /// The invoice number.
        invoice: String,
        /// The first invoice's currency, the case's.
        expected: Currency,
        /// This invoice's currency.
        found: Currency,
    },
}

/// The opening postings of a case placed on `placed_on`, in this order per invoice:
///
/// - its principal, effective from its due date;
/// - the fixed recovery compensation [`compensation_due`] gives it (counting every invoice, see
///   [`CompensationScope::EveryInvoice`]), effective from the day after the due date, when it
///   becomes payable, and only when the statute's amount is in the case currency: EUR 40 on a
///   USD case, or CZK 1,200 on a EUR case, would need a conversion, which money never gets
///   silently, so none is posted;
///
/// then the introduction fee, owed by the creditor, on `fees` on `placed_on`, when it is not zero
/// and is in the case currency (the case currency is the invoices').
///
/// # Errors
/// [`OpeningError`] for no invoices or invoices in different currencies.
pub fn opening_postings(
    invoices: &[LedgerInvoice],
    code: JurisdictionCode,
    introduction_fee: Money,
    placed_on: NaiveDate,
) -> Result<Vec<Posting>, OpeningError> {
    let currency = invoices
        .first()
        .map(|invoice| invoice.principal.currency())
        .ok_or(OpeningError::NoInvoices)?;
    if let Some(other) = invoices
        .iter()
        .find(|invoice| invoice.principal.currency() != currency)
    {
        return Err(OpeningError::MixedCurrency {
            invoice: other.number.clone(),
            expected: currency,
            found: other.principal.currency(),
        });
    }
    let charges = compensation_due(code, invoices, CompensationScope::EveryInvoice).charges;
    let mut postings = Vec::with_capacity(invoices.len() * 2 + 1);
    for (index, invoice) in invoices.iter().enumerate() {
        postings.push(Posting {
            invoice: Some(invoice.id.clone()),
            account: Account::Principal,
            amount: invoice.principal,
            effective_date: invoice.due_date,
            description: format!("Invoice {}", invoice.number),
        });
        let charge = charges
            .iter()
            .find(|charge| charge.invoice == index && charge.amount.currency() == currency);
        if let Some(charge) = charge {
            let payable_from = invoice
                .due_date
                .checked_add_days(Days::new(1))
                .unwrap_or(invoice.due_date);
            postings.push(Posting {
                invoice: Some(invoice.id.clone()),
                account: Account::Compensation,
                amount: charge.amount,
                effective_date: payable_from,
                description: format!("Recovery compensation ({})", charge.legal_basis),
            });
        }
    }
    if !introduction_fee.is_zero() && introduction_fee.currency() == currency {
        postings.push(Posting {
            invoice: None,
            account: Account::Fees,
            amount: introduction_fee,
            effective_date: placed_on,
            description: "Introduction fee".to_owned(),
        });
    }
    Ok(postings)
}
