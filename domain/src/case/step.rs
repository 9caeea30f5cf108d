//! What each command does: the new state and the command's own event.
//!
//! The table has already said the command belongs in the state, so the fallbacks to
//! `NotAllowedHere` below only guard against the table and this file drifting apart.

use super::step_legal::legal;
use super::{
    CaseEvent, CaseState, Command, DisputeResolution, Facts, Outcome, RefusalReason, guards,
};

/// The result of one step: the new state and the command's own event (none for `close`, whose
/// `closed` event follows `state_changed` like every other closing).
pub(super) type Step = Result<(CaseState, Option<CaseEvent>), RefusalReason>;

/// The new state and the command's own event.
pub(super) fn step(state: CaseState, command: &Command, facts: &Facts) -> Step {
    use CaseState as S;
    let (next, event) = match command {
        Command::RaiseDispute { .. }
        | Command::ResolveDispute { .. }
        | Command::Pause { .. }
        | Command::Resume => return hold(state, command),
        Command::EscalatePreLegal { .. }
        | Command::ApproveLegal { .. }
        | Command::DeclineLegal { .. } => return legal(command, facts),
        Command::Assign { collector } => {
            guards::required(collector, "collector")?;
            let next = if state == S::Submitted {
                S::Assessment
            } else {
                state
            };
            let collector = collector.clone();
            (next, CaseEvent::CollectorAssigned { collector })
        }
        Command::StartAmicable => (S::Amicable, CaseEvent::AmicableStarted),
        Command::AgreePaymentPlan => (S::PaymentPlan, CaseEvent::PaymentPlanAgreed),
        Command::DefaultPaymentPlan => (S::Amicable, CaseEvent::PaymentPlanDefaulted),
        Command::EndPaymentPlan => (S::Amicable, CaseEvent::PaymentPlanEnded),
        Command::DeclareInsolvency => (S::Insolvency, CaseEvent::InsolvencyDeclared),
        Command::RecordPayment { amount } => {
            let outstanding_after = guards::payment(*amount, facts)?;
            let settled = !outstanding_after.is_positive();
            let next = if settled {
                S::Closed {
                    outcome: Outcome::PaidInFull,
                }
            } else {
                state
            };
            (
                next,
                CaseEvent::PaymentRecorded {
                    amount: *amount,
                    outstanding_after,
                },
            )
        }
        Command::Close { outcome } => {
            guards::close(state, *outcome, facts)?;
            return Ok((S::Closed { outcome: *outcome }, None));
        }
        Command::Withdraw => (
            S::Closed {
                outcome: Outcome::Withdrawn,
            },
            CaseEvent::Withdrawn,
        ),
        Command::Reopen { reason } => {
            guards::required(reason, "reason")?;
            (
                S::Assessment,
                CaseEvent::Reopened {
                    reason: reason.clone(),
                },
            )
        }
    };
    Ok((next, Some(event)))
}

/// Pausing and disputing remember the working state; resuming, rejecting a dispute and
/// upholding it in part return to it.
fn hold(state: CaseState, command: &Command) -> Step {
    let not_here = RefusalReason::NotAllowedHere;
    let (next, event) = match command {
        Command::RaiseDispute { reason } => {
            guards::required(reason, "reason")?;
            let resume_to = state.as_resumable().ok_or(not_here)?;
            let event = CaseEvent::DisputeRaised {
                reason: reason.clone(),
            };
            (CaseState::Disputed { resume_to }, event)
        }
        Command::ResolveDispute { resolution } => {
            let resume_to = state.resume_to().ok_or(not_here)?;
            let next = match resolution {
                DisputeResolution::Rejected | DisputeResolution::UpheldInPart => resume_to.state(),
                DisputeResolution::Upheld => CaseState::Closed {
                    outcome: Outcome::DisputeUpheld,
                },
            };
            (
                next,
                CaseEvent::DisputeResolved {
                    resolution: *resolution,
                },
            )
        }
        Command::Pause { reason } => {
            guards::required(reason, "reason")?;
            let resume_to = state.as_resumable().ok_or(not_here)?;
            (
                CaseState::Paused { resume_to },
                CaseEvent::Paused {
                    reason: reason.clone(),
                },
            )
        }
        Command::Resume => (
            state.resume_to().ok_or(not_here)?.state(),
            CaseEvent::Resumed,
        ),
        _ => return Err(not_here),
    };
    Ok((next, Some(event)))
}
