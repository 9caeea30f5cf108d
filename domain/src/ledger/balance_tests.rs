//! Balance tests: account sums, dates, signs and the hand-computed statutory interest the api's
//! case tests also check.

use super::fixtures::{code, day, eur, invoice, posting};
use super::{
    Account, BalanceError, CaseTerms, InterestGapReason, LedgerInvoice, Posting, balance,
    opening_postings,
};
use crate::money::{Currency, Money};
use crate::rates::RateTables;
use chrono::NaiveDate;
use rust_decimal_macros::dec;

fn terms(jurisdiction: &str) -> CaseTerms {
    CaseTerms {
        jurisdiction: code(jurisdiction),
        currency: Currency::EUR,
        contractual_rate: None,
    }
}

fn rates() -> RateTables {
    RateTables::embedded().unwrap()
}

/// The api's placed case: one EUR 1,000.00 invoice due 2026-02-04 in Germany, with the default
/// EUR 25 introduction fee.
fn german_case() -> (Vec<LedgerInvoice>, Vec<Posting>) {
    let invoices = vec![invoice(1, day(2026, 2, 4), eur("1000.00"))];
    let postings = opening_postings(&invoices, code("DE"), eur("25.00"), day(2026, 2, 1)).unwrap();
    (invoices, postings)
}

#[test]
fn german_interest_is_ten_point_two_seven_percent_for_one_hundred_forty_six_days() {
    // Due 2026-02-04, so interest runs 2026-02-05 through 2026-06-30: 146 days. BGB s.288(2):
    // Basiszinssatz 1.27 % (2026-H1) + 9 points = 10.27 %. 1000.00 x 0.1027 x 146/365 = 41.08.
    let (invoices, postings) = german_case();
    let computed = balance(
        &terms("DE"),
        &invoices,
        &postings,
        &rates(),
        day(2026, 6, 30),
    )
    .unwrap();
    assert_eq!(computed.interest_accrued, eur("41.08"));
    assert_eq!(computed.interest, eur("41.08"));
    assert_eq!(computed.interest_lines.len(), 1);
    let line = &computed.interest_lines[0];
    assert_eq!(line.invoice, "INV-1");
    assert_eq!(
        (line.line.from, line.line.to, line.line.days),
        (day(2026, 2, 5), day(2026, 7, 1), 146)
    );
    assert_eq!(line.line.rate_percent, dec!(10.27));
    assert!(line.line.legal_basis.contains("288"));
    assert_eq!(computed.principal, eur("1000.00"));
    assert_eq!(
        computed.compensation,
        eur("40.00"),
        "BGB s.288(5) flat EUR 40"
    );
    assert_eq!(computed.fees, eur("25.00"));
    assert_eq!(
        computed.outstanding,
        eur("1081.08"),
        "1000.00 + 41.08 + 40.00; the creditor's fee is not the debtor's"
    );
    assert_eq!(computed.paid, eur("0.00"));
    assert!(computed.interest_gaps.is_empty());
}

#[test]
fn on_the_due_date_there_is_neither_interest_nor_compensation() {
    let (invoices, postings) = german_case();
    let computed = balance(
        &terms("DE"),
        &invoices,
        &postings,
        &rates(),
        day(2026, 2, 4),
    )
    .unwrap();
    assert_eq!(computed.interest, eur("0.00"));
    assert!(computed.interest_lines.is_empty());
    assert_eq!(
        computed.compensation,
        eur("0.00"),
        "compensation is payable from the day after the due date"
    );
    assert_eq!(computed.outstanding, eur("1000.00"));
}

#[test]
fn a_part_payment_on_principal_splits_the_interest_at_the_day_it_takes_effect() {
    // 1000.00 from 2026-02-05 to 2026-04-04 (59 days): 1000.00 x 0.1027 x 59/365 = 16.6008 ->
    // 16.60; 500.00 from 2026-04-05 to 2026-06-30 (87 days): 500.00 x 0.1027 x 87/365 = 12.2396
    // -> 12.24. Total 28.84.
    let (invoices, mut postings) = german_case();
    postings.push(posting(
        Some("inv-1"),
        Account::Principal,
        eur("-500.00"),
        day(2026, 4, 5),
    ));
    postings.push(posting(
        Some("inv-1"),
        Account::Payment,
        eur("-500.00"),
        day(2026, 4, 5),
    ));
    let computed = balance(
        &terms("DE"),
        &invoices,
        &postings,
        &rates(),
        day(2026, 6, 30),
    )
    .unwrap();
    let lines: Vec<_> = computed
        .interest_lines
        .iter()
        .map(|l| (l.line.from, l.line.days, l.line.base, l.line.amount))
        .collect();
    assert_eq!(
        lines,
        [
            (day(2026, 2, 5), 59, eur("1000.00"), eur("16.60")),
            (day(2026, 4, 5), 87, eur("500.00"), eur("12.24")),
        ]
    );
    assert_eq!(computed.interest, eur("28.84"));
    assert_eq!(computed.principal, eur("500.00"));
    assert_eq!(computed.paid, eur("500.00"));
    assert_eq!(
        computed.outstanding,
        eur("568.84"),
        "500.00 + 28.84 + 40.00"
    );
}

