//! Reading the identity enums back from storage: roles and organisation kinds are stored as
//! text, and a value no release ever wrote is corrupt data (a 500, logged), not a client error.

use solvo_domain::identity::{OrganisationKind, Role};

use crate::error::AppError;

/// Reads a stored role.
///
/// # Errors
/// [`AppError::Internal`] for a role this build does not know.
pub fn stored_role(raw: &str) -> Result<Role, AppError> {
    Role::parse(raw).ok_or_else(|| AppError::internal(format!("stored role `{raw}` is unknown")))
}

/// Reads a stored organisation kind.
///
/// # Errors
/// [`AppError::Internal`] for a kind this build does not know.
pub fn stored_kind(raw: &str) -> Result<OrganisationKind, AppError> {
    OrganisationKind::parse(raw)
        .ok_or_else(|| AppError::internal(format!("stored organisation kind `{raw}` is unknown")))
}
