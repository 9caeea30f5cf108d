//! Instructing a case: the creditor (or the agency) pauses, resumes, escalates, closes or
//! withdraws it. The domain maps the instruction to a state-machine command
//! (`Instruction::command_name`) and to the permission it needs; this use case checks the
//! request, gathers the facts the machine's guards read (balance, the last legal assessment,
//! prescription), applies the command, and posts the withdrawal fee when one is due — in one
//! transaction. `escalate` proposes and approves legal action through the legal path's own
//! commands (`crate::legal`), so it records exactly what the legal endpoints record.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Value, json};
use solvo_domain::case::{
    CaseState, Command, CommandName, Instruction, Outcome, StateName, allowed_instructions,
};
use solvo_domain::identity::Role;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::{invoices, ledger};

use super::access::visible_case;
use super::balance;
use super::events::ActorRef;
use super::facts::facts_for;
use super::fees::post_withdrawal_fee;
use super::transition::{Extras, apply_command, state_of};
use crate::arrangements::judge::judge;
use crate::error::{AppError, FieldError};
use crate::legal::{self, AssessmentCommand, LegalTurn};
use crate::principal::Principal;

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
    let current = state_of(&case)?;
    let state = current.name();
    if !request.instruction.may_send(caller.role, state) {
        return Err(AppError::Forbidden(
            "Only the creditor approves legal action or withdraws a case.".into(),
        ));
    }
    let facts = facts_for(conn, &case, &invoices, &before, today)?;
    let detail = json!({"instruction": request.instruction, "reason": request.reason});
    let turn = LegalTurn {
        caller,
        case: &case,
        facts: &facts,
        now,
    };
    let updated = send(conn, turn, request, state, detail)
        .map_err(|err| offering_instructions(err, caller.role, current))?;
    if request.instruction == Instruction::Withdraw {
        post_withdrawal_fee(conn, &updated, before.principal, now)?;
    }
    // A case closed or withdrawn under a plan ends the plan with it.
    judge(conn, updated, today, now)
}

/// A refusal here offers what this endpoint takes from this caller: the instructions the role may
/// send in the case's state (as the case view lists them), not every command the state machine
/// would accept from anyone.
fn offering_instructions(err: AppError, role: Role, state: CaseState) -> AppError {
    match err {
        AppError::TransitionRefused(mut refused) => {
            refused.allowed = allowed_instructions(role, &state)
                .into_iter()
                .map(|instruction| instruction.as_str().to_owned())
                .collect();
            AppError::TransitionRefused(refused)
        }
        other => other,
    }
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

/// Sends the command the instruction stands for in `state`: legal action through the legal
/// path's commands, everything else through the state machine here.
fn send(
    conn: &mut AnyConnection,
    turn: LegalTurn<'_>,
    request: &InstructionCommand,
    state: StateName,
    detail: Value,
) -> Result<CaseRow, AppError> {
    match request.instruction.command_name(state) {
        CommandName::EscalatePreLegal => {
            let Some(assessment) = request.assessment.as_ref() else {
                return Err(AppError::invalid(
                    "assessment",
                    "required",
                    "Escalating to pre-legal needs a legal assessment (recommendation, cost estimate, success probability).",
                ));
            };
            legal::propose(conn, turn, assessment, "assessment.", detail)
        }
        CommandName::ApproveLegal => legal::approve(conn, turn, detail),
        name => {
            let command = command_for(request, name)?;
            let extras = Extras {
                resume_on: request
                    .resume_on
                    .filter(|_| request.instruction == Instruction::Pause),
                detail,
            };
            apply_command(
                conn,
                turn.case,
                &command,
                turn.facts,
                &ActorRef::from(turn.caller),
                extras,
                turn.now,
            )
        }
    }
}

/// The domain command, with its payload, that a non-legal instruction stands for.
fn command_for(request: &InstructionCommand, name: CommandName) -> Result<Command, AppError> {
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
        other => {
            return Err(AppError::internal(format!(
                "instruction {} maps to command {}, which it cannot send",
                request.instruction.as_str(),
                other.as_str()
            )));
        }
    })
}
