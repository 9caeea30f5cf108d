//! Brazil. Described in `docs/law.md`, "BR — Brazil".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, gap};

/// Brazil (`BR`).
pub(in crate::jurisdiction) const BR: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("BR"),
    name: "Brazil",
    languages: &["pt"],
    currency_code: "BRL",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Código Civil art. 406 (Lei 14.905/2024): legal rate = Selic minus IPCA, floored at 0, is verified, but \
             neither series is embedded and the CMN methodology is not encoded.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "None in statute (unverified).",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Código Civil art. 354 not verified."),
        gap(
            RuleTopic::Prescription,
            "5 years (art. 206 §5 I) and single interruption (art. 202) not verified.",
        ),
    ],
};
