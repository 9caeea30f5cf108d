//! British Columbia. Described in `docs/law.md`, "CA-BC — British Columbia".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, PrescriptionRule, PrescriptionStart, RuleTopic,
    UNKNOWN, gap, halt, restart,
};

/// British Columbia (`CA-BC`).
pub(in crate::jurisdiction) const CA_BC: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CA-BC"),
    name: "British Columbia",
    languages: &["en"],
    currency_code: "CAD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[PrescriptionRule {
        applies_to: "claims in general, discovered from 1 June 2013",
        period_years: 2,
        start: PrescriptionStart::DueDate,
        ends_at_year_end: false,
        long_stop_years: Some(15),
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: restart(
                2,
                "Limitation Act, SBC 2012, c. 13: the defendant's confirmation of the claim resets the basic period",
            ),
            oral_acknowledgement: UNKNOWN,
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt(
                "Limitation Act, SBC 2012, c. 13 (proceeding commenced within the basic period)",
            ),
            judgment: UNKNOWN,
        },
        legal_basis: "Limitation Act, SBC 2012, c. 13 (in force 1 June 2013): basic period of 2 years from the day the \
                      claim is discovered; ultimate period of 15 years",
        note: "Discovery is taken as the due date. The ultimate period is held fixed after a confirmation, the early \
               reading, because whether a confirmation also resets it was not verified. Claims under the former Act \
               (6 years for most business claims) are not encoded.",
    }],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statutory B2B late-payment interest: the agreed rate applies. Without one, the court must add \
             pre-judgment interest at a rate it considers appropriate, usually the registrar's rate reset each \
             1 January and 1 July (Court Order Interest Act, RSBC 1996, c. 79, s.1(1), not where interest was agreed, \
             s.2(b)); the domain ships no registrar's rate series.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "The form a confirmation needs and whether a part payment confirms (s.24) were not verified: only a \
             written acknowledgment restarts the period here.",
        ),
    ],
};
