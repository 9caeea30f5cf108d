//! Luxembourg. Described in `docs/law.md`, "LU — Luxembourg".

use super::common::{
    HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic, date, dec, eur,
    flat_per_payment, from_date, gap, reference_rule,
};

/// Luxembourg (`LU`).
pub(in crate::jurisdiction) const LU: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("LU"),
    name: "Luxembourg",
    languages: &["lb", "fr", "de"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_FIRST_DAY,
        from_date(date(2013, 3, 29), "day the payment fell due"),
        "Loi modifiée du 18 avril 2004 (as amended by the loi du 29 mars 2013): intérêts simples at the ECB reference \
         rate + 8 pp, due without reminder from the day after the payment date, published per semester in the \
         Mémorial",
        "Each semester's rate applies to the interest of that semester.",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Loi modifiée du 18 avril 2004, section on indemnisation pour les frais de recouvrement: at least EUR 40, due \
         automatically",
        "",
    )],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Code civil art. 1254 (interest first) not verified for Luxembourg.",
        ),
        gap(
            RuleTopic::Prescription,
            "10 years between merchants (Code de commerce art. 189) and its interruptions not verified.",
        ),
    ],
};
