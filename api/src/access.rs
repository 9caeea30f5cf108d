//! Tenant scoping in one place: which organisation's rows a caller may read, and the case
//! lookup every case sub-resource starts from (another tenant's case answers 404).

use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseRow};

use crate::auth::Caller;
use crate::error::ApiError;

/// The organisation filter for the caller's reads: `None` for agency staff (the agency works
/// every creditor's cases), the caller's own organisation for everyone else.
#[must_use]
pub fn tenant_scope(caller: &Caller) -> Option<String> {
    if caller.role.is_agency_staff() {
        None
    } else {
        Some(caller.organisation_id.clone())
    }
}

/// The case with `id` if the caller may see it.
///
/// # Errors
/// 404 when it does not exist or belongs to another tenant.
pub fn visible_case(
    conn: &mut AnyConnection,
    caller: &Caller,
    id: &str,
) -> Result<CaseRow, ApiError> {
    Ok(cases::find(conn, tenant_scope(caller).as_deref(), id)?)
}
