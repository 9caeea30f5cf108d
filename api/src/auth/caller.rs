//! The [`Caller`] extractor: resolves `Authorization: Bearer …` to an organisation, a role and
//! a user or API key, or answers 401. Handlers check roles with [`Caller::require`] and scope
//! every query by [`Caller::organisation_id`].

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest, web};
use chrono::Duration;
use solvo_domain::identity::{OrganisationKind, Role};
use solvo_persistence::repositories::{api_keys, sessions};

use crate::auth::secret;
use crate::clock;
use crate::error::ApiError;
use crate::roles::{stored_kind, stored_role};
use crate::state::AppState;

/// How stale `last_used_at` may get before a request refreshes it; spares a write per call.
const LAST_USED_RESOLUTION_SECONDS: i64 = 60;
const UNAUTHENTICATED: &str = "Missing, malformed, expired or revoked credentials.";

/// Who is calling: a person with a session, or an ERP with an API key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Actor {
    /// A user authenticated by an access token.
    User {
        /// User id.
        id: String,
        /// Login email.
        email: String,
        /// The session the token belongs to.
        session_id: String,
    },
    /// An API key.
    ApiKey {
        /// Key id.
        id: String,
        /// Its label.
        name: String,
        /// Its visible prefix.
        prefix: String,
    },
}

/// The authenticated caller of a request.
#[derive(Debug, Clone)]
pub struct Caller {
    /// The organisation the caller acts for; every query is scoped by it.
    pub organisation_id: String,
    /// That organisation's kind.
    pub organisation_kind: OrganisationKind,
    /// The caller's current role.
    pub role: Role,
    /// User or API key.
    pub actor: Actor,
}

impl Caller {
    /// Answers 403 unless the caller's role passes `allowed`.
    ///
    /// # Errors
    /// [`ApiError::Forbidden`] naming the role.
    pub fn require(&self, allowed: impl Fn(Role) -> bool, what: &str) -> Result<(), ApiError> {
        if allowed(self.role) {
            Ok(())
        } else {
            Err(ApiError::Forbidden(format!(
                "The role {} may not {what}.",
                self.role.as_str()
            )))
        }
    }

    /// The user id when the caller is a person.
    #[must_use]
    pub fn user_id(&self) -> Option<&str> {
        match &self.actor {
            Actor::User { id, .. } => Some(id),
            Actor::ApiKey { .. } => None,
        }
    }

    /// Whether the caller may see data of `organisation_id`: its own, or any for agency staff.
    #[must_use]
    pub fn can_see_organisation(&self, organisation_id: &str) -> bool {
        self.role.is_agency_staff() || self.organisation_id == organisation_id
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
            let token = token.ok_or(ApiError::Unauthenticated(UNAUTHENTICATED))?;
            if token.starts_with(secret::API_KEY_PREFIX) {
                authenticate_api_key(&state, &token).await
            } else {
                authenticate_access_token(&state, &token).await
            }
        })
    }
}

fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}

async fn authenticate_access_token(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let claims = state
        .jwt
        .verify(token)
        .ok_or(ApiError::Unauthenticated(UNAUTHENTICATED))?;
    let active = state
        .db
        .read(move |conn| {
            Ok(sessions::active_user(conn, &claims.sub, &claims.sid)?
                .map(|user| (user, claims.sid)))
        })
        .await?;
    let (user, session_id) = active.ok_or(ApiError::Unauthenticated(UNAUTHENTICATED))?;
    Ok(Caller {
        organisation_id: user.organisation_id,
        organisation_kind: stored_kind(&user.organisation_kind)?,
        role: stored_role(&user.role)?,
        actor: Actor::User {
            id: user.user_id,
            email: user.email,
            session_id,
        },
    })
}

async fn authenticate_api_key(state: &AppState, token: &str) -> Result<Caller, ApiError> {
    let hash = secret::digest(token);
    let found = state
        .db
        .read(move |conn| {
            let Some((key, kind)) = api_keys::find_active_by_hash(conn, &hash)? else {
                return Ok(None);
            };
            let now = clock::now();
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
    let (key, kind) = found.ok_or(ApiError::Unauthenticated(UNAUTHENTICATED))?;
    Ok(Caller {
        organisation_id: key.organisation_id,
        organisation_kind: stored_kind(&kind)?,
        role: stored_role(&key.role)?,
        actor: Actor::ApiKey {
            id: key.id,
            name: key.name,
            prefix: key.prefix,
        },
    })
}
