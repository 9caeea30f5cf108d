//! Tenant scoping of case reads in one place: the case lookup every case sub-resource starts
//! from. Another tenant's case answers [`AppError::NotFound`], exactly like a missing one.

use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseRow};

use crate::error::AppError;
use crate::principal::Principal;

/// The case with `id` if the caller may see it.
///
/// # Errors
/// [`AppError::NotFound`] when it does not exist or belongs to another tenant.
pub fn visible_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<CaseRow, AppError> {
    Ok(cases::find(conn, caller.tenant_scope(), id)?)
}
