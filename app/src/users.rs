//! Users: the people who log in.
//!
//! What is decided here: who may grant which role (`solvo_domain::identity::may_grant`: agency
//! admins any organisation's roles of its kind, creditor admins creditor roles in their own
//! organisation only); which users a caller sees (itself; everyone for agency admins; their own
//! organisation's for creditor admins; anyone else is [`AppError::NotFound`]); that emails are
//! unique, without telling a creditor admin that an email exists in another organisation; that nobody changes their own role or disables themselves (no admin locks itself
//! out); that a change names the version it was made against ([`AppError::StaleVersion`]);
//! and that disabling a user ends their sessions in the same transaction.
//!
//! [`UserRow`] is the stored record the use cases hand back until typed storage replaces it;
//! its password hash never leaves the api crate's view.

use chrono::NaiveDateTime;
use solvo_domain::identity::{OrganisationKind, Role, may_grant};
use solvo_domain::permission::Permission;
use solvo_persistence::ids::new_id;
pub use solvo_persistence::repositories::users::UserRow;
use solvo_persistence::repositories::users::{self, UserChanges, UserFilter};
use solvo_persistence::repositories::{organisations, sessions};
use solvo_persistence::{AnyConnection, PersistenceError};

use crate::credentials::{HashGate, password, policy};
use crate::db::Db;
use crate::error::AppError;
use crate::identity::stored_kind;
use crate::paging::{ListQuery, Page};
use crate::principal::Principal;

/// A new user as requested (shape already checked: an email, a password of 12 to 256 chars).
#[derive(Debug, Clone)]
pub struct NewUser {
    /// Login email, in any case.
    pub email: String,
    /// Initial password.
    pub password: String,
    /// Role to grant.
    pub role: Role,
    /// Target organisation; `None` is the caller's own.
    pub organisation_id: Option<String>,
    /// The name the person goes by (debtors see their collector's).
    pub name: Option<String>,
}

/// Changes to a user; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct UserUpdate {
    /// New role.
    pub role: Option<Role>,
    /// Disable or re-enable.
    pub disabled: Option<bool>,
    /// New name.
    pub name: Option<String>,
}

/// An admin creates a user in its own organisation (agency admins: in any).
///
/// The password is hashed through `gate` before a connection is taken: argon2 is slow on
/// purpose and must not hold one, and its memory is bounded with the logins'.
///
/// # Errors
/// [`AppError::Forbidden`] without `manage_users` or when the role may not be granted there; a
/// validation error for an unknown organisation; when the email is taken, [`AppError::Conflict`]
/// for agency admins and a validation error of `email` for creditor admins (no cross-tenant
/// oracle);
/// [`AppError::Busy`] when the gate has no turn free in time.
pub async fn create(
    db: &Db,
    gate: &HashGate,
    caller: Principal,
    new: NewUser,
    now: NaiveDateTime,
) -> Result<UserRow, AppError> {
    caller.require(Permission::ManageUsers)?;
    let organisation_id = new
        .organisation_id
        .unwrap_or_else(|| caller.organisation_id.clone());
    if !caller.can_see_organisation(&organisation_id) {
        return Err(unknown_organisation());
    }
    let name = clean_name(new.name)?;
    policy::check("password", &new.password, &new.email)
        .map_err(|error| AppError::Validation(vec![error]))?;
    let plain = new.password;
    let password_hash = gate
        .run(move |memory| password::hash_in(&plain, memory))
        .await??;
    let row = UserRow {
        id: new_id("usr"),
        organisation_id,
        email: new.email.trim().to_lowercase(),
        password_hash,
        role: new.role,
        disabled: false,
        version: 1,
        created_at: now,
        updated_at: now,
        name,
    };
    db.write(move |conn| {
        let organisation = match organisations::find(conn, &row.organisation_id) {
            Err(PersistenceError::NotFound) => return Err(unknown_organisation()),
            other => other?,
        };
        grant(
            &caller,
            &organisation.id,
            stored_kind(&organisation.kind)?,
            new.role,
        )?;
        users::insert(conn, &row).map_err(|err| match err {
            // Emails are unique across organisations, so a creditor admin told "exists" would
            // learn that another tenant has that person: it gets the refusal any other unusable
            // field gets, naming no organisation. The agency sees every organisation anyway.
            PersistenceError::Conflict(_) if caller.role == Role::AgencyAdmin => {
                AppError::Conflict("A user with this email already exists.".into())
            }
            PersistenceError::Conflict(_) => AppError::invalid(
                "email",
                "unavailable",
                "This email cannot be used; choose another.",
            ),
            other => other.into(),
        })?;
        Ok(row)
    })
    .await
}

