//! A case's ledger as pure data and rules: the accounts, the postings, the balance they add up
//! to on a date, the postings a placement opens with, a payment's allocation and postings, a credit note's postings, and the one rule for how often fixed
//! recovery compensation is due (shared by the quote and the placement).
//!
//! Nothing here reads a database or a clock: the caller passes the invoices, the postings, the
//! rate tables and the date.

mod account;
mod balance;
mod compensation;
mod credit;
mod opening;
mod payment;
mod posting;
mod refund;

#[cfg(test)]
mod balance_tests;
#[cfg(test)]
mod compensation_tests;
#[cfg(test)]
mod compounding_tests;
#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod payment_tests;

pub use account::Account;
pub use balance::{
    Balance, BalanceError, CaseTerms, InterestGap, InterestGapReason, InvoiceBalance,
    InvoiceInterestLine, balance,
};
pub use compensation::{
    CompensationCharge, CompensationDue, CompensationGap, CompensationGapReason, CompensationScope,
    compensation_due,
};
pub use credit::{CreditError, credit_note_postings};
pub use opening::{OpeningError, opening_postings};
pub use payment::{
    OpenInvoice, PaymentError, allocate_payment, open_invoices, payment_postings, reversal_postings,
};
pub use posting::{InvoiceKey, LedgerInvoice, Posting};
pub use refund::{RefundError, refund_postings};
