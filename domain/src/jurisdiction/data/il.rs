//! Israel. Described in `docs/law.md`, "IL — Israel".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, gap};

/// Israel (`IL`).
pub(in crate::jurisdiction) const IL: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("IL"),
    name: "Israel",
    languages: &["he"],
    currency_code: "ILS",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statutory B2B late-payment rate found: the agreed rate applies, otherwise interest is awarded by the \
             court under the Adjudication of Interest and Linkage Law 5721-1961 at rates published each quarter, \
             which the domain does not ship. Interest for late payment under the Payment Ethics Law 5777-2017 \
             (current + 45 days) was not found.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Not found."),
        gap(
            RuleTopic::Prescription,
            "Prescription Law 5718-1958 s.5(1) gives 7 years, restarted by an acknowledgment in writing or before a \
             court (not by an oral admission, Supreme Court 2025), but the day the period starts was not verified, \
             so no deadline is computed.",
        ),
    ],
};
