//! What the interest computation refuses or leaves out: rates it does not have, periods it cannot
//! compute, days that owe nothing.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::examples::{day, money, rule};
use super::*;
use crate::money::{Currency, Money};
use crate::rates::{RateSeries, RateTables};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn tables() -> RateTables {
    RateTables::embedded().unwrap()
}

fn eur(amount: Decimal) -> Money {
    money(amount, Currency::EUR)
}

#[test]
fn a_rate_after_the_data_horizon_is_not_available_rather_than_guessed() {
    let result = statutory_interest(
        rule("DE", day(2023, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(100))),
        day(2026, 12, 1),
        day(2027, 2, 1),
        None,
    );

    assert_eq!(
        result,
        Err(InterestError::RateUnavailable {
            series: RateSeries::DeBasiszinssatz,
            observed_on: day(2027, 1, 1)
        })
    );
}

#[test]
fn a_series_without_embedded_history_is_not_available() {
    let result = statutory_interest(
        rule("AT", day(2024, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(100))),
        day(2024, 1, 1),
        day(2024, 2, 1),
        None,
    );

    assert!(matches!(
        result,
        Err(InterestError::RateUnavailable {
            series: RateSeries::AtBasiszinssatz,
            ..
        })
    ));
}

#[test]
fn a_fixed_rate_past_its_known_period_is_not_available() {
    let result = statutory_interest(
        rule("JP", day(2024, 1, 1)),
        &RateTables::empty(),
        &BalanceSchedule::constant(money(dec!(100000), Currency::JPY)),
        day(2026, 1, 1),
        day(2026, 5, 1),
        None,
    );

    assert_eq!(
        result,
        Err(InterestError::FixedRateUnknown {
            day: day(2026, 4, 1)
        })
    );
}

#[test]
fn a_period_that_ends_before_it_starts_is_refused() {
    let result = statutory_interest(
        rule("FR", day(2024, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(100))),
        day(2024, 2, 1),
        day(2024, 1, 1),
        None,
    );

    assert!(matches!(result, Err(InterestError::InvertedPeriod { .. })));
}

#[test]
fn days_without_principal_produce_no_line_and_need_no_rate() {
    // Fully paid on 2026-12-01: the days after the data horizon owe nothing and raise no error.
    let balance = BalanceSchedule::new(
        eur(dec!(1000)),
        vec![BalanceChange {
            on: day(2026, 12, 1),
            delta: eur(dec!(-1000)),
        }],
    )
    .unwrap();

    let result = statutory_interest(
        rule("FR", day(2024, 1, 1)),
        &tables(),
        &balance,
        day(2026, 11, 1),
        day(2027, 3, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.lines[0].to, day(2026, 12, 1));
}

#[test]
fn a_schedule_that_would_go_negative_is_refused() {
    let result = BalanceSchedule::new(
        eur(dec!(100)),
        vec![BalanceChange {
            on: day(2024, 1, 1),
            delta: eur(dec!(-150)),
        }],
    );

    assert_eq!(result, Err(ScheduleError::NegativeBalance(day(2024, 1, 1))));
}
