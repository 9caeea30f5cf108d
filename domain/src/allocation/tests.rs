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

fn rule_of(code: &'static str) -> AllocationRule {
    jurisdiction::find(JurisdictionCode::from_static(code))
        .and_then(|j| j.allocation)
        .expect("allocation rule")
}

/// Allocates under the jurisdiction's component and invoice orders.
fn allocate_in(
    code: &'static str,
    payment: Money,
    items: &[OpenItem<&'static str>],
    designated: Option<&&'static str>,
) -> Result<AllocationOutcome<&'static str>, AllocationError> {
    let rule = rule_of(code);
    allocate(payment, items, designated, &rule.order, rule.invoice_order)
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
    let outcome = allocate_in("DE", eur(dec!(500)), &items, None).unwrap();

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

    let outcome = allocate_in("NL", eur(dec!(300)), &items, None).unwrap();

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

    let outcome = allocate_in("DE", eur(dec!(350)), &items, Some(&"NEW")).unwrap();

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

    let outcome = allocate_in("DE", eur(dec!(200)), &items, None).unwrap();

    assert_eq!(outcome.unapplied, eur(dec!(60)));
}

#[test]
fn in_france_interest_and_recovery_costs_share_one_rank_before_capital() {
    // Code civil 1343-1 puts interest before capital and Cass. 1re civ. 7 February 1995 costs
    // before capital; neither ranks interest against costs. EUR 50 cannot cover both the EUR 40
    // and the 30 of interest, so the law does not say which goes first; EUR 100 covers both (70)
    // and leaves 30 for capital.
    let items = [item(
        "F-1",
        day(2024, 1, 31),
        dec!(40),
        dec!(30),
        dec!(1000),
    )];

    let short = allocate_in("FR", eur(dec!(50)), &items, None);
    let enough = allocate_in("FR", eur(dec!(100)), &items, None).unwrap();

    assert!(matches!(
        short,
        Err(AllocationError::OrderNotEstablished(_, _))
    ));
    assert_eq!(
        lines(&enough),
        vec![
            ("F-1", Component::Costs, dec!(40)),
            ("F-1", Component::Interest, dec!(30)),
            ("F-1", Component::Principal, dec!(30))
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

    let short = allocate_in("IT", eur(dec!(50)), &items, None);
    let enough = allocate_in("IT", eur(dec!(100)), &items, None).unwrap();

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

    let paid = allocate_in("GB-ENG", eur(dec!(100)), &principal_only, None).unwrap();
    let refused = allocate_in("GB-ENG", eur(dec!(100)), &mixed, None);

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

    let outcome = allocate(
        eur(dec!(100)),
        &mixed,
        None,
        &creditor_order,
        InvoiceOrder::OldestDueFirst,
    )
    .unwrap();

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

    let result = allocate_in("DE", eur(dec!(5)), &items, Some(&"B"));

    assert_eq!(result, Err(AllocationError::UnknownDesignatedInvoice));
}

#[test]
fn a_payment_in_another_currency_is_refused() {
    let items = [item("A", day(2024, 1, 31), dec!(0), dec!(0), dec!(10))];
    let pounds = Money::new(dec!(5), Currency::GBP).unwrap();

    let result = allocate_in("DE", pounds, &items, None);

    assert!(matches!(result, Err(AllocationError::Money(_))));
}

#[test]
fn in_germany_invoices_due_on_one_day_share_a_payment_pro_rata() {
    // BGB s.366(2): of equally old debts, each is paid proportionately; s.367(1) within each.
    // A owes 1,000 (40 costs, 10 interest, 950 principal), B owes 500 (40 costs, 460 principal):
    // EUR 300 splits 300 x 1000/1500 = 200 to A and 300 x 500/1500 = 100 to B.
    let items = [
        item("A", day(2024, 3, 31), dec!(40), dec!(10), dec!(950)),
        item("B", day(2024, 3, 31), dec!(40), dec!(0), dec!(460)),
    ];

    let outcome = allocate_in("DE", eur(dec!(300)), &items, None).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("A", Component::Costs, dec!(40)),
            ("A", Component::Interest, dec!(10)),
            ("A", Component::Principal, dec!(150)),
            ("B", Component::Costs, dec!(40)),
            ("B", Component::Principal, dec!(60)),
        ]
    );
}

