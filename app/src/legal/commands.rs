//! The legal path's three commands as both the legal endpoints and the `escalate` instruction
//! send them: what each checks and records is written once, here. The callers check the
//! permission and find the case first.

use chrono::NaiveDateTime;
use serde_json::Value;
use solvo_domain::case::{Command, Facts};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;

use super::input::AssessmentCommand;
use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::error::AppError;
use crate::principal::Principal;

/// A case about to take a step on the legal path: who takes it, the case as read in this
/// transaction, the facts the guards read, and when.
#[derive(Debug, Clone, Copy)]
pub(crate) struct LegalTurn<'a> {
    /// The caller, permitted already.
    pub caller: &'a Principal,
    /// The case, visible to the caller.
    pub case: &'a CaseRow,
    /// Balance, the assessment on record, prescription.
    pub facts: &'a Facts,
    /// The time of the change.
    pub now: NaiveDateTime,
}

impl LegalTurn<'_> {
    /// Applies `command`, with `detail` beside it on the timeline event.
    fn send(
        &self,
        conn: &mut AnyConnection,
        command: &Command,
        detail: Value,
    ) -> Result<CaseRow, AppError> {
        let extras = Extras {
            resume_on: None,
            detail,
        };
        apply_command(
            conn,
            self.case,
            command,
            self.facts,
            &ActorRef::from(self.caller),
            extras,
            self.now,
        )
    }
}

/// Proposes legal action: `escalate_pre_legal` with `assessment`, its fields named under
/// `prefix`; to `pre_legal`, or a revised assessment there. Returns the case after it.
///
/// # Errors
/// [`AppError::Validation`] for the assessment's fields; [`AppError::TransitionRefused`] where
/// the machine refuses; [`AppError::StaleVersion`].
pub(crate) fn propose(
    conn: &mut AnyConnection,
    turn: LegalTurn<'_>,
    assessment: &AssessmentCommand,
    prefix: &str,
    detail: Value,
) -> Result<CaseRow, AppError> {
    let assessment = assessment.parse(turn.facts.outstanding.currency(), prefix)?;
    turn.send(conn, &Command::EscalatePreLegal { assessment }, detail)
}

/// Approves legal action on the assessment on record (`approve_legal`, to `legal`), in the name
/// of the calling user (or the organisation, for an API key).
///
/// # Errors
/// [`AppError::TransitionRefused`] outside `pre_legal` or without an assessment;
/// [`AppError::StaleVersion`].
pub(crate) fn approve(
    conn: &mut AnyConnection,
    turn: LegalTurn<'_>,
    detail: Value,
) -> Result<CaseRow, AppError> {
    let approved_by = turn
        .caller
        .user_id()
        .map_or_else(|| turn.caller.organisation_id.clone(), ToOwned::to_owned);
    turn.send(conn, &Command::ApproveLegal { approved_by }, detail)
}

/// Declines legal action (`decline_legal`, back to `amicable`) with `reason`.
///
/// # Errors
/// [`AppError::TransitionRefused`] outside `pre_legal`; [`AppError::StaleVersion`].
pub(crate) fn decline(
    conn: &mut AnyConnection,
    turn: LegalTurn<'_>,
    reason: String,
    detail: Value,
) -> Result<CaseRow, AppError> {
    turn.send(conn, &Command::DeclineLegal { reason }, detail)
}
