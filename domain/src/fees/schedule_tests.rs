//! Tests for contingent fees and schedule validation.

use super::*;
use crate::money::{Currency, Money};

fn eur(text: &str) -> Money {
    Money::parse(text, Currency::EUR).unwrap()
}

#[test]
fn the_withdrawal_fee_is_a_rate_on_the_outstanding_principal_with_a_minimum() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    assert_eq!(
        withdrawal_fee(&schedule, eur("10000.00")).unwrap().amount,
        eur("500.00")
    );
    let small = withdrawal_fee(&schedule, eur("100.00")).unwrap();
    assert_eq!(small.amount, eur("50.00"));
    assert!(small.explanation.starts_with("minimum withdrawal fee"));
}

#[test]
fn legal_costs_are_passed_through_at_cost_without_vat_or_borne_by_the_agency() {
    let mut schedule = FeeSchedule::default_for(Currency::EUR);
    let passed = legal_costs(&schedule, eur("312.50")).unwrap();
    assert_eq!(
        (passed.amount, passed.vat_applicable),
        (eur("312.50"), false)
    );
    schedule.legal_costs_passed_through = false;
    assert_eq!(
        legal_costs(&schedule, eur("312.50")).unwrap().amount,
        eur("0.00")
    );
}

#[test]
fn invalid_schedules_are_refused_before_any_calculation() {
    let base = FeeSchedule::default_for(Currency::EUR);
    let mut unsorted = base.clone();
    unsorted.commission_tiers.swap(0, 1);
    let mut open_middle = base.clone();
    open_middle.commission_tiers[1].up_to = None;
    let mut greedy = base.clone();
    greedy.commission_tiers[0].international_rate_bp = 9_800;
    let mut foreign = base.clone();
    foreign.introduction_fee = Money::from_minor(100, Currency::USD);
    let mut empty = base;
    empty.commission_tiers.clear();
    for schedule in [unsorted, open_middle, greedy, foreign, empty] {
        assert!(
            matches!(schedule.validate(), Err(FeeError::InvalidSchedule(_))),
            "{schedule:?}"
        );
    }
}
