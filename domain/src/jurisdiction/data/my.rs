//! Malaysia. Described in `docs/law.md`, "MY — Malaysia".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, from_due_date, gap, halt,
    no_effect, restart,
};

/// Malaysia (`MY`).
pub(in crate::jurisdiction) const MY: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("MY"),
    name: "Malaysia",
    languages: &["ms", "en"],
    currency_code: "MYR",
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
                "Limitation Act 1953 s.26(2) (the right accrues again on the date of the acknowledgment); s.27 (in \
                 writing and signed)",
            ),
            oral_acknowledgement: no_effect(
                "Limitation Act 1953 s.27 (an acknowledgment must be in writing and signed)",
            ),
            part_payment: restart(
                6,
                "Limitation Act 1953 s.26(2) (the right accrues again on the date of the payment)",
            ),
            written_demand: UNKNOWN,
            court_filing: halt("Limitation Act 1953 s.6(1) (action brought within the period)"),
            judgment: UNKNOWN,
        },
        "Limitation Act 1953 s.6(1)(a): 6 years from the date the cause of action accrued (the breach, for an unpaid \
         invoice the due date)",
        "Limitation must be pleaded (s.4).",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statutory B2B late-payment interest: the agreed rate applies. Pre-judgment interest is at the court's \
             discretion (Civil Law Act 1956 s.11; 8 % described as usual) and post-judgment interest is 5 % a year \
             (Rules of Court 2012 O.42 r.12, Practice Direction 1/2012); neither is a rate a case can compute before \
             suit.",
        ),
        gap(RuleTopic::RecoveryCompensation, "Not found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Contracts Act 1950 ss.60-62 (debtor, then creditor, then order of time) not verified.",
        ),
    ],
};
