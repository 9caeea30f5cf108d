//! Allocation examples per jurisdiction order.

use super::*;
use crate::jurisdiction::{self, JurisdictionCode};
use crate::money::{Currency, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn eur(amount: Decimal) -> Money {
    Money::new(amount, Currency::EUR).unwrap()
}

fn item(
    invoice: &'static str,
    due: NaiveDate,
    costs: Decimal,
    interest: Decimal,
    principal: Decimal,
) -> OpenItem<&'static str> {
    OpenItem {
        invoice,
        due_date: due,
        costs: eur(costs),
        interest: eur(interest),
        principal: eur(principal),
    }
}

fn order_of(code: &'static str) -> AllocationOrder {
    jurisdiction::find(JurisdictionCode::from_static(code))
        .and_then(|j| j.allocation)
        .expect("allocation rule")
        .order
}

fn lines(outcome: &AllocationOutcome<&'static str>) -> Vec<(&'static str, Component, Decimal)> {
    outcome
        .allocations
        .iter()
        .map(|a| (a.invoice, a.component, a.amount.amount()))
        .collect()
}

#[test]
fn a_german_part_payment_goes_to_costs_then_interest_then_principal() {
    // Arrange: one invoice owing EUR 40 costs, 120 interest and 1,000 principal.
    let items = [item(
        "INV-1",
        day(2024, 1, 31),
        dec!(40),
        dec!(120),
        dec!(1000),
    )];

    // Act: EUR 500 arrives.
    let outcome = allocate(eur(dec!(500)), &items, None, &order_of("DE")).unwrap();

    // Assert
    assert_eq!(
        lines(&outcome),
        vec![
            ("INV-1", Component::Costs, dec!(40)),
            ("INV-1", Component::Interest, dec!(120)),
            ("INV-1", Component::Principal, dec!(340)),
        ]
    );
    assert_eq!(outcome.unapplied, eur(dec!(0)));
}

#[test]
fn without_a_designation_the_oldest_invoice_is_paid_first() {
    let items = [
        item("NEW", day(2024, 6, 30), dec!(0), dec!(0), dec!(300)),
        item("OLD", day(2024, 1, 31), dec!(40), dec!(10), dec!(200)),
    ];

    let outcome = allocate(eur(dec!(300)), &items, None, &order_of("NL")).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("OLD", Component::Costs, dec!(40)),
            ("OLD", Component::Interest, dec!(10)),
            ("OLD", Component::Principal, dec!(200)),
            ("NEW", Component::Principal, dec!(50)),
        ]
    );
}

#[test]
fn a_designated_invoice_is_paid_before_older_ones() {
    let items = [
        item("OLD", day(2024, 1, 31), dec!(0), dec!(0), dec!(200)),
        item("NEW", day(2024, 6, 30), dec!(0), dec!(0), dec!(300)),
    ];

    let outcome = allocate(eur(dec!(350)), &items, Some(&"NEW"), &order_of("DE")).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("NEW", Component::Principal, dec!(300)),
            ("OLD", Component::Principal, dec!(50))
        ]
    );
}

#[test]
fn an_overpayment_is_left_unapplied() {
    let items = [item(
        "INV-1",
        day(2024, 1, 31),
        dec!(40),
        dec!(0),
        dec!(100),
    )];

    let outcome = allocate(eur(dec!(200)), &items, None, &order_of("DE")).unwrap();

    assert_eq!(outcome.unapplied, eur(dec!(60)));
}

#[test]
fn in_france_interest_is_paid_before_recovery_costs() {
    let items = [item(
        "F-1",
        day(2024, 1, 31),
        dec!(40),
        dec!(30),
        dec!(1000),
    )];

    let outcome = allocate(eur(dec!(50)), &items, None, &order_of("FR")).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("F-1", Component::Interest, dec!(30)),
            ("F-1", Component::Costs, dec!(20))
        ]
    );
}

#[test]
fn in_italy_a_payment_that_cannot_cover_both_interest_and_costs_is_refused() {
    // c.c. 1194 puts interest and costs before capital without ranking them against each other.
    let items = [item(
        "I-1",
        day(2024, 1, 31),
        dec!(40),
        dec!(30),
        dec!(1000),
    )];

    let short = allocate(eur(dec!(50)), &items, None, &order_of("IT"));
    let enough = allocate(eur(dec!(100)), &items, None, &order_of("IT")).unwrap();

    assert_eq!(
        short,
        Err(AllocationError::OrderNotEstablished(
            Component::Costs,
            Component::Interest
        ))
    );
    assert_eq!(
        enough.allocations.last().map(|a| (a.component, a.amount)),
        Some((Component::Principal, eur(dec!(30))))
    );
}

#[test]
fn where_the_order_is_unknown_only_a_single_open_component_can_be_paid() {
    // England: no rule for interest against principal within one debt.
    let principal_only = [item("E-1", day(2024, 1, 31), dec!(0), dec!(0), dec!(500))];
    let mixed = [item("E-2", day(2024, 1, 31), dec!(0), dec!(25), dec!(500))];

    let paid = allocate(eur(dec!(100)), &principal_only, None, &order_of("GB-ENG")).unwrap();
    let refused = allocate(eur(dec!(100)), &mixed, None, &order_of("GB-ENG"));

    assert_eq!(lines(&paid), vec![("E-1", Component::Principal, dec!(100))]);
    assert!(matches!(
        refused,
        Err(AllocationError::OrderNotEstablished(..))
    ));
}

#[test]
fn a_creditor_may_pass_its_own_order_where_the_law_leaves_it_open() {
    let mixed = [item("E-2", day(2024, 1, 31), dec!(0), dec!(25), dec!(500))];
    let creditor_order =
        AllocationOrder::strict(Component::Interest, Component::Principal, Component::Costs)
            .unwrap();

    let outcome = allocate(eur(dec!(100)), &mixed, None, &creditor_order).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("E-2", Component::Interest, dec!(25)),
            ("E-2", Component::Principal, dec!(75))
        ]
    );
}

#[test]
fn an_unknown_designated_invoice_is_refused() {
    let items = [item("A", day(2024, 1, 31), dec!(0), dec!(0), dec!(10))];

    let result = allocate(eur(dec!(5)), &items, Some(&"B"), &order_of("DE"));

    assert_eq!(result, Err(AllocationError::UnknownDesignatedInvoice));
}

#[test]
fn a_payment_in_another_currency_is_refused() {
    let items = [item("A", day(2024, 1, 31), dec!(0), dec!(0), dec!(10))];
    let pounds = Money::new(dec!(5), Currency::GBP).unwrap();

    let result = allocate(pounds, &items, None, &order_of("DE"));

    assert!(matches!(result, Err(AllocationError::Money(_))));
}
