//! Properties of every interest computation: the lines add up, no time gives nothing, and more
//! time or more principal never gives less, also across the end of the embedded rate tables.

use super::examples::{day, rule};
use super::*;
use crate::money::Currency;
use crate::money::Money;
use crate::rates::RateTables;
use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::sync::LazyLock;

static TABLES: LazyLock<RateTables> = LazyLock::new(|| RateTables::embedded().unwrap());

/// Jurisdictions with computable rules over 2014-2026: half-yearly (DE, FR, ES), fixed at start
/// (GB), compounding (NL).
fn any_rule() -> impl Strategy<Value = (&'static InterestRule, Currency)> {
    prop_oneof![
        Just((rule("DE", day(2020, 1, 1)), Currency::EUR)),
        Just((rule("FR", day(2020, 1, 1)), Currency::EUR)),
        Just((rule("ES", day(2020, 1, 1)), Currency::EUR)),
        Just((rule("GB-ENG", day(2020, 1, 1)), Currency::GBP)),
        Just((rule("NL", day(2020, 1, 1)), Currency::EUR)),
    ]
}

/// A start day between 2014-01-01 and 2022-03, so that every period below (at most 1,500 days)
/// ends before the embedded data's horizon at the end of 2026.
fn any_start() -> impl Strategy<Value = NaiveDate> {
    (0u64..3000).prop_map(|offset| day(2014, 1, 1) + Days::new(offset))
}

/// A start day between 2023-01-01 and 2027-07-25, so that periods start before, near and after
/// the embedded tables' horizon (2026-12-31).
fn any_start_around_the_horizon() -> impl Strategy<Value = NaiveDate> {
    (0u64..1666).prop_map(|offset| day(2023, 1, 1) + Days::new(offset))
}

/// Jurisdictions of the monotonicity property across the horizon: half-yearly on the
/// Basiszinssatz (DE) and on the ECB rate (FR), fixed at start on Bank Rate (GB-ENG), and compounded
/// yearly on the handelsrente (NL).
fn rule_across_the_horizon() -> impl Strategy<Value = (&'static InterestRule, Currency)> {
    prop_oneof![
        Just((rule("DE", day(2020, 1, 1)), Currency::EUR)),
        Just((rule("NL", day(2020, 1, 1)), Currency::EUR)),
        Just((rule("FR", day(2020, 1, 1)), Currency::EUR)),
        Just((rule("GB-ENG", day(2020, 1, 1)), Currency::GBP)),
    ]
}

fn any_principal_cents() -> impl Strategy<Value = i64> {
    1i64..100_000_000
}

