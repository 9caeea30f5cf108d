//! Colombia. Described in `docs/law.md`, "CO — Colombia".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, gap};

/// Colombia (`CO`).
pub(in crate::jurisdiction) const CO: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CO"),
    name: "Colombia",
    languages: &["es"],
    currency_code: "COP",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Código de Comercio art. 884 (Ley 510 de 1999 art. 111): without agreement, moratory interest is 1.5 times \
             the interés bancario corriente certified by the Superintendencia Financiera; the domain ships no series \
             of the certified rate and its rate formulas cannot multiply one.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Interest first (Código Civil art. 1653) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "The executive action prescribes in 5 years from exigibility (Código Civil art. 2536, Ley 791 de 2002 \
             art. 8), but the period of the ordinary action (10 years) and of the invoice's cambiaria action (3 years, \
             Código de Comercio art. 789) were not verified, so no deadline for an invoice is computed.",
        ),
    ],
};
