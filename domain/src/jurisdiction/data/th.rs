//! Thailand. Described in `docs/law.md`, "TH — Thailand".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, date, dec, fixed_rule,
    from_due_date, gap, halt, restart,
};

const TH_INTERRUPTION: &str = "CCC s.193/14 (interrupted by a written acknowledgment, part payment, payment of \
                               interest, security or another unequivocal act); s.193/15 (a fresh period after the \
                               interruption)";

const fn th_effects(years: u32) -> EventEffects {
    EventEffects {
        written_acknowledgement: restart(years, TH_INTERRUPTION),
        oral_acknowledgement: UNKNOWN,
        part_payment: restart(years, TH_INTERRUPTION),
        written_demand: UNKNOWN,
        court_filing: halt("CCC s.193/14 (interrupted by bringing an action)"),
        judgment: UNKNOWN,
    }
}

/// Thailand (`TH`).
pub(in crate::jurisdiction) const TH: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("TH"),
    name: "Thailand",
    languages: &["th"],
    currency_code: "THB",
    interest: &[fixed_rule(
        dec(5, 0),
        Some(date(2021, 4, 11)),
        None,
        "Civil and Commercial Code s.224: default interest at the s.7 rate + 2 % a year; s.7: 3 % a year, reviewed \
         every three years by the Ministry of Finance and changeable by Royal Decree; 5 % for debts due from \
         11 April 2021",
        "No default interest on interest (s.224); on instalment debts only the defaulted instalment bears it \
         (s.224/1). Before 11 April 2021 the rate was 7.5 % (not encoded). No revision of s.7 was verified; a Royal \
         Decree changing it needs a data update.",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[
        from_due_date(
            "price of goods delivered or work done by a merchant for the debtor's own business",
            5,
            th_effects(5),
            "CCC s.193/33(5) (5 years where the goods or work of s.193/34(1) were for the debtor's own business); \
             s.193/12 (from when the claim can be enforced)",
            "Periods cannot be extended or reduced by agreement (s.193/11).",
        ),
        from_due_date(
            "price of goods delivered or work done by a merchant, not for the debtor's business",
            2,
            th_effects(2),
            "CCC s.193/34(1) (2 years for claims of merchants and manufacturers for goods delivered or work done); \
             s.193/12 (from when the claim can be enforced)",
            "",
        ),
    ],
    gaps: &[
        gap(RuleTopic::RecoveryCompensation, "Not found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "CCC s.329 (expenses, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Whether an oral acknowledgment is \"another unequivocal act\" under s.193/14 was not verified; it \
             restarts nothing here.",
        ),
    ],
};
