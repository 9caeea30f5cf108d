//! Yearly compounding (NL) with interest paid: BW 6:119(2) adds to the base "de over dat jaar
//! verschuldigde rente", the interest of the year still owed, so interest already paid is not
//! capitalised. Figures by hand: base x rate x days / 36 500, rounded to the cent.

use super::examples::{day, money, rule};
use super::*;
use crate::money::{Currency, Money};
use crate::rates::RateTables;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn eur(amount: Decimal) -> Money {
    money(amount, Currency::EUR)
}

fn paid(on: chrono::NaiveDate, amount: Decimal) -> BalanceChange {
    BalanceChange {
        on,
        delta: eur(amount),
    }
}

fn bases_rates_amounts(result: &InterestBreakdown) -> Vec<(Decimal, Decimal, Decimal)> {
    result
        .lines
        .iter()
        .map(|l| (l.base.amount(), l.rate_percent, l.amount.amount()))
        .collect()
}

#[test]
fn dutch_interest_paid_during_a_year_is_not_added_to_the_base() {
    // Arrange: EUR 10,000 from 2023-07-01 for two years (the example without payments totals
    // 2,542.43), with EUR 600 paid towards interest on 2024-01-01 and EUR 900 on 2024-10-01.
    let balance = BalanceSchedule::constant(eur(dec!(10000)))
        .with_interest_paid(vec![
            paid(day(2024, 10, 1), dec!(900)),
            paid(day(2024, 1, 1), dec!(600)),
        ])
        .unwrap();

    // Act
    let result = statutory_interest(
        rule("NL", day(2023, 7, 1)),
        &RateTables::embedded().unwrap(),
        &balance,
        day(2023, 7, 1),
        day(2025, 7, 1),
        None,
    )
    .unwrap();

    // Assert, by hand:
    // - year one: 10,000 x 12.00 x 184 / 36 500 = 604.93 (2023-H2); 600 of it is paid on
    //   2024-01-01, leaving 4.93; 10,000 x 12.50 x 182 / 36 500 = 623.29 (2024-H1). Owed for the
    //   year on 2024-07-01: 4.93 + 623.29 = 628.22, so the base becomes 10,628.22 (not 11,228.22);
    // - year two: 10,628.22 x 12.25 x 92 / 36 500 = 328.164 -> 328.16 to 2024-10-01; the 900 paid
    //   then takes the 628.22 out of the base first (the older interest) and 271.78 off the 328.16,
    //   so the base is 10,000 again: 10,000 x 12.25 x 92 / 36 500 = 308.767 -> 308.77 to
    //   2025-01-01, and 10,000 x 11.15 x 181 / 36 500 = 552.918 -> 552.92 to 2025-07-01.
    // Accrued: 604.93 + 623.29 + 328.16 + 308.77 + 552.92 = 2,418.07.
    assert_eq!(
        bases_rates_amounts(&result),
        vec![
            (dec!(10000), dec!(12.00), dec!(604.93)),
            (dec!(10000), dec!(12.50), dec!(623.29)),
            (dec!(10628.22), dec!(12.25), dec!(328.16)),
            (dec!(10000), dec!(12.25), dec!(308.77)),
            (dec!(10000), dec!(11.15), dec!(552.92)),
        ]
    );
    assert_eq!(result.lines[3].from, day(2024, 10, 1));
    assert_eq!(result.total, eur(dec!(2418.07)));
    assert!(result.is_complete());
}

#[test]
fn interest_paid_changes_nothing_under_simple_interest() {
    // Arrange: the German example of 2024 (182 days at 12.62 %, 184 days at 12.37 %), once
    // without and once with EUR 500 paid towards interest on 2024-03-01.
    let constant = BalanceSchedule::constant(eur(dec!(10000)));
    let with_payment = constant
        .clone()
        .with_interest_paid(vec![paid(day(2024, 3, 1), dec!(500))])
        .unwrap();
    let compute = |balance: &BalanceSchedule| {
        statutory_interest(
            rule("DE", day(2023, 6, 1)),
            &RateTables::embedded().unwrap(),
            balance,
            day(2024, 1, 1),
            day(2025, 1, 1),
            None,
        )
        .unwrap()
    };

    // Act / Assert: the same two lines, no cut on 2024-03-01.
    assert_eq!(compute(&with_payment), compute(&constant));
    assert_eq!(compute(&with_payment).lines.len(), 2);
}

#[test]
fn a_negative_interest_payment_is_refused() {
    let refused = BalanceSchedule::constant(eur(dec!(100)))
        .with_interest_paid(vec![paid(day(2024, 3, 1), dec!(-1))]);
    assert_eq!(
        refused,
        Err(ScheduleError::NegativeInterestPayment(day(2024, 3, 1)))
    );
}
