//! Money: an exact decimal amount in one ISO 4217 currency.
//!
//! Use [`Money`] for every amount the platform owes, is owed, charges or receives; use
//! [`Currency`] wherever a currency code crosses a boundary (request bodies, rows, rate tables).
//! Amounts are `rust_decimal::Decimal`, never floats. On the wire an amount is a decimal string
//! (`{"amount":"12.30","currency":"EUR"}`); in the database it is integer minor units
//! ([`Money::to_minor`]) plus the currency code.
//!
//! Rounding to the currency's minor unit happens in exactly one place, [`rounding`], and every
//! computed amount (interest, commission, VAT) goes through [`Money::rounded`]. Arithmetic across
//! currencies is a [`MoneyError::CurrencyMismatch`], never a silent conversion.

mod amount;
mod arithmetic;
mod currency;
mod error;
mod parse;
pub mod rounding;
mod serde_impl;

#[cfg(test)]
mod amount_tests;
#[cfg(test)]
mod arithmetic_tests;
#[cfg(test)]
mod proptests;

pub use amount::Money;
pub use currency::Currency;
pub use error::MoneyError;