/// A Scottish case (no verified interest rule, so only the postings count) with a posting on
/// every account.
fn scottish_postings() -> Vec<Posting> {
    vec![
        posting(
            Some("inv-1"),
            Account::Principal,
            eur("700.00"),
            day(2026, 1, 31),
        ),
        posting(
            Some("inv-2"),
            Account::Principal,
            eur("300.00"),
            day(2026, 2, 28),
        ),
        posting(
            Some("inv-1"),
            Account::Principal,
            eur("-100.00"),
            day(2026, 3, 15),
        ),
        posting(None, Account::Interest, eur("-12.50"), day(2026, 3, 15)),
        posting(
            Some("inv-1"),
            Account::Compensation,
            eur("40.00"),
            day(2026, 2, 1),
        ),
        posting(None, Account::Costs, eur("85.00"), day(2026, 3, 1)),
        posting(None, Account::Costs, eur("15.00"), day(2026, 3, 2)),
        posting(None, Account::Fees, eur("25.00"), day(2026, 1, 31)),
        posting(None, Account::Payment, eur("-112.50"), day(2026, 3, 15)),
    ]
}

fn scottish_invoices() -> Vec<LedgerInvoice> {
    vec![
        invoice(1, day(2026, 1, 31), eur("700.00")),
        invoice(2, day(2026, 2, 28), eur("300.00")),
    ]
}

#[test]
fn each_account_is_the_sum_of_its_postings() {
    let computed = balance(
        &terms("GB-SCT"),
        &scottish_invoices(),
        &scottish_postings(),
        &rates(),
        day(2026, 6, 30),
    )
    .unwrap();
    assert_eq!(computed.principal, eur("900.00"), "700 + 300 - 100");
    assert_eq!(
        computed.interest,
        eur("-12.50"),
        "no accrued interest, -12.50 posted"
    );
    assert_eq!(computed.compensation, eur("40.00"));
    assert_eq!(computed.costs, eur("100.00"), "85 + 15");
    assert_eq!(computed.fees, eur("25.00"));
    assert_eq!(computed.paid, eur("112.50"));
    assert_eq!(
        computed.outstanding,
        eur("1027.50"),
        "900.00 - 12.50 + 40.00 + 100.00"
    );
}

#[test]
fn an_invoice_without_a_verified_interest_rule_is_a_gap_with_the_sentence_the_api_shows() {
    let computed = balance(
        &terms("GB-SCT"),
        &scottish_invoices(),
        &scottish_postings(),
        &rates(),
        day(2026, 6, 30),
    )
    .unwrap();
    let sentences: Vec<String> = computed
        .interest_gaps
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        sentences,
        [
            "Invoice INV-1: no verified statutory interest rule for GB-SCT applies; interest is \
             not computed.",
            "Invoice INV-2: no verified statutory interest rule for GB-SCT applies; interest is \
             not computed.",
        ]
    );
}

#[test]
fn a_posting_effective_after_as_of_is_not_counted() {
    let computed = balance(
        &terms("GB-SCT"),
        &scottish_invoices(),
        &scottish_postings(),
        &rates(),
        day(2026, 3, 1),
    )
    .unwrap();
    assert_eq!(
        computed.principal,
        eur("1000.00"),
        "the -100 of 15 March is later"
    );
    assert_eq!(computed.interest, eur("0.00"));
    assert_eq!(
        computed.costs,
        eur("85.00"),
        "the 15.00 of 2 March is later"
    );
    assert_eq!(computed.paid, eur("0.00"));
    assert_eq!(computed.outstanding, eur("1125.00"), "1000 + 40 + 85");
    assert_eq!(
        computed.interest_gaps.len(),
        2,
        "invoice 2, due 28 February, is overdue on 1 March too, so both would bear interest"
    );
}

