//! Payments: money the agency received on a case ([`record::record`] with
//! [`ReceivedBy::Agency`]) or the creditor reports it received directly
//! ([`ReceivedBy::Creditor`]), allocated by the jurisdiction's order (`solvo_domain::allocation`)
//! onto what each invoice owes on the value date, and reversed ([`reverse::reverse`]) when it
//! bounces. The ledger postings a payment makes carry its id; the balance reads them back.
//!
//! The invariant every payment keeps, checked by the tests: its amount on the `payment` account
//! equals what it took off principal, interest, compensation and costs plus what it left on
//! `unapplied`; a reversal posts exactly the negation.

pub mod input;
pub mod read;
pub mod record;
pub mod refund;
pub mod reverse;
pub mod view;

pub use input::{NewPayment, NewReversal, PaymentMethod, ReceivedBy};
pub use record::{Recorded, record};
pub use refund::{NewRefund, refund};
pub use reverse::{Reversed, reverse};
pub use view::{AllocationLine, PaymentRecord, PaymentRow};
