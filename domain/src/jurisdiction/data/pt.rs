//! Portugal. Described in `docs/law.md`, "PT — Portugal".

use super::common::{
    CollectionCostBasis, CollectionCostRule, HALF_YEARLY_DAY_BEFORE, Jurisdiction,
    JurisdictionCode, RateSeries, RuleTopic, date, dec, eur, flat_per_payment, from_date, gap,
    reference_rule,
};

/// Portugal (`PT`).
pub(in crate::jurisdiction) const PT: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("PT"),
    name: "Portugal",
    languages: &["pt"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_DAY_BEFORE,
        from_date(date(2013, 7, 1), "day interest starts to run"),
        "Decreto-Lei 62/2013 (in force 1 July 2013), Código Comercial art. 102 §5, Portaria 277/2013: the rate the \
         ECB applied to its most recent main refinancing operation before 1 January / 1 July, for the 1st / 2nd \
         semester, + 8 pp, published each semester by DGTF notice",
        "Published values (2013-H2 8.5 %, 2014-H2 8.15 %, 2015-H1 8.05 %, 2019-H1 8 %) match. Simple interest: \
         Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        Some(date(2013, 7, 1)),
        "Decreto-Lei 62/2013: at least EUR 40, without demand",
        "",
    )],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        },
        legal_basis: "Decreto-Lei 62/2013: proven higher recovery costs",
        note: "",
    }),
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Allocation,
            "Código Civil art. 785 (expenses, interest, capital) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "20 years (art. 309) for B2B invoices is a reading of the code, not a holding, and the start day and \
             acknowledgment rules (art. 325) were not verified.",
        ),
    ],
};
