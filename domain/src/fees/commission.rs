//! Success commission on a recovery: marginal tiers, age surcharge, minimum.

use super::parts::{surcharge, tiered};
use super::{FeeComponent, FeeError, FeeKind, FeeSchedule, Scope};
use crate::money::{Money, MoneyError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most invoices one recovery or quote is priced over; a bound on every loop.
pub(super) const MAX_INVOICES: usize = 1000;

/// Part of a recovery attributed to one invoice, with that invoice's due date (for its age).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecoveredAmount {
    /// What was recovered on the invoice (not negative).
    pub amount: Money,
    /// The invoice's due date.
    pub due_date: NaiveDate,
}

/// The commission on a recovery, as lines and their total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commission {
    /// Success commission, age surcharge and minimum top-up, in that order, zero lines included.
    pub components: Vec<FeeComponent>,
    /// Their sum: never negative, never more than the amount recovered.
    pub total: Money,
}

/// Prices a recovery under `schedule`.
///
/// The tiers apply to the total recovered, marginally; the surcharge applies to each invoice's
/// part by that invoice's age on `placed_on`. Pass the case's placement date, not the payment date:
/// the price is fixed when the creditor hands the case over and does not drift while it is worked.
/// The total is rounded once by the money rule and capped at the amount recovered; the lines sum
/// exactly to it.
///
/// # Errors
/// [`FeeError`] for an invalid schedule, a negative amount, a foreign currency or too many parts.
pub fn commission(
    schedule: &FeeSchedule,
    recovered: &[RecoveredAmount],
    placed_on: NaiveDate,
    scope: Scope,
) -> Result<Commission, FeeError> {
    schedule.validate()?;
    if recovered.len() > MAX_INVOICES {
        return Err(FeeError::TooManyInvoices(MAX_INVOICES));
    }
    let currency = schedule.currency;
    let total_recovered = Money::checked_sum(recovered.iter().map(|r| r.amount), currency)?;
    if recovered.iter().any(|r| r.amount.is_negative()) {
        return Err(FeeError::NegativeAmount);
    }
    let (tiered_exact, tier_text) = tiered(schedule, total_recovered, scope)?;
    let (surcharge_exact, surcharge_text) = surcharge(schedule, recovered, placed_on)?;
    let exact = tiered_exact
        .checked_add(surcharge_exact)
        .ok_or(MoneyError::Overflow)?;
    let commission_total = Money::rounded(exact, currency).min(total_recovered)?;
    let tiered_money = Money::rounded(tiered_exact, currency).min(commission_total)?;
    let surcharge_money = commission_total.checked_sub(tiered_money)?;
    let floor = if total_recovered.is_zero() {
        Money::zero(currency)
    } else {
        schedule.minimum_commission.min(total_recovered)?
    };
    let top_up = floor
        .checked_sub(commission_total)?
        .max(Money::zero(currency))?;
    let minimum_text = if top_up.is_zero() {
        format!(
            "commission is at or above the minimum of {}",
            schedule.minimum_commission
        )
    } else {
        format!("raises the commission to the minimum of {floor}")
    };
    let vat = schedule.vat_applicable;
    let components = vec![
        FeeComponent::new(FeeKind::SuccessCommission, tiered_money, tier_text, vat),
        FeeComponent::new(FeeKind::AgeSurcharge, surcharge_money, surcharge_text, vat),
        FeeComponent::new(FeeKind::MinimumCommissionTopUp, top_up, minimum_text, vat),
    ];
    let total = commission_total.checked_add(top_up)?;
    debug_assert!(!total.is_negative() && total.checked_cmp(&total_recovered)?.is_le());
    Ok(Commission { components, total })
}
