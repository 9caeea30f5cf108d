//! Checked arithmetic on `Money`: same currency or an error, never a panic or a silent conversion.

use super::{Currency, Money, MoneyError};
use rust_decimal::Decimal;
use std::cmp::Ordering;

impl Money {
    /// Refuses a second operand in another currency.
    fn same_currency(&self, other: &Money) -> Result<Currency, MoneyError> {
        if self.currency == other.currency {
            Ok(self.currency)
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }

    /// `self + other`.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] across currencies, [`MoneyError::Overflow`] past
    /// `Decimal`'s range.
    pub fn checked_add(self, other: Money) -> Result<Money, MoneyError> {
        let currency = self.same_currency(&other)?;
        let sum = self
            .amount
            .checked_add(other.amount)
            .ok_or(MoneyError::Overflow)?;
        // Both operands have at most the minor unit's decimals, so the sum has too.
        Money::new(sum, currency)
    }

    /// `self - other`.
    ///
    /// # Errors
    /// As [`Money::checked_add`].
    pub fn checked_sub(self, other: Money) -> Result<Money, MoneyError> {
        let currency = self.same_currency(&other)?;
        let difference = self
            .amount
            .checked_sub(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Money::new(difference, currency)
    }

    /// The smaller of two amounts in the same currency.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] across currencies.
    pub fn min(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        Ok(if other.amount < self.amount {
            other
        } else {
            self
        })
    }

    /// The larger of two amounts in the same currency.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] across currencies.
    pub fn max(self, other: Money) -> Result<Money, MoneyError> {
        self.same_currency(&other)?;
        Ok(if other.amount > self.amount {
            other
        } else {
            self
        })
    }

    /// Compares two amounts in the same currency.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] across currencies.
    pub fn checked_cmp(&self, other: &Money) -> Result<Ordering, MoneyError> {
        self.same_currency(other)?;
        Ok(self.amount.cmp(&other.amount))
    }

    /// The amount with its sign flipped (a payment booked against a claim).
    #[must_use]
    pub fn negated(self) -> Money {
        Money {
            amount: (-self.amount).normalize(),
            currency: self.currency,
        }
    }

    /// The amount without its sign.
    #[must_use]
    pub fn abs(self) -> Money {
        Money {
            amount: self.amount.abs(),
            currency: self.currency,
        }
    }

    /// `self × factor`, rounded with the one money rounding rule. Use it for a rate or a
    /// percentage applied to an amount (commission, VAT, interest for a period).
    ///
    /// # Errors
    /// [`MoneyError::Overflow`] past `Decimal`'s range.
    pub fn checked_mul_rounded(self, factor: Decimal) -> Result<Money, MoneyError> {
        let product = self
            .amount
            .checked_mul(factor)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::rounded(product, self.currency))
    }

    /// The sum of `amounts`, all in `currency`; zero for none.
    ///
    /// # Errors
    /// [`MoneyError::CurrencyMismatch`] if any amount is in another currency,
    /// [`MoneyError::Overflow`] past `Decimal`'s range.
    pub fn checked_sum<I>(amounts: I, currency: Currency) -> Result<Money, MoneyError>
    where
        I: IntoIterator<Item = Money>,
    {
        amounts
            .into_iter()
            .try_fold(Money::zero(currency), Money::checked_add)
    }
}
