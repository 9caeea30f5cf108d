//! Texas. Described in `docs/law.md`, "US-TX — Texas".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, from_due_date, gap, halt,
    no_effect, restart,
};

/// Texas (`US-TX`).
pub(in crate::jurisdiction) const US_TX: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("US-TX"),
    name: "Texas",
    languages: &["en"],
    currency_code: "USD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "debt, open account and written contract claims",
        4,
        EventEffects {
            written_acknowledgement: restart(
                4,
                "Civil Practice and Remedies Code s.16.065 (an acknowledgment in writing signed by the party to be \
                 charged)",
            ),
            oral_acknowledgement: no_effect(
                "Civil Practice and Remedies Code s.16.065 (the acknowledgment must be in writing and signed)",
            ),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt(
                "Civil Practice and Remedies Code s.16.004 (suit brought within the period)",
            ),
            judgment: UNKNOWN,
        },
        "Civil Practice and Remedies Code s.16.004: 4 years for debt, open account and written contract claims, from \
         accrual (for an unpaid invoice, the due date); Business and Commerce Code s.2.725: 4 years for the sale of \
         goods",
        "A part payment alone does not revive a barred debt (Stine v. Stewart, 80 S.W.3d 586 (Tex. 2002)).",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No B2B late-payment statute: the agreed rate applies. Without one, Finance Code s.302.002 gives legal \
             interest of 6 % a year on the principal from the 30th day after the sum is due; interest here always \
             runs from the day after the due date and the model has no delayed start, so it is not computed. \
             Judgment interest (Finance Code s.304.003) is prime-based, read differently by two sources.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "None; attorney's fees on contract or sworn-account claims (CPRC s.38.001) not verified.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Whether a part payment before the bar restarts the period was not verified.",
        ),
    ],
};
