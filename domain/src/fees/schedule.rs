//! The fee schedule: the price list agreed with a creditor, as plain serde data.

use crate::money::{Currency, Money};
use serde::{Deserialize, Serialize};

/// Whether the debtor is in the creditor's country (domestic) or abroad (international), which
/// selects the commission rate of each tier: cross-border collection costs more to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Debtor in the creditor's country.
    Domestic,
    /// Debtor in another country.
    International,
}

/// One marginal band of the success commission.
///
/// The band runs from the previous tier's `up_to` (or zero) to this `up_to`; `None` means "and
/// above" and is only allowed on the last tier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommissionTier {
    /// Upper bound of the band (inclusive), or `None` for the open top band.
    pub up_to: Option<Money>,
    /// Rate for domestic debtors, in basis points (1500 = 15 %).
    pub domestic_rate_bp: u32,
    /// Rate for international debtors, in basis points.
    pub international_rate_bp: u32,
}

impl CommissionTier {
    /// The rate that applies to a debtor in `scope`.
    #[must_use]
    pub fn rate_bp(&self, scope: Scope) -> u32 {
        match scope {
            Scope::Domestic => self.domestic_rate_bp,
            Scope::International => self.international_rate_bp,
        }
    }
}

/// Extra commission for invoices that were already old when the case was placed, because old
/// debts take more work per euro recovered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgeSurcharge {
    /// Applies to invoices more than this many days past their due date at placement.
    pub older_than_days: u32,
    /// Percentage points added to the commission, in basis points (300 = +3 %).
    pub surcharge_bp: u32,
}

/// The fee when the creditor withdraws a case, compensating work already done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WithdrawalTerms {
    /// Rate on the principal still outstanding at withdrawal, in basis points.
    pub rate_bp: u32,
    /// The least the fee can be, whatever the outstanding principal.
    pub minimum: Money,
}

/// A creditor's fee schedule. All amounts are in `currency`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeeSchedule {
    /// The currency of every amount in the schedule and of the cases it prices.
    pub currency: Currency,
    /// Flat fee per case at placement.
    pub introduction_fee: Money,
    /// Marginal commission bands, ascending, the last one open-ended.
    pub commission_tiers: Vec<CommissionTier>,
    /// Age surcharges; an invoice gets the one with the highest threshold it exceeds.
    pub age_surcharges: Vec<AgeSurcharge>,
    /// Minimum commission on a case once anything is recovered (never more than the recovery).
    pub minimum_commission: Money,
    /// What withdrawing a case costs.
    pub withdrawal: WithdrawalTerms,
    /// Whether legal costs are invoiced to the creditor at cost (true) or borne by the agency
    /// out of its commission (false).
    pub legal_costs_passed_through: bool,
    /// Whether the agency charges VAT on its fees to this creditor (false, for example, under the
    /// reverse charge for a creditor in another EU state).
    pub vat_applicable: bool,
    /// The VAT rate in basis points when known; `None` leaves the VAT amount to the fee invoice.
    pub vat_rate_bp: Option<u32>,
    /// Whether money the debtor pays the creditor directly after placement bears the success
    /// commission like money paid to the agency (billed on the fee invoice, as nothing can be
    /// withheld from it). Schedules stored before this term existed charge it.
    #[serde(default = "charged")]
    pub commission_on_direct_payments: bool,
}

/// The default of [`FeeSchedule::commission_on_direct_payments`].
fn charged() -> bool {
    true
}

impl FeeSchedule {
    /// The surcharge rate for an invoice `age_days` past due at placement: the surcharge with the
    /// highest threshold below the age, or zero.
    #[must_use]
    pub fn surcharge_bp(&self, age_days: u32) -> u32 {
        self.age_surcharges
            .iter()
            .filter(|s| age_days > s.older_than_days)
            .max_by_key(|s| s.older_than_days)
            .map_or(0, |s| s.surcharge_bp)
    }

    /// The surcharge threshold that applies to `age_days`, for explanations.
    #[must_use]
    pub fn surcharge_threshold_days(&self, age_days: u32) -> Option<u32> {
        self.age_surcharges
            .iter()
            .map(|s| s.older_than_days)
            .filter(|days| age_days > *days)
            .max()
    }
}
