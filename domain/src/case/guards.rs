//! Guards: the checks a command's data and the case's facts must pass.

use super::{
    CaseState, CommandName, Facts, LegalAssessment, MAX_LEGAL_DURATION_MONTHS, Outcome,
    RefusalReason,
};
use crate::money::Money;

/// Refuses blank text where a person must say who or why.
pub(super) fn required(text: &str, field: &str) -> Result<(), RefusalReason> {
    if text.trim().is_empty() {
        return Err(RefusalReason::Invalid(format!("{field} must not be empty")));
    }
    Ok(())
}

/// Which outcomes `close` may record, given the state and the facts.
pub(super) fn close(
    state: CaseState,
    outcome: Outcome,
    facts: &Facts,
) -> Result<(), RefusalReason> {
    let owes = facts.outstanding.is_positive();
    let refuse = |reason| Err(reason);
    match outcome {
        Outcome::PaidInFull if owes => refuse(RefusalReason::BalanceNotSettled),
        Outcome::PartiallyPaid | Outcome::Uncollectable if !owes => {
            refuse(RefusalReason::NothingOwed)
        }
        Outcome::PartiallyPaid if !facts.paid_to_date.is_positive() => {
            refuse(RefusalReason::NothingPaid)
        }
        Outcome::Prescribed if !facts.prescribed => refuse(RefusalReason::NotPrescribed),
        Outcome::Insolvent if state != CaseState::Insolvency => {
            refuse(RefusalReason::NotInInsolvency)
        }
        Outcome::Withdrawn => refuse(RefusalReason::UseCommand {
            outcome,
            command: CommandName::Withdraw,
        }),
        Outcome::DisputeUpheld => refuse(RefusalReason::UseCommand {
            outcome,
            command: CommandName::ResolveDispute,
        }),
        _ => Ok(()),
    }
}

/// A payment must be positive and in the case currency; returns the balance after it.
pub(super) fn payment(amount: Money, facts: &Facts) -> Result<Money, RefusalReason> {
    if !amount.is_positive() {
        return Err(RefusalReason::Invalid(
            "a payment amount must be positive".to_owned(),
        ));
    }
    facts
        .outstanding
        .checked_sub(amount)
        .map_err(|e| RefusalReason::Invalid(format!("payment amount: {e}")))
}

/// An assessment must state a usable cost estimate and a probability, so the creditor's
/// approval is an informed one.
pub(super) fn assessment(assessment: &LegalAssessment, facts: &Facts) -> Result<(), RefusalReason> {
    let invalid = |text: &str| Err(RefusalReason::Invalid(text.to_owned()));
    if assessment.success_probability_pct > 100 {
        return invalid("success_probability_pct must be between 0 and 100");
    }
    if assessment
        .expected_duration_months
        .is_some_and(|months| !(1..=MAX_LEGAL_DURATION_MONTHS).contains(&months))
    {
        return invalid("expected_duration_months must be between 1 and 120");
    }
    if assessment.cost_estimate.currency() != facts.outstanding.currency() {
        return invalid("cost_estimate must be in the case currency");
    }
    if assessment.cost_estimate.is_negative() {
        return invalid("cost_estimate must not be negative");
    }
    required(&assessment.summary, "summary")
}
