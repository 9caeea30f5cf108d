//! Sessions: login, refresh-token rotation with reuse detection, and logout. The api crate signs
//! the access token for an [`Issued`] session; everything about the session itself is here.
//!
//! What is decided here: a login is counted by the throttle (`credentials::throttle`) before
//! its password is checked; it succeeds only for a known, enabled user with the right
//! password, and an unknown email costs the same argon2 work as a wrong password (so emails
//! cannot be probed by timing); each refresh token works once, and presenting a spent one again
//! revokes its whole session (a stolen token and its owner cannot both keep going); an expired
//! token, a revoked session, a session past its absolute lifetime (a login is needed at least
//! that often, however often the token is refreshed) or a user disabled since refuses; logout is for sessions, not API
//! keys. Refusals are answers ([`Outcome::Refused`]), not errors, so that a reuse's revocation
//! is committed.

use chrono::{Duration, NaiveDateTime};
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::sessions::{self, RefreshTokenRow, SessionRow};
use solvo_persistence::repositories::users;
use solvo_persistence::{AnyConnection, PersistenceError};

use crate::clock;
use crate::credentials::throttle::{self, Attempt};
use crate::credentials::{HashGate, password, secret};
use crate::db::Db;
use crate::error::AppError;
use crate::principal::{Actor, Principal};

/// A session with a fresh refresh token, for which an access token is to be signed.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The user.
    pub user_id: String,
    /// The user's organisation.
    pub organisation_id: String,
    /// The user's role now (stored form).
    pub role: String,
    /// The session.
    pub session_id: String,
    /// The new refresh token, in clear; only its SHA-256 is stored.
    pub refresh_token: String,
}

/// Why no session was issued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// Wrong email or password, or a disabled account (deliberately not told apart).
    BadCredentials,
    /// The refresh token is unknown, expired or revoked, its session has reached its absolute
    /// lifetime, or its user is disabled.
    InvalidRefreshToken,
    /// The refresh token was spent before; its session is now revoked.
    ReusedRefreshToken,
}

impl Refusal {
    /// What the client is told.
    #[must_use]
    pub fn detail(self) -> &'static str {
        match self {
            Self::BadCredentials => "Wrong email or password, or the account is disabled.",
            Self::InvalidRefreshToken => "The refresh token is unknown, expired or revoked.",
            Self::ReusedRefreshToken => {
                "The refresh token was already used; the session has been revoked."
            }
        }
    }
}

/// A login or a refresh: a session, or why not.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Tokens may be issued.
    Issued(Issued),
    /// Refused; the client gets [`Refusal::detail`].
    Refused(Refusal),
}

/// Starts a session for the attempt's email and `password`, with a refresh token valid for `refresh_ttl`.
/// The attempt is counted by the login throttle (`throttle`) before anything else, in the
/// transaction that looks the user up, and the password is then checked through `gate`, which
/// bounds how many checks run at once.
///
/// # Errors
/// [`AppError::RateLimited`] when the throttle makes the attempt wait; [`AppError::Busy`] when
/// the gate has no turn free in time; database and hashing-task failures; wrong credentials are
/// [`Outcome::Refused`].
pub async fn login(
    db: &Db,
    gate: &HashGate,
    attempt: Attempt,
    password: String,
    refresh_ttl: Duration,
) -> Result<Outcome, AppError> {
    let counted = attempt.clone();
    let found = db
        .write(move |conn| {
            throttle::admit(conn, &counted, clock::system_now())?;
            Ok(users::find_by_email(conn, counted.email())?)
        })
        .await?;
    // Verify after the connection is back in the pool: argon2 is slow on purpose, and a burst
    // of wrong passwords must not hold every database connection. An unknown email is checked
    // against the dummy hash through the same gate, so it costs the same time and the same turn.
    let user = gate
        .run(move |memory| {
            let valid = match &found {
                Some(user) => {
                    password::verify_in(&password, &user.password_hash, memory) && !user.disabled
                }
                None => password::verify_in(&password, password::DUMMY_HASH, memory),
            };
            found.filter(|_| valid)
        })
        .await?;
    let Some(user) = user else {
        return Ok(Outcome::Refused(Refusal::BadCredentials));
    };
    let refresh_token = secret::generate(secret::REFRESH_TOKEN_PREFIX);
    let now = clock::system_now();
    let session = SessionRow {
        id: new_id("ses"),
        user_id: user.id.clone(),
        created_at: now,
        revoked_at: None,
    };
    let token_row = refresh_row(&session.id, &refresh_token, refresh_ttl, now);
    let session_id = session.id.clone();
    db.write(move |conn| {
        throttle::succeeded(conn, &attempt)?;
        Ok(sessions::start(conn, &session, &token_row)?)
    })
    .await?;
    Ok(Outcome::Issued(Issued {
        user_id: user.id,
        organisation_id: user.organisation_id,
        role: user.role.as_str().to_owned(),
        session_id,
        refresh_token,
    }))
}

