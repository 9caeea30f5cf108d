//! United Arab Emirates. Described in `docs/law.md`, "AE — United Arab Emirates".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, from_due_date, gap, only_filing};

/// United Arab Emirates (`AE`).
pub(in crate::jurisdiction) const AE: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("AE"),
    name: "United Arab Emirates",
    languages: &["ar"],
    currency_code: "AED",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "commercial obligations between merchants",
        5,
        only_filing("Federal Decree-Law 50/2022 (claim brought within the period)"),
        "Federal Decree-Law 50/2022 (Commercial Transactions Law, in force 2 January 2023): 5 years between merchants \
         from when the cause of action arises",
        "For claims that arose before 2023 the shorter of the old (10 years) and new periods applies (Dubai \
         Cassation 120/2024).",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Absent agreement, the market rate capped at 9 % (Decree-Law 50/2022; compound interest prohibited, \
             art. 88); Dubai courts apply 5 %. No computable statutory rate.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Not found."),
        gap(RuleTopic::Prescription, "Interruption rules not found."),
    ],
};
