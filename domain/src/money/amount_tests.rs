//! Tests for constructing, converting and displaying `Money`.

use super::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

#[test]
fn display_always_shows_the_currency_scale() {
    assert_eq!(
        Money::new(dec!(12.3), Currency::EUR)
            .unwrap()
            .amount_string(),
        "12.30"
    );
    assert_eq!(
        Money::new(dec!(5), Currency::JPY).unwrap().amount_string(),
        "5"
    );
    assert_eq!(
        Money::new(dec!(1.25), Currency::KWD)
            .unwrap()
            .amount_string(),
        "1.250"
    );
    assert_eq!(Money::zero(Currency::EUR).to_string(), "0.00 EUR");
}

#[test]
fn new_refuses_amounts_finer_than_the_minor_unit() {
    let err = Money::new(dec!(1.001), Currency::EUR).unwrap_err();
    assert_eq!(
        err,
        MoneyError::TooManyDecimals {
            currency: Currency::EUR,
            max: 2,
            found: 3
        }
    );
    assert!(Money::new(dec!(1.5), Currency::JPY).is_err());
    assert!(Money::new(dec!(1.300), Currency::EUR).is_ok());
}

#[test]
fn minor_units_convert_both_ways() {
    let m = Money::from_minor(1234, Currency::EUR);
    assert_eq!(m.amount(), dec!(12.34));
    assert_eq!(m.to_minor(), Ok(1234));
    assert_eq!(
        Money::from_minor(1250, Currency::KWD).amount_string(),
        "1.250"
    );
    assert_eq!(Money::from_minor(-7, Currency::JPY).to_minor(), Ok(-7));
}

#[test]
fn an_amount_beyond_bigint_minor_units_overflows() {
    let huge = Money::new(Decimal::MAX, Currency::EUR).unwrap();
    assert_eq!(huge.to_minor(), Err(MoneyError::Overflow));
}

#[test]
fn equal_amounts_with_different_trailing_zeros_are_equal() {
    let a = Money::new(dec!(1.10), Currency::EUR).unwrap();
    let b = Money::new(dec!(1.1), Currency::EUR).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, Money::new(dec!(1.1), Currency::USD).unwrap());
}

#[test]
fn signs_are_reported_and_zero_is_neither() {
    assert!(Money::from_minor(-1, Currency::EUR).is_negative());
    assert!(Money::from_minor(1, Currency::EUR).is_positive());
    let zero = Money::rounded(dec!(-0.001), Currency::EUR);
    assert!(zero.is_zero() && !zero.is_negative() && !zero.is_positive());
    assert_eq!(zero.amount_string(), "0.00");
}
