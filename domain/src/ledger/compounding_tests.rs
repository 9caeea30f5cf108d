//! A Dutch balance after interest was paid: the ledger hands the interest postings of each
//! invoice to the interest schedule, so paid interest is not compounded (BW 6:119(2)).

use super::fixtures::{code, day, eur, invoice, posting};
use super::{Account, CaseTerms, balance};
use crate::money::Currency;
use crate::rates::RateTables;

fn dutch_balance(postings_after_principal: &[super::Posting]) -> super::Balance {
    let invoices = vec![invoice(1, day(2023, 6, 30), eur("10000.00"))];
    let mut postings = vec![posting(
        Some("inv-1"),
        Account::Principal,
        eur("10000.00"),
        day(2023, 6, 30),
    )];
    postings.extend_from_slice(postings_after_principal);
    let terms = CaseTerms {
        jurisdiction: code("NL"),
        currency: Currency::EUR,
        contractual_rate: None,
    };
    balance(
        &terms,
        &invoices,
        &postings,
        &RateTables::embedded().unwrap(),
        day(2025, 6, 30),
    )
    .unwrap()
}

#[test]
fn interest_paid_on_a_dutch_invoice_stays_out_of_the_compounding_base() {
    // Due 2023-06-30, interest from 2023-07-01 to 2025-06-30 inclusive. Year one: 604.93
    // (184 days at 12.00 %) + 623.29 (182 days at 12.50 %) = 1,228.22, of which 600 was paid on
    // 2024-01-01, so 628.22 is added on 2024-07-01. Year two on 10,628.22:
    // 10,628.22 x 12.25 x 184 / 36 500 = 656.329 -> 656.33 and 10,628.22 x 11.15 x 181 / 36 500
    // = 587.653 -> 587.65. Accrued 604.93 + 623.29 + 656.33 + 587.65 = 2,472.20 (2,542.43 without
    // the payment); owed 2,472.20 - 600 = 1,872.20.
    let paid = posting(
        Some("inv-1"),
        Account::Interest,
        eur("-600.00"),
        day(2024, 1, 1),
    );
    let computed = dutch_balance(&[paid]);
    assert_eq!(computed.interest_accrued, eur("2472.20"));
    assert_eq!(computed.interest, eur("1872.20"));
}

#[test]
fn a_reversed_interest_payment_is_compounded_as_if_never_made() {
    // The payment and its reversal on the same value date net to nothing: the example without
    // payments, 2,542.43 (interest/examples.rs, dutch_commercial_interest_is_added_...).
    let paid = posting(
        Some("inv-1"),
        Account::Interest,
        eur("-600.00"),
        day(2024, 1, 1),
    );
    let reversed = posting(
        Some("inv-1"),
        Account::Interest,
        eur("600.00"),
        day(2024, 1, 1),
    );
    let computed = dutch_balance(&[paid, reversed]);
    assert_eq!(computed.interest_accrued, eur("2542.43"));
}
