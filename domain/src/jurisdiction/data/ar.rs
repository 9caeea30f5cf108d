//! Argentina. Described in `docs/law.md`, "AR — Argentina".

use super::common::{Jurisdiction, JurisdictionCode, RuleTopic, gap};

/// Argentina (`AR`).
pub(in crate::jurisdiction) const AR: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("AR"),
    name: "Argentina",
    languages: &["es"],
    currency_code: "ARS",
    interest: &[],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "No statutory rate: under CCyC art. 768 moratory interest is the agreed rate, else the rate of a special \
             law, else a rate fixed under Banco Central regulations, which the judge chooses; no number can be \
             computed.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Interest before principal without the creditor's consent (CCyC art. 903) was not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "The general period is 5 years (CCyC art. 2560), but CNCom Sala D (Aceros Bragado, 14 June 2022) applied \
             2 years (art. 2562(c)) to the price of a commercial sale documented in invoices and the case law is \
             divided; the day the period starts (art. 2554) was not verified, so no deadline is computed.",
        ),
    ],
};
