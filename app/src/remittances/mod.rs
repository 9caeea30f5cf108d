//! Remittance runs: the agency pays a creditor what it collected on the creditor's cases, less
//! the commission and the recovered costs it keeps, and holds unapplied credit for the debtors
//! ([`run::run`]); statements are read back as JSON or CSV ([`read`]). The arithmetic is
//! `solvo_domain::remittance`; a payment is remitted once, enforced by the database.

pub(crate) mod commission;
pub mod input;
mod parts;
pub mod read;
pub mod run;

pub use input::NewRemittance;
pub use read::{Statement, StatementLine};
pub use solvo_persistence::repositories::remittances::RemittanceRow;
