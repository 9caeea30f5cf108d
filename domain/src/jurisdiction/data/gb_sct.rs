//! Scotland. Described in `docs/law.md`, "GB-SCT — Scotland".

use super::common::{
    CompensationSchedule, CompensationUnit, Currency, Jurisdiction, JurisdictionCode,
    RecoveryCompensation, RuleTopic, UK_BANDS, gap,
};

/// Scotland (`GB-SCT`).
pub(in crate::jurisdiction) const GB_SCT: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("GB-SCT"),
    name: "Scotland",
    languages: &["en", "gd"],
    currency_code: "GBP",
    interest: &[],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Banded {
            debt_currency: Currency::GBP,
            bands: &UK_BANDS,
        },
        unit: CompensationUnit::PerClaim,
        valid_from: None,
        valid_until: None,
        legal_basis: "Late Payment of Commercial Debts (Interest) Act 1998 s.5A, inserted for Scotland by the Late \
                      Payment of Commercial Debts (Scotland) Regulations 2002 reg. 2: GBP 40 (debt under 1,000), \
                      GBP 70 (1,000 to under 10,000), GBP 100 (10,000 or more)",
        note: "Due once statutory interest begins to run; part of the term implied by s.1(1).",
    }],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "The 1998 Act gives Bank of England base rate + 8 % in Scotland, but the Scottish rate order's reference \
             dates were not verified, so the rate cannot be fixed.",
        ),
        gap(
            RuleTopic::Allocation,
            "A practice statement puts a payment first on the accrued interest under the 1998 Act, but the Act \
             (ss.1-17) has no such section and no other statute or decision was verified, so no order is applied.",
        ),
        gap(
            RuleTopic::CollectionCosts,
            "Reasonable recovery costs above the fixed sum after the 2013 amendments were not verified for Scotland.",
        ),
        gap(
            RuleTopic::Prescription,
            "The 5-year negative prescription (Prescription and Limitation (Scotland) Act 1973 s.6) and its \
             interruption by a relevant claim or acknowledgment are verified, but the date it runs from was not, so \
             no deadline is computed.",
        ),
    ],
};
