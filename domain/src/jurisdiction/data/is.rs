//! Iceland. Described in `docs/law.md`, "IS — Iceland".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, from_due_date, gap, only_filing};

/// Iceland (`IS`).
pub(in crate::jurisdiction) const IS: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("IS"),
    name: "Iceland",
    languages: &["is"],
    currency_code: "ISK",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "claims in general",
        4,
        only_filing("Act 150/2007 on limitation of claims (claim brought within the period)"),
        "Act 150/2007 on limitation of claims art. 3 (4 years); art. 2(1) (from the day the creditor could first \
         demand performance)",
        "An agreement that a claim shall not prescribe is void (art. 1). The principal of loans and debt \
         instruments prescribes in 10 years (not encoded).",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Act 38/2001 arts. 5-6: default interest (dráttarvextir) from the due date, set on 1 January / 1 July as \
             a base plus a default surcharge; the domain ships no Seðlabanki series and the current base and \
             surcharge were not found.",
        ),
        gap(RuleTopic::RecoveryCompensation, "Not found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "Not found."),
        gap(
            RuleTopic::Prescription,
            "The period is extended by the debtor's payment or acknowledgment, but the articles and the length of \
             the new period were not verified; only the filing is taken into account.",
        ),
    ],
};
