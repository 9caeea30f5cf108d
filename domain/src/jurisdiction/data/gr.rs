//! Greece. Described in `docs/law.md`, "GR — Greece".

use super::common::{
    CollectionCostBasis, CollectionCostRule, Jurisdiction, JurisdictionCode, RuleTopic, date, eur,
    flat_per_payment, gap,
};

/// Greece (`GR`).
pub(in crate::jurisdiction) const GR: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("GR"),
    name: "Greece",
    languages: &["el"],
    currency_code: "EUR",
    interest: &[],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        Some(date(2013, 3, 16)),
        "Law 4152/2013 subpara. Z.5: EUR 40 automatically, plus recovery costs",
        "For contracts from 16 March 2013; the due date is used here.",
    )],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        },
        legal_basis: "Law 4152/2013 subpara. Z.5: recovery costs in addition to the EUR 40 minimum (Directive \
                      2011/7/EU art. 6(3): costs exceeding the fixed sum)",
        note: "",
    }),
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "ECB rate + 8 pp (Law 4152/2013 subpara. Z.5) is verified, but the Greek text defining the reference \
             rate (ΦΕΚ Α 107/2013) was not read: neither the day its ECB rate is read (1 January / 1 July, as in \
             Italy and France, or the last operation before it, as in Spain and Portugal) nor whether a running \
             debt changes rate each half-year or keeps one rate (as in the Czech Republic) is confirmed, so no rate is fixed.",
        ),
        gap(
            RuleTopic::Allocation,
            "Civil Code art. 423 (expenses, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "5 years from the end of the year (Civil Code arts. 250, 253) not verified.",
        ),
    ],
};
