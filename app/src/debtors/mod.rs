//! Debtors: the businesses a creditor's cases are against; the command that creates one and the
//! rule that matches it to an existing record, the list and the read, and the patch that changes
//! one under `If-Match`.
//!
//! [`DebtorRow`] is the stored record these use cases hand back, re-exported until typed storage
//! replaces it.

mod input;
mod matching;
mod read;
mod update;

pub use input::{AddressInput, ContactInput, DebtorInput, DebtorKind};
pub use matching::{conflict_detail, find_or_create, same_business};
pub use read::{DebtorQuery, get, list};
pub use solvo_persistence::repositories::debtors::DebtorRow;
pub(crate) use update::apply;
pub use update::{DebtorPatch, update};
