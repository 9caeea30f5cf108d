//! The `Money` value: construction, accessors, minor units and display.

use super::{Currency, MoneyError, rounding};
use rust_decimal::Decimal;
use std::fmt;

/// An exact amount in one currency, never with more decimals than the currency's minor unit.
///
/// The amount is kept normalised (no trailing zeros, no negative zero), so derived equality and
/// hashing agree with numeric equality. `Display` prints `"12.30 EUR"`; [`Money::amount_string`]
/// prints `"12.30"`, always at the currency's scale. There is deliberately no `Ord`: comparing
/// amounts in two currencies is a question without an answer, see [`Money::checked_cmp`].
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Money {
    pub(super) amount: Decimal,
    pub(super) currency: Currency,
}

impl Money {
    /// Makes an amount that is already exact in `currency`.
    ///
    /// Trailing zeros do not count (`12.300` is a valid EUR amount); use [`Money::rounded`] for
    /// computed amounts that need rounding.
    ///
    /// # Errors
    /// [`MoneyError::TooManyDecimals`] when the amount is finer than the minor unit.
    pub fn new(amount: Decimal, currency: Currency) -> Result<Money, MoneyError> {
        let amount = amount.normalize();
        let max = currency.minor_units();
        if amount.scale() > max {
            return Err(MoneyError::TooManyDecimals {
                currency,
                max,
                found: amount.scale(),
            });
        }
        Ok(Money { amount, currency })
    }

    /// Rounds a computed amount to `currency`'s minor unit with the one money rounding rule
    /// ([`rounding::MONEY_ROUNDING`], half away from zero).
    #[must_use]
    pub fn rounded(amount: Decimal, currency: Currency) -> Money {
        let amount = rounding::round_to_minor(amount, currency).normalize();
        Money { amount, currency }
    }

    /// Zero in `currency`.
    #[must_use]
    pub fn zero(currency: Currency) -> Money {
        Money {
            amount: Decimal::ZERO,
            currency,
        }
    }

    /// An amount from integer minor units (cents for EUR, yen for JPY, fils for KWD), as stored in
    /// the database.
    #[must_use]
    pub fn from_minor(minor: i64, currency: Currency) -> Money {
        // An i64 with at most 4 decimals always fits Decimal's 96-bit mantissa.
        let amount = Decimal::from_i128_with_scale(i128::from(minor), currency.minor_units());
        Money {
            amount: amount.normalize(),
            currency,
        }
    }

    /// The amount in integer minor units, for storage as BIGINT.
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] when the amount does not fit 64-bit minor units (above about
    /// 92 quadrillion EUR), which no real claim reaches but a malicious request might.
    pub fn to_minor(&self) -> Result<i64, MoneyError> {
        let factor = Decimal::from(10_i64.pow(self.currency.minor_units()));
        let minor = self
            .amount
            .checked_mul(factor)
            .ok_or(MoneyError::Overflow)?;
        // The amount has at most `minor_units` decimals, so `minor` is an integer here.
        debug_assert!(minor.normalize().scale() == 0);
        i64::try_from(minor).map_err(|_| MoneyError::Overflow)
    }

    /// The decimal amount.
    #[must_use]
    pub fn amount(&self) -> Decimal {
        self.amount
    }

    /// The currency.
    #[must_use]
    pub fn currency(&self) -> Currency {
        self.currency
    }

    /// True for an amount of zero.
    #[must_use]
    pub fn is_zero(&self) -> bool {
        self.amount.is_zero()
    }

    /// True for an amount below zero (a credit, an overpayment).
    #[must_use]
    pub fn is_negative(&self) -> bool {
        !self.amount.is_zero() && self.amount.is_sign_negative()
    }

    /// True for an amount above zero.
    #[must_use]
    pub fn is_positive(&self) -> bool {
        !self.amount.is_zero() && self.amount.is_sign_positive()
    }

    /// The amount as a decimal string at the currency's scale: `"12.30"` (EUR), `"5"` (JPY),
    /// `"1.250"` (KWD). This is the wire form, and [`Money::parse`] reads it back.
    #[must_use]
    pub fn amount_string(&self) -> String {
        let scale = self.currency.minor_units() as usize;
        format!("{:.scale$}", self.amount)
    }
}

impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount_string(), self.currency.code())
    }
}

impl fmt::Debug for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Money({} {})",
            self.amount_string(),
            self.currency.code()
        )
    }
}
