//! China (PRC). Described in `docs/law.md`, "CN — China".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, PrescriptionRule, PrescriptionStart, RuleTopic,
    UNKNOWN, gap, halt, restart,
};

const CN_BASIS: &str = "Civil Code art. 195 (interruption; a new period runs)";

/// China (`CN`).
pub(in crate::jurisdiction) const CN: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CN"),
    name: "China",
    languages: &["zh"],
    currency_code: "CNY",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[PrescriptionRule {
        applies_to: "civil claims in general",
        period_years: 3,
        start: PrescriptionStart::DueDate,
        ends_at_year_end: false,
        long_stop_years: Some(20),
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: restart(3, CN_BASIS),
            oral_acknowledgement: restart(3, CN_BASIS),
            part_payment: UNKNOWN,
            written_demand: restart(3, CN_BASIS),
            court_filing: halt("Civil Code art. 195 (litigation or arbitration)"),
            judgment: UNKNOWN,
        },
        legal_basis: "Civil Code art. 188: 3 years from when the creditor knew or should have known; 20-year long stop",
        note: "Knowledge is taken as the due date.",
    }],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statutory B2B rate; courts use the loan prime rate (weak source).",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Civil Code art. 561 not verified."),
    ],
};
