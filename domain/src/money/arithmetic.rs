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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn eur(minor: i64) -> Money {
        Money::from_minor(minor, Currency::EUR)
    }

    #[test]
    fn adding_and_subtracting_in_one_currency_is_exact() {
        assert_eq!(eur(10).checked_add(eur(20)), Ok(eur(30)));
        assert_eq!(eur(10).checked_sub(eur(20)), Ok(eur(-10)));
        assert_eq!(
            Money::checked_sum([eur(1), eur(2), eur(3)], Currency::EUR),
            Ok(eur(6))
        );
    }

    #[test]
    fn arithmetic_across_currencies_is_an_error() {
        let usd = Money::from_minor(10, Currency::USD);
        let mismatch = MoneyError::CurrencyMismatch {
            left: Currency::EUR,
            right: Currency::USD,
        };
        assert_eq!(eur(10).checked_add(usd), Err(mismatch.clone()));
        assert_eq!(eur(10).checked_sub(usd), Err(mismatch.clone()));
        assert_eq!(eur(10).min(usd), Err(mismatch.clone()));
        assert_eq!(eur(10).checked_cmp(&usd), Err(mismatch));
        assert!(Money::checked_sum([eur(1), usd], Currency::EUR).is_err());
    }

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        let max = Money::new(Decimal::MAX, Currency::JPY).unwrap();
        assert_eq!(max.checked_add(max), Err(MoneyError::Overflow));
        assert_eq!(max.checked_mul_rounded(dec!(2)), Err(MoneyError::Overflow));
    }

    #[test]
    fn min_and_max_pick_by_amount() {
        assert_eq!(eur(5).min(eur(3)), Ok(eur(3)));
        assert_eq!(eur(5).max(eur(3)), Ok(eur(5)));
        assert_eq!(eur(-5).abs(), eur(5));
        assert_eq!(eur(5).negated(), eur(-5));
    }

    #[test]
    fn multiplying_by_a_rate_rounds_half_away_from_zero() {
        // 10.05 EUR at 5 % is 0.5025 EUR, which rounds to 0.50; 0.10 at 5 % is 0.005 -> 0.01.
        assert_eq!(eur(1005).checked_mul_rounded(dec!(0.05)), Ok(eur(50)));
        assert_eq!(eur(10).checked_mul_rounded(dec!(0.05)), Ok(eur(1)));
    }
}
