//! The assessment on record and the creditor's decision on it, read back from the case's
//! timeline, where both are stored: the latest `escalate_pre_legal` event carries the
//! assessment in its command, and an `approve_legal` or `decline_legal` after it is the decision
//! (there is at most one: a decision leaves `pre_legal`, so another needs a new assessment).

use chrono::NaiveDateTime;
use serde_json::Value;
use solvo_domain::case::{CaseEvent, Command, LegalAssessment};
use solvo_domain::money::Money;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::case_events::{self, CaseEventRow};
use solvo_persistence::repositories::cases::CaseRow;
use utoipa::ToSchema;

use super::input::LegalDecision;
use crate::error::AppError;

/// The timeline kind of a proposal of legal action.
const PROPOSED: &str = "escalate_pre_legal";
/// The timeline kinds of the creditor's decisions.
const DECIDED: [&str; 2] = ["approve_legal", "decline_legal"];

/// Where an assessment stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum AssessmentStatus {
    /// No decision yet. The creditor decides while the case is `pre_legal`; a case that left it
    /// otherwise (a payment plan, closed, withdrawn) keeps the assessment undecided.
    Pending,
    /// The creditor approved legal action: the case went to `legal`.
    Approved,
    /// The creditor declined it: the case went back to `amicable`.
    Declined,
}

/// Who recorded an event: `user`, `api_key` or `system`, with the id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedBy {
    /// `user`, `api_key` or `system`.
    pub kind: String,
    /// The user or key id.
    pub id: Option<String>,
}

/// The creditor's decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedDecision {
    /// Approve or decline.
    pub decision: LegalDecision,
    /// The estimate approved: the assessment's, as the approval recorded it (approvals only).
    pub approved_cost_estimate: Option<Money>,
    /// Why, if given.
    pub reason: Option<String>,
    /// When.
    pub decided_at: NaiveDateTime,
    /// Who.
    pub decided_by: RecordedBy,
}

/// The latest legal assessment of a case with its decision.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedAssessment {
    /// The timeline event that recorded it (`evt_…`), which identifies it.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The assessment.
    pub assessment: LegalAssessment,
    /// When it was recorded.
    pub recorded_at: NaiveDateTime,
    /// Who recorded it.
    pub recorded_by: RecordedBy,
    /// The decision, once taken.
    pub decision: Option<RecordedDecision>,
    /// The case's state now.
    pub case_state: String,
}

impl RecordedAssessment {
    /// Pending until decided, then as decided.
    #[must_use]
    pub fn status(&self) -> AssessmentStatus {
        match self.decision.as_ref().map(|decision| decision.decision) {
            None => AssessmentStatus::Pending,
            Some(LegalDecision::Approve) => AssessmentStatus::Approved,
            Some(LegalDecision::Decline) => AssessmentStatus::Declined,
        }
    }
}

/// The latest assessment of `case` with its decision, if one was ever recorded.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for an event that does not read back.
pub fn latest(
    conn: &mut AnyConnection,
    case: &CaseRow,
) -> Result<Option<RecordedAssessment>, AppError> {
    let Some(event) = case_events::latest_of_kind(conn, &case.id, PROPOSED)? else {
        return Ok(None);
    };
    let assessment = assessment_of(&event)?;
    let decision = case_events::latest_of_kinds_after(conn, &case.id, &DECIDED, &event.id)?
        .map(|row| decision_of(&row))
        .transpose()?;
    Ok(Some(RecordedAssessment {
        recorded_by: actor_of(&event),
        id: event.id,
        case_id: case.id.clone(),
        assessment,
        recorded_at: event.occurred_at,
        decision,
        case_state: case.state.as_str().to_owned(),
    }))
}

/// The assessment on record for the state machine's guards: the latest one, decided or not.
///
/// # Errors
/// As [`latest`].
pub fn on_record(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Option<LegalAssessment>, AppError> {
    case_events::latest_of_kind(conn, case_id, PROPOSED)?
        .map(|event| assessment_of(&event))
        .transpose()
}

/// The command and the domain events stored in an event's detail.
fn parts_of(row: &CaseEventRow) -> Result<(Value, Command, Vec<CaseEvent>), AppError> {
    let corrupt = |err: serde_json::Error| AppError::corrupt("case event", &row.id, err);
    let detail: Value = serde_json::from_str(&row.detail).map_err(corrupt)?;
    let command = serde_json::from_value(detail["command"].clone()).map_err(corrupt)?;
    let events = serde_json::from_value(detail["events"].clone()).map_err(corrupt)?;
    Ok((detail, command, events))
}

fn assessment_of(row: &CaseEventRow) -> Result<LegalAssessment, AppError> {
    match parts_of(row)?.1 {
        Command::EscalatePreLegal { assessment } => Ok(assessment),
        other => Err(AppError::corrupt(
            "case event",
            &row.id,
            format!("an escalation carries {}", other.name().as_str()),
        )),
    }
}

fn decision_of(row: &CaseEventRow) -> Result<RecordedDecision, AppError> {
    let (detail, command, events) = parts_of(row)?;
    // The instruction and the decision endpoint store their reason beside the command.
    let given = detail["reason"].as_str().map(str::to_owned);
    let (decision, approved_cost_estimate, reason) = match command {
        Command::ApproveLegal { .. } => {
            let approved = events.into_iter().find_map(|event| match event {
                CaseEvent::LegalApproved { assessment, .. } => Some(assessment.cost_estimate),
                _ => None,
            });
            (LegalDecision::Approve, approved, given)
        }
        Command::DeclineLegal { reason } => (LegalDecision::Decline, None, given.or(Some(reason))),
        other => {
            return Err(AppError::corrupt(
                "case event",
                &row.id,
                format!("a legal decision carries {}", other.name().as_str()),
            ));
        }
    };
    Ok(RecordedDecision {
        decision,
        approved_cost_estimate,
        reason: reason.filter(|reason| !reason.trim().is_empty()),
        decided_at: row.occurred_at,
        decided_by: actor_of(row),
    })
}

fn actor_of(row: &CaseEventRow) -> RecordedBy {
    RecordedBy {
        kind: row.actor_kind.clone(),
        id: row.actor_id.clone(),
    }
}