/// Spends the refresh token `presented` and issues its successor in the same session, valid for
/// `refresh_ttl` but never past the session's absolute `lifetime` from its login. Run it in one
/// write transaction: the spend, a reuse's revocation and the successor commit together.
///
/// # Errors
/// Database errors only; every refusal is [`Outcome::Refused`].
pub fn refresh(
    conn: &mut AnyConnection,
    presented: &str,
    refresh_ttl: Duration,
    lifetime: Duration,
    now: NaiveDateTime,
) -> Result<Outcome, AppError> {
    let refused = |why| Ok(Outcome::Refused(why));
    let (token, session) = match sessions::find_token(conn, &secret::digest(presented)) {
        Ok(found) => found,
        Err(PersistenceError::NotFound) => return refused(Refusal::InvalidRefreshToken),
        Err(err) => return Err(err.into()),
    };
    if session.revoked_at.is_some() {
        return refused(Refusal::InvalidRefreshToken);
    }
    if token.used_at.is_some() || !sessions::spend_token(conn, &token.id, now)? {
        tracing::warn!(session_id = %session.id, "refresh token reuse detected; revoking the session");
        sessions::revoke(conn, &session.id, now)?;
        return refused(Refusal::ReusedRefreshToken);
    }
    if token.expires_at <= now {
        return refused(Refusal::InvalidRefreshToken);
    }
    let Some(user) = sessions::active_user(conn, &session.user_id, &session.id, now - lifetime)?
    else {
        return refused(Refusal::InvalidRefreshToken);
    };
    let refresh_token = secret::generate(secret::REFRESH_TOKEN_PREFIX);
    let mut successor = refresh_row(&session.id, &refresh_token, refresh_ttl, now);
    successor.expires_at = successor.expires_at.min(session.created_at + lifetime);
    sessions::add_token(conn, &successor)?;
    Ok(Outcome::Issued(Issued {
        user_id: user.user_id,
        organisation_id: user.organisation_id,
        role: user.role.as_str().to_owned(),
        session_id: session.id,
        refresh_token,
    }))
}

/// Ends the caller's session: its refresh token stops working and so do its access tokens.
///
/// # Errors
/// [`AppError::Forbidden`] for an API key, which has no session; database errors.
pub fn logout(
    conn: &mut AnyConnection,
    caller: &Principal,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let Actor::User { session_id, .. } = &caller.actor else {
        return Err(AppError::Forbidden(
            "API keys have no session; revoke a key with DELETE /v1/api-keys/{id}.".into(),
        ));
    };
    Ok(sessions::revoke(conn, session_id, now)?)
}

fn refresh_row(
    session_id: &str,
    token: &str,
    ttl: Duration,
    now: NaiveDateTime,
) -> RefreshTokenRow {
    RefreshTokenRow {
        id: new_id("rtk"),
        session_id: session_id.to_owned(),
        token_hash: secret::digest(token),
        created_at: now,
        expires_at: now + ttl,
        used_at: None,
    }
}
