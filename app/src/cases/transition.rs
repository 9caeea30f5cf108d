//! Applying a domain command to a stored case: the pure transition decides, this writes the new
//! state (guarded by the case's version) and the timeline event in the caller's transaction.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::{Value, json};
use solvo_domain::case::{CaseState, Command, Facts, Refusal, apply};
use solvo_persistence::repositories::case_events;
use solvo_persistence::repositories::cases::{self, CaseRow, StateChange};
use solvo_persistence::{AnyConnection, PersistenceError};

use super::events::{ActorRef, event};
use crate::cases::timeline_kind::TimelineKind;
use crate::error::{AppError, Refused};

/// The stored domain state of a case.
///
/// # Errors
/// 500 when the stored JSON is unreadable.
pub fn state_of(case: &CaseRow) -> Result<CaseState, AppError> {
    serde_json::from_str(&case.state_detail).map_err(|err| AppError::corrupt("case", &case.id, err))
}

/// What to store besides the state.
#[derive(Debug, Clone, Default)]
pub struct Extras {
    /// Automatic resume date (pause), cleared otherwise.
    pub resume_on: Option<NaiveDate>,
    /// Extra detail for the timeline event (reason, assessment, …).
    pub detail: Value,
}

/// Applies `command` to `case`, storing the new state and one timeline event named after the
/// command; returns the updated case.
///
/// # Errors
/// [`AppError::TransitionRefused`] when the machine refuses; [`AppError::StaleVersion`] when the
/// case changed concurrently.
pub fn apply_command(
    conn: &mut AnyConnection,
    case: &CaseRow,
    command: &Command,
    facts: &Facts,
    actor: &ActorRef,
    extras: Extras,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    let state = state_of(case)?;
    let transition = apply(&state, command, facts).map_err(|refusal| refused(&refusal))?;
    let detail = serde_json::to_string(&transition.state).map_err(anyhow::Error::from)?;
    let change = StateChange {
        state: transition.state.name(),
        state_detail: detail,
        outcome: transition.state.outcome(),
        resume_on: extras.resume_on,
    };
    cases::change_state(conn, &case.id, case.version, &change, now).map_err(|err| match err {
        PersistenceError::Conflict(_) => AppError::StaleVersion,
        other => other.into(),
    })?;
    let mut detail = json!({ "command": command, "events": transition.events });
    if let (Some(target), Value::Object(extra)) = (detail.as_object_mut(), extras.detail) {
        target.extend(extra);
    }
    let row = event(
        &case.id,
        actor,
        TimelineKind::Command(command.name()),
        (
            Some(state.name().as_str()),
            Some(transition.state.name().as_str()),
        ),
        &detail,
        now,
    );
    case_events::insert_all(conn, std::slice::from_ref(&row))?;
    let updated = cases::find(conn, None, &case.id)?;
    crate::events::outbox::from_timeline(conn, &updated, &[row])?;
    Ok(updated)
}

/// The refusal of the state machine as a use-case error: the current state and what is allowed
/// there, so a client can branch on it.
#[must_use]
pub fn refused(refusal: &Refusal) -> AppError {
    AppError::TransitionRefused(Box::new(Refused {
        command: refusal.command.as_str().to_owned(),
        state: refusal.state.as_str().to_owned(),
        reason: refusal.reason.to_string(),
        allowed: refusal
            .allowed
            .iter()
            .map(|name| name.as_str().to_owned())
            .collect(),
    }))
}
