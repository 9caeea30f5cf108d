//! Ledger postings and what a ledger needs to know of an invoice.

use super::Account;
use crate::money::Money;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// How a posting names its invoice: the key the caller stores invoices under (the api uses its
/// invoice row id).
pub type InvoiceKey = String;

/// One ledger entry: an amount on one account, effective from one day.
///
/// The ledger is the only record of what is owed; a balance is computed from postings and never
/// stored, so it cannot drift from them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Posting {
    /// The invoice the amount belongs to; `None` for case-level entries (fees, unallocated
    /// payments).
    pub invoice: Option<InvoiceKey>,
    /// The account; see [`Account`] for the sign convention.
    pub account: Account,
    /// The amount, in the case currency.
    pub amount: Money,
    /// First day the posting counts: a balance on `as_of` counts postings effective on or before
    /// it.
    pub effective_date: NaiveDate,
    /// The line shown on a statement ("Invoice 2026-17", "Introduction fee"); not used by any
    /// computation.
    pub description: String,
}

/// What the ledger needs of an invoice: its key, the number shown to people, its due date
/// (interest and compensation run from the day after) and its principal as invoiced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LedgerInvoice {
    /// The key postings name it by (see [`Posting::invoice`]).
    pub id: InvoiceKey,
    /// The creditor's invoice number.
    pub number: String,
    /// The day payment was due.
    pub due_date: NaiveDate,
    /// The amount invoiced, in the case currency.
    pub principal: Money,
}
