//! Bulgaria. Described in `docs/law.md`, "BG — Bulgaria".

use super::common::{
    CompensationSchedule, CompensationUnit, Currency, EventEffects, Jurisdiction, JurisdictionCode,
    RecoveryCompensation, RuleTopic, UNKNOWN, amount, date, from_due_date, gap, halt,
};

const BG_EFFECTS: EventEffects = EventEffects {
    written_acknowledgement: UNKNOWN,
    oral_acknowledgement: UNKNOWN,
    part_payment: UNKNOWN,
    written_demand: UNKNOWN,
    court_filing: halt("ZZD art. 116 (prescription is interrupted by bringing an action)"),
    judgment: UNKNOWN,
};

/// Bulgaria (`BG`).
pub(in crate::jurisdiction) const BG: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("BG"),
    name: "Bulgaria",
    languages: &["bg"],
    // The euro replaced the lev on 1 January 2026 (Council decision of 8 July 2025, 1.95583 BGN
    // per euro); the statutory amounts below are still those written in lev.
    currency_code: "EUR",
    interest: &[],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Flat {
            amount: amount(80, Currency::BGN),
        },
        unit: CompensationUnit::PerLatePayment,
        valid_from: Some(date(2013, 3, 16)),
        valid_until: Some(date(2025, 12, 31)),
        legal_basis: "Targovski zakon art. 309a (SG 20/2013): besides default interest, the necessary collection \
                      costs fixed at BGN 80; higher costs under the general rules",
        note: "Counted per late payment as Directive 2011/7/EU art. 6 reads. Applied to debts due from 16 March \
               2013, the day from which the same amending act's interest rules govern contracts (the article's own \
               commencement was not verified); ends with the lev.",
    }],
    collection_costs: None,
    allocation: None,
    prescription: &[
        from_due_date(
            "claims in general, such as the price of an invoice",
            5,
            BG_EFFECTS,
            "ZZD art. 110 (5 years, counted from the day the claim became due)",
            "Agreements changing the periods are void; prescription is not applied of the court's own motion \
             (art. 120).",
        ),
        from_due_date(
            "interest, penalties for non-performance and other periodic payments",
            3,
            BG_EFFECTS,
            "ZZD art. 111 (3 years for damages and penalties for non-performance, interest and other periodic \
             payments), from the day each became due",
            "",
        ),
    ],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "ZZD art. 86(1) with Council of Ministers Decree 426/2014: the BNB base rate in force on 1 January / \
             1 July + 10 pp; the domain ships no BNB base-rate series, and its replacement after the euro (1 January \
             2026) was not found.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "The BGN 80 of TZ art. 309a restated in euro after 1 January 2026 was not found; debts due from then have \
             no fixed sum.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "ZZD art. 76(2) (costs, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "An acknowledgment interrupts (ZZD art. 116), but the new period that follows (art. 117) was not \
             verified, so acknowledgments and part payments restart nothing here.",
        ),
    ],
};
