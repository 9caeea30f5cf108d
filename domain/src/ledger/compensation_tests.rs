//! The compensation rule per jurisdiction whose unit is not per late payment, and the opening
//! postings a placement books from it. Every figure is read off the statute's amount, by hand.

use super::fixtures::{code, day, eur, invoice, money};
use super::{
    Account, CompensationGapReason, CompensationScope, LedgerInvoice, compensation_due,
    opening_postings,
};
use crate::jurisdiction::CompensationUnit;
use crate::money::{Currency, Money};

fn gbp(text: &str) -> Money {
    money(text, Currency::GBP)
}

/// The amounts charged, by invoice position.
fn charged(
    jurisdiction: &str,
    invoices: &[LedgerInvoice],
    scope: CompensationScope,
) -> Vec<(usize, Money)> {
    compensation_due(code(jurisdiction), invoices, scope)
        .charges
        .into_iter()
        .map(|charge| (charge.invoice, charge.amount))
        .collect()
}

/// Three EUR invoices, given out of due-date order: the second is due first.
fn three_eur_invoices() -> Vec<LedgerInvoice> {
    vec![
        invoice(1, day(2026, 2, 10), eur("500.00")),
        invoice(2, day(2026, 1, 10), eur("1200.00")),
        invoice(3, day(2026, 3, 10), eur("80.00")),
    ]
}

const QUOTED_ON: CompensationScope = CompensationScope::OverdueOn(chrono::NaiveDate::MAX);

fn on(y: i32, m: u32, d: u32) -> CompensationScope {
    CompensationScope::OverdueOn(day(y, m, d))
}

#[test]
fn slovakia_gives_forty_euros_once_for_three_late_invoices_on_the_earliest_due() {
    // ObZ s.369c(1), NV 21/2013 s.2: EUR 40 once, whatever the length of the delay.
    let due = compensation_due(code("SK"), &three_eur_invoices(), on(2026, 6, 30));
    assert_eq!(due.charges.len(), 1);
    let charge = &due.charges[0];
    assert_eq!(
        (charge.invoice, charge.invoice_id.as_str(), charge.amount),
        (1, "inv-2", eur("40.00"))
    );
    assert_eq!(charge.unit, CompensationUnit::OncePerDefault);
    assert!(charge.legal_basis.contains("21/2013"));
    assert!(
        due.gaps.is_empty(),
        "invoices covered by the one charge are no gap"
    );
}

#[test]
fn slovakia_quoted_before_the_first_due_date_gives_nothing_and_after_it_gives_forty() {
    assert_eq!(charged("SK", &three_eur_invoices(), on(2026, 1, 10)), []);
    assert_eq!(
        charged("SK", &three_eur_invoices(), on(2026, 1, 11)),
        [(1, eur("40.00"))]
    );
}

#[test]
fn slovakia_is_booked_forty_euros_once_at_placement_the_day_after_the_earliest_due_date() {
    let postings = opening_postings(
        &three_eur_invoices(),
        code("SK"),
        eur("0.00"),
        day(2026, 6, 30),
    )
    .unwrap();
    let compensation: Vec<_> = postings
        .iter()
        .filter(|posting| posting.account == Account::Compensation)
        .map(|posting| {
            (
                posting.invoice.as_deref(),
                posting.amount,
                posting.effective_date,
            )
        })
        .collect();
    assert_eq!(
        compensation,
        [(Some("inv-2"), eur("40.00"), day(2026, 1, 11))]
    );
}

#[test]
fn estonia_gives_forty_euros_per_invoice_as_each_is_its_own_monetary_obligation() {
    // VÕS s.113^1: EUR 40; three invoices, 3 x 40 = 120.
    let due = compensation_due(code("EE"), &three_eur_invoices(), on(2026, 6, 30));
    let amounts: Vec<_> = due.charges.iter().map(|c| (c.invoice, c.amount)).collect();
    assert_eq!(
        amounts,
        [(0, eur("40.00")), (1, eur("40.00")), (2, eur("40.00"))]
    );
    assert!(
        due.charges
            .iter()
            .all(|c| c.unit == CompensationUnit::PerClaim)
    );
    let total = Money::checked_sum(due.charges.iter().map(|c| c.amount), Currency::EUR).unwrap();
    assert_eq!(total, eur("120.00"));
}

#[test]
fn estonia_has_no_rule_for_a_debt_due_before_fifteen_april_2013_and_says_so() {
    let invoices = vec![
        invoice(1, day(2013, 4, 14), eur("100.00")),
        invoice(2, day(2013, 4, 15), eur("100.00")),
    ];
    let due = compensation_due(code("EE"), &invoices, on(2026, 6, 30));
    assert_eq!(
        due.charges
            .iter()
            .map(|c| (c.invoice, c.amount))
            .collect::<Vec<_>>(),
        [(1, eur("40.00"))]
    );
    assert_eq!(due.gaps.len(), 1);
    assert_eq!(due.gaps[0].invoice, 0);
    assert_eq!(
        due.gaps[0].reason.to_string(),
        "No fixed compensation rule of EE is known for a debt due on 2013-04-14."
    );
}

