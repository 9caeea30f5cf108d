//! Latvia. Described in `docs/law.md`, "LV — Latvia".

use super::common::{
    HALF_YEARLY_DAY_BEFORE, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic, date, dec,
    from_date, gap, reference_rule,
};

/// Latvia (`LV`).
pub(in crate::jurisdiction) const LV: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("LV"),
    name: "Latvia",
    languages: &["lv"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_DAY_BEFORE,
        from_date(date(2014, 1, 1), "day interest starts to run"),
        "Civil Law s.1765(2): for late payment of money agreed as consideration under a contract for the supply of \
         goods, purchase or services, 8 pp above the base rate a year; s.1765(3) (as worded by the law of \
         19 September 2013, in force 1 January 2014): the base rate is the rate of the ECB's most recent main \
         refinancing operation before the first calendar day of the half-year, for the next six months",
        "Before 2014 the base was a Latvijas Banka rate (+ 7 pp in the 2012 wording), not encoded. Simple interest: \
         Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "The day the margin of s.1765(2) rose from 7 to 8 pp was not verified; the rule takes 8 pp from \
             1 January 2014, when the ECB base took effect. Interest stops accruing when unpaid interest reaches the \
             principal (s.1763); whether that caps the commercial rate was not verified and no cap is applied.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "EUR 40 of debt-recovery costs is verified only for public-authority debtors; the rule for businesses and \
             its article were not verified.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Not found."),
        gap(
            RuleTopic::Prescription,
            "Claims from commercial transactions prescribe in 3 years (Commercial Law s.406), but the start (Civil \
             Law s.1896) and the interruptions were not verified, so no deadline is computed.",
        ),
    ],
};
