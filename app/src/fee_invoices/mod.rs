//! Fee invoices: the agency bills a creditor, per currency and period, the fees posted on its
//! cases, the commission its remittances withheld and the commission on payments made to it
//! directly ([`issue::issue`]), with VAT by the agency's settings and the creditor's country
//! (`solvo_domain::invoicing`); a credit note cancels an invoice in full and returns what it
//! billed to the next invoice ([`credit::credit`]); both are read back as JSON or PDF
//! ([`read`]). The parties' details come from [`billing`]. Numbers have no gaps: each is taken
//! in the transaction that writes its invoice.

pub mod billing;
pub mod credit;
mod direct;
pub mod figures;
pub mod input;
pub mod issue;
mod parties;
pub mod pdf;
pub mod read;

pub use input::{NewCreditNote, NewFeeInvoice};
pub use parties::Party;
pub use read::FeeInvoice;
pub use solvo_persistence::repositories::fee_invoices::{FeeInvoiceLineRow, FeeInvoiceRow};
