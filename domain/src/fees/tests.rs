//! Tests for the fee schedule, commission, contingent fees and quotes.

use super::*;
use crate::money::{Currency, Money, MoneyError};
use chrono::NaiveDate;

fn eur(text: &str) -> Money {
    Money::parse(text, Currency::EUR).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const PLACED: (i32, u32, u32) = (2026, 6, 30);

fn placed() -> NaiveDate {
    day(PLACED.0, PLACED.1, PLACED.2)
}

/// One invoice due `days_overdue` days before placement, fully recovered.
fn recovered(amount: &str, days_overdue: i64) -> RecoveredAmount {
    RecoveredAmount {
        amount: eur(amount),
        due_date: placed() - chrono::Duration::days(days_overdue),
    }
}

fn commission_total(amount: &str, days_overdue: i64, scope: Scope) -> Money {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    commission(
        &schedule,
        &[recovered(amount, days_overdue)],
        placed(),
        scope,
    )
    .unwrap()
    .total
}

#[test]
fn a_recovery_inside_the_first_tier_pays_the_first_rate() {
    assert_eq!(
        commission_total("1000.00", 30, Scope::Domestic),
        eur("150.00")
    );
    assert_eq!(
        commission_total("1000.00", 30, Scope::International),
        eur("200.00")
    );
}

#[test]
fn tiers_are_marginal_so_each_rate_applies_only_to_its_band() {
    // 15 % of the first 5000 plus 10 % of the next 5000.
    assert_eq!(
        commission_total("10000.00", 30, Scope::Domestic),
        eur("1250.00")
    );
    // 20 % of 5000, 15 % of 20000, 10 % of 75000, 7 % of 100000.
    assert_eq!(
        commission_total("200000.00", 30, Scope::International),
        eur("18500.00")
    );
}

#[test]
fn old_invoices_carry_the_surcharge_of_the_highest_step_they_pass() {
    assert_eq!(
        commission_total("1000.00", 180, Scope::Domestic),
        eur("150.00")
    );
    assert_eq!(
        commission_total("1000.00", 181, Scope::Domestic),
        eur("180.00")
    );
    assert_eq!(
        commission_total("1000.00", 400, Scope::Domestic),
        eur("200.00")
    );
}

#[test]
fn the_surcharge_applies_per_invoice_while_tiers_apply_to_the_total() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    let parts = [recovered("4000.00", 10), recovered("2000.00", 200)];
    let result = commission(&schedule, &parts, placed(), Scope::Domestic).unwrap();
    // Tiers on 6000: 750 + 100; surcharge 3 % of 2000 = 60.
    assert_eq!(result.components[0].amount, eur("850.00"));
    assert_eq!(result.components[1].amount, eur("60.00"));
    assert_eq!(result.total, eur("910.00"));
    assert!(
        result.components[1]
            .explanation
            .contains("over 180 days overdue")
    );
}

#[test]
fn a_small_recovery_is_lifted_to_the_minimum_but_never_above_itself() {
    assert_eq!(
        commission_total("100.00", 30, Scope::Domestic),
        eur("50.00")
    );
    assert_eq!(commission_total("20.00", 30, Scope::Domestic), eur("20.00"));
    assert_eq!(commission_total("0.00", 30, Scope::Domestic), eur("0.00"));
}

#[test]
fn commission_lines_sum_to_the_total_and_explain_themselves() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    let result = commission(
        &schedule,
        &[recovered("7000.00", 30)],
        placed(),
        Scope::Domestic,
    );
    let result = result.unwrap();
    let sum = Money::checked_sum(result.components.iter().map(|c| c.amount), Currency::EUR);
    assert_eq!(sum, Ok(result.total));
    assert_eq!(
        result.components[0].explanation,
        "15% of 5000.00 EUR + 10% of 2000.00 EUR (domestic rates, marginal tiers)"
    );
}

#[test]
fn negative_or_foreign_amounts_are_refused() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    let negative = [recovered("-1.00", 0)];
    assert_eq!(
        commission(&schedule, &negative, placed(), Scope::Domestic),
        Err(FeeError::NegativeAmount)
    );
    let usd = [RecoveredAmount {
        amount: Money::from_minor(100, Currency::USD),
        due_date: placed(),
    }];
    assert!(matches!(
        commission(&schedule, &usd, placed(), Scope::Domestic),
        Err(FeeError::Money(MoneyError::CurrencyMismatch { .. }))
    ));
}