/// A page of users: agency admins all or one organisation's (`organisation_id`), creditor
/// admins always their own.
///
/// # Errors
/// [`AppError::Forbidden`] without `list_users`; a validation error for the page size.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    organisation_id: Option<String>,
    query: &ListQuery,
) -> Result<Page<UserRow>, AppError> {
    caller.require(Permission::ListUsers)?;
    let page = query.page()?;
    let organisation_id = if caller.role == Role::AgencyAdmin {
        organisation_id
    } else {
        Some(caller.organisation_id.clone())
    };
    let filter = UserFilter {
        organisation_id,
        updated_since: query.updated_since,
    };
    Ok(users::list(conn, &filter, &page)?)
}

/// The user `id` if the caller may see it: itself; for agency admins anyone; for creditor
/// admins their organisation's.
///
/// # Errors
/// [`AppError::NotFound`] for a missing user or one the caller may not see.
pub fn get(conn: &mut AnyConnection, caller: &Principal, id: &str) -> Result<UserRow, AppError> {
    let row = users::find(conn, id)?;
    let visible = caller.user_id() == Some(id)
        || caller.role == Role::AgencyAdmin
        || (caller.role.is_admin() && row.organisation_id == caller.organisation_id);
    if visible {
        Ok(row)
    } else {
        Err(AppError::NotFound)
    }
}

/// An admin changes another user's role or disabled flag, against `expected_version` when
/// given. The caller must be allowed to grant both the user's current role and the new one, so
/// that a creditor admin can neither demote an agency user nor promote someone out of its kind.
///
/// # Errors
/// [`AppError::Forbidden`]; [`AppError::Conflict`] for the caller's own account;
/// [`AppError::NotFound`]; [`AppError::StaleVersion`] when the user changed since that version.
pub fn update(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    changes: UserUpdate,
    expected_version: Option<i64>,
    now: NaiveDateTime,
) -> Result<UserRow, AppError> {
    caller.require(Permission::ManageUsers)?;
    if caller.user_id() == Some(id) {
        return Err(AppError::Conflict(
            "You cannot change your own role or disable yourself.".into(),
        ));
    }
    let current = get(conn, caller, id)?;
    let kind = stored_kind(&organisations::find(conn, &current.organisation_id)?.kind)?;
    let current_role = current.role;
    for role in [current_role, changes.role.unwrap_or(current_role)] {
        grant(caller, &current.organisation_id, kind, role)?;
    }
    let stored_changes = UserChanges {
        role: changes.role,
        disabled: changes.disabled,
        name: clean_name(changes.name)?.map(Some),
    };
    let updated = users::update(conn, id, &stored_changes, expected_version, now).map_err(
        |err| match err {
            PersistenceError::Conflict(_) => AppError::StaleVersion,
            other => other.into(),
        },
    )?;
    if updated.disabled {
        sessions::revoke_all_of_user(conn, &updated.id, now)?;
    }
    Ok(updated)
}

/// Whether the caller may manage a user of `role` in the organisation `organisation_id` of
/// `kind` (reset its password): exactly when it may grant that role there.
///
/// # Errors
/// [`AppError::Forbidden`] with the reason.
pub fn may_manage(
    caller: &Principal,
    organisation_id: &str,
    kind: OrganisationKind,
    role: Role,
) -> Result<(), AppError> {
    grant(caller, organisation_id, kind, role)
}

/// Whether the caller may grant `role` in the organisation `organisation_id` of `kind`.
fn grant(
    caller: &Principal,
    organisation_id: &str,
    kind: OrganisationKind,
    role: Role,
) -> Result<(), AppError> {
    may_grant(
        caller.role,
        &caller.organisation_id,
        organisation_id,
        kind,
        role,
    )
    .map_err(|refusal| AppError::Forbidden(format!("{refusal}.")))
}

/// The longest name a user may have, in characters.
pub const NAME_MAX: usize = 100;

/// A given name trimmed, refused when blank or longer than [`NAME_MAX`].
fn clean_name(name: Option<String>) -> Result<Option<String>, AppError> {
    let Some(name) = name else {
        return Ok(None);
    };
    let name = name.trim();
    if name.is_empty() {
        return Err(AppError::invalid("name", "blank", "name must not be blank"));
    }
    if name.chars().count() > NAME_MAX {
        return Err(AppError::invalid(
            "name",
            "too_long",
            "name must be at most 100 characters",
        ));
    }
    Ok(Some(name.to_owned()))
}

fn unknown_organisation() -> AppError {
    AppError::invalid("organisation_id", "unknown", "No such organisation.")
}
