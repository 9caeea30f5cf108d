//! Victoria. Described in `docs/law.md`, "AU-VIC — Victoria".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, from_due_date, gap, only_filing};

/// Victoria (`AU-VIC`).
pub(in crate::jurisdiction) const AU_VIC: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("AU-VIC"),
    name: "Victoria",
    languages: &["en"],
    currency_code: "AUD",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "contracts other than deeds",
        6,
        only_filing(
            "Limitation of Actions Act 1958 (Vic) s.5(1)(a) (action brought within the period)",
        ),
        "Limitation of Actions Act 1958 (Vic) s.5(1)(a): 6 years from the date the cause of action accrued (for an \
         unpaid invoice, the due date)",
        "Deeds: 15 years (s.5(3), not encoded).",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statutory B2B late-payment interest: the agreed rate applies. The penalty interest rate under the \
             Penalty Interest Rates Act 1983 is fixed by Gazette notice; its current value was read only on a weak \
             copy (10 % from 1 February 2017), and when it applies to a debt before judgment (ss.4-6) was not \
             verified.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "A signed written acknowledgment or a part payment giving a fresh accrual (ss.24-25) was not verified.",
        ),
    ],
};