#[test]
fn slovenia_gives_forty_euros_per_claim_in_default_for_each_invoice() {
    // ZPreZP-1 art. 14: EUR 40 per claim in default; three invoices, 120.
    assert_eq!(
        charged("SI", &three_eur_invoices(), on(2026, 6, 30)),
        [(0, eur("40.00")), (1, eur("40.00")), (2, eur("40.00"))]
    );
}

#[test]
fn slovenia_quoted_between_due_dates_counts_only_the_invoices_overdue_then() {
    // On 2026-02-11 invoices due 2026-01-10 and 2026-02-10 are overdue, the one due 2026-03-10
    // is not.
    assert_eq!(
        charged("SI", &three_eur_invoices(), on(2026, 2, 11)),
        [(0, eur("40.00")), (1, eur("40.00"))]
    );
}

#[test]
fn czechia_gives_twelve_hundred_crowns_per_invoice_as_each_is_its_own_claim() {
    // NV 351/2013 Sb.: CZK 1,200 per claim; three invoices, 3,600.
    let invoices = vec![
        invoice(1, day(2026, 1, 31), money("15000.00", Currency::CZK)),
        invoice(2, day(2026, 2, 28), money("800.00", Currency::CZK)),
        invoice(3, day(2026, 3, 31), money("250000.00", Currency::CZK)),
    ];
    let due = compensation_due(code("CZ"), &invoices, on(2026, 6, 30));
    let total = Money::checked_sum(due.charges.iter().map(|c| c.amount), Currency::CZK).unwrap();
    assert_eq!(due.charges.len(), 3);
    assert_eq!(total, money("3600.00", Currency::CZK));
    let postings = opening_postings(
        &invoices,
        code("CZ"),
        money("0.00", Currency::CZK),
        day(2026, 6, 30),
    )
    .unwrap();
    let booked: Vec<_> = postings
        .iter()
        .filter(|p| p.account == Account::Compensation)
        .map(|p| (p.invoice.as_deref(), p.amount, p.effective_date))
        .collect();
    assert_eq!(
        booked,
        [
            (
                Some("inv-1"),
                money("1200.00", Currency::CZK),
                day(2026, 2, 1)
            ),
            (
                Some("inv-2"),
                money("1200.00", Currency::CZK),
                day(2026, 3, 1)
            ),
            (
                Some("inv-3"),
                money("1200.00", Currency::CZK),
                day(2026, 4, 1)
            ),
        ]
    );
}

#[test]
fn czech_crowns_on_a_euro_case_are_quoted_in_crowns_but_never_booked_as_euros() {
    let due = compensation_due(code("CZ"), &three_eur_invoices(), on(2026, 6, 30));
    assert!(
        due.charges
            .iter()
            .all(|c| c.amount == money("1200.00", Currency::CZK))
    );
    let postings = opening_postings(
        &three_eur_invoices(),
        code("CZ"),
        eur("0.00"),
        day(2026, 6, 30),
    )
    .unwrap();
    assert!(postings.iter().all(|p| p.account != Account::Compensation));
}

#[test]
fn england_gives_the_fixed_sum_of_each_invoices_band_per_qualifying_debt() {
    // LPCDIA 1998 s.5A: under 1,000 GBP 40; 1,000 to 9,999.99 GBP 70; 10,000 or more GBP 100.
    let invoices = vec![
        invoice(1, day(2026, 1, 31), gbp("999.99")),
        invoice(2, day(2026, 2, 28), gbp("1000.00")),
        invoice(3, day(2026, 3, 31), gbp("10000.00")),
    ];
    assert_eq!(
        charged("GB-ENG", &invoices, on(2026, 6, 30)),
        [(0, gbp("40.00")), (1, gbp("70.00")), (2, gbp("100.00"))]
    );
    let postings =
        opening_postings(&invoices, code("GB-ENG"), gbp("0.00"), day(2026, 6, 30)).unwrap();
    let booked: Vec<Money> = postings
        .iter()
        .filter(|p| p.account == Account::Compensation)
        .map(|p| p.amount)
        .collect();
    assert_eq!(booked, [gbp("40.00"), gbp("70.00"), gbp("100.00")]);
}

#[test]
fn england_cannot_band_a_euro_debt_and_names_the_threshold_currency() {
    let invoices = vec![
        invoice(1, day(2026, 1, 31), eur("500.00")),
        invoice(2, day(2026, 2, 28), eur("5000.00")),
    ];
    let due = compensation_due(code("GB-ENG"), &invoices, on(2026, 6, 30));
    assert!(due.charges.is_empty());
    assert_eq!(due.gaps.len(), 2);
    assert!(due.gaps.iter().all(|gap| gap.reason
        == CompensationGapReason::ThresholdCurrency {
            expected: Currency::GBP,
            found: Currency::EUR,
        }));
    assert_eq!(
        due.gaps[0].reason.to_string(),
        "The statute's thresholds are in GBP and the invoice is in EUR; the exchange rate the \
         statute names is not data Solvo has."
    );
}

