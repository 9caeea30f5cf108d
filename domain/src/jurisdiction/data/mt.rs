//! Malta. Described in `docs/law.md`, "MT — Malta".

use super::common::{
    Applicability, HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic,
    dec, eur, flat_per_payment, gap, reference_rule,
};

/// Malta (`MT`).
pub(in crate::jurisdiction) const MT: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("MT"),
    name: "Malta",
    languages: &["mt", "en"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_FIRST_DAY,
        Applicability::ALWAYS,
        "Commercial Code (Cap. 13) Title II Sub-Title IA (LN 13/2014): simple interest at the reference rate + 8 %, \
         the rate in force on 1 January for the first semester and on 1 July for the second",
        "Verified: 10.15 % from 1 January 2026. Due from the day after the agreed date without reminder.",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Commercial Code (Cap. 13) Title II Sub-Title IA: a minimum of EUR 40 for own recovery costs",
        "The article number was not verified.",
    )],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Not found."),
        gap(
            RuleTopic::Prescription,
            "5 years (Civil Code art. 2156(f)) and interruption by a judicial act (arts. 2128, 2136) are verified, \
             but not the day the period starts.",
        ),
    ],
};
