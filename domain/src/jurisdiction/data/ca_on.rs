//! Ontario. Described in `docs/law.md`, "CA-ON — Ontario".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, PrescriptionRule, PrescriptionStart, RuleTopic,
    UNKNOWN, gap, halt, no_effect, restart,
};

/// Ontario (`CA-ON`).
pub(in crate::jurisdiction) const CA_ON: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CA-ON"),
    name: "Ontario",
    languages: &["en", "fr"],
    currency_code: "CAD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[PrescriptionRule {
        applies_to: "claims in general",
        period_years: 2,
        start: PrescriptionStart::DueDate,
        ends_at_year_end: false,
        long_stop_years: Some(15),
        long_stop_moves_with_restart: true,
        effects: EventEffects {
            written_acknowledgement: restart(
                2,
                "Limitations Act, 2002 s.13 (acknowledgment of a liquidated sum, in writing and signed, s.13(10))",
            ),
            oral_acknowledgement: no_effect(
                "Limitations Act, 2002 s.13(10) (must be in writing and signed)",
            ),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt(
                "Limitations Act, 2002 s.4 (proceeding commenced within the period)",
            ),
            judgment: UNKNOWN,
        },
        legal_basis: "Limitations Act, 2002 (Ontario) s.4 (2 years from discovery), s.5 (discovery presumed on the \
                      day of the act or omission), s.15(2) (ultimate 15 years from the act or omission), s.13(1) (an \
                      acknowledgment deems the act or omission to have taken place on its day)",
        note: "Discovery is taken as the due date. An acknowledgment of interest also acknowledges the principal \
               (s.13(2)). Business agreements may vary the period.",
    }],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No B2B late-payment statute; Interest Act s.4 (5 %) and Courts of Justice Act s.128 not verified.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
    ],
};
