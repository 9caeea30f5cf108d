//! Bank reconciliation: the agency imports its bank statement ([`import::import`]) and the
//! payments it identifies land on their cases as ordinary agency payments
//! (`payments::record`), in the import's one transaction; a return reverses the payment it
//! returns. What the matching leaves is matched, unmatched or ignored by hand ([`manual`]).
//!
//! The order of the automatic matching is [`solvo_domain::reconciliation::MatchMethod`]'s: a
//! valid structured RF reference, a valid RF reference in the free text, then the creditor's
//! case reference or an invoice number with the debtor's name or an IBAN the debtor paid from
//! before. A candidate is posted only when nothing stands in the way; otherwise the transaction
//! waits for review with the reason (another currency, which is never converted; a closed case;
//! an account that is not a collection account; an allocation the law leaves to the creditor).

pub mod import;
pub mod manual;
mod matching;
pub mod read;

pub use import::{Imported, import, parse_statement};
pub use read::{TransactionRecord, TransactionStatus};
