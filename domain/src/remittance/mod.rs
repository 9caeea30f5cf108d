//! Money out: what the agency pays a creditor for the payments it received on the creditor's
//! cases, and what it keeps.
//!
//! Each payment the agency received is split by its allocation: principal and interest are the
//! creditor's; compensation and costs recovered from the debtor are the agency's (it bore the
//! costs of collection); unapplied credit stays held for the debtor until applied or refunded.
//! The success commission on the creditor's part is withheld. So, for every line and every
//! statement, to the cent:
//!
//! `collected = net + commission + costs + unapplied`
//!
//! The commission follows the case's fee schedule on everything recovered on the case so far,
//! tiers applied marginally to the case's total (`crate::fees::commission`): each statement
//! charges what the case owes in commission now minus what earlier statements charged, so a
//! payment reversed after it was remitted gives its commission back and the total charged is
//! always the commission on what was finally recovered.

mod line;

#[cfg(test)]
mod tests;

pub use line::{CaseCommission, LineKind, PaymentParts, RemittanceLine, Totals, totals};