#[test]
fn paid_is_the_negated_sum_of_the_payment_account() {
    let invoices = scottish_invoices();
    let postings = vec![
        posting(None, Account::Payment, eur("-300.00"), day(2026, 3, 1)),
        posting(None, Account::Payment, eur("-200.00"), day(2026, 3, 2)),
        posting(None, Account::Payment, eur("50.00"), day(2026, 3, 3)),
    ];
    let computed = balance(
        &terms("GB-SCT"),
        &invoices,
        &postings,
        &rates(),
        day(2026, 6, 30),
    )
    .unwrap();
    assert_eq!(computed.paid, eur("450.00"), "300 + 200 - 50 refunded");
    assert_eq!(
        computed.outstanding,
        eur("0.00"),
        "a payment reduces what is owed only through the accounts it is allocated to"
    );
}

#[test]
fn interest_the_rates_cannot_give_is_a_gap_not_a_failure() {
    let (invoices, postings) = german_case();
    let computed = balance(
        &terms("DE"),
        &invoices,
        &postings,
        &RateTables::empty(),
        day(2026, 6, 30),
    )
    .unwrap();
    assert_eq!(computed.interest, eur("0.00"));
    assert_eq!(computed.interest_gaps.len(), 1);
    let gap = &computed.interest_gaps[0];
    let InterestGapReason::RateMissing(missing) = &gap.reason else {
        panic!("expected a missing rate, got {:?}", gap.reason);
    };
    // Interest on INV-1 (due 2026-02-04) runs from 2026-02-05 through 2026-06-30: all of it is
    // the gap when no Basiszinssatz is known.
    assert_eq!(missing.from, day(2026, 2, 5));
    assert_eq!(missing.to, day(2026, 7, 1));
    let sentence = gap.to_string();
    assert!(
        sentence.starts_with(
            "Invoice INV-1: interest from 2026-02-05 to 2026-06-30 (146 days) is not computed yet ("
        ),
        "{sentence}"
    );
    assert_eq!(computed.outstanding, eur("1040.00"));
}

#[test]
fn a_contractual_rate_replaces_the_german_statutory_rate() {
    // 12 % agreed: 1000.00 x 0.12 x 146/365 = 48.00.
    let (invoices, postings) = german_case();
    let agreed = CaseTerms {
        contractual_rate: Some(dec!(12)),
        ..terms("DE")
    };
    let computed = balance(&agreed, &invoices, &postings, &rates(), day(2026, 6, 30)).unwrap();
    assert_eq!(computed.interest, eur("48.00"));
}

#[test]
fn a_posting_in_another_currency_is_refused() {
    let postings = vec![posting(
        None,
        Account::Costs,
        Money::parse("10.00", Currency::GBP).unwrap(),
        day(2026, 3, 1),
    )];
    assert_eq!(
        balance(&terms("DE"), &[], &postings, &rates(), day(2026, 6, 30)),
        Err(BalanceError::MixedCurrency {
            account: Account::Costs,
            expected: Currency::EUR,
            found: Currency::GBP,
        })
    );
}

#[test]
fn an_account_that_overflows_the_stored_minor_units_is_refused() {
    let huge = Money::from_minor(i64::MAX, Currency::EUR);
    let postings = vec![
        posting(None, Account::Fees, huge, day(2026, 3, 1)),
        posting(None, Account::Fees, eur("0.01"), day(2026, 3, 1)),
    ];
    assert_eq!(
        balance(&terms("DE"), &[], &postings, &rates(), day(2026, 6, 30)),
        Err(BalanceError::Overflow(Account::Fees))
    );
}

#[test]
fn principal_postings_that_go_below_zero_are_refused_as_corrupt() {
    let invoices = vec![invoice(1, day(2026, 2, 4), eur("100.00"))];
    let postings = vec![
        posting(
            Some("inv-1"),
            Account::Principal,
            eur("100.00"),
            day(2026, 2, 4),
        ),
        posting(
            Some("inv-1"),
            Account::Principal,
            eur("-150.00"),
            day(2026, 3, 1),
        ),
    ];
    assert!(matches!(
        balance(
            &terms("DE"),
            &invoices,
            &postings,
            &rates(),
            day(2026, 6, 30)
        ),
        Err(BalanceError::Schedule { .. })
    ));
}

#[test]
fn an_empty_ledger_owes_nothing() {
    let computed = balance(&terms("DE"), &[], &[], &rates(), NaiveDate::MIN).unwrap();
    assert_eq!(computed.outstanding, eur("0.00"));
    assert_eq!(computed.paid, eur("0.00"));
}
