//! Ireland, S.I. No. 580/2012: the ECB main refinancing rate in force on 1 January / 1 July + 8 pp.
//! The Department's guidance reads as one rate for the debt ("the rate in force on the payment
//! date") or as a new rate each half-year; the text defining the reference rate was not read.
//! Both readings give the same rate for the days in the half-year of the due date, so only those
//! are computed. Figures by hand: base x rate x days / 36 500, rounded to the cent.

use super::examples::{day, money, rule};
use super::*;
use crate::money::{Currency, Money};
use crate::rates::RateTables;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn eur(amount: Decimal) -> Money {
    money(amount, Currency::EUR)
}

fn irish_interest(due: NaiveDate, to: NaiveDate) -> InterestBreakdown {
    statutory_interest(
        rule("IE", due),
        &RateTables::embedded().unwrap(),
        &BalanceSchedule::constant(eur(dec!(10000))),
        due.succ_opt().unwrap(),
        to,
        None,
    )
    .unwrap()
}

#[test]
fn irish_interest_runs_to_the_end_of_the_due_dates_half_year_and_later_days_are_a_gap() {
    // Due 2024-03-15: interest from 2024-03-16. ECB MRO in force on 1 January 2024: 4.50 % (from
    // 2023-09-20), + 8 = 12.50 %. 2024-03-16 ..= 2024-06-30 is 16 + 30 + 31 + 30 = 107 days:
    // 10,000 x 12.50 x 107 / 36 500 = 366.438 -> 366.44. From 2024-07-01 the readings differ
    // (12.50 % fixed, or 4.25 + 8 = 12.25 % from 1 July), so those days are a gap.
    let result = irish_interest(day(2024, 3, 15), day(2025, 1, 1));

    assert_eq!(result.lines.len(), 1);
    let line = &result.lines[0];
    assert_eq!(
        (line.from, line.to, line.days),
        (day(2024, 3, 16), day(2024, 7, 1), 107)
    );
    assert_eq!(line.rate_percent, dec!(12.50));
    assert_eq!(line.amount, eur(dec!(366.44)));
    assert_eq!(result.total, eur(dec!(366.44)));
    let gap = result.gap.unwrap();
    assert_eq!((gap.from, gap.to), (day(2024, 7, 1), day(2025, 1, 1)));
    assert_eq!(
        gap.reason,
        MissingRate::NotEstablished {
            day: day(2024, 7, 1)
        }
    );
}

#[test]
fn an_irish_debt_due_on_30_june_has_no_established_rate_at_all() {
    // Due 2024-06-30, interest from 2024-07-01: the payment date is in 2024-H1 (12.50 %), the
    // first interest day in 2024-H2 (12.25 %). Which one applies is the open point: no line.
    let result = irish_interest(day(2024, 6, 30), day(2024, 10, 1));

    assert!(result.lines.is_empty());
    assert_eq!(result.total, eur(dec!(0)));
    let gap = result.gap.unwrap();
    assert_eq!((gap.from, gap.to), (day(2024, 7, 1), day(2024, 10, 1)));
}

#[test]
fn an_irish_debt_due_on_1_july_reads_the_rate_in_force_that_day() {
    // Due 2024-07-01: ECB MRO in force on 1 July 2024: 4.25 % (from 2024-06-12), + 8 = 12.25 %.
    // 2024-07-02 ..= 2024-09-30 is 30 + 31 + 30 = 91 days: 10,000 x 12.25 x 91 / 36 500 =
    // 305.410 -> 305.41, all inside the due date's half-year.
    let result = irish_interest(day(2024, 7, 1), day(2024, 10, 1));

    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.lines[0].rate_percent, dec!(12.25));
    assert_eq!(result.lines[0].days, 91);
    assert_eq!(result.total, eur(dec!(305.41)));
    assert!(result.is_complete());
}
