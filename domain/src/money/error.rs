//! The one error type of the money module.

use super::Currency;

/// Why an amount or a currency was refused, or why arithmetic on money failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// The code is not an ISO 4217 alphabetic code (codes are three upper-case letters).
    #[error("unknown currency code {0:?}")]
    UnknownCurrency(String),
    /// The code is ISO 4217 but names no money that can be owed in minor units
    /// (precious metals, XDR, the testing code XTS, "no currency" XXX).
    #[error("currency {0} has no minor unit and cannot hold a claim")]
    NotAMoneyCurrency(String),
    /// The amount has more decimals than the currency's minor unit allows
    /// (a third decimal on EUR, any decimal on JPY).
    #[error("{currency} allows at most {max} decimals, got {found}")]
    TooManyDecimals {
        /// The currency whose minor unit was exceeded.
        currency: Currency,
        /// The currency's number of minor-unit decimals.
        max: u32,
        /// The number of decimals found in the input.
        found: u32,
    },
    /// The text is not a plain decimal number (`-?digits(.digits)?`).
    #[error("not a decimal amount: {0:?}")]
    NotADecimal(String),
    /// Two amounts in different currencies were combined.
    #[error("currency mismatch: {left} and {right}")]
    CurrencyMismatch {
        /// The currency of the left-hand amount.
        left: Currency,
        /// The currency of the right-hand amount.
        right: Currency,
    },
    /// The result does not fit the decimal type or 64-bit minor units.
    #[error("amount out of range")]
    Overflow,
}
