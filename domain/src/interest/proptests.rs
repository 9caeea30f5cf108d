//! Properties of every interest computation: the lines add up, no time gives nothing, and more
//! time or more principal never gives less.

#![allow(clippy::unwrap_used, clippy::expect_used)]

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
