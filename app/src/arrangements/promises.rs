//! Promises to pay: a collector records what the debtor promised; payments keep it, the
//! scheduler breaks it the day after its date.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::case::StateName;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases;
use solvo_persistence::repositories::page::{Page, PageRequest};
use solvo_persistence::repositories::promises::{self, PromiseRow};

use super::input::NewPromise;
use super::judge::judge;
use crate::cases::access::visible_case;
use crate::cases::balance::terms_of;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::money::{detail_json, to_minor};
use crate::principal::Principal;

/// Records the promise `input` on case `case_id`; returns it as judged at once (payments
/// value-dated today may already keep it).
///
/// # Errors
/// [`AppError::Forbidden`] without `arrange_payments`; [`AppError::NotFound`] for a case the
/// caller may not see; [`AppError::CaseClosed`]; [`AppError::Validation`] for bad fields.
pub fn make(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewPromise,
    now: NaiveDateTime,
) -> Result<PromiseRow, AppError> {
    caller.require(Permission::ArrangePayments)?;
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    if case.state == StateName::Closed {
        return Err(AppError::CaseClosed);
    }
    let terms = terms_of(&case)?;
    let valid = input.validate_for(terms.currency, now.date())?;
    let row = PromiseRow {
        id: new_id("prm"),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        amount_minor: to_minor(valid.amount, "amount")?,
        currency: case.currency,
        due_date: valid.due_date,
        status: "open".to_owned(),
        note: valid.note,
        recorded_by: caller.actor_id().to_owned(),
        created_at: now,
        settled_at: None,
    };
    promises::insert(conn, &row)?;
    let detail = json!({
        "promise_id": row.id,
        "amount": detail_json(valid.amount),
        "due_date": row.due_date,
    });
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        Activity::PromiseMade,
        &detail,
        now,
    )?;
    judge(conn, case, now.date(), now)?;
    Ok(promises::find(conn, &row.id)?)
}

/// One page of the promises of case `case_id`, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_payments`; [`AppError::NotFound`] for a case the
/// caller may not see.
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<PromiseRow>, AppError> {
    caller.require(Permission::ReadPayments)?;
    let case = visible_case(conn, caller, case_id)?;
    Ok(promises::of_case(conn, &case.id, page)?)
}
