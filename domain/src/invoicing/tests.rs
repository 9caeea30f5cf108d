use rust_decimal_macros::dec;

use super::*;
use crate::country::CountryCode;
use crate::money::{Currency, Money};

fn country(code: &str) -> CountryCode {
    CountryCode::parse(code).unwrap_or_else(|err| panic!("{err}"))
}

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

#[test]
fn a_creditor_in_the_agencys_own_country_pays_the_agencys_rate() {
    assert_eq!(
        treatment(&country("DE"), 1900, &country("DE"), Some("DE123456789")),
        VatTreatment::Standard { rate_bp: 1900 }
    );
}

#[test]
fn a_creditor_in_another_member_state_with_a_vat_number_is_reverse_charged() {
    assert_eq!(
        treatment(&country("DE"), 1900, &country("NL"), Some("NL123456789B01")),
        VatTreatment::ReverseCharge
    );
}

#[test]
fn without_a_vat_number_the_agency_charges_its_own_vat() {
    for vat_id in [None, Some("  ")] {
        assert_eq!(
            treatment(&country("DE"), 1900, &country("FR"), vat_id),
            VatTreatment::Standard { rate_bp: 1900 }
        );
    }
}

#[test]
fn a_creditor_outside_the_union_is_outside_the_scope() {
    assert_eq!(
        treatment(&country("NL"), 2100, &country("US"), None),
        VatTreatment::OutsideScope
    );
    assert_eq!(
        treatment(
            &country("NL"),
            2100,
            &country("CH"),
            Some("CHE-123.456.789")
        ),
        VatTreatment::OutsideScope
    );
}

#[test]
fn an_agency_outside_the_union_charges_its_rate_everywhere() {
    assert_eq!(
        treatment(&country("GB"), 2000, &country("DE"), Some("DE123456789")),
        VatTreatment::Standard { rate_bp: 2000 }
    );
}

#[test]
fn greece_is_a_member_under_its_iso_code() {
    assert!(is_eu_member(&country("GR")));
    assert!(!is_eu_member(&country("GB")));
    assert!(!is_eu_member(&country("NO")));
}

#[test]
fn numbers_carry_series_year_and_six_digits() {
    let number = InvoiceNumber {
        kind: DocumentKind::Invoice,
        year: 2026,
        sequence: 42,
    };
    assert_eq!(number.to_string(), "INV-2026-000042");
    let credit = InvoiceNumber {
        kind: DocumentKind::CreditNote,
        year: 2027,
        sequence: 1_234_567,
    };
    assert_eq!(credit.to_string(), "CRN-2027-1234567");
}

#[test]
fn vat_is_rounded_once_on_the_net_total() {
    // 0.07 + 0.07 = 0.14 net; 19 % of 0.14 is 0.0266, rounded 0.03. Rounded per line it would
    // be 0.0133 -> 0.01 twice, 0.02, and the invoice would not reconcile with its own net.
    let lines = [
        InvoiceLine {
            source: LineSource::CaseFee,
            net: eur(7),
        },
        InvoiceLine {
            source: LineSource::DirectPaymentCommission,
            net: eur(7),
        },
    ];
    let sums = totals(
        &lines,
        VatTreatment::Standard { rate_bp: 1900 },
        Currency::EUR,
    )
    .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(sums.net, eur(14));
    assert_eq!(sums.vat, eur(3));
    assert_eq!(sums.total, eur(17));
}

#[test]
fn withheld_commission_is_paid_but_its_vat_is_still_due() {
    // 25.00 introduction fee, 120.00 commission withheld; 19 % of 145.00 = 27.55;
    // total 172.55; due 172.55 - 120.00 = 52.55.
    let lines = [
        InvoiceLine {
            source: LineSource::CaseFee,
            net: eur(2500),
        },
        InvoiceLine {
            source: LineSource::RemittanceCommission,
            net: eur(12000),
        },
    ];
    let sums = totals(
        &lines,
        VatTreatment::Standard { rate_bp: 1900 },
        Currency::EUR,
    )
    .unwrap_or_else(|err| panic!("{err}"));
    assert_eq!(sums.vat.amount(), dec!(27.55));
    assert_eq!(sums.total.amount(), dec!(172.55));
    assert_eq!(sums.withheld.amount(), dec!(120.00));
    assert_eq!(sums.amount_due.amount(), dec!(52.55));
}

#[test]
fn reverse_charge_and_outside_scope_charge_no_vat_and_say_why() {
    let lines = [InvoiceLine {
        source: LineSource::CaseFee,
        net: eur(2500),
    }];
    for vat in [VatTreatment::ReverseCharge, VatTreatment::OutsideScope] {
        let sums = totals(&lines, vat, Currency::EUR).unwrap_or_else(|err| panic!("{err}"));
        assert!(sums.vat.is_zero());
        assert_eq!(sums.total, eur(2500));
        assert!(
            vat.mention()
                .is_some_and(|text| text.contains("2006/112/EC"))
        );
    }
}

#[test]
fn stored_names_round_trip() {
    for source in [
        LineSource::CaseFee,
        LineSource::RemittanceCommission,
        LineSource::DirectPaymentCommission,
    ] {
        assert_eq!(LineSource::parse(source.as_str()), Some(source));
    }
    for kind in [DocumentKind::Invoice, DocumentKind::CreditNote] {
        assert_eq!(DocumentKind::parse(kind.as_str()), Some(kind));
    }
    for vat in [
        VatTreatment::Standard { rate_bp: 2100 },
        VatTreatment::ReverseCharge,
        VatTreatment::OutsideScope,
    ] {
        assert_eq!(VatTreatment::parse(vat.as_str(), vat.rate_bp()), Some(vat));
    }
}