#[test]
fn an_older_invoice_is_paid_before_those_due_together_later() {
    let items = [
        item("LATE-1", day(2024, 6, 30), dec!(0), dec!(0), dec!(100)),
        item("EARLY", day(2024, 1, 31), dec!(0), dec!(0), dec!(100)),
        item("LATE-2", day(2024, 6, 30), dec!(0), dec!(0), dec!(300)),
    ];

    // EUR 180: 100 to the older invoice, the 80 left split 1:3 between the two due in June.
    let outcome = allocate_in("NL", eur(dec!(180)), &items, None).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("EARLY", Component::Principal, dec!(100)),
            ("LATE-1", Component::Principal, dec!(20)),
            ("LATE-2", Component::Principal, dec!(60)),
        ]
    );
}

#[test]
fn pro_rata_shares_add_up_to_the_cent_with_the_odd_cent_to_the_first_invoice() {
    // EUR 100 over three equal invoices: 33.333... each; 33.33 three times leaves one cent, which
    // goes to the first of the tied remainders.
    let items = [
        item("A", day(2024, 3, 31), dec!(0), dec!(0), dec!(100)),
        item("B", day(2024, 3, 31), dec!(0), dec!(0), dec!(100)),
        item("C", day(2024, 3, 31), dec!(0), dec!(0), dec!(100)),
    ];

    let outcome = allocate_in("FR", eur(dec!(100)), &items, None).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("A", Component::Principal, dec!(33.34)),
            ("B", Component::Principal, dec!(33.33)),
            ("C", Component::Principal, dec!(33.33)),
        ]
    );
}

#[test]
fn in_spain_every_invoice_shares_pro_rata_whatever_its_due_date() {
    // CC 1174: equally onerous debts are paid pro rata; 1173: interest before capital.
    // A owes 600 (100 interest, 500 principal), B owes 400 (all principal): EUR 500 goes
    // 500 x 600/1000 = 300 to A (100 interest, 200 principal) and 200 to B.
    let items = [
        item("A", day(2024, 1, 31), dec!(0), dec!(100), dec!(500)),
        item("B", day(2024, 9, 30), dec!(0), dec!(0), dec!(400)),
    ];

    let outcome = allocate_in("ES", eur(dec!(500)), &items, None).unwrap();

    assert_eq!(
        lines(&outcome),
        vec![
            ("A", Component::Interest, dec!(100)),
            ("A", Component::Principal, dec!(200)),
            ("B", Component::Principal, dec!(200)),
        ]
    );
}

#[test]
fn in_austria_a_debtors_designation_counts_only_with_the_creditors_consent() {
    // ABGB s.1415: the debtor's designation needs the creditor's consent.
    let items = [
        item("OLD", day(2024, 1, 31), dec!(0), dec!(0), dec!(100)),
        item("NEW", day(2024, 5, 31), dec!(0), dec!(0), dec!(100)),
    ];
    let rule = rule_of("AT");
    let designation = |creditor_consents| Designation {
        invoice: &"NEW",
        creditor_consents,
    };

    let ignored = allocate_under(&rule, eur(dec!(50)), &items, Some(designation(false))).unwrap();
    let agreed = allocate_under(&rule, eur(dec!(50)), &items, Some(designation(true))).unwrap();

    assert!(!ignored.designation_honoured);
    assert_eq!(
        lines(&ignored.outcome),
        vec![("OLD", Component::Principal, dec!(50))]
    );
    assert!(agreed.designation_honoured);
    assert_eq!(
        lines(&agreed.outcome),
        vec![("NEW", Component::Principal, dec!(50))]
    );
}

#[test]
fn in_germany_the_debtors_designation_binds() {
    let items = [
        item("OLD", day(2024, 1, 31), dec!(0), dec!(0), dec!(100)),
        item("NEW", day(2024, 5, 31), dec!(0), dec!(0), dec!(100)),
    ];
    let designation = Designation {
        invoice: &"NEW",
        creditor_consents: false,
    };

    let outcome = allocate_under(&rule_of("DE"), eur(dec!(50)), &items, Some(designation)).unwrap();

    assert!(outcome.designation_honoured);
    assert_eq!(
        lines(&outcome.outcome),
        vec![("NEW", Component::Principal, dec!(50))]
    );
}
