//! `/v1/debtors`: the businesses a creditor's cases are against.
//!
//! De-duplication: a creditor has one debtor per VAT id and per (country, registration number).
//! Creating one that exists answers `200` with the existing debtor when the details agree, and
//! `409` naming the existing id when they conflict (a different legal name or country), so an ERP
//! can create blindly and still never make a second record of the same business.

mod handlers;
mod view;

pub use handlers::{create_debtor, get_debtor, list_debtors, update_debtor};
pub use solvo_app::debtors::{AddressInput, ContactInput, DebtorInput};
