//! `POST` and `GET /v1/cases/{id}/legal-assessment`: an agency user proposes legal action with
//! an assessment; the creditor and the agency read the latest one and where it stands.

use chrono::NaiveDateTime;
use serde_json::Value;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;

use super::commands::{LegalTurn, propose};
use super::input::{AssessmentCommand, NewLegalAssessment};
use super::record::{self, RecordedAssessment};
use super::{locked_case, read_back};
use crate::cases::access::visible_case;
use crate::error::AppError;
use crate::principal::Principal;

/// Records `input` as the legal assessment of case `case_id`: the case moves to `pre_legal` (or
/// stays there with the revised assessment). Returns the assessment as stored, pending.
///
/// # Errors
/// [`AppError::Forbidden`] without `work_cases`; [`AppError::NotFound`] for a case outside the
/// caller's book or tenant; [`AppError::Validation`] for the estimate (currency, amount) or a
/// blank summary; [`AppError::TransitionRefused`] where the machine refuses (not `amicable` or
/// `pre_legal`); [`AppError::StaleVersion`].
pub fn record(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewLegalAssessment,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<RecordedAssessment, AppError> {
    caller.require(Permission::WorkCases)?;
    let (case, facts) = locked_case(conn, caller, case_id, rates, now)?;
    let turn = LegalTurn {
        caller,
        case: &case,
        facts: &facts,
        now,
    };
    let command = AssessmentCommand::from(input.clone());
    let updated = propose(conn, turn, &command, "", Value::Null)?;
    read_back(conn, &updated)
}

/// The latest legal assessment of case `case_id`, with the creditor's decision once taken.
///
/// # Errors
/// [`AppError::Forbidden`] for debtors; [`AppError::NotFound`] for a case the caller may not
/// see, or one without an assessment.
pub fn latest(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
) -> Result<RecordedAssessment, AppError> {
    caller.require(Permission::ReadCaseConversation)?;
    let case = visible_case(conn, caller, case_id)?;
    record::latest(conn, &case)?.ok_or(AppError::NotFound)
}
