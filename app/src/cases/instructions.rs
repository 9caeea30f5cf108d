//! Instructing a case: the creditor (or the agency) pauses, resumes, escalates, closes or
//! withdraws it. The domain maps the instruction to a state-machine command
//! (`Instruction::command_name`) and to the permission it needs; this use case checks the
//! request, gathers the facts the machine's guards read (balance, the last legal assessment,
//! prescription), applies the command, and posts the withdrawal fee when one is due — in one
//! transaction.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;
use solvo_domain::case::{
    Command, CommandName, Facts, Instruction, LegalAssessment, LegalRecommendation, Outcome,
};
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::{case_events, ledger};

use super::access::visible_case;
use super::balance::{self, Balance};
use super::events::ActorRef;
use super::fees::post_withdrawal_fee;
use super::prescription::summarise;
use super::transition::{Extras, apply_command, state_of};
use crate::arrangements::judge::judge;
use crate::error::{AppError, FieldError};
use crate::money::{parse_amount, parse_currency};
use crate::principal::Principal;

/// A legal assessment, needed to escalate to `pre_legal`.
#[derive(Debug, Clone)]
pub struct AssessmentCommand {
    /// Proceed, settle or do not proceed.
    pub recommendation: LegalRecommendation,
    /// Expected legal costs, a decimal string.
    pub cost_amount: String,
    /// Their currency (the case's).
    pub cost_currency: String,
    /// Chance of success, 0 to 100.
    pub success_probability_pct: u8,
    /// Reasoning.
    pub summary: String,
}

/// An instruction as the caller sends it.
#[derive(Debug, Clone)]
pub struct InstructionCommand {
    /// What to do.
    pub instruction: Instruction,
    /// Why, for the timeline and the collector.
    pub reason: String,
    /// With `pause`: the day the case resumes by itself (after today).
    pub resume_on: Option<NaiveDate>,
    /// With `close`: the outcome's name.
    pub outcome: Option<String>,
    /// With `escalate` from a working state: the legal assessment.
    pub assessment: Option<AssessmentCommand>,
}

/// Applies the instruction to the case `case_id`; returns the case as it is now.
///
/// # Errors
/// [`AppError::Validation`] for fields that do not fit the instruction,
/// [`AppError::Forbidden`] when the role may not send it, [`AppError::NotFound`] for another
/// tenant's case, [`AppError::TransitionRefused`] when the state machine refuses,
/// [`AppError::StaleVersion`] when the case changed concurrently.
pub fn instruct(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    request: &InstructionCommand,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    caller.require(Permission::InstructCases)?;
    let today = now.date();
    check_fields(request, today)?;
    let case = visible_case(conn, caller, case_id)?;
    // Invoices are read once: for the balance and for the prescription guard.
    let invoices = invoices::of_case(conn, &case.id)?;
    let postings = ledger::of_case(conn, &case.id)?;
    let before = balance::compute(&case, &invoices, &postings, rates, today)?;
    let state = state_of(&case)?.name();
    if !request.instruction.may_send(caller.role, state) {
        return Err(AppError::Forbidden(
            "Only the creditor approves legal action or withdraws a case.".into(),
        ));
    }
    let command = command_for(
        request,
        request.instruction.command_name(state),
        caller,
        &before,
    )?;
    let facts = facts_for(conn, &case, &invoices, &before, today)?;
    let extras = Extras {
        resume_on: request
            .resume_on
            .filter(|_| request.instruction == Instruction::Pause),
        detail: json!({"instruction": request.instruction, "reason": request.reason}),
    };
    let updated = apply_command(
        conn,
        &case,
        &command,
        &facts,
        &ActorRef::from(caller),
        extras,
        now,
    )?;
    if request.instruction == Instruction::Withdraw {
        post_withdrawal_fee(conn, &updated, before.principal, now)?;
    }
    // A case closed or withdrawn under a plan ends the plan with it.
    judge(conn, updated, today, now)
}

