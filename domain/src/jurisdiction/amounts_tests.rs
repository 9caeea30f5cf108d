//! The statutory amounts at their band edges, and the Dutch collection-cost scale.

use super::*;
use crate::money::{Currency, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn get(code: &'static str) -> &'static Jurisdiction {
    find(JurisdictionCode::from_static(code)).expect("jurisdiction present")
}

fn money(amount: Decimal, currency: Currency) -> Money {
    Money::new(amount, currency).unwrap()
}

#[test]
fn the_uk_fixed_sum_follows_the_size_of_the_debt() {
    let rule = get("GB-ENG").compensation_for(day(2024, 1, 1)).unwrap();
    let gbp = |amount| money(amount, Currency::GBP);

    assert_eq!(rule.amount_for(gbp(dec!(999.99))).unwrap(), gbp(dec!(40)));
    assert_eq!(rule.amount_for(gbp(dec!(1000))).unwrap(), gbp(dec!(70)));
    assert_eq!(rule.amount_for(gbp(dec!(9999.99))).unwrap(), gbp(dec!(70)));
    assert_eq!(rule.amount_for(gbp(dec!(10000))).unwrap(), gbp(dec!(100)));
}

#[test]
fn the_irish_bands_include_their_upper_limit() {
    let rule = get("IE").compensation_for(day(2024, 1, 1)).unwrap();
    let eur = |amount| money(amount, Currency::EUR);

    assert_eq!(rule.amount_for(eur(dec!(1000))).unwrap(), eur(dec!(40)));
    assert_eq!(rule.amount_for(eur(dec!(1000.01))).unwrap(), eur(dec!(70)));
    assert_eq!(rule.amount_for(eur(dec!(10000))).unwrap(), eur(dec!(70)));
    assert_eq!(
        rule.amount_for(eur(dec!(10000.01))).unwrap(),
        eur(dec!(100))
    );
}

#[test]
fn the_polish_bands_are_measured_in_zloty_and_paid_in_euro() {
    let rule = get("PL").compensation_for(day(2024, 1, 1)).unwrap();
    let pln = |amount| money(amount, Currency::PLN);
    let eur = |amount| money(amount, Currency::EUR);

    assert_eq!(rule.amount_for(pln(dec!(5000))).unwrap(), eur(dec!(40)));
    assert_eq!(rule.amount_for(pln(dec!(5000.01))).unwrap(), eur(dec!(70)));
    assert_eq!(rule.amount_for(pln(dec!(50000))).unwrap(), eur(dec!(100)));
    assert_eq!(
        get("PL")
            .compensation_for(day(2019, 6, 1))
            .unwrap()
            .amount_for(pln(dec!(60000)))
            .unwrap(),
        eur(dec!(40))
    );
}

#[test]
fn a_banded_sum_for_a_debt_in_another_currency_is_refused() {
    let rule = get("GB-ENG").compensation_for(day(2024, 1, 1)).unwrap();

    let result = rule.amount_for(money(dec!(500), Currency::EUR));

    assert!(matches!(
        result,
        Err(CompensationError::ThresholdCurrency { .. })
    ));
}

#[test]
fn the_dutch_bik_scale_is_applied_tier_by_tier_within_its_limits() {
    let Some(CollectionCostRule {
        basis: CollectionCostBasis::Scale { scale, .. },
        ..
    }) = get("NL").collection_costs
    else {
        panic!("NL has a scale");
    };
    let eur = |amount| money(amount, Currency::EUR);

    assert_eq!(scale.amount_for(eur(dec!(200))).unwrap(), eur(dec!(40)));
    assert_eq!(scale.amount_for(eur(dec!(2500))).unwrap(), eur(dec!(375)));
    assert_eq!(scale.amount_for(eur(dec!(3000))).unwrap(), eur(dec!(425)));
    assert_eq!(scale.amount_for(eur(dec!(10000))).unwrap(), eur(dec!(875)));
    assert_eq!(
        scale.amount_for(eur(dec!(1000000))).unwrap(),
        eur(dec!(6775))
    );
    assert_eq!(
        scale.amount_for(eur(dec!(5000000))).unwrap(),
        eur(dec!(6775))
    );
}

#[test]
fn the_dutch_forty_euros_are_part_of_the_bik_amount_not_added_to_it() {
    // BW 6:96(4): between businesses the compensation for extrajudicial collection costs is *at
    // least* EUR 40; the Besluit's scale (art. 2) measures that same compensation. So the scale
    // adds only what it gives above the EUR 40 already due:
    // - EUR 2,500: 15 % x 2,500 = 375.00, less the 40 = 335.00 on top (375.00 in all);
    // - EUR 200: 15 % x 200 = 30, raised to the minimum 40, less the 40 = 0 (40 in all);
    // - three late invoices of EUR 100 (3 x 40 = 120 due) on EUR 300: 15 % x 300 = 45 < 120, so 0.
    let costs = get("NL").collection_costs.unwrap();
    let eur = |amount| money(amount, Currency::EUR);
    let beyond = |principal, due| {
        costs
            .basis
            .scale_beyond_compensation(eur(principal), eur(due))
            .unwrap()
    };

    assert_eq!(beyond(dec!(2500), dec!(40)), Some(eur(dec!(335))));
    assert_eq!(beyond(dec!(200), dec!(40)), Some(eur(dec!(0))));
    assert_eq!(beyond(dec!(300), dec!(120)), Some(eur(dec!(0))));
    assert!(matches!(
        costs
            .basis
            .scale_beyond_compensation(eur(dec!(2500)), money(dec!(40), Currency::PLN)),
        Err(CompensationError::ThresholdCurrency { .. })
    ));
}

#[test]
fn proven_costs_have_no_scale_figure() {
    let costs = get("DE").collection_costs.unwrap();
    let eur = |amount| money(amount, Currency::EUR);

    assert_eq!(
        costs
            .basis
            .scale_beyond_compensation(eur(dec!(2500)), eur(dec!(40)))
            .unwrap(),
        None
    );
}
