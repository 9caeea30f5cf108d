//! Saudi Arabia. Described in `docs/law.md`, "SA — Saudi Arabia".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, gap};

/// Saudi Arabia (`SA`).
pub(in crate::jurisdiction) const SA: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("SA"),
    name: "Saudi Arabia",
    languages: &["ar"],
    currency_code: "SAR",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statutory rate and no interest: interest (riba) is prohibited as a matter of public policy, so a \
             claim for late payment must be framed as proven actual loss; neither a statutory nor an agreed rate is \
             applied.",
        ),
        gap(RuleTopic::RecoveryCompensation, "Not found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Not found."),
        gap(
            RuleTopic::Prescription,
            "A claim is not heard after 10 years (Civil Transactions Law art. 295, in force 16 December 2023), and \
             under the Commercial Courts Law a claim filed more than 5 years after the incident is dismissed unless \
             acknowledged or excused; which of the two governs a trade invoice, and the article of the 5 years, were \
             not verified, so no deadline is computed.",
        ),
    ],
};
