//! Lithuania. Described in `docs/law.md`, "LT — Lithuania".

use super::common::{
    Jurisdiction, JurisdictionCode, RateFixing, RateSeries, ReferenceDay, RuleTopic, date, dec,
    from_date, gap, reference_rule,
};

/// Lithuania (`LT`).
pub(in crate::jurisdiction) const LT: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("LT"),
    name: "Lithuania",
    languages: &["lt"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        RateFixing::FixedAtStart {
            reference_day: ReferenceDay::FirstDayOfHalfYear,
        },
        from_date(date(2013, 3, 1), "day interest starts to run"),
        "Law on the prevention of late payment in commercial contracts (as amended, in force 1 March 2013): the ECB \
         rate of its most recent main refinancing operation + 8 pp, taking the rate of the half-year in which the \
         obligation to pay interest arose (first half-year: the rate on 1 January; second: the rate on 1 July)",
        "One rate for the whole default. Before 2013 the rate was monthly VILIBOR + 7 pp (not encoded). Simple \
         interest: Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::RecoveryCompensation,
            "The Law gives a compensation of recovery costs, but its amount (EUR 40) was not verified.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "A collection agency describes the order as enforcement costs, interest, penalties, principal; the Civil \
             Code article (6.54) was not verified, so no order is applied.",
        ),
        gap(
            RuleTopic::Prescription,
            "The 10-year general period (Civil Code art. 1.125) and its interruption (art. 1.130) were not verified.",
        ),
    ],
};
