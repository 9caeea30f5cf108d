//! Properties of allocation: nothing is created or lost, and nothing is negative.

use super::*;
use crate::money::{Currency, Money};
use chrono::{Days, NaiveDate};
use proptest::prelude::*;

fn any_item(index: usize) -> impl Strategy<Value = OpenItem<usize>> {
    (0u64..1000, 0i64..10_000, 0i64..50_000, 0i64..1_000_000).prop_map(
        move |(due, costs, interest, principal)| OpenItem {
            invoice: index,
            due_date: NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + Days::new(due),
            costs: Money::from_minor(costs, Currency::EUR),
            interest: Money::from_minor(interest, Currency::EUR),
            principal: Money::from_minor(principal, Currency::EUR),
        },
    )
}

fn any_items() -> impl Strategy<Value = Vec<OpenItem<usize>>> {
    (0usize..6).prop_flat_map(|n| (0..n).map(any_item).collect::<Vec<_>>())
}

fn any_order() -> impl Strategy<Value = AllocationOrder> {
    prop_oneof![
        Just(AllocationOrder::COSTS_INTEREST_PRINCIPAL),
        Just(
            AllocationOrder::strict(Component::Interest, Component::Costs, Component::Principal)
                .unwrap()
        ),
        Just(
            AllocationOrder::strict(Component::Principal, Component::Interest, Component::Costs)
                .unwrap()
        ),
    ]
}

fn any_invoice_order() -> impl Strategy<Value = InvoiceOrder> {
    prop_oneof![
        Just(InvoiceOrder::OldestDueFirst),
        Just(InvoiceOrder::OldestDueFirstThenProRata),
        Just(InvoiceOrder::ProRata),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn allocated_plus_unapplied_equals_the_payment_and_nothing_is_negative(
        items in any_items(),
        payment_cents in 0i64..3_000_000,
        designate in proptest::option::of(0usize..6),
        order in any_order(),
        invoices in any_invoice_order(),
    ) {
        let payment = Money::from_minor(payment_cents, Currency::EUR);
        let designated = designate.filter(|i| *i < items.len());

        let outcome = allocate(payment, &items, designated.as_ref(), &order, invoices).unwrap();

        let allocated = Money::checked_sum(outcome.allocations.iter().map(|a| a.amount), Currency::EUR).unwrap();
        prop_assert_eq!(allocated.checked_add(outcome.unapplied).unwrap(), payment);
        prop_assert!(!outcome.unapplied.is_negative());
        for allocation in &outcome.allocations {
            prop_assert!(allocation.amount.is_positive());
            let open = &items[allocation.invoice];
            let owed = match allocation.component {
                Component::Costs => open.costs,
                Component::Interest => open.interest,
                Component::Principal => open.principal,
            };
            prop_assert!(allocation.amount.amount() <= owed.amount());
        }
    }

    #[test]
    fn something_is_left_unapplied_only_when_everything_is_paid(
        items in any_items(),
        payment_cents in 0i64..3_000_000,
        invoices in any_invoice_order(),
    ) {
        let payment = Money::from_minor(payment_cents, Currency::EUR);

        let outcome = allocate(payment, &items, None, &AllocationOrder::COSTS_INTEREST_PRINCIPAL, invoices).unwrap();

        let owed = Money::checked_sum(
            items.iter().flat_map(|i| [i.costs, i.interest, i.principal]),
            Currency::EUR,
        ).unwrap();
        if outcome.unapplied.is_positive() {
            prop_assert_eq!(payment.checked_sub(outcome.unapplied).unwrap(), owed);
        }
    }
}
