//! A case's timeline: every event in order, for a caller who may see the case (another tenant's
//! case is [`AppError::NotFound`], like a missing one).
//!
//! [`CaseEventRow`] is the stored record this use case hands back, re-exported until typed
//! storage replaces it.

use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::case_events;
pub use solvo_persistence::repositories::case_events::CaseEventRow;

use super::access::visible_case;
use super::list::{Page, PageRequest};
use crate::error::AppError;
use crate::principal::Principal;

/// One page of the events of case `case_id`, oldest first.
///
/// # Errors
/// [`AppError::NotFound`] for another tenant's or a missing case; database errors.
pub fn timeline(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<CaseEventRow>, AppError> {
    let case = visible_case(conn, caller, case_id)?;
    Ok(case_events::of_case(conn, &case.id, page)?)
}
