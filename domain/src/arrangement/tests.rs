//! Figures worked by hand: splits in minor units, calendar months, a promise's window and a
//! plan's grace period.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};

use super::*;
use crate::money::{Currency, Money};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn eur(text: &str) -> Money {
    Money::parse(text, Currency::parse("EUR").unwrap()).unwrap()
}

fn at(text: &str, hour: u32) -> NaiveDateTime {
    day(text).and_time(NaiveTime::from_hms_opt(hour, 0, 0).unwrap())
}

/// A payment value-dated `value_date` and recorded at noon that day.
fn paid(value_date: &str, amount: &str) -> Received {
    recorded(value_date, value_date, amount)
}

/// A payment value-dated `value_date` and recorded at noon on `recorded_on`.
fn recorded(value_date: &str, recorded_on: &str, amount: &str) -> Received {
    Received {
        recorded_at: at(recorded_on, 12),
        value_date: day(value_date),
        amount: eur(amount),
    }
}

fn dates_and_amounts(plan: &[Instalment]) -> Vec<(String, String)> {
    plan.iter()
        .map(|i| (i.due_date.to_string(), i.amount.amount_string()))
        .collect()
}

#[test]
fn a_monthly_split_puts_the_odd_cent_on_the_last_and_keeps_the_day_of_month() {
    // 1000.00 / 3 = 333.33 twice, and 1000.00 - 666.66 = 333.34; 31 January + 1 month is the
    // last day of February, + 2 months is 31 March again.
    let plan = schedule(eur("1000.00"), 3, day("2027-01-31"), Frequency::Monthly).unwrap();
    assert_eq!(
        dates_and_amounts(&plan),
        [
            ("2027-01-31".into(), "333.33".into()),
            ("2027-02-28".into(), "333.33".into()),
            ("2027-03-31".into(), "333.34".into()),
        ]
    );
    assert_eq!(plan.iter().map(|i| i.number).collect::<Vec<_>>(), [1, 2, 3]);
}

#[test]
fn weekly_and_quarterly_dates() {
    let weekly = schedule(eur("100.00"), 4, day("2027-01-01"), Frequency::Weekly).unwrap();
    assert_eq!(
        dates_and_amounts(&weekly),
        [
            ("2027-01-01".into(), "25.00".into()),
            ("2027-01-08".into(), "25.00".into()),
            ("2027-01-15".into(), "25.00".into()),
            ("2027-01-22".into(), "25.00".into()),
        ]
    );
    let quarterly = schedule(eur("10.00"), 3, day("2026-11-30"), Frequency::Quarterly).unwrap();
    assert_eq!(
        dates_and_amounts(&quarterly),
        [
            ("2026-11-30".into(), "3.33".into()),
            ("2027-02-28".into(), "3.33".into()),
            ("2027-05-30".into(), "3.34".into()),
        ]
    );
}

#[test]
fn a_currency_without_decimals_splits_in_whole_units() {
    let yen = Currency::parse("JPY").unwrap();
    let plan = schedule(
        Money::parse("1000", yen).unwrap(),
        3,
        day("2027-01-01"),
        Frequency::Monthly,
    )
    .unwrap();
    let amounts: Vec<String> = plan.iter().map(|i| i.amount.amount_string()).collect();
    assert_eq!(amounts, ["333", "333", "334"]);
}

#[test]
fn impossible_splits_are_refused() {
    let first = day("2027-01-01");
    assert!(matches!(
        schedule(eur("0.02"), 3, first, Frequency::Monthly),
        Err(ScheduleError::TooSmall { count: 3, .. })
    ));
    assert_eq!(
        schedule(eur("10.00"), 0, first, Frequency::Monthly),
        Err(ScheduleError::Count(0))
    );
    assert_eq!(
        schedule(eur("10.00"), 121, first, Frequency::Monthly),
        Err(ScheduleError::Count(121))
    );
    assert_eq!(
        schedule(eur("0.00"), 1, first, Frequency::Monthly),
        Err(ScheduleError::NotPositive)
    );
}

#[test]
fn explicit_instalments_must_add_up_and_run_forward() {
    let total = eur("300.00");
    let plan = explicit_schedule(
        total,
        &[
            (day("2027-01-10"), eur("50.00")),
            (day("2027-03-01"), eur("250.00")),
        ],
    )
    .unwrap();
    assert_eq!(
        dates_and_amounts(&plan),
        [
            ("2027-01-10".into(), "50.00".into()),
            ("2027-03-01".into(), "250.00".into()),
        ]
    );
    assert_eq!(
        explicit_schedule(total, &[(day("2027-01-10"), eur("299.99"))]),
        Err(ScheduleError::SumDiffers {
            sum: eur("299.99"),
            total
        })
    );
    assert_eq!(
        explicit_schedule(
            total,
            &[
                (day("2027-01-10"), eur("150.00")),
                (day("2027-01-10"), eur("150.00"))
            ]
        ),
        Err(ScheduleError::DatesOutOfOrder(2))
    );
    assert_eq!(
        explicit_schedule(
            total,
            &[
                (day("2027-01-10"), eur("300.00")),
                (day("2027-02-10"), eur("0.00"))
            ]
        ),
        Err(ScheduleError::InstalmentNotPositive(2))
    );
}

/// A promise made at 9:00 on `made_on`, not yet judged.
fn promised(amount: &str, made_on: &str, due_date: &str) -> PromiseTerms {
    PromiseTerms {
        amount: eur(amount),
        made_at: at(made_on, 9),
        due_date: day(due_date),
        settled: PromiseStatus::Open,
    }
}

