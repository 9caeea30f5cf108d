//! Payments on the ledger, with figures computed by hand from BGB s.288(2) and s.367(1).

use super::fixtures::{code, day, eur, invoice};
use super::{
    Account, CaseTerms, LedgerInvoice, OpenInvoice, Posting, allocate_payment, balance,
    open_invoices, opening_postings, payment_postings, reversal_postings,
};
use crate::allocation::AllocationRule;
use crate::jurisdiction;
use crate::money::{Currency, Money};
use crate::rates::RateTables;
use chrono::NaiveDate;

fn terms() -> CaseTerms {
    CaseTerms {
        jurisdiction: code("DE"),
        currency: Currency::EUR,
        contractual_rate: None,
    }
}

fn german_rule() -> AllocationRule {
    jurisdiction::find(code("DE"))
        .and_then(|j| j.allocation)
        .unwrap()
}

fn rates() -> RateTables {
    RateTables::embedded().unwrap()
}

/// EUR 1,000.00 due 2026-02-04 in Germany: EUR 40 compensation from 2026-02-05 and interest at
/// 1.27 + 9 = 10.27 % (2026-H1).
fn german_case() -> (Vec<LedgerInvoice>, Vec<Posting>) {
    let invoices = vec![invoice(1, day(2026, 2, 4), eur("1000.00"))];
    let postings = opening_postings(&invoices, code("DE"), eur("25.00"), day(2026, 2, 1)).unwrap();
    (invoices, postings)
}

fn pay(
    invoices: &[LedgerInvoice],
    postings: &[Posting],
    amount: Money,
    value_date: NaiveDate,
) -> (Vec<OpenInvoice>, Vec<Posting>) {
    let open = open_invoices(&terms(), invoices, postings, &rates(), value_date).unwrap();
    let allocation = allocate_payment(&german_rule(), amount, &open, None, None).unwrap();
    let made = payment_postings(amount, value_date, &open, &allocation, "Payment").unwrap();
    (open, made)
}

fn total(postings: &[Posting], account: Account) -> Money {
    Money::checked_sum(
        postings
            .iter()
            .filter(|posting| posting.account == account)
            .map(|posting| posting.amount),
        Currency::EUR,
    )
    .unwrap()
}

#[test]
fn a_german_part_payment_pays_costs_then_interest_then_principal_and_interest_runs_on_the_rest() {
    // Interest 2026-02-05 to 2026-05-31, 116 days: 1000.00 x 10.27 % x 116/365 = 32.6389 -> 32.64.
    // EUR 500 on 2026-06-01: 40.00 compensation, 32.64 interest, 427.36 principal.
    let (invoices, mut postings) = german_case();

    let (open, made) = pay(&invoices, &postings, eur("500.00"), day(2026, 6, 1));

    assert_eq!(open[0].item.interest, eur("32.64"));
    assert_eq!(open[0].item.costs, eur("40.00"));
    assert_eq!(total(&made, Account::Payment), eur("-500.00"));
    assert_eq!(total(&made, Account::Compensation), eur("-40.00"));
    assert_eq!(total(&made, Account::Interest), eur("-32.64"));
    assert_eq!(total(&made, Account::Principal), eur("-427.36"));
    assert_eq!(total(&made, Account::Unapplied), eur("0.00"));

    // On 2026-06-30 interest has run 30 more days on 572.64: 572.64 x 10.27 % x 30/365 = 4.8337
    // -> 4.83; the debtor owes 572.64 + 4.83 = 577.47.
    postings.extend(made);
    let after = balance(&terms(), &invoices, &postings, &rates(), day(2026, 6, 30)).unwrap();
    assert_eq!(after.principal, eur("572.64"));
    assert_eq!(after.interest, eur("4.83"));
    assert_eq!(after.compensation, eur("0.00"));
    assert_eq!(after.outstanding, eur("577.47"));
    assert_eq!(after.paid, eur("500.00"));
    assert_eq!(after.invoices[0].principal, eur("572.64"));
    assert_eq!(after.invoices[0].interest, eur("4.83"));
}

#[test]
fn an_overpayment_settles_everything_and_the_rest_is_held_unapplied() {
    // Owed on 2026-06-01: 40.00 + 32.64 + 1000.00 = 1072.64; EUR 2,000 leaves 927.36.
    let (invoices, mut postings) = german_case();

    let (_, made) = pay(&invoices, &postings, eur("2000.00"), day(2026, 6, 1));

    assert_eq!(total(&made, Account::Unapplied), eur("-927.36"));
    postings.extend(made);
    let after = balance(&terms(), &invoices, &postings, &rates(), day(2026, 6, 30)).unwrap();
    assert_eq!(after.outstanding, eur("0.00"));
    assert_eq!(after.unapplied, eur("927.36"));
}

#[test]
fn every_payment_posts_its_amount_once_on_payment_and_once_split_elsewhere() {
    let (invoices, postings) = german_case();
    for amount in ["0.01", "39.99", "72.64", "500.00", "1072.64", "5000.00"] {
        let (_, made) = pay(&invoices, &postings, eur(amount), day(2026, 6, 1));

        let received = total(&made, Account::Payment);
        let split = Money::checked_sum(
            made.iter()
                .filter(|posting| posting.account != Account::Payment)
                .map(|posting| posting.amount),
            Currency::EUR,
        )
        .unwrap();
        assert_eq!(received, split, "{amount}");
        assert_eq!(received, eur(amount).negated(), "{amount}");
    }
}

#[test]
fn a_reversal_restores_the_balance_as_if_the_payment_had_never_been_made() {
    let (invoices, postings) = german_case();
    let before = balance(&terms(), &invoices, &postings, &rates(), day(2026, 6, 30)).unwrap();
    let (_, made) = pay(&invoices, &postings, eur("500.00"), day(2026, 6, 1));

    let mut ledger = postings.clone();
    ledger.extend(made.iter().cloned());
    ledger.extend(reversal_postings(&made, "Bounced"));

    let after = balance(&terms(), &invoices, &ledger, &rates(), day(2026, 6, 30)).unwrap();
    assert_eq!(after.outstanding, before.outstanding);
    assert_eq!(after.interest, before.interest);
    assert_eq!(after.paid, eur("0.00"));
}

#[test]
fn a_payment_entered_late_with_an_earlier_value_date_never_pays_principal_twice() {
    let (invoices, mut postings) = german_case();
    let (_, later) = pay(&invoices, &postings, eur("900.00"), day(2026, 6, 1));
    postings.extend(later);

    // EUR 900 more, dated a month earlier: only the principal still open can be paid.
    let (open, earlier) = pay(&invoices, &postings, eur("900.00"), day(2026, 5, 1));
    postings.extend(earlier);

    assert_eq!(open[0].item.principal, eur("172.64"));
    let after = balance(&terms(), &invoices, &postings, &rates(), day(2026, 6, 30)).unwrap();
    assert_eq!(after.principal, eur("0.00"));
    assert!(after.unapplied.is_positive());
}
