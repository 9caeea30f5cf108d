//! A debtor's complaint about how the agency treats them (tone, contact at odd hours, a
//! collector's conduct), as opposed to a dispute of the claim. Complaints are kept apart from
//! the case and read only by agency administrators (`handle_complaints`), since one may be
//! about the collector of the case; for the same reason a complaint is not written on the case
//! timeline, which the collector and the creditor read.

use chrono::NaiveDateTime;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::complaints as repo;
pub use solvo_persistence::repositories::complaints::ComplaintRow;
use solvo_persistence::repositories::page::{Page, PageRequest};

use super::Debtor;
use super::scope::case_in_scope;
use crate::error::AppError;
use crate::principal::Principal;

/// The longest complaint or answer, in characters.
pub const MAX_COMPLAINT_CHARS: usize = 4_000;

fn text(field: &str, raw: &str) -> Result<String, AppError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(AppError::invalid(
            field,
            "blank",
            format!("{field} must not be only whitespace"),
        ));
    }
    if trimmed.chars().count() > MAX_COMPLAINT_CHARS {
        return Err(AppError::invalid(
            field,
            "too_long",
            format!("{field} has at most {MAX_COMPLAINT_CHARS} characters."),
        ));
    }
    Ok(trimmed.to_owned())
}

/// Records the debtor's complaint, about case `case_id` when one is named.
///
/// # Errors
/// [`AppError::NotFound`] for a named case outside the session's scope;
/// [`AppError::Validation`] for a blank or too long text.
pub fn file(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: Option<&str>,
    complaint: &str,
    now: NaiveDateTime,
) -> Result<ComplaintRow, AppError> {
    let case_id = match case_id {
        Some(id) => Some(case_in_scope(conn, debtor, id)?.id),
        None => None,
    };
    let row = ComplaintRow {
        id: new_id("cmp"),
        organisation_id: debtor.organisation_id.clone(),
        debtor_id: debtor.debtor_id.clone(),
        case_id,
        text: text("text", complaint)?,
        received_at: now,
        status: "open".to_owned(),
        resolution: None,
        resolved_by: None,
        resolved_at: None,
    };
    repo::insert(conn, &row)?;
    Ok(row)
}

/// The debtor's complaints, oldest first.
///
/// # Errors
/// Database errors.
pub fn of_debtor(conn: &mut AnyConnection, debtor: &Debtor) -> Result<Vec<ComplaintRow>, AppError> {
    Ok(repo::of_debtor(conn, &debtor.debtor_id)?
        .into_iter()
        .filter(|row| row.organisation_id == debtor.organisation_id)
        .collect())
}

/// One page of every complaint, oldest first, `open` or `resolved` ones only when asked.
///
/// # Errors
/// [`AppError::Forbidden`] without `handle_complaints`.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<ComplaintRow>, AppError> {
    caller.require(Permission::HandleComplaints)?;
    Ok(repo::list(conn, status, page)?)
}

/// Answers complaint `id` with `resolution`, which the debtor reads in the portal.
///
/// # Errors
/// [`AppError::Forbidden`] without `handle_complaints`; [`AppError::NotFound`];
/// [`AppError::Conflict`] when it was answered before; [`AppError::Validation`].
pub fn resolve(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    resolution: &str,
    now: NaiveDateTime,
) -> Result<ComplaintRow, AppError> {
    caller.require(Permission::HandleComplaints)?;
    let resolution = text("resolution", resolution)?;
    repo::find(conn, id)?;
    if !repo::resolve(conn, id, &resolution, caller.actor_id(), now)? {
        return Err(AppError::Conflict(
            "The complaint was answered before; an answer is given once.".into(),
        ));
    }
    Ok(repo::find(conn, id)?)
}
