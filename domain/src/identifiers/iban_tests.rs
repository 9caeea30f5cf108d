//! Tests for IBANs, with the SWIFT registry's published examples.

use super::{Iban, IbanError};

#[test]
fn published_example_ibans_are_valid() {
    for text in [
        "GB82WEST12345698765432",
        "DE89370400440532013000",
        "NL91ABNA0417164300",
        "BE68539007547034",
        "FR1420041010050500013M02606",
        "CH9300762011623852957",
        "NO9386011117947",
        "AT611904300234573201",
        "ES9121000418450200051332",
        "IT60X0542811101000000123456",
        "PL61109010140000071219812874",
        "MT84MALT011000012345MTLCAST001S",
        "FI2112345600000785",
        "DK5000400440116243",
        "IE29AIBK93115212345678",
        "SE4550000000058398257466",
    ] {
        assert_eq!(
            Iban::parse(text).map(|i| i.as_str().to_owned()),
            Ok(text.to_owned())
        );
    }
}

#[test]
fn printed_form_with_spaces_and_lower_case_is_accepted() {
    let iban = Iban::parse("gb82 west 1234 5698 7654 32").unwrap();
    assert_eq!(iban.as_str(), "GB82WEST12345698765432");
    assert_eq!(iban.to_string(), "GB82 WEST 1234 5698 7654 32");
    assert_eq!(iban.country_code(), "GB");
    assert_eq!(iban.bban(), "WEST12345698765432");
    assert!(iban.is_sepa());
}

#[test]
fn a_single_wrong_digit_fails_the_check() {
    assert_eq!(
        Iban::parse("GB82WEST12345698765433"),
        Err(IbanError::BadCheckDigits)
    );
    assert_eq!(
        Iban::parse("DE88370400440532013000"),
        Err(IbanError::BadCheckDigits)
    );
    assert_eq!(
        Iban::parse("GBXXWEST12345698765432"),
        Err(IbanError::BadCheckDigits)
    );
}

#[test]
fn wrong_length_unknown_country_and_odd_characters_are_refused() {
    assert_eq!(
        Iban::parse("DE8937040044053201300"),
        Err(IbanError::WrongLength {
            country: "DE".into(),
            expected: 22,
            found: 21
        })
    );
    assert_eq!(
        Iban::parse("US12345678901234"),
        Err(IbanError::UnknownCountry("US".into()))
    );
    assert_eq!(
        Iban::parse(""),
        Err(IbanError::UnknownCountry(String::new()))
    );
    assert_eq!(
        Iban::parse("DE89_370400440532013000"),
        Err(IbanError::InvalidCharacter)
    );
}

#[test]
fn an_iban_serialises_in_electronic_form() {
    let iban = Iban::parse("NL91 ABNA 0417 1643 00").unwrap();
    assert_eq!(
        serde_json::to_string(&iban).unwrap(),
        r#""NL91ABNA0417164300""#
    );
    assert_eq!(
        serde_json::from_str::<Iban>(r#""NL91ABNA0417164300""#).unwrap(),
        iban
    );
}

#[test]
fn check_digit_aliases_00_01_and_99_are_refused() {
    // DE99… passes mod 97 as an alias of DE02…, but ISO 13616 never issues 99.
    assert!(Iban::parse("DE02370400440000000024").is_ok());
    assert_eq!(
        Iban::parse("DE99370400440000000024"),
        Err(IbanError::BadCheckDigits)
    );
}

#[test]
fn honduras_and_yemen_are_known() {
    // Both examples are valid per python-stdnum's IBAN registry.
    assert!(Iban::parse("HN88CABF00000000000250005469").is_ok());
    assert!(Iban::parse("YE15CBYE0001018861234567891234").is_ok());
}
