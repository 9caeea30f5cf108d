//! What the interest computation refuses or leaves out: days whose rate it does not have (a gap),
//! periods it cannot compute (an error), days that owe nothing (no line).

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
fn days_after_the_data_horizon_are_a_gap_and_the_days_before_are_still_priced() {
    let result = statutory_interest(
        rule("DE", day(2023, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(100))),
        day(2026, 12, 1),
        day(2027, 2, 1),
        None,
    )
    .unwrap();

    // December 2026 at the carried-forward 1.27 + 9 = 10.27 %: 100 x 10.27 x 31 / 36 500 = 0.872.
    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.lines[0].to, day(2027, 1, 1));
    assert_eq!(result.total, eur(dec!(0.87)));
    assert_eq!(
        result.gap,
        Some(InterestGap {
            from: day(2027, 1, 1),
            to: day(2027, 2, 1),
            days: 31,
            reason: MissingRate::Reference {
                series: RateSeries::DeBasiszinssatz,
                observed_on: day(2027, 1, 1)
            }
        })
    );
    assert!(!result.is_complete());
}

#[test]
fn a_gap_converts_to_the_error_callers_already_explain() {
    let reason = MissingRate::Reference {
        series: RateSeries::DeBasiszinssatz,
        observed_on: day(2027, 1, 1),
    };

    assert_eq!(
        InterestError::from(reason),
        InterestError::RateUnavailable {
            series: RateSeries::DeBasiszinssatz,
            observed_on: day(2027, 1, 1)
        }
    );
}

#[test]
fn a_series_without_embedded_history_is_a_gap_over_the_whole_period() {
    let result = statutory_interest(
        rule("AT", day(2024, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(100))),
        day(2024, 1, 1),
        day(2024, 2, 1),
        None,
    )
    .unwrap();

    assert!(result.lines.is_empty());
    assert_eq!(result.total, eur(dec!(0)));
    let gap = result.gap.unwrap();
    assert_eq!(
        (gap.from, gap.to, gap.days),
        (day(2024, 1, 1), day(2024, 2, 1), 31)
    );
    assert!(matches!(
        gap.reason,
        MissingRate::Reference {
            series: RateSeries::AtBasiszinssatz,
            ..
        }
    ));
}

#[test]
fn a_fixed_rate_is_priced_up_to_the_end_of_its_known_period() {
    // Japan: 3 % known to 2026-03-31 (Civil Code art. 404, reviewed every three years).
    let result = statutory_interest(
        rule("JP", day(2024, 1, 1)),
        &RateTables::empty(),
        &BalanceSchedule::constant(money(dec!(100000), Currency::JPY)),
        day(2026, 1, 1),
        day(2026, 5, 1),
        None,
    )
    .unwrap();

    // 100 000 x 3 x 90 / 36 500 = 739.73, rounded to the yen.
    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.lines[0].to, day(2026, 4, 1));
    assert_eq!(result.total, money(dec!(740), Currency::JPY));
    assert_eq!(
        result.gap,
        Some(InterestGap {
            from: day(2026, 4, 1),
            to: day(2026, 5, 1),
            days: 30,
            reason: MissingRate::Fixed {
                day: day(2026, 4, 1)
            }
        })
    );
}

#[test]
fn under_simple_interest_the_gap_ends_with_the_last_day_that_has_principal() {
    // Paid in full on 2027-02-01: January 2027 lacks its Basiszinssatz, the days after owe nothing.
    let balance = BalanceSchedule::new(
        eur(dec!(1000)),
        vec![BalanceChange {
            on: day(2027, 2, 1),
            delta: eur(dec!(-1000)),
        }],
    )
    .unwrap();

    let result = statutory_interest(
        rule("DE", day(2023, 1, 1)),
        &tables(),
        &balance,
        day(2026, 12, 1),
        day(2027, 4, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.lines.len(), 1);
    let gap = result.gap.unwrap();
    assert_eq!((gap.from, gap.to), (day(2027, 1, 1), day(2027, 2, 1)));
}

#[test]
fn under_compounding_the_gap_runs_to_the_end_of_the_period() {
    // NL: the handelsrente for 2027-H1 is unknown, so the base after the anniversary on
    // 2027-07-01 is unknown too, and the rest of the period cannot be priced.
    let result = statutory_interest(
        rule("NL", day(2026, 7, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(1000))),
        day(2026, 7, 1),
        day(2027, 9, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.lines[0].to, day(2027, 1, 1));
    let gap = result.gap.unwrap();
    assert_eq!((gap.from, gap.to), (day(2027, 1, 1), day(2027, 9, 1)));
    assert_eq!(
        gap.reason,
        MissingRate::Reference {
            series: RateSeries::NlWettelijkeHandelsrente,
            observed_on: day(2027, 1, 1)
        }
    );
}

#[test]
fn a_complete_period_has_no_gap() {
    let result = statutory_interest(
        rule("DE", day(2023, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(100))),
        day(2024, 1, 1),
        day(2025, 1, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.gap, None);
    assert!(result.is_complete());
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
    // Fully paid on 2026-12-01: the days after the data horizon owe nothing and open no gap.
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
    assert_eq!(result.gap, None);
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

#[test]
fn entering_the_next_basiszinssatz_closes_the_gap() {
    // An administrator enters the 2026-H2 value and a made-up 2027-H1 value of 1.02 %.
    let entry = |y, m, rate| crate::rates::RateEntry {
        effective_from: day(y, m, 1),
        rate_percent: rate,
        source: "entered by an agency administrator".to_owned(),
    };
    let tables = tables()
        .with_entries(
            RateSeries::DeBasiszinssatz,
            vec![entry(2026, 7, dec!(1.27)), entry(2027, 1, dec!(1.02))],
        )
        .unwrap();

    let result = statutory_interest(
        rule("DE", day(2025, 12, 31)),
        &tables,
        &BalanceSchedule::constant(eur(dec!(10000))),
        day(2026, 1, 1),
        day(2027, 4, 1),
        None,
    )
    .unwrap();

    // 2027-01-01..2027-04-01 at 1.02 + 9 = 10.02 %: 10,000 x 10.02 x 90 / 36,500 = 247.07.
    assert_eq!(result.gap, None);
    assert!(!result.is_provisional());
    let last = result.lines.last().unwrap();
    assert_eq!(
        (last.from, last.rate_percent),
        (day(2027, 1, 1), dec!(10.02))
    );
    assert_eq!(last.amount, eur(dec!(247.07)));
    assert_eq!(result.total, eur(dec!(1274.07)));
}
