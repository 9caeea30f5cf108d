//! Solvo's business rules as pure functions: no IO, no clock, no database, no HTTP.
//!
//! Every rule takes its `as_of` date and its data (rate tables, ledgers, events) as arguments,
//! so a unit or property test can drive it deterministically. See `domain/README.md` for what each
//! module decides and the table of jurisdictions with their legal sources.

pub mod allocation;
pub mod arrangement;
pub mod card;
pub mod case;
pub mod collection_accounts;
pub mod country;
pub mod fees;
pub mod identifiers;
pub mod identity;
pub mod interest;
pub mod invoicing;
pub mod jurisdiction;
pub mod ledger;
pub mod money;
pub mod permission;
pub mod portal;
pub mod prescription;
pub mod rates;
pub mod reconciliation;
pub mod remittance;
#[cfg(feature = "storage")]
pub mod storage;
pub mod webhook;
