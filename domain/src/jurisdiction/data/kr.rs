//! South Korea. Described in `docs/law.md`, "KR — South Korea"; Civil Act arts. 163 and 166 read
//! in an English translation and a Supreme Court judgment quoting art. 166.

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, dec, fixed_rule,
    from_due_date, gap, halt, restart,
};

const fn kr_effects(years: u32) -> EventEffects {
    EventEffects {
        written_acknowledgement: restart(
            years,
            "Civil Act art. 168 (acknowledgment interrupts prescription); art. 178(1) (the period runs anew once the \
             interruption ends)",
        ),
        oral_acknowledgement: UNKNOWN,
        part_payment: UNKNOWN,
        written_demand: UNKNOWN,
        court_filing: halt("Civil Act arts. 168, 170 (a judicial claim interrupts prescription)"),
        judgment: UNKNOWN,
    }
}

/// South Korea (`KR`).
pub(in crate::jurisdiction) const KR: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("KR"),
    name: "South Korea",
    languages: &["ko"],
    currency_code: "KRW",
    interest: &[fixed_rule(
        dec(6, 0),
        None,
        None,
        "Commercial Act art. 54: 6 % a year on debts arising from commercial acts (civil debts 5 %), from the due \
         date unless otherwise agreed",
        "From the day after the complaint is served the court awards 12 % a year (Act on Special Cases Concerning \
         Expedition of Legal Proceedings art. 3(1), since 1 June 2019), not encoded. A Ministry of Justice draft of \
         April 2025 would make the rate variable; a change needs a data update.",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[
        from_due_date(
            "price of products and merchandise sold by producers and merchants",
            3,
            kr_effects(3),
            "Civil Act art. 163(vi) (3 years for the price of products and merchandise sold by producers and \
             merchants); art. 166(1) (from when the right can be exercised, for a claim with a time limit when it \
             expires)",
            "",
        ),
        from_due_date(
            "other claims arising from commercial acts",
            5,
            kr_effects(5),
            "Commercial Act art. 64 (5 years for claims from commercial acts, unless a shorter period applies); \
             Civil Act art. 166(1) (from when the right can be exercised)",
            "",
        ),
    ],
    gaps: &[
        gap(RuleTopic::RecoveryCompensation, "Not found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Civil Act art. 479 (expenses, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "A demand interrupts only if an action follows within 6 months (art. 174, unverified) and whether a part \
             payment or an oral acknowledgment counts as acknowledgment was not verified; they restart nothing here.",
        ),
    ],
};
