//! Login sessions and their rotating refresh tokens.
//!
//! A session is created at login with its first refresh token. Each refresh spends the
//! presented token and issues the next one in the same session. Presenting a spent token means
//! it leaked (or a client raced itself): the whole session is revoked, so neither the thief nor
//! the owner can continue with it, and the access tokens that name the session stop working.

use crate::dialect::on_backend;
use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{organisations, refresh_tokens, sessions, users};
use solvo_domain::identity::Role;

/// A session row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = sessions)]
pub struct SessionRow {
    /// `ses_…`, also the `sid` claim of access tokens.
    pub id: String,
    /// Whose session.
    pub user_id: String,
    /// Login time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Set by logout or by reuse detection.
    pub revoked_at: Option<NaiveDateTime>,
}

/// A refresh token row; only the SHA-256 of the token is stored.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = refresh_tokens)]
pub struct RefreshTokenRow {
    /// `rtk_…`
    pub id: String,
    /// The session (token family).
    pub session_id: String,
    /// Hex SHA-256 of the token.
    pub token_hash: String,
    /// Issue time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// After this the token is refused.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub expires_at: NaiveDateTime,
    /// Set when the token is exchanged; a second exchange revokes the session.
    pub used_at: Option<NaiveDateTime>,
}

/// What an access token's subject resolves to on each request.
#[derive(Debug, Clone, Queryable)]
pub struct ActiveUser {
    /// The user id.
    pub user_id: String,
    /// Their organisation.
    pub organisation_id: String,
    /// Its kind.
    pub organisation_kind: String,
    /// The role as stored now (a role change takes effect at once).
    pub role: Role,
    /// Email, for `GET /v1/me`.
    pub email: String,
}

/// Creates a session with its first refresh token.
///
/// # Errors
/// Database errors only.
pub fn start(
    conn: &mut AnyConnection,
    session: &SessionRow,
    token: &RefreshTokenRow,
) -> Result<(), PersistenceError> {
    diesel::insert_into(sessions::table)
        .values(session)
        .execute(conn)?;
    diesel::insert_into(refresh_tokens::table)
        .values(token)
        .execute(conn)?;
    Ok(())
}

/// Looks a refresh token up by its hash, with its session.
///
/// # Errors
/// [`PersistenceError::NotFound`] for an unknown token.
pub fn find_token(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<(RefreshTokenRow, SessionRow), PersistenceError> {
    Ok(refresh_tokens::table
        .inner_join(sessions::table)
        .filter(refresh_tokens::token_hash.eq(token_hash))
        .select((RefreshTokenRow::as_select(), SessionRow::as_select()))
        .first(conn)?)
}

/// Marks a token spent, if it was not already: returns `false` when another request spent it
/// first (which the caller treats as reuse).
///
/// # Errors
/// Database errors only.
pub fn spend_token(
    conn: &mut AnyConnection,
    token_id: &str,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        refresh_tokens::table
            .filter(refresh_tokens::id.eq(token_id))
            .filter(refresh_tokens::used_at.is_null()),
    )
    .set(refresh_tokens::used_at.eq(now))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Adds the next refresh token of a session.
///
/// # Errors
/// Database errors only.
pub fn add_token(
    conn: &mut AnyConnection,
    token: &RefreshTokenRow,
) -> Result<(), PersistenceError> {
    diesel::insert_into(refresh_tokens::table)
        .values(token)
        .execute(conn)?;
    Ok(())
}

/// Revokes a session (logout, reuse detection). Revoking twice keeps the first time.
///
/// # Errors
/// Database errors only.
pub fn revoke(
    conn: &mut AnyConnection,
    session_id: &str,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(
        sessions::table
            .filter(sessions::id.eq(session_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Resolves an access token's user and session: `None` unless the user exists, is enabled and
/// the session is not revoked and began after `started_after` (its absolute lifetime).
///
/// # Errors
/// Database errors only.
pub fn active_user(
    conn: &mut AnyConnection,
    user_id: &str,
    session_id: &str,
    started_after: NaiveDateTime,
) -> Result<Option<ActiveUser>, PersistenceError> {
    // Every request with an access token runs this.
    Ok(on_backend!(conn, |c| users::table
        .inner_join(organisations::table)
        .inner_join(sessions::table)
        .filter(users::id.eq(user_id))
        .filter(users::disabled.eq(false))
        .filter(sessions::id.eq(session_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::created_at.gt(started_after))
        .select((
            users::id,
            users::organisation_id,
            organisations::kind,
            users::role,
            users::email,
        ))
        .first(c)
        .optional())?)
}

/// Revokes every open session of a user (when they are disabled).
///
/// # Errors
/// Database errors only.
pub fn revoke_all_of_user(
    conn: &mut AnyConnection,
    user_id: &str,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}

/// Revokes every open session of a user but `keep` (a password change keeps the session that
/// made it).
///
/// # Errors
/// Database errors only.
pub fn revoke_others_of_user(
    conn: &mut AnyConnection,
    user_id: &str,
    keep: &str,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(
        sessions::table
            .filter(sessions::user_id.eq(user_id))
            .filter(sessions::id.ne(keep))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(now))
    .execute(conn)?;
    Ok(())
}
