//! Singapore. Described in `docs/law.md`, "SG — Singapore".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, from_due_date, gap, halt,
    restart,
};

/// Singapore (`SG`).
pub(in crate::jurisdiction) const SG: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("SG"),
    name: "Singapore",
    languages: &["en", "ms", "zh", "ta"],
    currency_code: "SGD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "contract claims",
        6,
        EventEffects {
            written_acknowledgement: restart(
                6,
                "Limitation Act ss.26-27 (written acknowledgment: fresh accrual)",
            ),
            oral_acknowledgement: UNKNOWN,
            part_payment: restart(6, "Limitation Act ss.26-27 (part payment: fresh accrual)"),
            written_demand: UNKNOWN,
            court_filing: halt("Limitation Act s.6(1)(a) (action brought within the period)"),
            judgment: UNKNOWN,
        },
        "Limitation Act s.6(1)(a): 6 years from accrual (for an unpaid invoice, the due date)",
        "",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No B2B statute; court practice (5.33 % post-judgment) not verified.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
    ],
};
