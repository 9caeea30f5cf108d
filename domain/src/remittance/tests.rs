//! Figures worked by hand under the house default schedule in EUR, domestic: 15 % up to
//! 5,000.00, 10 % up to 25,000.00, minimum 50.00; invoices 67 days overdue at placement, so no
//! age surcharge.

use chrono::NaiveDate;

use super::*;
use crate::fees::{FeeSchedule, RecoveredAmount, Scope};
use crate::money::{Currency, Money};

fn eur(text: &str) -> Money {
    Money::parse(text, Currency::EUR).unwrap()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn recovered(amount: &str) -> RecoveredAmount {
    RecoveredAmount {
        amount: eur(amount),
        due_date: day("2029-11-01"),
    }
}

fn parts(
    amount: &str,
    principal: &str,
    interest: &str,
    costs: &str,
    unapplied: &str,
) -> PaymentParts {
    PaymentParts {
        amount: eur(amount),
        principal: eur(principal),
        interest: eur(interest),
        costs: eur(costs),
        unapplied: eur(unapplied),
    }
}

#[test]
fn each_recovery_pays_the_commission_it_adds_to_the_case() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    let case = CaseCommission {
        schedule: &schedule,
        scope: Scope::Domestic,
        placed_on: day("2030-01-07"),
    };
    // 15 % of 200.00 is 30.00, below the minimum: 50.00.
    assert_eq!(
        case.increment(&[], &[recovered("200.00")]).unwrap(),
        eur("50.00")
    );
    // 15 % of 600.00 is 90.00; 50.00 was charged: 40.00 more.
    assert_eq!(
        case.increment(&[recovered("200.00")], &[recovered("400.00")])
            .unwrap(),
        eur("40.00")
    );
    // 5,200.00: 750.00 on the first 5,000.00 and 10 % of 200.00 = 20.00, so 770.00; 90.00
    // was charged: 680.00 more.
    assert_eq!(
        case.increment(
            &[recovered("200.00"), recovered("400.00")],
            &[recovered("4600.00")]
        )
        .unwrap(),
        eur("680.00")
    );
}

#[test]
fn a_statement_adds_up_to_the_cent_and_a_reversal_negates_its_line() {
    // 100.00 received: 40.00 compensation (the agency's), 12.34 interest and 47.66 principal;
    // 300.00 received on a balance of 250.00: 250.00 principal, 50.00 held.
    let first = RemittanceLine::payment(
        parts("100.00", "47.66", "12.34", "40.00", "0.00"),
        eur("50.00"),
    );
    let second = RemittanceLine::payment(
        parts("300.00", "250.00", "0.00", "0.00", "50.00"),
        eur("37.50"),
    );
    assert!(first.parts.add_up() && second.parts.add_up());
    assert_eq!(first.net().unwrap(), eur("10.00"), "47.66 + 12.34 - 50.00");
    let statement = totals(&[first, second], Currency::EUR).unwrap();
    assert_eq!(statement.collected, eur("400.00"));
    assert_eq!(statement.costs, eur("40.00"));
    assert_eq!(statement.unapplied, eur("50.00"));
    assert_eq!(statement.commission, eur("87.50"));
    assert_eq!(statement.net, eur("222.50"), "60.00 + 250.00 - 87.50");
    let back = RemittanceLine::reversal_of(&first);
    assert_eq!(back.kind, LineKind::Reversal);
    let undone = totals(&[first, back], Currency::EUR).unwrap();
    for figure in [
        undone.collected,
        undone.costs,
        undone.unapplied,
        undone.commission,
        undone.net,
    ] {
        assert!(figure.is_zero());
    }
}
