//! Croatia. Described in `docs/law.md`, "HR — Croatia".

use super::common::{
    HALF_YEARLY_DAY_BEFORE, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic, date, dec,
    from_date, gap, reference_rule,
};

/// Croatia (`HR`).
pub(in crate::jurisdiction) const HR: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("HR"),
    name: "Croatia",
    languages: &["hr"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_DAY_BEFORE,
        from_date(date(2023, 1, 1), "day interest starts to run"),
        "Zakon o obveznim odnosima arts. 29-31 (as amended up to NN 156/22): in commercial contracts and contracts \
         between a trader and a public body, the ECB rate on its most recent main refinancing operation before the \
         first day of the current half-year + 8 pp, for that half-year",
        "From 1 January 2023: 2.50 + 8 = 10.50 %. Other relations bear + 3 pp (not encoded). Simple interest: \
         Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Interest that started to run before 1 January 2023 followed the former rule (HNB average rate on loans \
             of over a year to non-financial companies + 5 pp, published 1 January / 1 July); the domain ships no HNB \
             series, so it is not computed.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "ZFPPN art. 13 gives a lump sum per invoice owed without demand, HRK 300 in the 2012 text; its amount in \
             euro after NN 114/22 (in force 1 January 2023) was not verified.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "ZOO art. 172 (costs, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "The general period is 5 years from the day after the claim fell due, but mutual claims from commercial \
             contracts prescribe in 3 years (ZOO art. 228), which was not verified, so no deadline is computed.",
        ),
    ],
};
