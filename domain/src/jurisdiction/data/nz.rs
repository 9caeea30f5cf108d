//! New Zealand. Described in `docs/law.md`, "NZ — New Zealand".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, PrescriptionRule, PrescriptionStart, RuleTopic,
    UNKNOWN, gap, halt, restart,
};

/// New Zealand (`NZ`).
pub(in crate::jurisdiction) const NZ: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("NZ"),
    name: "New Zealand",
    languages: &["en", "mi"],
    currency_code: "NZD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[PrescriptionRule {
        applies_to: "money claims",
        period_years: 6,
        start: PrescriptionStart::DueDate,
        ends_at_year_end: false,
        long_stop_years: Some(15),
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: UNKNOWN,
            oral_acknowledgement: UNKNOWN,
            part_payment: restart(
                6,
                "Limitation Act 2010 (a part payment restarts the period; section not identified)",
            ),
            written_demand: UNKNOWN,
            court_filing: halt("Limitation Act 2010 s.11 (claim filed within the period)"),
            judgment: UNKNOWN,
        },
        legal_basis: "Limitation Act 2010 s.11: 6 years from the act or omission (the due date); 15-year long stop",
        note: "The 3-year late-knowledge extension is not modelled.",
    }],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No B2B statute before judgment; interest on judgments (Interest on Money Claims Act 2016) is not a \
             collection rule.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Acknowledgment rules not verified.",
        ),
    ],
};
