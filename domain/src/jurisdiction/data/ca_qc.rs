//! Québec. Described in `docs/law.md`, "CA-QC — Québec".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, dec, fixed_rule,
    from_due_date, gap, halt, no_effect,
};

/// Québec (`CA-QC`).
pub(in crate::jurisdiction) const CA_QC: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CA-QC"),
    name: "Québec",
    languages: &["fr", "en"],
    currency_code: "CAD",
    interest: &[fixed_rule(
        dec(5, 0),
        None,
        None,
        "Civil Code of Québec art. 1617: damages for delay in paying money consist of interest at the agreed rate \
         or, failing that, at the legal rate, without proof of loss; the legal rate is 5 % a year (federal \
         Interest Act)",
        "Runs from the debtor's default (demeure): by operation of law, from a formal notice, or from the suit, \
         which may be later than the due date. The additional indemnity of art. 1619 (the excess of the rate under \
         s.28 of the Tax Administration Act over the legal rate), which a court may add, is not encoded.",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "personal rights, such as the price of an invoice",
        3,
        EventEffects {
            written_acknowledgement: UNKNOWN,
            oral_acknowledgement: UNKNOWN,
            part_payment: UNKNOWN,
            written_demand: no_effect(
                "Civil Code of Québec arts. 2892, 2898: only a judicial demand or an acknowledgment interrupts; a \
                 formal notice (mise en demeure) does not",
            ),
            court_filing: halt(
                "Civil Code of Québec art. 2892 (a judicial demand filed and served interrupts)",
            ),
            judgment: UNKNOWN,
        },
        "Civil Code of Québec art. 2925 (3 years for a personal right); art. 2880 (from the day the right of action \
         arises; for an account, the stipulated due date)",
        "",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Interest runs from the debtor's default (demeure): by operation of law, from receipt of a formal \
             notice, or else from the suit. When the due date alone puts a debtor in default was not verified; where \
             it does not, interest from the day after the due date is too high and must start on the day of the \
             notice.",
        ),
        gap(
            RuleTopic::Interest,
            "The additional indemnity of art. 1619 is left out: its current rate was not found.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Debtor designation (art. 1569) and interest before capital (art. 1570) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "A clear acknowledgment interrupts (art. 2898), but the new period that follows (art. 2903) was not \
             verified, so acknowledgments restart nothing here.",
        ),
    ],
};
