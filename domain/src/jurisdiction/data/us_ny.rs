//! New York. Described in `docs/law.md`, "US-NY — New York".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, from_due_date, gap, halt,
    no_effect, restart,
};

const fn ny_effects(years: u32) -> EventEffects {
    EventEffects {
        written_acknowledgement: restart(
            years,
            "General Obligations Law s.17-101 (an acknowledgment or promise in writing)",
        ),
        oral_acknowledgement: no_effect(
            "General Obligations Law s.17-101 (the acknowledgment must be in writing)",
        ),
        part_payment: UNKNOWN,
        written_demand: UNKNOWN,
        court_filing: halt("CPLR 213 (action commenced within the period)"),
        judgment: UNKNOWN,
    }
}

/// New York (`US-NY`).
pub(in crate::jurisdiction) const US_NY: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("US-NY"),
    name: "New York",
    languages: &["en"],
    currency_code: "USD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[
        from_due_date(
            "contract claims",
            6,
            ny_effects(6),
            "CPLR 213(2): 6 years for contract claims, from breach (non-payment on the due date)",
            "The parties may shorten the period to at least 1 year but not extend it.",
        ),
        from_due_date(
            "sale of goods",
            4,
            ny_effects(4),
            "UCC 2-725: 4 years from breach for the sale of goods",
            "The parties may shorten the period to at least 1 year but not extend it.",
        ),
    ],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statute gives B2B interest before suit; CPLR 5001/5004 prejudgment interest (9 %) was not verified.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "None known; attorney's fees only by contract or statute (unverified).",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Part payment as acknowledgment not verified.",
        ),
    ],
};
