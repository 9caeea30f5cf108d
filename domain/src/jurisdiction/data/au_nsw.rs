//! New South Wales. Described in `docs/law.md`, "AU-NSW — New South Wales".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, from_due_date, gap, only_filing};

/// New South Wales (`AU-NSW`).
pub(in crate::jurisdiction) const AU_NSW: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("AU-NSW"),
    name: "New South Wales",
    languages: &["en"],
    currency_code: "AUD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "contract claims",
        6,
        only_filing("Limitation Act 1969 (NSW) s.14(1)(a) (action brought within the period)"),
        "Limitation Act 1969 (NSW) s.14(1)(a): 6 years from accrual (for an unpaid invoice, the due date)",
        "Deeds: 12 years (not encoded).",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Pre-judgment interest is discretionary (Civil Procedure Act 2005 s.100; unverified).",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Written acknowledgment and part payment (ss.54-55) not verified.",
        ),
    ],
};
