//! A user's password after its first: changed by its owner, or reset with a one-time token that
//! an administrator issues (there is no email delivery; the admin hands the token over).
//!
//! What is decided here: a change needs the current password, is counted by the login throttle
//! like a login (a stolen access token must not become a password oracle) and ends every other
//! session of the user; a new password meets the policy (`credentials::policy`); a reset token
//! is issued by whoever may manage the user (the rules of `users::update`; never for oneself),
//! lasts [`RESET_TOKEN_TTL_HOURS`], works once, withdraws the earlier ones, is refused for a
//! disabled user, and ends every session of the user and the account's login throttle.

use chrono::{Duration, NaiveDateTime};
use solvo_domain::permission::Permission;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::password_resets::{self, PasswordResetRow};
use solvo_persistence::repositories::{organisations, sessions, users};
use solvo_persistence::{AnyConnection, PersistenceError};

use crate::credentials::throttle::{self, Attempt};
use crate::credentials::{HashGate, password, policy, secret};
use crate::db::Db;
use crate::error::AppError;
use crate::identity::stored_kind;
use crate::principal::{Actor, Principal};

/// How long a reset token works.
pub const RESET_TOKEN_TTL_HOURS: i64 = 24;
/// Prefix of reset tokens.
pub const RESET_TOKEN_PREFIX: &str = "pr_";

/// The caller changes its own password from `current` to `new`. The throttle counts the attempt
/// under the caller's email and the client's address (`attempt`).
///
/// # Errors
/// [`AppError::Forbidden`] for an API key; a validation error of `new_password` under the
/// policy or of `current_password` when it is wrong; [`AppError::RateLimited`];
/// [`AppError::Busy`]; database errors.
pub async fn change(
    db: &Db,
    gate: &HashGate,
    caller: &Principal,
    address: Option<std::net::IpAddr>,
    current: String,
    new: String,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let Actor::User {
        id: user_id,
        email,
        session_id,
    } = caller.actor.clone()
    else {
        return Err(AppError::Forbidden(
            "API keys have no password; a user changes their own.".into(),
        ));
    };
    policy::check("new_password", &new, &email)
        .map_err(|error| AppError::Validation(vec![error]))?;
    if new == current {
        return Err(AppError::invalid(
            "new_password",
            "unchanged",
            "The new password is the current one.",
        ));
    }
    let attempt = Attempt::new(&email, address);
    let counted = attempt.clone();
    let lookup = user_id.clone();
    let stored = db
        .write(move |conn| {
            throttle::admit(conn, &counted, crate::clock::system_now())?;
            Ok(users::find(conn, &lookup)?.password_hash)
        })
        .await?;
    // Two turns, not one: each computation takes the memory the gate budgets for one.
    if !gate
        .run(move |memory| password::verify_in(&current, &stored, memory))
        .await?
    {
        return Err(AppError::invalid(
            "current_password",
            "incorrect",
            "The current password is not right.",
        ));
    }
    let new_hash = gate
        .run(move |memory| password::hash_in(&new, memory))
        .await??;
    db.write(move |conn| {
        users::set_password(conn, &user_id, &new_hash, now)?;
        sessions::revoke_others_of_user(conn, &user_id, &session_id, now)?;
        throttle::succeeded(conn, &attempt)
    })
    .await
}

/// A reset token issued, in clear (only its digest is stored).
#[derive(Debug, Clone)]
pub struct IssuedReset {
    /// `pr_…`: give it to the user, who sets a new password with it.
    pub token: String,
    /// When it stops working.
    pub expires_at: NaiveDateTime,
}

/// An administrator issues a reset token for user `user_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `manage_users`, for oneself, or for a role the caller may not
/// grant; [`AppError::NotFound`] for a user the caller may not see; database errors.
pub fn issue_reset(
    conn: &mut AnyConnection,
    caller: &Principal,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<IssuedReset, AppError> {
    caller.require(Permission::ManageUsers)?;
    let user = crate::users::get(conn, caller, user_id)?;
    if caller.user_id() == Some(user_id) {
        return Err(AppError::Forbidden(
            "Change your own password with POST /v1/me/password.".into(),
        ));
    }
    let kind = stored_kind(&organisations::find(conn, &user.organisation_id)?.kind)?;
    crate::users::may_manage(caller, &user.organisation_id, kind, user.role)?;
    let token = secret::generate(RESET_TOKEN_PREFIX);
    let expires_at = now + Duration::hours(RESET_TOKEN_TTL_HOURS);
    password_resets::issue(
        conn,
        &PasswordResetRow {
            id: new_id("pwr"),
            user_id: user.id,
            token_hash: secret::digest(&token),
            issued_by: caller.actor_id().to_owned(),
            created_at: now,
            expires_at,
            used_at: None,
        },
    )?;
    Ok(IssuedReset { token, expires_at })
}

/// Sets a new password with a reset token. `now` is the real time (token expiry).
///
/// # Errors
/// A validation error of `token` when it is unknown, used, withdrawn or expired or its user is
/// disabled, of `new_password` under the policy; [`AppError::Busy`]; database errors.
pub async fn reset(
    db: &Db,
    gate: &HashGate,
    token: &str,
    new: String,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let token_hash = secret::digest(token);
    let lookup = token_hash.clone();
    let user = db
        .read(move |conn| find_resettable(conn, &lookup, now))
        .await?
        .ok_or_else(invalid_token)?;
    policy::check("new_password", &new, &user.email)
        .map_err(|error| AppError::Validation(vec![error]))?;
    let new_hash = gate
        .run(move |memory| password::hash_in(&new, memory))
        .await??;
    db.write(move |conn| {
        // Spent in the transaction that sets the password: of two uses only one gets here.
        if password_resets::spend(conn, &token_hash, now)?.is_none() {
            return Err(invalid_token());
        }
        users::set_password(conn, &user.id, &new_hash, now)?;
        sessions::revoke_all_of_user(conn, &user.id, now)?;
        throttle::forget_account(conn, &user.email)
    })
    .await
}

fn find_resettable(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<users::UserRow>, AppError> {
    let Some(row) = password_resets::find(conn, token_hash)? else {
        return Ok(None);
    };
    if row.used_at.is_some() || row.expires_at <= now {
        return Ok(None);
    }
    match users::find(conn, &row.user_id) {
        Ok(user) if !user.disabled => Ok(Some(user)),
        Ok(_) | Err(PersistenceError::NotFound) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

fn invalid_token() -> AppError {
    AppError::invalid(
        "token",
        "invalid",
        "The reset token is unknown, used, withdrawn or expired; ask an administrator for a new one.",
    )
}
