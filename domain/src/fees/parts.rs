//! The two exact (unrounded) parts of a commission, each with its explanation; rounding is
//! left to the caller so it happens once, by the money rule.

use super::commission::RecoveredAmount;
use super::percent::{fraction, label};
use super::{FeeError, FeeSchedule, Scope};
use crate::money::{Money, MoneyError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The marginal-tier commission, unrounded, and its explanation.
pub(super) fn tiered(
    schedule: &FeeSchedule,
    recovered: Money,
    scope: Scope,
) -> Result<(Decimal, String), FeeError> {
    let mut exact = Decimal::ZERO;
    let mut parts = Vec::new();
    let mut lower = Money::zero(schedule.currency);
    for tier in &schedule.commission_tiers {
        if !recovered.checked_cmp(&lower)?.is_gt() {
            break;
        }
        let upper = match tier.up_to {
            Some(bound) => bound.min(recovered)?,
            None => recovered,
        };
        let slice = upper.checked_sub(lower)?;
        let rate_bp = tier.rate_bp(scope);
        let piece = slice.amount().checked_mul(fraction(rate_bp));
        exact = piece
            .and_then(|p| exact.checked_add(p))
            .ok_or(MoneyError::Overflow)?;
        parts.push(format!("{} of {slice}", label(rate_bp)));
        lower = upper;
    }
    let scope_text = match scope {
        Scope::Domestic => "domestic",
        Scope::International => "international",
    };
    let text = if parts.is_empty() {
        format!("nothing recovered, no commission ({scope_text} rates)")
    } else {
        format!("{} ({scope_text} rates, marginal tiers)", parts.join(" + "))
    };
    Ok((exact, text))
}

/// The age surcharge, unrounded, and its explanation, grouped by surcharge step so the line
/// stays one line however many invoices there are.
pub(super) fn surcharge(
    schedule: &FeeSchedule,
    recovered: &[RecoveredAmount],
    placed_on: NaiveDate,
) -> Result<(Decimal, String), FeeError> {
    // Threshold -> (rate, amount recovered on invoices in that step, number of invoices).
    let mut steps: BTreeMap<u32, (u32, Money, usize)> = BTreeMap::new();
    for part in recovered {
        let age_days = u32::try_from((placed_on - part.due_date).num_days()).unwrap_or(0);
        let (Some(threshold), false) = (
            schedule.surcharge_threshold_days(age_days),
            part.amount.is_zero(),
        ) else {
            continue;
        };
        let zero = Money::zero(schedule.currency);
        let step = steps
            .entry(threshold)
            .or_insert((schedule.surcharge_bp(age_days), zero, 0));
        step.1 = step.1.checked_add(part.amount)?;
        step.2 += 1;
    }
    let mut exact = Decimal::ZERO;
    let mut parts = Vec::new();
    for (threshold, (rate_bp, amount, count)) in steps {
        let piece = amount.amount().checked_mul(fraction(rate_bp));
        exact = piece
            .and_then(|p| exact.checked_add(p))
            .ok_or(MoneyError::Overflow)?;
        let invoices = if count == 1 { "invoice" } else { "invoices" };
        parts.push(format!(
            "{} of {amount} on {count} {invoices} over {threshold} days overdue at placement",
            label(rate_bp)
        ));
    }
    let text = if parts.is_empty() {
        "no invoice was overdue long enough for an age surcharge".to_owned()
    } else {
        parts.join("; ")
    };
    Ok((exact, text))
}
