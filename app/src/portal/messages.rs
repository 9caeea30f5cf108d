//! The conversation between a case's debtor and the agency: the debtor writes in the portal,
//! the collector of the case (or an agency administrator) answers from the staff API. It is a
//! table of its own, not the creditor-agency `messages`, so nothing the creditor and the agency
//! say to each other can reach the debtor, and nothing the debtor says reaches the creditor:
//! the conversation is the agency's (permission `converse_with_debtors`).
//!
//! The timeline notes each message by id and side only, never its text, because creditors read
//! the timeline.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::CaseRow;
pub use solvo_persistence::repositories::debtor_messages::DebtorMessageRow;
use solvo_persistence::repositories::debtor_messages::{self as repo};
use solvo_persistence::repositories::page::{Page, PageRequest};

use super::Debtor;
use super::scope::case_in_scope;
use crate::cases::access::visible_case;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::messages::MessageText;
use crate::principal::Principal;

/// The longest message, in characters.
pub const MAX_DEBTOR_MESSAGE_CHARS: usize = 4_000;

fn checked(body: String) -> Result<MessageText, AppError> {
    if body.chars().count() > MAX_DEBTOR_MESSAGE_CHARS {
        return Err(AppError::invalid(
            "body",
            "too_long",
            format!("A message has at most {MAX_DEBTOR_MESSAGE_CHARS} characters."),
        ));
    }
    MessageText::new(body)
}

fn post(
    conn: &mut AnyConnection,
    case: &CaseRow,
    actor: &ActorRef,
    side: &'static str,
    author_id: &str,
    body: String,
    now: NaiveDateTime,
) -> Result<DebtorMessageRow, AppError> {
    let text = checked(body)?;
    let row = DebtorMessageRow {
        id: new_id("dmg"),
        case_id: case.id.clone(),
        side: side.to_owned(),
        author_id: author_id.to_owned(),
        body: text.into_inner(),
        created_at: now,
    };
    repo::insert(conn, &row)?;
    record_activity(
        conn,
        case,
        actor,
        Activity::DebtorMessagePosted,
        &json!({"message_id": row.id, "side": side}),
        now,
    )?;
    Ok(row)
}

/// The debtor writes `body` on case `case_id`.
///
/// # Errors
/// [`AppError::NotFound`] for a case outside the session's scope; [`AppError::Validation`] for
/// a blank or too long body.
pub fn post_as_debtor(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    body: String,
    now: NaiveDateTime,
) -> Result<DebtorMessageRow, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    let principal = debtor.principal();
    post(
        conn,
        &case,
        &ActorRef::from(&principal),
        "debtor",
        &debtor.debtor_id,
        body,
        now,
    )
}

/// One page of the conversation on case `case_id`, as the debtor reads it.
///
/// # Errors
/// [`AppError::NotFound`] for a case outside the session's scope.
pub fn list_for_debtor(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<DebtorMessageRow>, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    Ok(repo::of_case(conn, &case.id, page)?)
}

/// The agency answers on case `case_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `converse_with_debtors`; [`AppError::NotFound`] for a case
/// the caller may not see (a collector sees their own book); [`AppError::Validation`].
pub fn post_as_agency(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    body: String,
    now: NaiveDateTime,
) -> Result<DebtorMessageRow, AppError> {
    caller.require(Permission::ConverseWithDebtors)?;
    let case = visible_case(conn, caller, case_id)?;
    post(
        conn,
        &case,
        &ActorRef::from(caller),
        "agency",
        caller.actor_id(),
        body,
        now,
    )
}

/// One page of the conversation on case `case_id`, as the agency reads it.
///
/// # Errors
/// As [`post_as_agency`].
pub fn list_for_agency(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<DebtorMessageRow>, AppError> {
    caller.require(Permission::ConverseWithDebtors)?;
    let case = visible_case(conn, caller, case_id)?;
    Ok(repo::of_case(conn, &case.id, page)?)
}
