//! The [`Caller`] extractor: resolves `Authorization: Bearer …` to an organisation, a role and
//! a user or API key, or answers 401. Handlers check roles with [`Caller::require`] and scope
//! every query by [`Caller::organisation_id`].

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use chrono::Duration;
use solvo_app::{Actor, Principal};
use solvo_domain::permission::Permission;
use solvo_persistence::repositories::{api_keys, sessions};

use crate::auth::secret;
use crate::error::{ApiError, TokenProblem};
use crate::roles::{stored_kind, stored_role};
use crate::state::AppState;

/// How stale `last_used_at` may get before a request refreshes it; spares a write per call.
const LAST_USED_RESOLUTION_SECONDS: i64 = 60;
const PORTAL_ONLY: &str = "A debtor portal token reaches `/v1/portal/` only.";
const UNAUTHENTICATED: &str =
    "No credentials: send `Authorization: Bearer <access token or API key>`.";

/// The authenticated caller of a request: the use cases' [`Principal`], extracted from the
/// bearer token. It dereferences to the principal, so handlers read `caller.role` directly.
#[derive(Debug, Clone)]
pub struct Caller(pub Principal);

impl std::ops::Deref for Caller {
    type Target = Principal;

    fn deref(&self) -> &Principal {
        &self.0
    }
}

impl Caller {
    /// Answers 403 unless the caller's role holds `permission`.
    ///
    /// # Errors
    /// [`ApiError::Forbidden`] naming the role and the permission.
    pub fn require(&self, permission: Permission) -> Result<(), ApiError> {
        Ok(self.0.require(permission)?)
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>().cloned();
        let token = bearer_token(req);
        Box::pin(async move {
            let state =
                state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState missing")))?;
            // No `Bearer <token>` at all (another scheme included) is no credentials: RFC 6750
            // s.3.1 asks for a bare challenge then.
            let token = token.ok_or(ApiError::Unauthenticated(UNAUTHENTICATED))?;
            if token.starts_with(secret::API_KEY_PREFIX) {
                authenticate_api_key(&state, &token).await
            } else {
                authenticate_access_token(&state, &token).await
            }
        })
    }
}

pub(crate) fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}

async fn authenticate_access_token(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let claims = match state.jwt.verify(token) {
        Ok(claims) => claims,
        // A debtor's token is genuine but opens the portal only: say so rather than "invalid".
        Err(_) if state.jwt.verify_portal(token).is_ok() => {
            return Err(ApiError::Forbidden(PORTAL_ONLY.to_owned()));
        }
        Err(problem) => return Err(ApiError::TokenRefused(problem)),
    };
    let started_after =
        solvo_app::clock::system_now() - Duration::seconds(state.lifetimes.session_seconds);
    let active = state
        .db
        .read(move |conn| {
            Ok(
                sessions::active_user(conn, &claims.sub, &claims.sid, started_after)?
                    .map(|user| (user, claims.sid)),
            )
        })
        .await?;
    let (user, session_id) = active.ok_or(ApiError::TokenRefused(TokenProblem::Revoked))?;
    Ok(Caller(Principal {
        organisation_id: user.organisation_id,
        organisation_kind: stored_kind(&user.organisation_kind)?,
        role: stored_role(&user.role)?,
        actor: Actor::User {
            id: user.user_id,
            email: user.email,
            session_id,
        },
    }))
}

async fn authenticate_api_key(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let hash = secret::digest(token);
    let now = state.clock.now();
    let found = state
        .db
        .read(move |conn| {
            let Some((key, kind)) = api_keys::find_active_by_hash(conn, &hash)? else {
                return Ok(None);
            };
            let stale = key
                .last_used_at
                .is_none_or(|last| now - last > Duration::seconds(LAST_USED_RESOLUTION_SECONDS));
            // Best effort: a busy SQLite writer must not fail an otherwise valid request.
            if stale && let Err(err) = api_keys::touch(conn, &key.id, now) {
                tracing::debug!(error = %err, key_id = %key.id, "last use of an API key not recorded");
            }
            Ok(Some((key, kind)))
        })
        .await?;
    let (key, kind) = found.ok_or(ApiError::TokenRefused(TokenProblem::Invalid))?;
    Ok(Caller(Principal {
        organisation_id: key.organisation_id,
        organisation_kind: stored_kind(&kind)?,
        role: stored_role(&key.role)?,
        actor: Actor::ApiKey {
            id: key.id,
            name: key.name,
            prefix: key.prefix,
        },
    }))
}
