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
fn days_after_a_series_stops_are_a_gap_over_the_whole_period() {
    // The Danish fixings stop with 2023-H2, so all of January 2024 is a gap.
    let result = statutory_interest(
        rule("DK", day(2024, 1, 1)),
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
            series: RateSeries::DkNationalbankLendingRate,
            ..
        }
    ));
}

fn yen(amount: Decimal) -> Money {
    money(amount, Currency::JPY)
}

#[test]
fn a_japanese_default_keeps_the_rate_of_the_day_it_began_after_a_revision_date() {
    // A default from 2024-01-01 bears the 3 % then in force for its whole life (Civil Code art.
    // 419(1)), across the 1 April 2026 revision date, in one line. To 2026-05-01 that is 851 days
    // (366 in 2024, 365 in 2025, 31 + 28 + 31 + 30 in 2026): 100 000 x 3 x 851 / 36 500 = 6 994.52,
    // rounded to 6 995 yen.
    let result = statutory_interest(
        rule("JP", day(2023, 12, 31)),
        &RateTables::empty(),
        &BalanceSchedule::constant(yen(dec!(100000))),
        day(2024, 1, 1),
        day(2026, 5, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.gap, None);
    assert_eq!(result.lines.len(), 1);
    assert_eq!(
        (result.lines[0].days, result.lines[0].rate_percent),
        (851, dec!(3))
    );
    assert_eq!(result.total, yen(dec!(6995)));
}

#[test]
fn a_japanese_default_beginning_on_the_last_day_of_the_notified_period_is_priced_after_it() {
    // Default from 2029-03-31, the last day of the period notified at 3 %: the 31 days to
    // 2029-05-01 all bear 3 %: 100 000 x 3 x 31 / 36 500 = 254.79, rounded to 255.
    let result = statutory_interest(
        rule("JP", day(2029, 3, 30)),
        &RateTables::empty(),
        &BalanceSchedule::constant(yen(dec!(100000))),
        day(2029, 3, 31),
        day(2029, 5, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.gap, None);
    assert_eq!(result.total, yen(dec!(255)));
}

#[test]
fn a_japanese_default_beginning_outside_the_notified_periods_is_a_gap_throughout() {
    // From 2029-04-01 the rate is not yet notified; before 2020-04-01 the former 5 % / 6 % governed
    // (not encoded). Neither default borrows 3 % for any of its days.
    for (begins, to, days) in [
        (day(2029, 4, 1), day(2029, 5, 1), 30),
        (day(2020, 3, 1), day(2020, 5, 1), 61),
    ] {
        let result = statutory_interest(
            rule("JP", begins),
            &RateTables::empty(),
            &BalanceSchedule::constant(yen(dec!(100000))),
            begins,
            to,
            None,
        )
        .unwrap();

        assert!(result.lines.is_empty());
        assert_eq!(result.total, yen(dec!(0)));
        assert_eq!(
            result.gap,
            Some(InterestGap {
                from: begins,
                to,
                days,
                reason: MissingRate::Fixed { day: begins }
            })
        );
    }
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
