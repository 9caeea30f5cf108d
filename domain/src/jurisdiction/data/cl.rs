//! Chile. Described in `docs/law.md`, "CL — Chile".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, from_due_date, gap, only_filing};

/// Chile (`CL`).
pub(in crate::jurisdiction) const CL: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CL"),
    name: "Chile",
    languages: &["es"],
    currency_code: "CLP",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "actions arising from commercial acts, such as an invoice",
        4,
        only_filing("Código de Comercio art. 822 (action brought within the period)"),
        "Código de Comercio art. 822 (4 years for commercial acts), applied to an invoice claim by the Corte Suprema \
         on 31 January 2012 (Rol 623-2010); from exigibility (Código Civil art. 2514)",
        "The executive action on an invoice (1 year under Ley 19.983) is not encoded.",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Ley 19.983 as amended by Ley 21.131 (30-day payment term) adds current interest for each day of delay and \
             a moratory commission, but neither the rate nor the commission formula was verified, so none is computed.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "The moratory commission of Ley 19.983 exists, but its amount was not found.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Interest first (Código Civil art. 1595) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Natural interruption by acknowledgment and civil interruption by judicial demand (Código Civil art. \
             2518) were not verified; only the filing is taken into account.",
        ),
    ],
};
