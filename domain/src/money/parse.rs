//! Reading amounts from decimal strings, strictly: the wire never rounds for the caller.

use super::{Currency, Money, MoneyError};
use rust_decimal::Decimal;

/// At most this many characters are looked at; longer text cannot be a sane amount and is refused
/// before any work is done on it.
const MAX_AMOUNT_LEN: usize = 40;

impl Money {
    /// Parses a plain decimal string such as `"1234.56"` or `"-0.50"` in `currency`.
    ///
    /// The grammar is `-?[0-9]+(\.[0-9]+)?`: no `+`, no exponent (`1e3`), no grouping (`1,000`),
    /// no `NaN`, no whitespace, no bare `.5` or `5.`. The number of decimals *written* counts, so
    /// `"12.340"` is refused for EUR even though it equals 12.34: a third decimal on the wire
    /// means the sender's figures are not in cents, and the API answers 422 rather than guess.
    ///
    /// # Errors
    /// [`MoneyError::NotADecimal`] for text outside the grammar, [`MoneyError::TooManyDecimals`]
    /// for more decimals than the currency has, [`MoneyError::Overflow`] for too many digits.
    pub fn parse(amount: &str, currency: Currency) -> Result<Money, MoneyError> {
        let not_a_decimal =
            || MoneyError::NotADecimal(amount.chars().take(MAX_AMOUNT_LEN).collect());
        if amount.len() > MAX_AMOUNT_LEN {
            return Err(MoneyError::Overflow);
        }
        let unsigned = amount.strip_prefix('-').unwrap_or(amount);
        let (whole, fraction) = match unsigned.split_once('.') {
            Some((whole, fraction)) => (whole, Some(fraction)),
            None => (unsigned, None),
        };
        let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        if !all_digits(whole) || fraction.is_some_and(|f| !all_digits(f)) {
            return Err(not_a_decimal());
        }
        let decimals = fraction.map_or(0, str::len);
        let max = currency.minor_units();
        if decimals > max as usize {
            let found = u32::try_from(decimals).unwrap_or(u32::MAX);
            return Err(MoneyError::TooManyDecimals {
                currency,
                max,
                found,
            });
        }
        // The grammar is checked, so the only failure left is a number too large for Decimal.
        let value = Decimal::from_str_exact(amount).map_err(|_| MoneyError::Overflow)?;
        Money::new(value, currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn plain_decimal_strings_parse() {
        assert_eq!(
            Money::parse("12.34", Currency::EUR).unwrap().amount(),
            dec!(12.34)
        );
        assert_eq!(
            Money::parse("-0.5", Currency::EUR).unwrap().amount(),
            dec!(-0.5)
        );
        assert_eq!(Money::parse("7", Currency::JPY).unwrap().amount(), dec!(7));
        assert_eq!(
            Money::parse("1.250", Currency::KWD)
                .unwrap()
                .amount_string(),
            "1.250"
        );
    }

    #[test]
    fn more_decimals_than_the_currency_has_are_refused() {
        let err = Money::parse("12.345", Currency::EUR).unwrap_err();
        assert_eq!(
            err,
            MoneyError::TooManyDecimals {
                currency: Currency::EUR,
                max: 2,
                found: 3
            }
        );
        assert!(Money::parse("12.340", Currency::EUR).is_err());
        assert!(Money::parse("5.0", Currency::JPY).is_err());
        assert!(Money::parse("1.2345", Currency::KWD).is_err());
    }

    #[test]
    fn anything_but_a_plain_decimal_is_refused() {
        for text in [
            "", " 1", "1 ", "+1", "1e3", "1E3", "1.5e2", ".5", "5.", "1,000", "1,5", "NaN", "inf",
            "--1", "-", "0x10", "1.2.3", "１", "12.3a",
        ] {
            assert!(
                matches!(
                    Money::parse(text, Currency::EUR),
                    Err(MoneyError::NotADecimal(_))
                ),
                "{text:?} should be refused"
            );
        }
    }

    #[test]
    fn absurdly_long_numbers_overflow() {
        assert_eq!(
            Money::parse(&"9".repeat(35), Currency::EUR),
            Err(MoneyError::Overflow)
        );
        assert_eq!(
            Money::parse(&"9".repeat(60), Currency::EUR),
            Err(MoneyError::Overflow)
        );
    }
}
