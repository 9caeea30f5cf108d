//! Türkiye. Described in `docs/law.md`, "TR — Türkiye".

use super::common::{
    CompensationSchedule, CompensationUnit, Currency, Jurisdiction, JurisdictionCode,
    RecoveryCompensation, RuleTopic, amount, date, gap,
};

const TR_NOTE: &str = "The amount announced each January for that year, applied here to debts due within it; \
                       counted per late invoice (the unit was not verified).";

/// Türkiye (`TR`).
pub(in crate::jurisdiction) const TR: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("TR"),
    name: "Türkiye",
    languages: &["tr"],
    currency_code: "TRY",
    interest: &[],
    recovery_compensation: &[
        RecoveryCompensation {
            schedule: CompensationSchedule::Flat {
                amount: amount(555, Currency::TRY),
            },
            unit: CompensationUnit::PerLatePayment,
            valid_from: Some(date(2022, 1, 1)),
            valid_until: Some(date(2022, 12, 31)),
            legal_basis: "Turkish Commercial Code 6102 art. 1530: minimum compensation for collection costs between \
                          commercial enterprises, announced by the Central Bank of the Republic of Türkiye in the \
                          Official Gazette with the default rate: TRY 555 for 2022",
            note: TR_NOTE,
        },
        RecoveryCompensation {
            schedule: CompensationSchedule::Flat {
                amount: amount(1310, Currency::TRY),
            },
            unit: CompensationUnit::PerLatePayment,
            valid_from: Some(date(2024, 1, 1)),
            valid_until: Some(date(2024, 12, 31)),
            legal_basis: "Turkish Commercial Code 6102 art. 1530: minimum compensation for collection costs between \
                          commercial enterprises, announced by the Central Bank of the Republic of Türkiye in the \
                          Official Gazette with the default rate: TRY 1,310 for 2024",
            note: TR_NOTE,
        },
    ],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Turkish Commercial Code 6102 art. 1530(7): where the contract sets no rate, the default rate the Central \
             Bank announces each January (48 % for 2024) applies; whether a default keeps the rate of the year it \
             began or follows each year's rate was not verified, and the domain ships no series of the announced \
             rates, so it is not computed.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "The amounts for years other than 2022 and 2024 were not verified; debts due in them have no fixed sum.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "TBK art. 100 (a part payment goes first to interest and costs) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "TBK art. 146 gives 10 years and art. 147 5 years for listed claims; that a B2B sale of goods falls under \
             the 10 years is only an inference from the list, so no deadline is computed. Interruption by \
             acknowledgment, suit or enforcement (art. 154) is verified.",
        ),
    ],
};
