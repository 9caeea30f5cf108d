//! Timeline events: who did what to a case, and the state before and after.

use serde_json::Value;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::case_events::CaseEventRow;

use super::timeline_kind::{Activity, TimelineKind};
use crate::error::AppError;
use crate::principal::{Actor, Principal};

/// Who caused an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorRef {
    /// `user`, `api_key`, `debtor` or `system`.
    pub kind: &'static str,
    /// The user or key id.
    pub id: Option<String>,
}

impl ActorRef {
    /// The scheduler and other automatic work.
    #[must_use]
    pub fn system() -> Self {
        Self {
            kind: "system",
            id: None,
        }
    }
}

impl From<&Principal> for ActorRef {
    fn from(caller: &Principal) -> Self {
        match &caller.actor {
            Actor::User { id, .. } => Self {
                kind: "user",
                id: Some(id.clone()),
            },
            Actor::ApiKey { id, .. } => Self {
                kind: "api_key",
                id: Some(id.clone()),
            },
            Actor::Debtor { id, .. } => Self {
                kind: "debtor",
                id: Some(id.clone()),
            },
            Actor::Provider { name } => Self {
                kind: "system",
                id: Some((*name).to_owned()),
            },
        }
    }
}

/// An event row ready to insert.
#[must_use]
pub fn event(
    case_id: &str,
    actor: &ActorRef,
    kind: TimelineKind,
    states: (Option<&str>, Option<&str>),
    detail: &Value,
    now: chrono::NaiveDateTime,
) -> CaseEventRow {
    CaseEventRow {
        id: new_id("evt"),
        case_id: case_id.to_owned(),
        occurred_at: now,
        actor_kind: actor.kind.to_owned(),
        actor_id: actor.id.clone(),
        kind: kind.as_str().to_owned(),
        state_before: states.0.map(ToOwned::to_owned),
        state_after: states.1.map(ToOwned::to_owned),
        detail: detail.to_string(),
    }
}

/// Records on the timeline something that happened on a case without changing its state (a
/// message, a document), so the timeline is the whole story.
///
/// # Errors
/// Database errors.
pub fn record_activity(
    conn: &mut solvo_persistence::AnyConnection,
    case: &solvo_persistence::repositories::cases::CaseRow,
    actor: &ActorRef,
    kind: Activity,
    detail: &Value,
    now: chrono::NaiveDateTime,
) -> Result<(), AppError> {
    let row = event(
        &case.id,
        actor,
        kind.into(),
        (Some(case.state.as_str()), Some(case.state.as_str())),
        detail,
        now,
    );
    solvo_persistence::repositories::case_events::insert_all(conn, std::slice::from_ref(&row))?;
    crate::events::outbox::from_timeline(conn, case, &[row])?;
    Ok(())
}
