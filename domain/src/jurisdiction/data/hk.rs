//! Hong Kong. Described in `docs/law.md`, "HK — Hong Kong".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, from_due_date, gap, halt,
    restart,
};

/// Hong Kong (`HK`).
pub(in crate::jurisdiction) const HK: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("HK"),
    name: "Hong Kong",
    languages: &["zh", "en"],
    currency_code: "HKD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "simple contracts",
        6,
        EventEffects {
            written_acknowledgement: restart(
                6,
                "Limitation Ordinance (Cap. 347) s.23 (acknowledgment)",
            ),
            oral_acknowledgement: UNKNOWN,
            part_payment: restart(6, "Limitation Ordinance (Cap. 347) s.23 (part payment)"),
            written_demand: UNKNOWN,
            court_filing: halt(
                "Limitation Ordinance (Cap. 347) s.4(1)(a) (action brought within the period)",
            ),
            judgment: UNKNOWN,
        },
        "Limitation Ordinance (Cap. 347) s.4(1)(a): 6 years from accrual (for an unpaid invoice, the due date)",
        "",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Pre-judgment interest is discretionary (unverified).",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
    ],
};
