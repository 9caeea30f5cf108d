//! Identifiers a creditor's bank and accountant check: payment references, IBANs, VAT numbers.
//!
//! Each is a newtype built only by `parse` (or a generator), so a value of the type is known to
//! be well formed and is held in one canonical spelling (upper case, no separators):
//!
//! - [`CreditorReference`]: the ISO 11649 "RF" reference a case is paid with; generate it from
//!   the case number with [`CreditorReference::from_case_number`], match bank lines with
//!   [`CreditorReference::parse`].
//! - [`Iban`]: ISO 13616 account numbers (country length table and mod 97 check).
//! - [`VatNumber`]: EU VAT identification numbers (plus XI, GB, CH, NO), checked for syntax.
//!
//! `Display` prints the paper form (groups of four for RF and IBAN); `as_str` the electronic
//! form that belongs in rows, files and JSON.

mod check;
mod creditor_reference;
mod iban;
mod iban_countries;
mod vat;
mod vat_formats;

pub use creditor_reference::{CreditorReference, CreditorReferenceError};
pub use iban::{Iban, IbanError};
pub use vat::{VatNumber, VatNumberError};

#[cfg(test)]
mod creditor_reference_tests;
#[cfg(test)]
mod iban_tests;
#[cfg(test)]
mod vat_tests;
