//! Tests for quotes and for the schedule as JSON.

use super::*;
use crate::money::{Currency, Money};
use chrono::NaiveDate;

fn eur(text: &str) -> Money {
    Money::parse(text, Currency::EUR).unwrap()
}

fn request(invoices: &[(&str, &str)]) -> QuoteRequest {
    QuoteRequest {
        currency: Currency::EUR,
        as_of: NaiveDate::from_ymd_opt(2026, 6, 30).unwrap(),
        scope: Scope::Domestic,
        invoices: invoices
            .iter()
            .map(|(amount, due)| QuoteInvoice {
                principal: eur(amount),
                due_date: due.parse().unwrap(),
            })
            .collect(),
    }
}

#[test]
fn a_quote_lists_every_component_in_order_and_totals_them() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    let result = quote(
        &schedule,
        &request(&[("4000.00", "2026-05-31"), ("2000.00", "2025-12-01")]),
    );
    let result = result.unwrap();
    let kinds: Vec<FeeKind> = result.components.iter().map(|c| c.kind).collect();
    assert_eq!(
        kinds,
        [
            FeeKind::IntroductionFee,
            FeeKind::SuccessCommission,
            FeeKind::AgeSurcharge,
            FeeKind::MinimumCommissionTopUp
        ]
    );
    assert_eq!(result.principal_total, eur("6000.00"));
    // 25 + (750 + 100) + 3 % of 2000 (211 days overdue) + 0.
    assert_eq!(result.total, eur("935.00"));
    assert_eq!(result.contingent[0].kind, FeeKind::WithdrawalFee);
    assert_eq!(result.contingent[0].amount, eur("300.00"));
    assert_eq!(result.contingent[1].kind, FeeKind::LegalCosts);
    assert!(result.components.iter().all(|c| !c.explanation.is_empty()));
}

#[test]
fn a_known_vat_rate_adds_a_vat_line_on_the_vatable_lines() {
    let mut schedule = FeeSchedule::default_for(Currency::EUR);
    schedule.vat_rate_bp = Some(2_100);
    let result = quote(&schedule, &request(&[("1000.00", "2026-06-01")])).unwrap();
    let vat = result.components.last().unwrap();
    // 25 + 150 = 175, 21 % = 36.75.
    assert_eq!((vat.kind, vat.amount), (FeeKind::Vat, eur("36.75")));
    assert_eq!(result.total, eur("211.75"));
    assert!(!vat.vat_applicable);
}

#[test]
fn a_quote_without_invoices_or_in_another_currency_is_refused() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    assert_eq!(quote(&schedule, &request(&[])), Err(FeeError::NoInvoices));
    let mut foreign = request(&[("10.00", "2026-06-01")]);
    foreign.currency = Currency::USD;
    assert!(quote(&schedule, &foreign).is_err());
}

#[test]
fn schedules_and_quotes_round_trip_through_json() {
    let schedule = FeeSchedule::default_for(Currency::EUR);
    let json = serde_json::to_string(&schedule).unwrap();
    assert!(json.contains(r#""introduction_fee":{"amount":"25.00","currency":"EUR"}"#));
    assert_eq!(
        serde_json::from_str::<FeeSchedule>(&json).unwrap(),
        schedule
    );
    let result = quote(&schedule, &request(&[("1000.00", "2026-06-01")])).unwrap();
    let json = serde_json::to_string(&result).unwrap();
    assert!(json.contains(r#""kind":"success_commission""#));
    assert_eq!(serde_json::from_str::<Quote>(&json).unwrap(), result);
}
