//! Belgium. Described in `docs/law.md`, "BE — Belgium"; semester rates and the
//! transitional regime checked on eubelius.com, schoups.com and embuild.be (2026-H1: 10.50 %).

use super::common::{
    CollectionCostBasis, CollectionCostRule, Compounding, ContractualRatePolicy, DayCount,
    HALF_YEARLY_DAY_BEFORE, InterestRule, Jurisdiction, JurisdictionCode, RateFormula,
    RateRounding, RateSeries, RuleTopic, date, dec, eur, flat_per_payment, from_date, gap,
};

/// Belgium (`BE`).
pub(in crate::jurisdiction) const BE: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("BE"),
    name: "Belgium",
    languages: &["nl", "fr", "de"],
    currency_code: "EUR",
    interest: &[InterestRule {
        rate: RateFormula::Reference {
            series: RateSeries::EcbMainRefinancing,
            margin_percent: dec(8, 0),
            fixing: HALF_YEARLY_DAY_BEFORE,
            rounding: RateRounding::UpToHalfPoint,
        },
        compounding: Compounding::Simple,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::Replaces,
        applies_to: from_date(
            date(2013, 3, 16),
            "date the contract was concluded, renewed or extended",
        ),
        legal_basis: "Law of 2 August 2002 on late payment in commercial transactions, art. 5 para. 2 (as amended by \
                      the law of 22 November 2013): ECB policy rate + 8 pp, rounded up to the next half point, \
                      published per semester",
        note: "Each semester's published rate applies to the interest of that semester. No ECB change ever took \
               effect on 1 January or 1 July, so reading the rate on that day or the day before gives the same \
               figures. Older contracts (before 16 March 2013) had +7 pp until 15 March 2015 and are not encoded.",
    }],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Law of 2 August 2002, art. 6 (as amended in 2013, transposing Directive 2011/7/EU art. 6): EUR 40 flat",
        "Verified through commentaries on art. 6, not in the Belgian text itself.",
    )],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        },
        legal_basis: "Law of 2 August 2002, art. 6: reasonable compensation for all other recovery costs",
        note: "",
    }),
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Allocation,
            "Old Civil Code art. 1254 (interest before capital) is verified, but the new Civil Code Book 5 in force \
             since 1 January 2023 was not checked, so the current order is unknown.",
        ),
        gap(
            RuleTopic::Prescription,
            "10 years (art. 2262bis §1) and its interruptions are verified, but not the day the period starts.",
        ),
    ],
};
