//! Debtors: the businesses a creditor's cases are against; the command that creates one and the
//! rule that matches it to an existing record.

mod input;
mod matching;

pub use input::{AddressInput, ContactInput, DebtorInput, DebtorKind};
pub use matching::{conflict_detail, find_or_create, same_business};
