//! India. Described in `docs/law.md`, "IN — India".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, PrescriptionRule, PrescriptionStart, RuleTopic,
    UNKNOWN, gap, halt, no_effect, restart,
};

/// India (`IN`).
pub(in crate::jurisdiction) const IN: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("IN"),
    name: "India",
    languages: &["en", "hi"],
    currency_code: "INR",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[PrescriptionRule {
        applies_to: "price of goods sold and delivered",
        period_years: 3,
        start: PrescriptionStart::ClaimArose,
        ends_at_year_end: false,
        long_stop_years: None,
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: restart(
                3,
                "Limitation Act 1963 s.18 (an acknowledgment in writing signed by the debtor before the period \
                 expires gives a fresh period)",
            ),
            oral_acknowledgement: no_effect(
                "Limitation Act 1963 s.18 (the acknowledgment must be in writing and signed)",
            ),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt("Limitation Act 1963 s.3 (suit instituted within the period)"),
            judgment: UNKNOWN,
        },
        legal_basis: "Limitation Act 1963, Schedule, Art. 14: 3 years for the price of goods sold and delivered, from \
                      the date of the delivery (each delivery separately)",
        note: "The arising date is the delivery. Where a fixed period of credit was agreed, Art. 15 (from the expiry of \
               the credit) would give a later deadline; it was not verified, so the earlier one of Art. 14 is shown. \
               Time-barred suits are dismissed even if limitation is not pleaded (s.3).",
    }],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No general statutory B2B rate: the agreed rate applies, and otherwise the court's under CPC s.34. For \
             micro and small suppliers, MSMED Act 2006 s.16 gives compound interest with monthly rests at three \
             times the RBI bank rate; the domain ships no RBI bank-rate series and compounds at most yearly, so it \
             is not computed.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "No statutory fixed sum found.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Indian Contract Act 1872 ss.59-61 codify appropriation, but their order was not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "A part payment gives a fresh period under s.19, but a High Court held that payments by cheque on \
             account were not an acknowledgment under it; the conditions were not verified, so part payments \
             restart nothing here.",
        ),
    ],
};
