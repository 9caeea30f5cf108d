//! Fees that arise only if something happens: the creditor withdraws, or the case goes to court.

use super::percent::{fraction, label};
use super::{FeeComponent, FeeError, FeeKind, FeeSchedule};
use crate::money::Money;

/// The fee for withdrawing a case with `outstanding_principal` still open: the schedule's rate on
/// it, but at least the schedule's minimum, because the work already done does not shrink with
/// the balance.
///
/// # Errors
/// [`FeeError`] for an invalid schedule, a negative amount or a foreign currency.
pub fn withdrawal_fee(
    schedule: &FeeSchedule,
    outstanding_principal: Money,
) -> Result<FeeComponent, FeeError> {
    schedule.validate()?;
    own_non_negative(schedule, outstanding_principal)?;
    let terms = &schedule.withdrawal;
    let by_rate = outstanding_principal.checked_mul_rounded(fraction(terms.rate_bp))?;
    let amount = by_rate.max(terms.minimum)?;
    let explanation = if amount == by_rate {
        format!(
            "{} of the {outstanding_principal} principal outstanding at withdrawal",
            label(terms.rate_bp)
        )
    } else {
        format!(
            "minimum withdrawal fee ({} of the {outstanding_principal} outstanding would be {by_rate})",
            label(terms.rate_bp)
        )
    };
    Ok(FeeComponent::new(
        FeeKind::WithdrawalFee,
        amount,
        explanation,
        schedule.vat_applicable,
    ))
}

/// Legal costs (court fees, bailiffs, lawyers) of `costs` as the creditor is invoiced for them:
/// at cost when the schedule passes them through, otherwise zero because the agency bears them.
/// Passed-through costs are disbursements paid in the creditor's name, so they carry no VAT.
///
/// # Errors
/// [`FeeError`] for an invalid schedule, a negative amount or a foreign currency.
pub fn legal_costs(schedule: &FeeSchedule, costs: Money) -> Result<FeeComponent, FeeError> {
    schedule.validate()?;
    own_non_negative(schedule, costs)?;
    let passed_through = schedule.legal_costs_passed_through;
    let explanation = match (passed_through, costs.is_zero()) {
        // A quote has no costs yet, so it states the policy instead of a figure.
        (true, true) => "legal costs, if legal action is approved, are passed through at cost, \
            without mark-up or VAT"
            .to_owned(),
        (true, false) => {
            format!("legal costs of {costs} passed through at cost, without mark-up or VAT")
        }
        (false, _) => format!("legal costs of {costs} borne by the agency"),
    };
    let amount = if passed_through {
        costs
    } else {
        Money::zero(schedule.currency)
    };
    Ok(FeeComponent::new(
        FeeKind::LegalCosts,
        amount,
        explanation,
        false,
    ))
}

/// Refuses amounts in another currency than the schedule's, and negative ones.
pub(super) fn own_non_negative(schedule: &FeeSchedule, amount: Money) -> Result<(), FeeError> {
    Money::zero(schedule.currency).checked_add(amount)?;
    if amount.is_negative() {
        return Err(FeeError::NegativeAmount);
    }
    Ok(())
}
