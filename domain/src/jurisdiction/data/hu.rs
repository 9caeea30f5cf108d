//! Hungary. Described in `docs/law.md`, "HU — Hungary".

use super::common::{
    Applicability, HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic,
    dec, eur, flat_per_payment, gap, reference_rule,
};

/// Hungary (`HU`).
pub(in crate::jurisdiction) const HU: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("HU"),
    name: "Hungary",
    languages: &["hu"],
    currency_code: "HUF",
    interest: &[reference_rule(
        RateSeries::HuMnbBaseRate,
        dec(8, 0),
        HALF_YEARLY_FIRST_DAY,
        Applicability::ALWAYS,
        "Ptk. 6:155(1): the central bank base rate valid on the first day of the half-year + 8 pp, between \
         businesses and with contracting authorities",
        "The embedded MNB series holds every change from the rate in force on 1 January 2014; four days of effect in \
         2023-2024 are inferred (see docs/law.md). Simple interest: Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Act IX of 2016 (behajtási költségátalány, formerly Ptk. 6:155(2)): the HUF equivalent of EUR 40",
        "",
    )],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Ptk. 6:46 (costs, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "5 years (Ptk. 6:22) and interruptions (6:25) not verified.",
        ),
    ],
};