/// What fits the instruction, checked before anything is read: all errors at once.
fn check_fields(request: &InstructionCommand, today: NaiveDate) -> Result<(), AppError> {
    let mut errors = Vec::new();
    if request.reason.trim().is_empty() {
        errors.push(FieldError::new(
            "reason",
            "blank",
            "reason must not be blank",
        ));
    }
    match (request.instruction, request.resume_on) {
        (Instruction::Pause, Some(date)) if date <= today => {
            errors.push(FieldError::new(
                "resume_on",
                "not_in_future",
                "resume_on must be after today.",
            ));
        }
        (Instruction::Pause, _) | (_, None) => {}
        (_, Some(_)) => errors.push(FieldError::new(
            "resume_on",
            "only_with_pause",
            "resume_on goes with `pause` only.",
        )),
    }
    if request.instruction == Instruction::Close && request.outcome.is_none() {
        errors.push(FieldError::new(
            "outcome",
            "required",
            "`close` needs an outcome.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}

/// The domain command, with its payload, that the instruction stands for.
fn command_for(
    request: &InstructionCommand,
    name: CommandName,
    caller: &Principal,
    balance: &Balance,
) -> Result<Command, AppError> {
    Ok(match name {
        CommandName::Pause => Command::Pause {
            reason: request.reason.clone(),
        },
        CommandName::Resume => Command::Resume,
        CommandName::Close => {
            let raw = request.outcome.as_deref().unwrap_or_default();
            let outcome = Outcome::ALL
                .iter()
                .copied()
                .find(|outcome| outcome.as_str() == raw)
                .ok_or_else(|| {
                    AppError::invalid(
                        "outcome",
                        "unknown_outcome",
                        format!("`{raw}` is not a case outcome."),
                    )
                })?;
            Command::Close { outcome }
        }
        CommandName::Withdraw => Command::Withdraw,
        CommandName::ApproveLegal => {
            let approved_by = caller
                .user_id()
                .map_or_else(|| caller.organisation_id.clone(), ToOwned::to_owned);
            Command::ApproveLegal { approved_by }
        }
        CommandName::EscalatePreLegal => Command::EscalatePreLegal {
            assessment: assessment(request.assessment.as_ref(), balance)?,
        },
        other => {
            return Err(AppError::internal(format!(
                "instruction {} maps to command {}, which it cannot send",
                request.instruction.as_str(),
                other.as_str()
            )));
        }
    })
}

fn assessment(
    given: Option<&AssessmentCommand>,
    balance: &Balance,
) -> Result<LegalAssessment, AppError> {
    let Some(assessment) = given else {
        return Err(AppError::invalid(
            "assessment",
            "required",
            "Escalating to pre-legal needs a legal assessment (recommendation, cost estimate, success probability).",
        ));
    };
    let currency = parse_currency(
        &assessment.cost_currency,
        "assessment.cost_estimate.currency",
    )
    .map_err(|err| AppError::Validation(vec![err]))?;
    let cost = parse_amount(
        &assessment.cost_amount,
        currency,
        "assessment.cost_estimate.amount",
        true,
    )
    .map_err(|err| AppError::Validation(vec![err]))?;
    if cost.currency() != balance.outstanding.currency() {
        return Err(AppError::invalid(
            "assessment.cost_estimate.currency",
            "currency_mismatch",
            "Use the case currency.",
        ));
    }
    Ok(LegalAssessment {
        recommendation: assessment.recommendation,
        cost_estimate: cost,
        success_probability_pct: assessment.success_probability_pct,
        summary: assessment.summary.clone(),
    })
}

/// What the guards need: the balance, the last recorded legal assessment, and whether the
/// earliest limitation deadline has passed.
fn facts_for(
    conn: &mut AnyConnection,
    case: &CaseRow,
    invoices: &[InvoiceRow],
    balance: &Balance,
    today: NaiveDate,
) -> Result<Facts, AppError> {
    let legal_assessment = case_events::latest_of_kind(conn, &case.id, "escalate_pre_legal")?
        .and_then(|event| serde_json::from_str::<serde_json::Value>(&event.detail).ok())
        .and_then(|detail| serde_json::from_value::<Command>(detail["command"].clone()).ok())
        .and_then(|command| match command {
            Command::EscalatePreLegal { assessment } => Some(assessment),
            _ => None,
        });
    Ok(Facts {
        outstanding: balance.outstanding,
        paid_to_date: balance.paid,
        legal_assessment,
        prescribed: summarise(case, invoices, today).prescribed_on(today),
    })
}
