//! One line of a quote or a fee invoice.

use crate::money::Money;
use serde::{Deserialize, Serialize};

/// What a fee line is for; `snake_case` on the wire (`success_commission`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeeKind {
    /// Flat fee charged when a case is placed, whatever is recovered.
    IntroductionFee,
    /// Marginal-tier commission on the recovered amount.
    SuccessCommission,
    /// Extra commission on the part recovered from invoices that were old at placement.
    AgeSurcharge,
    /// What lifts the commission to the schedule's minimum, when any amount was recovered.
    MinimumCommissionTopUp,
    /// Charged when the creditor withdraws a case the agency is working.
    WithdrawalFee,
    /// Court, bailiff and lawyer costs invoiced at cost (a disbursement, outside VAT).
    LegalCosts,
    /// VAT on the lines that carry it, at the schedule's rate.
    Vat,
}

/// One fee line: what, how much, why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeComponent {
    /// What the line is for.
    pub kind: FeeKind,
    /// The amount, rounded to the currency's minor unit.
    pub amount: Money,
    /// One line a creditor can check by hand, e.g. "15% of the first 5000.00 EUR".
    pub explanation: String,
    /// Whether VAT is charged on this line (false for disbursements and for VAT itself).
    pub vat_applicable: bool,
}

impl FeeComponent {
    /// Builds a line; a helper so call sites read as one sentence.
    #[must_use]
    pub fn new(kind: FeeKind, amount: Money, explanation: String, vat_applicable: bool) -> Self {
        Self {
            kind,
            amount,
            explanation,
            vat_applicable,
        }
    }
}
