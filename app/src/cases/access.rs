//! Tenant and book scoping of case reads in one place: the case lookup every case sub-resource
//! starts from. Another tenant's case, and for a collector a case assigned to someone else,
//! answers [`AppError::NotFound`], exactly like a missing one.

use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::debtors::DebtorRow;

use crate::error::AppError;
use crate::principal::Principal;

/// The case with `id` if the caller may see it.
///
/// # Errors
/// [`AppError::NotFound`] when it does not exist, belongs to another tenant or is not in the
/// caller's book ([`Principal::case_book`]).
pub fn visible_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<CaseRow, AppError> {
    let case = cases::find(conn, caller.tenant_scope(), id)?;
    if caller.case_book().holds(case.collector_id.as_deref()) {
        Ok(case)
    } else {
        Err(AppError::NotFound)
    }
}

/// [`visible_case`] with its debtor, read in the same query.
///
/// # Errors
/// As [`visible_case`].
pub fn visible_case_with_debtor(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<(CaseRow, DebtorRow), AppError> {
    let (case, debtor) = cases::find_with_debtor(conn, caller.tenant_scope(), id)?;
    if caller.case_book().holds(case.collector_id.as_deref()) {
        Ok((case, debtor))
    } else {
        Err(AppError::NotFound)
    }
}
