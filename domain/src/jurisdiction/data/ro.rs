//! Romania. Described in `docs/law.md`, "RO — Romania"; Civil Code arts. 2523-2524 read on a
//! mirror of the Code.

use super::common::{
    Jurisdiction, JurisdictionCode, RuleTopic, date, eur, flat_per_payment, from_due_date, gap,
    only_filing,
};

/// Romania (`RO`).
pub(in crate::jurisdiction) const RO: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("RO"),
    name: "Romania",
    languages: &["ro"],
    currency_code: "RON",
    interest: &[],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        Some(date(2013, 4, 5)),
        "Legea 72/2013 (in force 5 April 2013; article not verified): minimum damages of EUR 40 for recovery \
         costs, payable in lei at the BNR exchange rate",
        "Counted per late payment as Directive 2011/7/EU art. 6 reads.",
    )],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "contractual claims to pay money",
        3,
        only_filing(
            "Codul civil art. 2500(1) (the right of action is extinguished only if not exercised within the period)",
        ),
        "Codul civil (arts. 2500-2544): general period of 3 years (art. 2517, number not verified); art. 2524(1): for \
         contractual obligations to give or to do, from the day the obligation becomes due",
        "",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "OG 13/2011 with Legea 72/2013: penalty interest at the BNR reference rate + 4 pp as first in force \
             (2013), and + 8 pp between professionals under art. 3(2¹) as amended (not verified); the domain ships no \
             BNR reference-rate series either, so it is not computed.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Codul civil art. 1509 (costs, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Interruption by acknowledgment, court claim or enforcement (Codul civil art. 2537) was not verified; only \
             the filing is taken into account.",
        ),
    ],
};
