//! Florida. Described in `docs/law.md`, "US-FL — Florida".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, from_due_date, gap, halt,
    no_effect, restart,
};

const fn fl_effects(years: u32) -> EventEffects {
    EventEffects {
        written_acknowledgement: restart(
            years,
            "Fla. Stat. s.95.04 (a written acknowledgment or promise signed by the debtor)",
        ),
        oral_acknowledgement: no_effect(
            "Fla. Stat. s.95.04 (an oral acknowledgment is not enough)",
        ),
        part_payment: restart(years, "Fla. Stat. s.95.04 (a part payment)"),
        written_demand: UNKNOWN,
        court_filing: halt("Fla. Stat. s.95.11 (action commenced within the period)"),
        judgment: UNKNOWN,
    }
}

/// Florida (`US-FL`).
pub(in crate::jurisdiction) const US_FL: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("US-FL"),
    name: "Florida",
    languages: &["en"],
    currency_code: "USD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[
        from_due_date(
            "open accounts and contracts not founded on a written instrument",
            4,
            fl_effects(4),
            "Fla. Stat. s.95.11(3)(k): 4 years, from the breach (for an invoice, its due date)",
            "The shorter of Florida's contract periods, shown first so an invoice's deadline is never late.",
        ),
        from_due_date(
            "contracts founded on a written instrument",
            5,
            fl_effects(5),
            "Fla. Stat. s.95.11(2)(b): 5 years, from the breach",
            "",
        ),
    ],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No B2B late-payment statute found: the agreed rate applies (up to 18 % a year simple under the usury \
             limit). Interest at the s.55.03 rate, set each quarter by the Chief Financial Officer, is judgment \
             interest; its use for liquidated sums before judgment was not verified and the domain ships no series \
             of it.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
    ],
};
