//! Which cases a portal session reaches: the case it was opened with (even once it is closed,
//! so the debtor can see that it is settled) and the same debtor's open cases with the same
//! creditor. A session whose access code was replaced since reaches nothing
//! ([`super::session::resume`]).

use solvo_domain::case::CaseState;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseRow};

use super::Debtor;
use crate::error::AppError;

/// The cases the session reaches, oldest first.
///
/// # Errors
/// Database errors; a stored state that does not read is [`AppError::Corrupt`].
pub fn cases_in_scope(conn: &mut AnyConnection, debtor: &Debtor) -> Result<Vec<CaseRow>, AppError> {
    let mut reached = Vec::new();
    for case in cases::of_debtor(conn, &debtor.organisation_id, &debtor.debtor_id)? {
        if case.id == debtor.case_id || is_open(&case)? {
            reached.push(case);
        }
    }
    Ok(reached)
}

/// The case `case_id` if the session reaches it.
///
/// # Errors
/// [`AppError::NotFound`] for any case outside the session's scope, exactly like a missing one.
pub fn case_in_scope(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
) -> Result<CaseRow, AppError> {
    // A missing case is the persistence layer's not-found, which is the app's.
    let case = cases::find(conn, Some(&debtor.organisation_id), case_id)?;
    let reached =
        case.debtor_id == debtor.debtor_id && (case.id == debtor.case_id || is_open(&case)?);
    if reached {
        Ok(case)
    } else {
        Err(AppError::NotFound)
    }
}

fn is_open(case: &CaseRow) -> Result<bool, AppError> {
    let state = crate::cases::transition::state_of(case)?;
    Ok(!matches!(state, CaseState::Closed { .. }))
}
