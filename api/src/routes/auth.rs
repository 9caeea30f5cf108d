//! `POST /v1/auth/token`, `/v1/auth/refresh`, `/v1/auth/logout`: login, refresh-token rotation
//! with reuse detection, and logout.

use solvo_app::AppError;
use std::time::Instant;

use actix_web::{HttpResponse, post, web};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use solvo_persistence::PersistenceError;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::sessions::{self, RefreshTokenRow, SessionRow};
use solvo_persistence::repositories::users;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Actor, Caller, password, secret};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;
use solvo_app::clock;

const BAD_LOGIN: &str = "Wrong email or password, or the account is disabled.";
const BAD_REFRESH: &str = "The refresh token is unknown, expired or revoked.";
const REUSED_REFRESH: &str = "The refresh token was already used; the session has been revoked.";

/// Login credentials.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct TokenRequest {
    /// Login email.
    #[validate(length(min = 3, max = 254))]
    #[schema(example = "admin@agency.example", min_length = 3, max_length = 254)]
    pub email: String,
    /// Password.
    #[validate(length(min = 1, max = 256))]
    #[schema(min_length = 1, max_length = 256)]
    pub password: String,
}

/// A refresh token presented for rotation.
#[derive(Debug, Deserialize, Validate, ToSchema)]
pub struct RefreshRequest {
    /// The `refresh_token` of the last token response.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub refresh_token: String,
}

/// Issued tokens (OAuth 2.0 token response shape).
#[derive(Debug, Serialize, ToSchema)]
pub struct TokenResponse {
    /// JWT for `Authorization: Bearer`.
    pub access_token: String,
    /// Opaque, single-use token for `POST /v1/auth/refresh`.
    pub refresh_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
}