#[test]
fn a_promise_is_kept_by_payments_between_its_making_and_its_day() {
    let promise = [promised("200.00", "2027-01-01", "2027-01-15")];
    let on_time = [paid("2027-01-10", "150.00"), paid("2027-01-15", "50.00")];
    assert_eq!(
        promise_statuses(&promise, &on_time, day("2027-01-15")),
        [PromiseStatus::Kept]
    );
    let late = [paid("2027-01-10", "150.00"), paid("2027-01-16", "50.00")];
    assert_eq!(
        promise_statuses(&promise, &late, day("2027-01-15")),
        [PromiseStatus::Open],
        "on its day it is still open"
    );
    assert_eq!(
        promise_statuses(&promise, &late, day("2027-01-16")),
        [PromiseStatus::Broken],
        "a payment after the day does not keep it"
    );
    let before = [paid("2026-12-31", "200.00")];
    assert_eq!(
        promise_statuses(&promise, &before, day("2027-01-20")),
        [PromiseStatus::Broken],
        "money recorded before the promise was made does not count towards it"
    );
    let back_dated = [recorded("2026-12-31", "2027-01-02", "200.00")];
    assert_eq!(
        promise_statuses(&promise, &back_dated, day("2027-01-20")),
        [PromiseStatus::Kept],
        "money recorded after it, value-dated before its day, keeps it"
    );
}

#[test]
fn a_broken_promise_stays_broken_and_takes_no_money_that_arrives_later() {
    // A: 100.00 by the 10th, judged broken on the 11th. On the 12th a payment value-dated the
    // 9th is recorded: A stays broken, and the money keeps B (100.00 by the 20th).
    let mut a = promised("100.00", "2027-01-01", "2027-01-10");
    a.settled = PromiseStatus::Broken;
    let b = promised("100.00", "2027-01-01", "2027-01-20");
    let late = [recorded("2027-01-09", "2027-01-12", "100.00")];
    assert_eq!(
        promise_statuses(&[a, b], &late, day("2027-01-12")),
        [PromiseStatus::Broken, PromiseStatus::Kept]
    );
}

#[test]
fn one_payment_keeps_one_promise_and_a_broken_promise_gives_its_money_to_the_next() {
    // 300.00 by the 15th and 200.00 by the 20th: 300.00 on the 14th keeps the first only.
    let two = [
        promised("200.00", "2027-01-01", "2027-01-20"),
        promised("300.00", "2027-01-01", "2027-01-15"),
    ];
    let once = [paid("2027-01-14", "300.00")];
    assert_eq!(
        promise_statuses(&two, &once, day("2027-01-16")),
        [PromiseStatus::Open, PromiseStatus::Kept]
    );
    assert_eq!(
        promise_statuses(&two, &once, day("2027-01-21")),
        [PromiseStatus::Broken, PromiseStatus::Kept]
    );
    // 250.00 on the 14th does not keep the first (300.00), which breaks on the 16th and
    // gives the 250.00 back: it keeps the second (200.00).
    let short = [paid("2027-01-14", "250.00")];
    assert_eq!(
        promise_statuses(&two, &short, day("2027-01-16")),
        [PromiseStatus::Kept, PromiseStatus::Broken]
    );
}

#[test]
fn a_plan_defaults_the_day_after_an_instalments_grace_period() {
    // 3 × 100.00 monthly from 10 January, 7 days' grace: the second instalment's grace runs
    // through 17 February.
    let plan = schedule(eur("300.00"), 3, day("2027-01-10"), Frequency::Monthly).unwrap();
    let start = at("2027-01-05", 9);
    let first_only = [paid("2027-01-12", "100.00")];
    let standing =
        |received: &[Received], today: &str| plan_standing(&plan, start, received, 7, day(today));
    assert_eq!(
        standing(&first_only, "2027-01-20"),
        PlanStanding::Active { covered: 1 }
    );
    assert_eq!(
        standing(&first_only, "2027-02-17"),
        PlanStanding::Active { covered: 1 }
    );
    assert_eq!(
        standing(&first_only, "2027-02-18"),
        PlanStanding::Defaulted { instalment: 2 }
    );
    let second_in_grace = [paid("2027-01-12", "100.00"), paid("2027-02-17", "100.00")];
    assert_eq!(
        standing(&second_in_grace, "2027-02-18"),
        PlanStanding::Active { covered: 2 }
    );
    let all = [paid("2027-01-12", "100.00"), paid("2027-02-17", "200.00")];
    assert_eq!(standing(&all, "2027-02-18"), PlanStanding::Completed);
    let early = [paid("2027-01-01", "300.00")];
    assert_eq!(
        standing(&early, "2027-01-20"),
        PlanStanding::Defaulted { instalment: 1 },
        "money recorded before the plan was agreed does not count towards it"
    );
}

#[test]
fn payments_fill_the_instalments_in_turn_and_the_next_review_follows_the_first_uncovered() {
    // 3 × 100.00 monthly from 10 January: 150.00 received covers the first and half the second;
    // the second's grace of 7 days ends on 17 February, so it can default from 18 February.
    let plan = schedule(eur("300.00"), 3, day("2027-01-10"), Frequency::Monthly).unwrap();
    let received = [paid("2027-01-12", "150.00")];
    let cover: Vec<String> =
        instalment_cover(&plan, at("2027-01-05", 9), &received, day("2027-01-20"))
            .iter()
            .map(Money::amount_string)
            .collect();
    assert_eq!(cover, ["100.00", "50.00", "0.00"]);
    assert_eq!(next_review(&plan, 0, 7), Some(day("2027-01-18")));
    assert_eq!(next_review(&plan, 1, 7), Some(day("2027-02-18")));
    assert_eq!(next_review(&plan, 3, 7), None);
}
