//! A debtor disputes the claim in the portal, through the same use case as staff who record
//! one (`crate::disputes`): the case moves to `disputed` and the timeline names the debtor as
//! the actor. The debtor relies only on documents they uploaded themselves, and sees each
//! dispute of the case with its outcome once decided.

use chrono::NaiveDateTime;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::disputes as repo;
use solvo_persistence::repositories::page::{Page, PageRequest};

use super::Debtor;
use super::documents::check_own_documents;
use super::scope::case_in_scope;
use crate::disputes::{DisputeChange, DisputeRecord, NewDispute, raise_on};
use crate::error::AppError;

/// Raises the debtor's dispute `input` on case `case_id`.
///
/// # Errors
/// [`AppError::NotFound`] for a case outside the session's scope; [`AppError::Validation`]
/// naming a document the debtor did not upload on the case; otherwise as
/// [`crate::disputes::raise`] (already disputed, closed, an amount above the balance).
pub fn raise(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    input: &NewDispute,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<DisputeChange, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    if let Some(ids) = &input.document_ids {
        check_own_documents(conn, debtor, &case.id, "document_ids", ids)?;
    }
    raise_on(conn, &debtor.principal(), &case, input, rates, now)
}

/// One page of the disputes of case `case_id`, oldest first, whoever recorded them.
///
/// # Errors
/// [`AppError::NotFound`] for a case outside the session's scope.
pub fn of_case(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<DisputeRecord>, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    let rows = repo::of_case(conn, &case.id, page)?;
    Ok(Page {
        items: rows
            .items
            .into_iter()
            .map(DisputeRecord::from_row)
            .collect::<Result<Vec<_>, _>>()?,
        next_cursor: rows.next_cursor,
    })
}
