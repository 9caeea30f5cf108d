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
            "The 1998 Act leaves the rate to an order (s.6); England's Order (SI 2002/1675: 8 % over the Bank \
             Rate of 30 June / 31 December before interest starts) extends to England and Wales and Northern \
             Ireland only (art. 1(2)), and the text of the Scottish Ministers' Late Payment of Commercial Debts \
             (Rate of Interest) (Scotland) Order 2002 (SSI 2002/336) was not read, so neither its margin nor its \
             reference dates are verified and no rate is fixed.",
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
            "The 5-year negative prescription (Prescription and Limitation (Scotland) Act 1973 s.6(1)) of an \
             obligation arising from a contract (Sch. 1 para. 1(g)) and its interruption by a relevant claim or \
             acknowledgment are verified, but the text fixing the appropriate date it runs from (s.6(3), with \
             Sch. 2 for some obligations) was not read, so no deadline is computed.",
        ),
    ],
};
