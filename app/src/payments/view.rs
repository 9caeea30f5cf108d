//! A stored payment read back with its allocation, from its own ledger postings.

use std::collections::HashMap;

use solvo_domain::ledger::Account;
use solvo_domain::money::Money;
use solvo_persistence::repositories::invoices::InvoiceRow;
use solvo_persistence::repositories::ledger::PostingRow;
pub use solvo_persistence::repositories::payments::PaymentRow;

use crate::error::AppError;

/// One part of a payment applied to one account of one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AllocationLine {
    /// The invoice's id.
    pub invoice_id: String,
    /// The creditor's invoice number.
    pub invoice_number: String,
    /// `costs`, `compensation`, `interest` or `principal`.
    pub account: Account,
    /// The amount applied, positive.
    pub amount: Money,
}

/// A payment with its allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRecord {
    /// The stored row.
    pub row: PaymentRow,
    /// The amount received.
    pub amount: Money,
    /// Where it went, in the order applied.
    pub allocation: Vec<AllocationLine>,
    /// What no debt took, held for the debtor: read off the payment's own `unapplied` posting,
    /// never stored beside it.
    pub unapplied: Money,
    /// The number of the designated invoice, if one was designated.
    pub designated_invoice_number: Option<String>,
}

impl PaymentRecord {
    /// A payment from its row, the postings that carry its id (its own and its reversal's), and
    /// the case's invoice numbers by id ([`invoice_numbers`]). A payment's own postings are all negative (money in, debts reduced,
    /// credit held); its reversal's are the same, positive. The allocation is read off the own
    /// ones, so a reversed payment still shows where it had gone.
    ///
    /// # Errors
    /// [`AppError::Corrupt`] for an unreadable posting or currency.
    pub fn assemble(
        row: PaymentRow,
        postings: &[&PostingRow],
        numbers: &HashMap<&str, &str>,
    ) -> Result<Self, AppError> {
        let currency = row.currency;
        let mut allocation = Vec::new();
        let mut unapplied = Money::zero(currency);
        for posting in postings.iter().filter(|posting| posting.amount_minor < 0) {
            let account = posting.account;
            if account == Account::Unapplied {
                unapplied = Money::from_minor(-posting.amount_minor, currency);
                continue;
            }
            let Some(invoice_id) = posting.invoice_id.as_deref() else {
                continue;
            };
            if !account.owed_by_debtor() {
                continue;
            }
            allocation.push(AllocationLine {
                invoice_id: invoice_id.to_owned(),
                invoice_number: numbers
                    .get(invoice_id)
                    .copied()
                    .unwrap_or(invoice_id)
                    .to_owned(),
                account,
                amount: Money::from_minor(-posting.amount_minor, currency),
            });
        }
        let designated_invoice_number = row
            .designated_invoice_id
            .as_deref()
            .map(|id| numbers.get(id).copied().unwrap_or(id).to_owned());
        Ok(Self {
            amount: Money::from_minor(row.amount_minor, currency),
            unapplied,
            allocation,
            designated_invoice_number,
            row,
        })
    }
}

/// The creditor's invoice numbers by invoice id, built once per case for [`PaymentRecord::assemble`].
#[must_use]
pub fn invoice_numbers(invoices: &[InvoiceRow]) -> HashMap<&str, &str> {
    invoices
        .iter()
        .map(|invoice| (invoice.id.as_str(), invoice.number.as_str()))
        .collect()
}
