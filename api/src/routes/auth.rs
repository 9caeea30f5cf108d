//! `POST /v1/auth/token`, `/v1/auth/refresh`, `/v1/auth/logout`: login, refresh-token rotation
//! with reuse detection, and logout. The session rules and the login throttle are
//! `solvo_app::sessions` and `solvo_app::credentials::throttle`; here are the client's address,
//! the access token's signature and the OAuth-shaped reply.

use actix_web::{HttpRequest, HttpResponse, post, web};
use chrono::Duration;
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::clock;
use solvo_app::credentials::throttle::Attempt;
use solvo_app::passwords;
use solvo_app::sessions::{self, Issued, Outcome};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// Login credentials.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[schema(example = json!({"email": "admin@agency.example", "password": "correct horse battery staple"}))]
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
#[schema(example = json!({"refresh_token": "rt_9fK2mQ7xW3pL0vZc6bN8yT"}))]
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
    #[schema(value_type = TokenType)]
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
        (status = 429, description = "Too many failed logins for this account from this address, for this account from failing addresses, or from this address: each further attempt waits twice as long (up to 15 minutes); wait `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next attempt is accepted"))),
        (status = 503, description = "As many passwords are being checked as the server allows at once; retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(())
)]
#[post("/v1/auth/token")]
pub async fn create_token(
    state: web::Data<AppState>,
    request: HttpRequest,
    body: ApiJson<TokenRequest>,
) -> Result<HttpResponse, ApiError> {
    let TokenRequest { email, password } = body.into_inner();
    let attempt = Attempt::new(&email, state.proxies.client(&request));
    let outcome = sessions::login(
        &state.db,
        &state.hash_gate,
        attempt,
        password,
        refresh_ttl(&state),
    )
    .await?;
    token_reply(&state, outcome)
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
    let presented = body.into_inner().refresh_token;
    let ttl = refresh_ttl(&state);
    let lifetime = Duration::seconds(state.lifetimes.session_seconds);
    let now = clock::system_now();
    let outcome = state
        .db
        .write(move |conn| sessions::refresh(conn, &presented, ttl, lifetime, now))
        .await?;
    token_reply(&state, outcome)
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
    let now = clock::system_now();
    state
        .db
        .write(move |conn| sessions::logout(conn, &caller, now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// A refresh token's lifetime, never beyond the session's.
fn refresh_ttl(state: &AppState) -> Duration {
    Duration::seconds(
        state
            .lifetimes
            .refresh_seconds
            .min(state.lifetimes.session_seconds),
    )
}

/// A password reset with the token an administrator issued.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"token": "pr_3q9Yx0VhR2mLk7TfWc8EaN", "new_password": "correct horse battery staple"}))]
pub struct PasswordReset {
    /// The `pr_…` token from `POST /v1/users/{id}/password-reset`.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub token: String,
    /// The new password: 12 to 256 characters, not a common one, not the email.
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256)]
    pub new_password: String,
}

/// Sets a new password with a one-time reset token. The token then stops working, every session
/// of the user ends and the account's failed logins are forgotten.
#[utoipa::path(
    tag = "identity",
    operation_id = "reset_password",
    request_body = PasswordReset,
    responses(
        (status = 204, description = "The password is set; log in with it"),
        (status = 422, description = "The token is unknown, used, withdrawn or expired, or its user disabled (`token`: `invalid`); or the new password is too short, too common or the email (`new_password`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 503, description = "As many passwords are being hashed as the server allows at once; retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(())
)]
#[post("/v1/auth/password-reset")]
pub async fn reset_password(
    state: web::Data<AppState>,
    body: ApiJson<PasswordReset>,
) -> Result<HttpResponse, ApiError> {
    let PasswordReset {
        token,
        new_password,
    } = body.into_inner();
    passwords::reset(
        &state.db,
        &state.hash_gate,
        &token,
        new_password,
        clock::system_now(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The token response for an issued session (never cached), or 401 with the refusal.
fn token_reply(state: &AppState, outcome: Outcome) -> Result<HttpResponse, ApiError> {
    let session: Issued = match outcome {
        Outcome::Issued(session) => session,
        Outcome::Refused(refusal) => return Err(ApiError::Unauthenticated(refusal.detail())),
    };
    let ttl = state.lifetimes.access_seconds;
    let claims = state.jwt.claims(
        &session.user_id,
        &session.organisation_id,
        &session.role,
        &session.session_id,
        clock::system_now().and_utc(),
        ttl,
    );
    let response = TokenResponse {
        access_token: state.jwt.sign(&claims).map_err(AppError::from)?,
        refresh_token: session.refresh_token,
        token_type: "Bearer".to_owned(),
        expires_in: ttl,
    };
    Ok(HttpResponse::Ok()
        .insert_header(("cache-control", "no-store"))
        .json(response))
}

crate::closed_sets::closed_set!(
    /// The kind of access token (RFC 6750).
    TokenType,
    "The kind of access token (RFC 6750).",
    ["Bearer"]
);