#[test]
fn scotland_gives_the_fixed_sum_of_each_invoices_band_per_qualifying_debt() {
    // LPCDIA 1998 s.5A via SSI 2002 reg. 2: 40 / 70 / 100; 500 -> 40, 9,999.99 -> 70,
    // 25,000 -> 100, together GBP 210.
    let invoices = vec![
        invoice(1, day(2026, 1, 31), gbp("500.00")),
        invoice(2, day(2026, 2, 28), gbp("9999.99")),
        invoice(3, day(2026, 3, 31), gbp("25000.00")),
    ];
    let due = compensation_due(code("GB-SCT"), &invoices, on(2026, 6, 30));
    let total = Money::checked_sum(due.charges.iter().map(|c| c.amount), Currency::GBP).unwrap();
    assert_eq!(
        due.charges.iter().map(|c| c.amount).collect::<Vec<_>>(),
        [gbp("40.00"), gbp("70.00"), gbp("100.00")]
    );
    assert_eq!(total, gbp("210.00"));
}

#[test]
fn germany_gives_forty_euros_per_late_payment() {
    // BGB s.288(5): EUR 40 for each late invoice.
    assert_eq!(
        charged("DE", &three_eur_invoices(), QUOTED_ON),
        [(0, eur("40.00")), (1, eur("40.00")), (2, eur("40.00"))]
    );
}

#[test]
fn a_placement_counts_invoices_not_yet_due_and_a_quote_does_not() {
    let invoices = vec![invoice(1, day(2026, 9, 30), eur("100.00"))];
    assert_eq!(charged("SI", &invoices, on(2026, 6, 30)), []);
    assert_eq!(
        charged("SI", &invoices, CompensationScope::EveryInvoice),
        [(0, eur("40.00"))]
    );
}

#[test]
fn a_jurisdiction_without_data_leaves_every_counted_invoice_as_a_gap() {
    let due = compensation_due(code("US-NY"), &three_eur_invoices(), on(2026, 6, 30));
    assert!(due.charges.is_empty());
    assert_eq!(
        due.gaps.iter().map(|gap| gap.invoice).collect::<Vec<_>>(),
        [0, 1, 2]
    );
}

#[test]
fn opening_postings_book_principal_from_the_due_date_then_compensation_then_the_fee() {
    let invoices = vec![
        invoice(1, day(2026, 2, 4), eur("1000.00")),
        invoice(2, day(2026, 3, 4), eur("250.00")),
    ];
    let postings = opening_postings(&invoices, code("DE"), eur("25.00"), day(2026, 6, 30)).unwrap();
    let rows: Vec<_> = postings
        .iter()
        .map(|p| (p.invoice.as_deref(), p.account, p.amount, p.effective_date))
        .collect();
    assert_eq!(
        rows,
        [
            (
                Some("inv-1"),
                Account::Principal,
                eur("1000.00"),
                day(2026, 2, 4)
            ),
            (
                Some("inv-1"),
                Account::Compensation,
                eur("40.00"),
                day(2026, 2, 5)
            ),
            (
                Some("inv-2"),
                Account::Principal,
                eur("250.00"),
                day(2026, 3, 4)
            ),
            (
                Some("inv-2"),
                Account::Compensation,
                eur("40.00"),
                day(2026, 3, 5)
            ),
            (None, Account::Fees, eur("25.00"), day(2026, 6, 30)),
        ]
    );
    assert_eq!(postings[0].description, "Invoice INV-1");
    assert!(
        postings[1]
            .description
            .starts_with("Recovery compensation (BGB s.288(5)")
    );
    assert_eq!(postings[4].description, "Introduction fee");
}

#[test]
fn no_fee_is_booked_when_it_is_zero_or_in_another_currency_and_no_euro_forty_on_a_dollar_case() {
    let dollars = vec![invoice(1, day(2026, 2, 4), money("1000.00", Currency::USD))];
    let postings = opening_postings(&dollars, code("DE"), eur("25.00"), day(2026, 6, 30)).unwrap();
    assert_eq!(
        postings.iter().map(|p| p.account).collect::<Vec<_>>(),
        [Account::Principal],
        "EUR 40 is never booked as USD 40, nor a EUR fee on a USD case"
    );
    let euros = vec![invoice(1, day(2026, 2, 4), eur("1000.00"))];
    let postings = opening_postings(&euros, code("DE"), eur("0.00"), day(2026, 6, 30)).unwrap();
    assert!(postings.iter().all(|p| p.account != Account::Fees));
}

#[test]
fn opening_postings_refuse_no_invoices_and_invoices_in_two_currencies() {
    assert_eq!(
        opening_postings(&[], code("DE"), eur("25.00"), day(2026, 6, 30)),
        Err(super::OpeningError::NoInvoices)
    );
    let mixed = vec![
        invoice(1, day(2026, 2, 4), eur("1.00")),
        invoice(2, day(2026, 2, 4), gbp("1.00")),
    ];
    assert!(matches!(
        opening_postings(&mixed, code("DE"), eur("25.00"), day(2026, 6, 30)),
        Err(super::OpeningError::MixedCurrency { .. })
    ));
}
