use super::{reference_words, rf_references_in, same_party};

fn found(text: &str) -> Vec<String> {
    rf_references_in(text)
        .into_iter()
        .map(|reference| reference.as_str().to_owned())
        .collect()
}

#[test]
fn an_rf_reference_is_found_in_either_form_and_case() {
    // RF18539007547034 is the example of ISO 11649 Annex A.
    assert_eq!(found("RF18539007547034"), ["RF18539007547034"]);
    assert_eq!(
        found("Payment RF18 5390 0754 7034 thanks"),
        ["RF18539007547034"]
    );
    assert_eq!(
        found("inv 17, ref: rf18539007547034."),
        ["RF18539007547034"]
    );
    // A group of four after the reference is not part of it.
    assert_eq!(
        found("RF18 5390 0754 7034 2026 invoice"),
        ["RF18539007547034"]
    );
}

#[test]
fn check_digits_that_fail_are_never_a_reference() {
    assert!(found("RF19 5390 0754 7034").is_empty());
    assert!(found("RF18539007547035").is_empty());
    assert!(found("RF18 5390 0754 7035").is_empty());
}

#[test]
fn a_reference_must_stand_on_its_own() {
    assert!(found("XRF18539007547034").is_empty());
    assert!(found("RF18539007547034X").is_empty());
    assert_eq!(
        found("RF18539007547034/RF332348236"),
        ["RF18539007547034", "RF332348236"]
    );
    assert_eq!(
        found("RF332348236 and again RF33 2348 236"),
        ["RF332348236"]
    );
}

#[test]
fn reference_words_keep_separators_inside_and_drop_punctuation_around() {
    assert_eq!(
        reference_words("Invoice INV-2026-0042, case (ACME/17); ok 12"),
        ["INV-2026-0042", "ACME/17"]
    );
}

#[test]
fn party_names_are_compared_without_case_punctuation_or_legal_form_spacing() {
    assert!(same_party("GLOBEX GMBH", "Globex GmbH"));
    assert!(same_party("Globex", "Globex G.m.b.H."));
    assert!(!same_party("Initech AG", "Globex GmbH"));
    assert!(!same_party("AG", "Globex AG"));
}
