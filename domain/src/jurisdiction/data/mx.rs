//! Mexico. Described in `docs/law.md`, "MX — Mexico"; `CCom` art. 363 checked on
//! studylib.es (SCJN P./J. 60/98) and idconline.mx.

use super::common::{
    EventEffects, Jurisdiction, JurisdictionCode, RuleTopic, UNKNOWN, dec, fixed_rule,
    from_due_date, gap, halt, restart,
};

const MX_INTERRUPTION: &str = "Código de Comercio art. 1041 (interruption), art. 1042 (new period)";

/// Mexico (`MX`).
pub(in crate::jurisdiction) const MX: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("MX"),
    name: "Mexico",
    languages: &["es"],
    currency_code: "MXN",
    interest: &[fixed_rule(
        dec(6, 0),
        None,
        None,
        "Código de Comercio art. 362: 6 % a year from the day after the due date where no rate was agreed; art. 363: \
         interest due and unpaid bears no interest unless the parties capitalise it",
        "The civil rate (9 %) does not apply to commercial debts.",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "commercial obligations in general, including wholesale sales",
        10,
        EventEffects {
            written_acknowledgement: restart(10, MX_INTERRUPTION),
            oral_acknowledgement: restart(10, MX_INTERRUPTION),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt("Código de Comercio art. 1041 (claim or judicial demand)"),
            judgment: UNKNOWN,
        },
        "Código de Comercio art. 1047 (10 years), art. 1040 (from when the action could be brought)",
        "Retail sales on credit: 1 year (art. 1043 I), not encoded.",
    )],
    gaps: &[
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Código Civil Federal art. 2094 not verified.",
        ),
    ],
};
