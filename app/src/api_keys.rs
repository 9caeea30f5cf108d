//! API keys: credentials for ERPs, managed by administrators for their own organisation.
//!
//! What is decided here: a key never holds an administrator role (a leaked admin key could mint
//! users and keys that outlive its own revocation); its role belongs to the organisation's kind
//! and defaults to `collector` for the agency and `creditor_member` for creditors; its name is
//! never blank; its secret is shown once, at creation, and only its SHA-256 is kept; every read
//! and revocation is scoped to the caller's organisation.
//!
//! [`ApiKeyRow`] is the stored record the use cases hand back until typed storage replaces it.

use chrono::NaiveDateTime;
use solvo_domain::identity::Role;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::api_keys;
pub use solvo_persistence::repositories::api_keys::ApiKeyRow;

use crate::credentials::secret;
use crate::error::AppError;
use crate::paging::{ListQuery, Page};
use crate::principal::Principal;

/// A new API key as requested.
#[derive(Debug, Clone)]
pub struct NewApiKey {
    /// Label, e.g. the system that will use it.
    pub name: String,
    /// Role of the key; `None` for the organisation's default.
    pub role: Option<Role>,
}

/// A key just created, with the secret that is never shown again.
#[derive(Debug, Clone)]
pub struct CreatedKey {
    /// The stored key.
    pub key: ApiKeyRow,
    /// `sk_…`, in clear.
    pub secret: String,
}

/// An administrator creates an API key for its own organisation.
///
/// # Errors
/// [`AppError::Forbidden`] without `manage_api_keys`; a validation error naming `role` or
/// `name`; database errors.
pub fn create(
    conn: &mut AnyConnection,
    caller: &Principal,
    new: &NewApiKey,
    now: NaiveDateTime,
) -> Result<CreatedKey, AppError> {
    caller.require(Permission::ManageApiKeys)?;
    let default_role = if caller.role.is_agency_staff() {
        Role::Collector
    } else {
        Role::CreditorMember
    };
    let role = new.role.unwrap_or(default_role);
    if role.is_admin() {
        return Err(AppError::invalid(
            "role",
            "admin_role_for_key",
            "API keys cannot hold an administrator role; use collector, creditor_member or creditor_viewer.",
        ));
    }
    if role.organisation_kind() != Some(caller.organisation_kind) {
        return Err(AppError::invalid(
            "role",
            "role_not_in_organisation",
            "The role does not belong to your organisation's kind.",
        ));
    }
    let name = new.name.trim().to_owned();
    if name.is_empty() {
        return Err(AppError::invalid("name", "blank", "name must not be blank"));
    }
    let secret = secret::generate(secret::API_KEY_PREFIX);
    let key = ApiKeyRow {
        id: new_id("key"),
        organisation_id: caller.organisation_id.clone(),
        name,
        prefix: secret::visible_prefix(&secret),
        secret_hash: secret::digest(&secret),
        role,
        created_by: caller.user_id().map(ToOwned::to_owned),
        created_at: now,
        last_used_at: None,
        revoked_at: None,
    };
    api_keys::insert(conn, &key)?;
    Ok(CreatedKey { key, secret })
}

/// A page of the organisation's keys, revoked ones included.
///
/// # Errors
/// [`AppError::Forbidden`] without `manage_api_keys`; a validation error for the page size.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    query: &ListQuery,
) -> Result<Page<ApiKeyRow>, AppError> {
    caller.require(Permission::ManageApiKeys)?;
    let page = query.page()?;
    Ok(api_keys::list(conn, &caller.organisation_id, &page)?)
}

/// One of the organisation's keys.
///
/// # Errors
/// [`AppError::Forbidden`] without `manage_api_keys`; [`AppError::NotFound`] for a missing key
/// or another organisation's.
pub fn get(conn: &mut AnyConnection, caller: &Principal, id: &str) -> Result<ApiKeyRow, AppError> {
    caller.require(Permission::ManageApiKeys)?;
    Ok(api_keys::find(conn, &caller.organisation_id, id)?)
}

/// Revokes one of the organisation's keys: requests with it fail from now on.
///
/// # Errors
/// As [`get`].
pub fn revoke(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    now: NaiveDateTime,
) -> Result<ApiKeyRow, AppError> {
    caller.require(Permission::ManageApiKeys)?;
    Ok(api_keys::revoke(conn, &caller.organisation_id, id, now)?)
}
