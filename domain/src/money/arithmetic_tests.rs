//! Tests for checked arithmetic on `Money`.

use super::*;
use rust_decimal::Decimal;
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
