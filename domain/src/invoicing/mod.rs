//! The agency's fee invoices to its creditors: which VAT applies ([`vat`]), how an invoice is
//! numbered ([`number`]) and how its lines add up ([`totals`]).
//!
//! A fee invoice bills what the creditor owes the agency: the fees posted on its cases
//! (introduction and withdrawal fees), the success commission withheld from remittances, and the
//! commission on payments the debtor made to the creditor directly. Invoices are numbered
//! without gaps per series and year and never deleted: a credit note (its own series) cancels
//! one, and the items it billed are billed again on the next invoice. See `docs/money.md`.

pub mod number;
pub mod totals;
pub mod vat;

#[cfg(test)]
mod tests;

pub use number::{DocumentKind, InvoiceNumber};
pub use totals::{InvoiceLine, InvoiceTotals, LineSource, totals};
pub use vat::{VatTreatment, is_eu_member, treatment};
