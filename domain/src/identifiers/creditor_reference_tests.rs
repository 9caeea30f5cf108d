//! Tests for ISO 11649 creditor references.

use super::{CreditorReference, CreditorReferenceError};

#[test]
fn the_iso_11649_example_is_valid_and_prints_in_groups_of_four() {
    let rf = CreditorReference::parse("RF18 5390 0754 7034").unwrap();
    assert_eq!(rf.as_str(), "RF18539007547034");
    assert_eq!(rf.to_string(), "RF18 5390 0754 7034");
    assert_eq!(rf.reference(), "539007547034");
}

#[test]
fn generating_from_the_example_reference_gives_its_check_digits() {
    let rf = CreditorReference::from_case_number("5390 0754 7034").unwrap();
    assert_eq!(rf.as_str(), "RF18539007547034");
    assert_eq!(CreditorReference::from_number(539_007_547_034), rf);
}

#[test]
fn generated_references_for_numbers_and_letters_parse_back() {
    for n in [0, 1, 42, 2_026_000_123, u64::MAX] {
        let rf = CreditorReference::from_number(n);
        assert_eq!(
            CreditorReference::parse(&rf.to_string()),
            Ok(rf.clone()),
            "{n}"
        );
        assert_eq!(CreditorReference::from_case_number(&n.to_string()), Ok(rf));
    }
    let rf = CreditorReference::from_case_number("case-7k9").unwrap();
    assert_eq!(rf.reference(), "CASE7K9");
    assert_eq!(CreditorReference::parse(rf.as_str()), Ok(rf));
}

#[test]
fn a_typo_or_a_swapped_pair_fails_the_check_digits() {
    let bad = CreditorReferenceError::BadCheckDigits;
    assert_eq!(
        CreditorReference::parse("RF19539007547034"),
        Err(bad.clone())
    );
    assert_eq!(CreditorReference::parse("RF18539007547043"), Err(bad));
}

#[test]
fn malformed_references_are_refused_with_a_reason() {
    use CreditorReferenceError as E;
    assert_eq!(
        CreditorReference::parse("XX18539007547034"),
        Err(E::NotAnRfReference)
    );
    assert_eq!(CreditorReference::parse("RF1"), Err(E::NotAnRfReference));
    assert_eq!(
        CreditorReference::parse("RFAB123"),
        Err(E::NotAnRfReference)
    );
    assert_eq!(CreditorReference::parse("RF18"), Err(E::BadLength(0)));
    assert_eq!(
        CreditorReference::parse(&format!("RF18{}", "1".repeat(22))),
        Err(E::BadLength(22))
    );
    assert_eq!(
        CreditorReference::parse("RF18 5390_0754"),
        Err(E::InvalidCharacter)
    );
    assert_eq!(
        CreditorReference::from_case_number(""),
        Err(E::BadLength(0))
    );
    assert_eq!(
        CreditorReference::from_case_number("Ä1"),
        Err(E::InvalidCharacter)
    );
}

#[test]
fn a_reference_serialises_in_electronic_form() {
    let rf = CreditorReference::parse("RF18 5390 0754 7034").unwrap();
    assert_eq!(serde_json::to_string(&rf).unwrap(), r#""RF18539007547034""#);
    assert!(serde_json::from_str::<CreditorReference>(r#""RF19539007547034""#).is_err());
}

mod properties {
    use super::CreditorReference;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_case_number_gives_a_reference_that_parses_back(case in "[0-9A-Za-z]{1,21}") {
            let rf = CreditorReference::from_case_number(&case).unwrap();
            prop_assert_eq!(CreditorReference::parse(&rf.to_string()), Ok(rf));
        }

        #[test]
        fn changing_one_digit_of_a_reference_is_detected(n in any::<u64>(), at in 0_usize..20, d in 1_u32..10) {
            let rf = CreditorReference::from_number(n).as_str().to_owned();
            let position = 4 + at % (rf.len() - 4);
            let mut chars: Vec<char> = rf.chars().collect();
            let old = chars[position].to_digit(10).unwrap();
            chars[position] = char::from_digit((old + d) % 10, 10).unwrap();
            let typo: String = chars.into_iter().collect();
            prop_assert!(CreditorReference::parse(&typo).is_err());
        }
    }
}

#[test]
fn check_digit_aliases_are_refused() {
    // RF9936 passes mod 97 as an alias of RF0236, but 99 is never issued.
    assert!(CreditorReference::parse("RF0236").is_ok());
    assert_eq!(
        CreditorReference::parse("RF9936"),
        Err(CreditorReferenceError::BadCheckDigits)
    );
}