fn schedule(
    currency: Currency,
    opening_cents: i64,
    payments: &[(u64, i64)],
    from: NaiveDate,
) -> BalanceSchedule {
    let opening = Money::from_minor(opening_cents, currency);
    let mut left = opening_cents;
    let changes = payments
        .iter()
        .map(|(offset, cents)| {
            let paid = (*cents).min(left);
            left -= paid;
            BalanceChange {
                on: from + Days::new(*offset),
                delta: Money::from_minor(-paid, currency),
            }
        })
        .collect();
    BalanceSchedule::new(opening, changes).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_lines_add_up_to_the_total(
        (rule, currency) in any_rule(),
        from in any_start(),
        days in 0u64..600,
        opening in any_principal_cents(),
        payments in prop::collection::vec((0u64..600, 0i64..50_000_000), 0..4),
    ) {
        let balance = schedule(currency, opening, &payments, from);
        let result = statutory_interest(rule, &TABLES, &balance, from, from + Days::new(days), None).unwrap();

        let sum = Money::checked_sum(result.lines.iter().map(|l| l.amount), currency).unwrap();
        prop_assert_eq!(sum, result.total);
        prop_assert_eq!(&result.gap, &None, "no gap before the data horizon");
        for pair in result.lines.windows(2) {
            prop_assert!(pair[0].to <= pair[1].from);
        }
        for line in &result.lines {
            prop_assert_eq!(line.days, (line.to - line.from).num_days());
            prop_assert!(!line.amount.is_negative());
        }
    }

    #[test]
    fn zero_days_give_zero_interest(
        (rule, currency) in any_rule(),
        from in any_start(),
        opening in any_principal_cents(),
    ) {
        let balance = BalanceSchedule::constant(Money::from_minor(opening, currency));

        let result = statutory_interest(rule, &TABLES, &balance, from, from, None).unwrap();

        prop_assert!(result.lines.is_empty());
        prop_assert_eq!(result.total, Money::zero(currency));
    }

    #[test]
    fn more_time_never_gives_less_interest(
        (rule, currency) in any_rule(),
        from in any_start(),
        days in 0u64..500,
        extra in 0u64..300,
        opening in any_principal_cents(),
    ) {
        let balance = BalanceSchedule::constant(Money::from_minor(opening, currency));

        let shorter = statutory_interest(rule, &TABLES, &balance, from, from + Days::new(days), None).unwrap();
        let longer = statutory_interest(rule, &TABLES, &balance, from, from + Days::new(days + extra), None).unwrap();

        prop_assert!(longer.total.amount() >= shorter.total.amount());
    }

    #[test]
    fn more_principal_never_gives_less_interest(
        (rule, currency) in any_rule(),
        from in any_start(),
        days in 0u64..800,
        opening in any_principal_cents(),
        more in 0i64..100_000_000,
    ) {
        let to = from + Days::new(days);
        let smaller = BalanceSchedule::constant(Money::from_minor(opening, currency));
        let larger = BalanceSchedule::constant(Money::from_minor(opening + more, currency));

        let small = statutory_interest(rule, &TABLES, &smaller, from, to, None).unwrap();
        let large = statutory_interest(rule, &TABLES, &larger, from, to, None).unwrap();

        prop_assert!(large.total.amount() >= small.total.amount());
    }

    #[test]
    fn each_line_is_base_times_rate_times_days_rounded_once(
        from in any_start(),
        days in 1u64..800,
        opening in any_principal_cents(),
    ) {
        let rule = rule("FR", day(2020, 1, 1));
        let balance = BalanceSchedule::constant(Money::from_minor(opening, Currency::EUR));

        let result = statutory_interest(rule, &TABLES, &balance, from, from + Days::new(days), None).unwrap();

        for line in &result.lines {
            let exact = line.base.amount() * line.rate_percent * Decimal::from(line.days) / Decimal::from(36_500);
            prop_assert_eq!(line.amount, Money::rounded(exact, Currency::EUR));
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Interest to a later day is never less than to an earlier one without a payment between,
    /// wherever the rate tables end: the shorter period's lines are the longer one's (the last may
    /// be shorter), and a gap in the shorter period is the start of the same gap in the longer one.
    #[test]
    fn a_later_day_never_gives_less_interest_across_the_end_of_the_rate_tables(
        (rule, currency) in rule_across_the_horizon(),
        from in any_start_around_the_horizon(),
        days in 0u64..900,
        extra in 0u64..700,
        opening in any_principal_cents(),
    ) {
        let balance = BalanceSchedule::constant(Money::from_minor(opening, currency));
        let to1 = from + Days::new(days);
        let to2 = to1 + Days::new(extra);

        let shorter = statutory_interest(rule, &TABLES, &balance, from, to1, None).unwrap();
        let longer = statutory_interest(rule, &TABLES, &balance, from, to2, None).unwrap();

        prop_assert!(longer.total.amount() >= shorter.total.amount());
        prop_assert!(shorter.lines.len() <= longer.lines.len());
        if let Some((last, before)) = shorter.lines.split_last() {
            prop_assert_eq!(before, &longer.lines[..before.len()]);
            let same = &longer.lines[before.len()];
            prop_assert_eq!(
                (last.from, last.base, last.rate_percent, last.provisional),
                (same.from, same.base, same.rate_percent, same.provisional)
            );
            prop_assert!(last.to <= same.to);
            prop_assert!(last.amount.amount() <= same.amount.amount());
        }
        match (&shorter.gap, &longer.gap) {
            (None, _) => {}
            (Some(short_gap), Some(long_gap)) => {
                prop_assert_eq!(short_gap.from, long_gap.from);
                prop_assert_eq!(short_gap.reason, long_gap.reason);
                prop_assert_eq!(short_gap.to, to1);
                prop_assert_eq!(long_gap.to, to2);
                prop_assert_eq!(shorter.lines.len(), longer.lines.len());
            }
            (Some(_), None) => prop_assert!(false, "a gap cannot close with more days"),
        }
        // A gap starts where the lines stop, so no day is both priced and unknown or neither.
        if let Some(gap) = &longer.gap {
            prop_assert!(gap.from >= from);
            prop_assert_eq!(longer.lines.last().map_or(from, |l| l.to), gap.from);
        }
    }
}
