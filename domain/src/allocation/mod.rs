//! Applying a part payment to a case's invoices in the order the jurisdiction prescribes.
//!
//! Call [`allocate`] with the payment, the case's [`OpenItem`]s (costs, interest and principal
//! per invoice), an optional designated invoice and the jurisdiction's [`AllocationOrder`] (from
//! `jurisdiction::Jurisdiction::allocation`). The [`AllocationOutcome`] lists what went where and
//! the unapplied remainder.
//!
//! The law first picks the debt (DE BGB s.366, NL BW 6:43, IT c.c. 1193: the designated one, else
//! by due date) and then the component within it (DE s.367, NL 6:44, FR c. civ. 1343-1); this module
//! does the same, invoice by invoice. Where a jurisdiction's order is only partly established, a
//! payment that forces the missing choice is refused with [`AllocationError::OrderNotEstablished`]
//! instead of being guessed; a creditor entitled to choose can pass its own [`AllocationOrder`].

mod allocate;
mod order;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use allocate::{Allocation, AllocationError, AllocationOutcome, OpenItem, allocate};
pub use order::{AllocationOrder, AllocationRule, Component, InvoiceOrder};
