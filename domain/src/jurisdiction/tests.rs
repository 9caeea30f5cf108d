//! Checks over the whole registry: completeness against the reference list, consistency of every
//! record, and the statutory amounts at their band edges.

use super::*;
use crate::interest::{RateFixing, RateFormula, ReferenceDay};
use crate::money::{Currency, Money};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn get(code: &'static str) -> &'static Jurisdiction {
    find(JurisdictionCode::from_static(code)).expect("jurisdiction present")
}

fn money(amount: Decimal, currency: Currency) -> Money {
    Money::new(amount, currency).unwrap()
}

/// Every jurisdiction the registry holds, in code order (GB as GB-ENG).
const REGISTERED: [&str; 62] = [
    "AE", "AR", "AT", "AU-NSW", "AU-VIC", "BE", "BG", "BR", "CA-BC", "CA-ON", "CA-QC", "CH", "CL",
    "CN", "CO", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB-ENG", "GB-SCT", "GR", "HK",
    "HR", "HU", "IE", "IL", "IN", "IS", "IT", "JP", "KR", "LT", "LU", "LV", "MT", "MX", "MY", "NL",
    "NO", "NZ", "PL", "PT", "RO", "SA", "SE", "SG", "SI", "SK", "TH", "TR", "TW", "US-CA", "US-FL",
    "US-IL", "US-NY", "US-TX", "ZA",
];

#[test]
fn the_registry_holds_exactly_the_listed_jurisdictions() {
    let codes: Vec<&str> = all().iter().map(|j| j.code.as_str()).collect();

    assert_eq!(codes, REGISTERED);
}

#[test]
fn docs_law_has_a_section_for_every_jurisdiction() {
    // The data modules point to their section of docs/law.md; a new jurisdiction without one would
    // leave its rules unexplained.
    let law = include_str!("../../../docs/law.md");
    for j in all() {
        let heading = format!("\n## {} — {}\n", j.code.as_str(), j.name);
        assert!(law.contains(&heading), "{heading}");
    }
}

#[test]
fn codes_are_unique_sorted_and_found_again() {
    let codes: Vec<&str> = all().iter().map(|j| j.code.as_str()).collect();
    let mut sorted = codes.clone();
    sorted.sort_unstable();
    sorted.dedup();

    assert_eq!(codes, sorted);
    for jurisdiction in all() {
        let parsed = JurisdictionCode::parse(&jurisdiction.code.as_str().to_lowercase()).unwrap();
        assert_eq!(find(parsed).map(|j| j.code), Some(jurisdiction.code));
    }
}

#[test]
fn a_bare_country_resolves_to_its_default_jurisdiction() {
    assert_eq!(
        default_for_country("gb").map(|c| c.to_string()).as_deref(),
        Some("GB-ENG")
    );
    assert_eq!(
        default_for_country("DE").map(|c| c.to_string()).as_deref(),
        Some("DE")
    );
    assert_eq!(default_for_country("US"), None);
    assert_eq!(default_for_country("CA"), None);
    assert_eq!(default_for_country("AU"), None);
    assert_eq!(default_for_country("XK"), None);
    assert_eq!(default_for_country("GB-SCT"), None);
}

#[test]
fn every_absent_rule_is_explained_by_a_gap() {
    for j in all() {
        let explained = |topic| j.gaps_on(topic).next().is_some();
        let code = j.code.as_str();
        assert!(
            !j.interest.is_empty() || explained(RuleTopic::Interest),
            "{code} interest"
        );
        assert!(
            !j.recovery_compensation.is_empty() || explained(RuleTopic::RecoveryCompensation),
            "{code} compensation"
        );
        assert!(
            j.collection_costs.is_some() || explained(RuleTopic::CollectionCosts),
            "{code} costs"
        );
        assert!(
            j.allocation.is_some() || explained(RuleTopic::Allocation),
            "{code} allocation"
        );
        assert!(
            !j.prescription.is_empty() || explained(RuleTopic::Prescription),
            "{code} prescription"
        );
    }
}

#[test]
fn every_rule_names_its_legal_basis() {
    for j in all() {
        let code = j.code.as_str();
        assert!(!j.name.is_empty() && !j.languages.is_empty(), "{code}");
        assert!(j.currency().is_ok(), "{code} currency");
        j.interest
            .iter()
            .for_each(|r| assert!(!r.legal_basis.is_empty(), "{code}"));
        j.recovery_compensation
            .iter()
            .for_each(|r| assert!(!r.legal_basis.is_empty(), "{code}"));
        j.collection_costs
            .iter()
            .for_each(|r| assert!(!r.legal_basis.is_empty(), "{code}"));
        j.allocation
            .iter()
            .for_each(|r| assert!(!r.legal_basis.is_empty(), "{code}"));
        j.prescription
            .iter()
            .for_each(|r| assert!(!r.legal_basis.is_empty() && r.period_years > 0, "{code}"));
        j.gaps
            .iter()
            .for_each(|g| assert!(!g.reason.is_empty(), "{code}"));
    }
}

#[test]
fn statutory_amounts_are_exact_and_bands_end_open() {
    for j in all() {
        for rule in j.recovery_compensation {
            match rule.schedule {
                CompensationSchedule::Flat { amount } => {
                    assert!(
                        Money::new(amount.amount, amount.currency).is_ok(),
                        "{}",
                        j.code
                    );
                }
                CompensationSchedule::Banded { bands, .. } => {
                    assert!(
                        bands.last().is_some_and(|b| b.up_to.is_none()),
                        "{}",
                        j.code
                    );
                    for band in bands {
                        assert!(
                            Money::new(band.amount.amount, band.amount.currency).is_ok(),
                            "{}",
                            j.code
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn half_yearly_rules_never_observe_the_day_interest_starts() {
    for j in all() {
        for rule in j.interest {
            if let RateFormula::Reference {
                fixing: RateFixing::HalfYearly { reference_day },
                ..
            } = rule.rate
            {
                assert_ne!(reference_day, ReferenceDay::DayInterestStarts, "{}", j.code);
            }
        }
    }
}

#[test]
fn every_record_serialises_for_the_api() {
    for j in all() {
        let json = serde_json::to_value(j).unwrap();
        assert_eq!(json["code"], j.code.as_str());
    }
    let german = serde_json::to_value(get("DE")).unwrap();
    assert_eq!(german["interest"][0]["rate"]["margin_percent"], "9");
}

#[test]
fn rules_that_changed_over_time_are_chosen_by_date() {
    let germany = get("DE");
    let norway = get("NO");

    assert!(germany.compensation_for(day(2014, 7, 28)).is_none());
    assert!(germany.compensation_for(day(2014, 7, 29)).is_some());
    let nok = |amount| money(amount, Currency::NOK);
    let h1 = norway.compensation_for(day(2025, 3, 1)).unwrap();
    assert_eq!(h1.amount_for(nok(dec!(1))).unwrap(), nok(dec!(470)));
    assert!(norway.compensation_for(day(2025, 9, 1)).is_none());
}

#[test]
fn the_german_margin_depends_on_when_the_obligation_arose() {
    let margin = |date| match get("DE").interest_rule_for(date).unwrap().rate {
        RateFormula::Reference { margin_percent, .. } => margin_percent,
        RateFormula::Fixed { .. } => Decimal::ZERO,
    };

    assert_eq!(margin(day(2014, 7, 28)), dec!(8));
    assert_eq!(margin(day(2014, 7, 29)), dec!(9));
}

#[test]
fn polish_interest_names_the_debtors_and_contracts_its_ten_points_do_not_cover() {
    // Ustawa z 8 marca 2013 r. art. 4 pkt 3: + 8 pp for a public healthcare debtor, + 10 pp for
    // others since 2020; neither the debtor's kind nor the contract date is on a case.
    let poland = get("PL");
    let reasons: Vec<&str> = poland
        .gaps_on(RuleTopic::Interest)
        .map(|gap| gap.reason)
        .collect();

    assert_eq!(reasons.len(), 2);
    assert!(reasons[0].contains("healthcare provider"));
    assert!(reasons[0].contains("lit. a"));
    assert!(reasons[1].contains("before 1 January 2020"));
    assert!(reasons[1].contains("Dz.U. 2019 poz. 1649"));
    assert!(
        poland.interest[0]
            .legal_basis
            .contains("art. 4 pkt 3 lit. b")
    );
}

#[test]
fn italian_recovery_costs_count_the_forty_euros_towards_them() {
    // D.Lgs. 231/2002 art. 6(2): the EUR 40 is damages unless a greater damage, which may include
    // recovery assistance costs, is proven; Directive 2011/7/EU art. 6(3) compensates costs
    // "exceeding that fixed sum". Proven costs of EUR 300 are therefore 40 + 260, not 40 + 300.
    let costs = get("IT").collection_costs.unwrap();

    assert!(matches!(
        costs.basis,
        crate::jurisdiction::CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true
        }
    ));
    assert!(costs.legal_basis.contains("art. 6(3)"));
}

#[test]
fn irish_interest_is_known_only_for_the_due_dates_half_year() {
    // S.I. No. 580/2012: the text defining the reference rate was not read; the Department's
    // guidance reads as one rate for the debt or as a rate per half-year, which agree only for
    // the days in the half-year of the due date. Those are computed; the gap says why the rest is not.
    let ireland = get("IE");

    assert_eq!(ireland.interest.len(), 1);
    assert!(matches!(
        ireland.interest[0].rate,
        RateFormula::Reference {
            fixing: RateFixing::DueHalfYearOnly {
                reference_day: ReferenceDay::FirstDayOfHalfYear
            },
            ..
        }
    ));
    assert!(
        ireland
            .gaps_on(RuleTopic::Interest)
            .any(|gap| gap.reason.contains("Reg. 2") && gap.reason.contains("30 June"))
    );
}

#[test]
fn dutch_compounding_adds_only_the_interest_still_owed() {
    // BW 6:119(2) adds "de over dat jaar verschuldigde rente": interest paid is no longer owed, so
    // the rule computes it (interest/compounding_tests.rs) and no interest gap is left.
    let netherlands = get("NL");

    assert_eq!(netherlands.gaps_on(RuleTopic::Interest).count(), 0);
    assert!(
        netherlands.interest[0]
            .legal_basis
            .contains("verschuldigde rente")
    );
    assert!(
        netherlands.interest[0]
            .note
            .contains("not added to the base")
    );
}

#[test]
fn the_dutch_forty_euros_and_the_bik_scale_are_one_compensation() {
    // BW 6:96(4): the compensation for extrajudicial costs is at least EUR 40; the BIK scale
    // measures the same compensation, so it credits the EUR 40 and no collection-costs gap is left.
    let netherlands = get("NL");
    let costs = netherlands.collection_costs.unwrap();

    assert!(matches!(
        costs.basis,
        crate::jurisdiction::CollectionCostBasis::Scale {
            fixed_compensation_credited: true,
            ..
        }
    ));
    assert_eq!(netherlands.gaps_on(RuleTopic::CollectionCosts).count(), 0);
    assert!(
        netherlands.recovery_compensation[0]
            .legal_basis
            .contains("6:96(4)")
    );
    assert!(
        netherlands.recovery_compensation[0]
            .note
            .contains("not a sum beside it")
    );
}

#[test]
fn greek_and_scottish_interest_stay_off_until_their_texts_are_read() {
    // Law 4152/2013 subpara. Z.5 (ΦΕΚ Α 107/2013) and SSI 2002/336 were not found in a primary
    // text: no rate is fixed, and the gap names the text still to be read.
    let greece = get("GR");
    assert!(greece.interest.is_empty());
    assert!(
        greece
            .gaps_on(RuleTopic::Interest)
            .any(|gap| gap.reason.contains("107/2013"))
    );

    let scotland = get("GB-SCT");
    assert!(scotland.interest.is_empty());
    assert!(scotland.prescription.is_empty());
    assert!(
        scotland
            .gaps_on(RuleTopic::Interest)
            .any(|gap| gap.reason.contains("SSI 2002/336"))
    );
    assert!(
        scotland
            .gaps_on(RuleTopic::Prescription)
            .any(|gap| gap.reason.contains("s.6(3)"))
    );
}
