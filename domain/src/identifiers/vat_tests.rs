//! Tests for VAT number syntax, one well-formed example per country plus typical mistakes.

use super::{VatNumber, VatNumberError};

#[test]
fn one_well_formed_number_per_country_is_accepted() {
    for text in [
        "ATU12345678",
        "BE0123456789",
        "BG123456789",
        "BG1234567890",
        "CY12345678L",
        "CZ12345678",
        "CZ1234567890",
        "DE123456789",
        "DK12345678",
        "EE123456789",
        "EL123456789",
        "ESA1234567B",
        "ESX1234567L",
        "ES12345678Z",
        "FI12345678",
        "FRXX123456789",
        "FR12345678901",
        "HR12345678901",
        "HU12345678",
        "IE1234567T",
        "IE1234567TW",
        "IE1A23456T",
        "IT12345678901",
        "LT123456789",
        "LT123456789012",
        "LU12345678",
        "LV12345678901",
        "MT12345678",
        "NL123456789B01",
        "PL1234567890",
        "PT123456789",
        "RO12",
        "RO1234567890",
        "SE123456789001",
        "SI12345678",
        "SK1234567890",
        "XI123456789",
        "GB123456789",
        "GB123456789012",
        "GBGD123",
        "GBHA599",
        "CHE123456789",
        "NO123456789MVA",
    ] {
        assert_eq!(
            VatNumber::parse(text).map(|v| v.as_str().to_owned()),
            Ok(text.to_owned())
        );
    }
}

#[test]
fn separators_and_case_are_normalised() {
    assert_eq!(
        VatNumber::parse("de 123.456.789").unwrap().as_str(),
        "DE123456789"
    );
    assert_eq!(
        VatNumber::parse("nl1234.56.789.b01").unwrap().as_str(),
        "NL123456789B01"
    );
    assert_eq!(
        VatNumber::parse("CHE-123.456.789 MWST").unwrap().as_str(),
        "CHE123456789"
    );
    assert_eq!(
        VatNumber::parse("CHE-123.456.789 TVA").unwrap().as_str(),
        "CHE123456789"
    );
    assert_eq!(
        VatNumber::parse("NO 123 456 789").unwrap().as_str(),
        "NO123456789MVA"
    );
}

#[test]
fn greece_uses_el_and_a_gr_prefix_is_read_as_el() {
    let vat = VatNumber::parse("GR123456789").unwrap();
    assert_eq!(vat.as_str(), "EL123456789");
    assert_eq!(vat.prefix(), "EL");
    assert_eq!(vat.country_code(), "GR");
    assert!(vat.is_vies());
}

#[test]
fn a_separate_country_field_is_combined_with_the_number() {
    assert_eq!(
        VatNumber::parse_with_country("DE", "123456789")
            .unwrap()
            .as_str(),
        "DE123456789"
    );
    assert_eq!(
        VatNumber::parse_with_country("DE", "DE123456789")
            .unwrap()
            .as_str(),
        "DE123456789"
    );
    assert_eq!(
        VatNumber::parse_with_country("GR", "EL123456789")
            .unwrap()
            .as_str(),
        "EL123456789"
    );
    assert_eq!(
        VatNumber::parse_with_country("gr", "123456789")
            .unwrap()
            .as_str(),
        "EL123456789"
    );
}

#[test]
fn malformed_numbers_are_refused_with_the_expected_format() {
    for text in [
        "DE12345678",
        "DE1234567890",
        "ATU1234567",
        "AT123456789",
        "BE2123456789",
        "NL123456789A01",
        "SE123456789002",
        "FR123456789",
        "IE12345678",
        "GBGD12",
        "RO1",
        "RO12345678901",
        "CY123456789",
        "ESA123456",
        "ES12345678ZZ",
        "NO12345678MVA",
    ] {
        let prefix = &text[..2];
        match VatNumber::parse(text) {
            Err(VatNumberError::BadFormat { prefix: p, .. }) => assert_eq!(p, prefix, "{text}"),
            other => panic!("{text} gave {other:?}"),
        }
    }
}

#[test]
fn unknown_prefixes_are_refused() {
    assert_eq!(
        VatNumber::parse("US123456789"),
        Err(VatNumberError::UnknownCountry("US".into()))
    );
    assert_eq!(
        VatNumber::parse("X"),
        Err(VatNumberError::UnknownCountry("X".into()))
    );
    assert!(VatNumber::parse("").is_err());
}

#[test]
fn non_vies_countries_are_marked() {
    assert!(!VatNumber::parse("GB123456789").unwrap().is_vies());
    assert!(VatNumber::parse("XI123456789").unwrap().is_vies());
    assert_eq!(
        VatNumber::parse("XI123456789").unwrap().country_code(),
        "GB"
    );
}
