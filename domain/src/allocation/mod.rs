//! Applying a part payment to a case's invoices in the order the jurisdiction prescribes.
//!
//! Call [`allocate_under`] with the jurisdiction's [`AllocationRule`] (from
//! `jurisdiction::Jurisdiction::allocation`), the payment, the case's [`OpenItem`]s (costs,
//! interest and principal per invoice) and an optional [`Designation`]; [`allocate`] takes the
//! component and invoice orders directly (a creditor entitled to choose passes its own). The
//! [`AllocationOutcome`] lists what went where and the unapplied remainder.
//!
//! The law first picks the debt (DE BGB s.366, NL BW 6:43, IT c.c. 1193: the designated one, else
//! by due date, debts of equal age pro rata; ES c.c. 1174: the most onerous, else pro rata) and
//! then the component within it (DE s.367, NL 6:44, FR c. civ. 1343-1); this module
//! does the same, invoice by invoice. Where a jurisdiction's order is only partly established, a
//! payment that forces the missing choice is refused with [`AllocationError::OrderNotEstablished`]
//! instead of being guessed; a creditor entitled to choose can pass its own [`AllocationOrder`].

mod allocate;
mod order;

#[cfg(test)]
mod proptests;
#[cfg(test)]
mod tests;

pub use allocate::{
    Allocation, AllocationError, AllocationOutcome, Designation, OpenItem, RuledAllocation,
    allocate, allocate_under,
};
pub use order::{AllocationOrder, AllocationRule, Component, InvoiceOrder};
