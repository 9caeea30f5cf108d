//! The activity log: every contact attempt on a case with its outcome, notes and the next
//! action's date. The latest activity's date is the case's next action, which puts the case in
//! its collector's work queue on that day.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::case::StateName;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases;
use solvo_persistence::repositories::collection_work::{self, ActivityRow};
use solvo_persistence::repositories::page::{Page, PageRequest};

use super::input::NewActivity;
use crate::cases::access::visible_case;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::principal::Principal;

/// Logs `input` on case `case_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `work_cases`; [`AppError::NotFound`] for a case outside the
/// caller's book; [`AppError::CaseClosed`]; [`AppError::Validation`].
pub fn log(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewActivity,
    now: NaiveDateTime,
) -> Result<ActivityRow, AppError> {
    caller.require(Permission::WorkCases)?;
    let notes = input.validate_for(now.date())?;
    let case = visible_case(conn, caller, case_id)?;
    if case.state == StateName::Closed {
        return Err(AppError::CaseClosed);
    }
    cases::lock_for_change(conn, &case.id, now)?;
    let row = ActivityRow {
        id: new_id("act"),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        channel: input.channel.as_str().to_owned(),
        outcome: input.outcome.as_str().to_owned(),
        notes,
        next_action_on: input.next_action_on,
        recorded_by: caller.actor_id().to_owned(),
        created_at: now,
    };
    collection_work::insert_activity(conn, &row)?;
    cases::set_next_action(conn, &case.id, row.next_action_on)?;
    let detail = json!({
        "activity_id": row.id,
        "channel": row.channel,
        "outcome": row.outcome,
        "next_action_on": row.next_action_on,
    });
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        Activity::ActivityLogged,
        &detail,
        now,
    )?;
    Ok(row)
}

/// One page of the activities of case `case_id`, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] for debtors; [`AppError::NotFound`] for a case the caller may not see.
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<ActivityRow>, AppError> {
    caller.require(Permission::ReadCaseConversation)?;
    let case = visible_case(conn, caller, case_id)?;
    Ok(collection_work::activities_of_case(conn, &case.id, page)?)
}