/// Exchanges email and password for an access token and a refresh token.
#[utoipa::path(
    tag = "identity",
    operation_id = "create_token",
    request_body = TokenRequest,
    responses(
        (status = 200, description = "Tokens issued", body = TokenResponse),
        (status = 401, description = "Wrong credentials or disabled account", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Ten failed logins for this email within 15 minutes; wait `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next attempt is accepted"))),
    ),
    security(())
)]
#[post("/v1/auth/token")]
pub async fn create_token(
    state: web::Data<AppState>,
    body: ApiJson<TokenRequest>,
) -> Result<HttpResponse, ApiError> {
    let TokenRequest { email, password } = body.into_inner();
    state
        .login_throttle
        .check(&email, Instant::now())
        .map_err(ApiError::TooManyRequests)?;
    let lookup = email.clone();
    let found = state
        .db
        .read(move |conn| Ok(users::find_by_email(conn, &lookup)?))
        .await?;
    // Verify after the connection is back in the pool: argon2 is slow on purpose, and a burst
    // of wrong passwords must not hold every database connection.
    let user = web::block(move || {
        let valid = match &found {
            Some(user) => password::verify(&password, &user.password_hash) && !user.disabled,
            None => password::verify(&password, password::DUMMY_HASH),
        };
        found.filter(|_| valid)
    })
    .await
    .map_err(|err| AppError::Internal(anyhow::anyhow!("password check failed: {err}")))?;
    let Some(user) = user else {
        state.login_throttle.record_failure(&email, Instant::now());
        return Err(ApiError::Unauthenticated(BAD_LOGIN));
    };
    state.login_throttle.record_success(&email);
    let refresh_token = secret::generate(secret::REFRESH_TOKEN_PREFIX);
    let session_id = new_id("ses");
    let now = clock::now();
    let session = SessionRow {
        id: session_id.clone(),
        user_id: user.id.clone(),
        created_at: now,
        revoked_at: None,
    };
    let token_row = refresh_row(&state, &session_id, &refresh_token, now);
    state
        .db
        .write(move |conn| Ok(sessions::start(conn, &session, &token_row)?))
        .await?;
    let response = token_response(
        &state,
        &user.id,
        &user.organisation_id,
        &user.role,
        &session_id,
        refresh_token,
    )?;
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(response))
}

enum Rotation {
    Issued {
        user_id: String,
        organisation_id: String,
        role: String,
        session_id: String,
    },
    Reused,
    Refused,
}

/// Exchanges a refresh token for new tokens. Each refresh token works once: presenting it again
/// revokes the whole session.
#[utoipa::path(
    tag = "identity",
    operation_id = "refresh_token",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "New tokens; the presented refresh token is spent", body = TokenResponse),
        (status = 401, description = "Unknown, expired, revoked or reused refresh token", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[post("/v1/auth/refresh")]
pub async fn refresh_session(
    state: web::Data<AppState>,
    body: ApiJson<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let presented_hash = secret::digest(&body.into_inner().refresh_token);
    let next_token = secret::generate(secret::REFRESH_TOKEN_PREFIX);
    let now = clock::now();
    let next_row = refresh_row(&state, "", &next_token, now);
    let rotation = state
        .db
        .write(move |conn| rotate(conn, &presented_hash, next_row, now))
        .await?;
    match rotation {
        Rotation::Issued {
            user_id,
            organisation_id,
            role,
            session_id,
        } => {
            let response = token_response(
                &state,
                &user_id,
                &organisation_id,
                &role,
                &session_id,
                next_token,
            )?;
            Ok(HttpResponse::Ok()
                .insert_header(("cache-control", "no-store"))
                .json(response))
        }
        Rotation::Reused => Err(ApiError::Unauthenticated(REUSED_REFRESH)),
        Rotation::Refused => Err(ApiError::Unauthenticated(BAD_REFRESH)),
    }
}

/// The rotation as one transaction. Reuse returns `Ok(Reused)` rather than an error so that the
/// session's revocation is committed.
fn rotate(
    conn: &mut solvo_persistence::AnyConnection,
    presented_hash: &str,
    mut next_row: RefreshTokenRow,
    now: chrono::NaiveDateTime,
) -> Result<Rotation, AppError> {
    let (token, session) = match sessions::find_token(conn, presented_hash) {
        Ok(found) => found,
        Err(PersistenceError::NotFound) => return Ok(Rotation::Refused),
        Err(err) => return Err(err.into()),
    };
    if session.revoked_at.is_some() {
        return Ok(Rotation::Refused);
    }
    if token.used_at.is_some() || !sessions::spend_token(conn, &token.id, now)? {
        tracing::warn!(session_id = %session.id, "refresh token reuse detected; revoking the session");
        sessions::revoke(conn, &session.id, now)?;
        return Ok(Rotation::Reused);
    }
    if token.expires_at <= now {
        return Ok(Rotation::Refused);
    }
    let Some(user) = sessions::active_user(conn, &session.user_id, &session.id)? else {
        return Ok(Rotation::Refused);
    };
    next_row.session_id.clone_from(&session.id);
    sessions::add_token(conn, &next_row)?;
    Ok(Rotation::Issued {
        user_id: user.user_id,
        organisation_id: user.organisation_id,
        role: user.role,
        session_id: session.id,
    })
}

/// Ends the caller's session: its refresh token stops working and so do its access tokens.
#[utoipa::path(
    tag = "identity",
    operation_id = "logout",
    responses(
        (status = 204, description = "Session revoked"),
    ),
    security(("bearer_jwt" = []))
)]
#[post("/v1/auth/logout")]
pub async fn logout(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let Actor::User { session_id, .. } = caller.0.actor else {
        return Err(AppError::Forbidden(
            "API keys have no session; revoke a key with DELETE /v1/api-keys/{id}.".into(),
        )
        .into());
    };
    let now = clock::now();
    state
        .db
        .write(move |conn| Ok(sessions::revoke(conn, &session_id, now)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

fn refresh_row(
    state: &AppState,
    session_id: &str,
    token: &str,
    now: chrono::NaiveDateTime,
) -> RefreshTokenRow {
    RefreshTokenRow {
        id: new_id("rtk"),
        session_id: session_id.to_owned(),
        token_hash: secret::digest(token),
        created_at: now,
        expires_at: now + Duration::seconds(state.lifetimes.refresh_seconds),
        used_at: None,
    }
}

fn token_response(
    state: &AppState,
    user_id: &str,
    organisation_id: &str,
    role: &str,
    session_id: &str,
    refresh_token: String,
) -> Result<TokenResponse, AppError> {
    let ttl = state.lifetimes.access_seconds;
    let claims = state.jwt.claims(
        user_id,
        organisation_id,
        role,
        session_id,
        chrono::Utc::now(),
        ttl,
    );
    Ok(TokenResponse {
        access_token: state.jwt.sign(&claims)?,
        refresh_token,
        token_type: "Bearer".to_owned(),
        expires_in: ttl,
    })
}
