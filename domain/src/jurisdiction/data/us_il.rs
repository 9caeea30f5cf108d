//! Illinois. Described in `docs/law.md`, "US-IL — Illinois".

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, dec, fixed_rule,
    from_due_date, gap, halt, restart,
};

const IL_FILING: &str = "735 ILCS 5/13-206 (action commenced within the period)";

/// Illinois (`US-IL`).
pub(in crate::jurisdiction) const US_IL: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("US-IL"),
    name: "Illinois",
    languages: &["en"],
    currency_code: "USD",
    interest: &[fixed_rule(
        dec(5, 0),
        None,
        None,
        "815 ILCS 205/2: 5 % a year on money due on a bond, bill, note or other instrument in writing, on money due \
         on the settlement of an account from the day the balance is ascertained, and on money withheld by \
         unreasonable and vexatious delay",
        "Only for a fixed or easily calculated sum under a written instrument or a settled account; an assignee or \
         agent may charge it after 30 days' written notice. A written contract may stipulate up to 9 % (205/4).",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[
        from_due_date(
            "sale of goods",
            4,
            EventEffects {
                written_acknowledgement: UNKNOWN,
                oral_acknowledgement: UNKNOWN,
                part_payment: UNKNOWN,
                written_demand: UNKNOWN,
                court_filing: halt("810 ILCS 5/2-725 (action commenced within the period)"),
                judgment: UNKNOWN,
            },
            "810 ILCS 5/2-725: 4 years for the sale of goods, from the breach (excepted from 735 ILCS 5/13-206)",
            "Shown first: an invoice for goods is under it.",
        ),
        from_due_date(
            "unwritten contracts and open accounts",
            5,
            EventEffects {
                written_acknowledgement: UNKNOWN,
                oral_acknowledgement: UNKNOWN,
                part_payment: UNKNOWN,
                written_demand: UNKNOWN,
                court_filing: halt("735 ILCS 5/13-205 (action commenced within the period)"),
                judgment: UNKNOWN,
            },
            "735 ILCS 5/13-205: 5 years for unwritten contracts and open accounts, from the breach",
            "Courts have also applied the part-payment rule of 13-206 here, a reading criticised, so it is not \
             applied.",
        ),
        from_due_date(
            "written contracts",
            10,
            EventEffects {
                written_acknowledgement: restart(
                    10,
                    "735 ILCS 5/13-206 (a new promise in writing to pay gives a new 10 years)",
                ),
                oral_acknowledgement: UNKNOWN,
                part_payment: restart(10, "735 ILCS 5/13-206 (a payment gives a new 10 years)"),
                written_demand: UNKNOWN,
                court_filing: halt(IL_FILING),
                judgment: UNKNOWN,
            },
            "735 ILCS 5/13-206: 10 years for written contracts, from the breach",
            "",
        ),
    ],
    gaps: &[
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "What an acknowledgment or part payment does to the 4-year and 5-year periods was not verified.",
        ),
    ],
};
