//! A payment's allocation, read off its own ledger postings, as the remittance splits it.

use std::collections::HashMap;

use solvo_domain::fees::RecoveredAmount;
use solvo_domain::ledger::Account;
use solvo_domain::money::{Currency, Money};
use solvo_domain::remittance::PaymentParts;
use solvo_persistence::repositories::invoices::InvoiceRow;
use solvo_persistence::repositories::ledger::PostingRow;
use solvo_persistence::repositories::payments::PaymentRow;

use crate::error::AppError;

/// The split of `payment` and the creditor's part by invoice (for the commission), from the
/// payment's own postings (the negative ones; a reversal's are positive).
///
/// # Errors
/// [`AppError::Corrupt`] when the postings name an unknown account or invoice, or do not add up
/// to the payment.
pub(crate) fn split(
    payment: &PaymentRow,
    postings: &[&PostingRow],
    invoices: &HashMap<&str, &InvoiceRow>,
    currency: Currency,
) -> Result<(PaymentParts, Vec<RecoveredAmount>), AppError> {
    let zero = Money::zero(currency);
    let mut parts = PaymentParts {
        amount: Money::from_minor(payment.amount_minor, currency),
        principal: zero,
        interest: zero,
        costs: zero,
        unapplied: zero,
    };
    let mut recovered = Vec::new();
    let corrupt = |detail: String| AppError::corrupt("payment", &payment.id, detail);
    for posting in postings.iter().filter(|posting| posting.amount_minor < 0) {
        let account = posting.account;
        let amount = Money::from_minor(-posting.amount_minor, currency);
        let add = |total: Money| {
            total
                .checked_add(amount)
                .map_err(|err| corrupt(err.to_string()))
        };
        match account {
            Account::Principal | Account::Interest => {
                let invoice = posting
                    .invoice_id
                    .as_deref()
                    .and_then(|id| invoices.get(id))
                    .ok_or_else(|| corrupt(format!("posting {} has no invoice", posting.id)))?;
                recovered.push(RecoveredAmount {
                    amount,
                    due_date: invoice.due_date,
                });
                if account == Account::Principal {
                    parts.principal = add(parts.principal)?;
                } else {
                    parts.interest = add(parts.interest)?;
                }
            }
            Account::Compensation | Account::Costs => parts.costs = add(parts.costs)?,
            Account::Unapplied => parts.unapplied = add(parts.unapplied)?,
            Account::Payment | Account::Fees => {}
        }
    }
    if !parts.add_up() {
        return Err(corrupt("its postings do not add up to its amount".into()));
    }
    Ok((parts, recovered))
}
