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
use crate::roles::stored_kind;
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
        let credential = Credential::of(req, state.as_ref().map(actix_web::web::Data::get_ref));
        Box::pin(async move {
            let state = app_state(state)?;
            let credential = credential?;
            let resolved = state
                .db
                .read_here(move |conn| credential.resolve(conn))
                .await??;
            state.record_use(resolved.key_use).await;
            Ok(Caller(resolved.principal))
        })
    }
}

/// The bearer credential of a request, checked as far as it can be without the database: a
/// JWT's signature, audience and expiry, an API key's digest. [`AppState::read_as`] resolves it
/// on the connection that then does the handler's work, so a read costs one trip to the
/// database threads instead of two (each trip is a thread hand-off and a pool checkout; on the
/// case read they were a third of the CPU time). [`Caller`] resolves it on its own trip.
#[derive(Debug)]
pub struct Credential {
    pending: Pending,
    now: chrono::NaiveDateTime,
    session_started_after: chrono::NaiveDateTime,
}

#[derive(Debug)]
enum Pending {
    Session { user_id: String, session_id: String },
    ApiKey { digest: String },
}

impl FromRequest for Credential {
    type Error = ApiError;
    type Future = std::future::Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _payload: &mut Payload) -> Self::Future {
        let state = req.app_data::<web::Data<AppState>>();
        std::future::ready(Credential::of(
            req,
            state.map(actix_web::web::Data::get_ref),
        ))
    }
}

fn app_state(state: Option<web::Data<AppState>>) -> Result<web::Data<AppState>, ApiError> {
    state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState missing")))
}

impl Credential {
    fn of(req: &HttpRequest, state: Option<&AppState>) -> Result<Self, ApiError> {
        let state = state.ok_or_else(|| ApiError::Internal(anyhow::anyhow!("AppState missing")))?;
        // No `Bearer <token>` at all (another scheme included) is no credentials: RFC 6750
        // s.3.1 asks for a bare challenge then.
        let token = bearer_token(req).ok_or(ApiError::Unauthenticated(UNAUTHENTICATED))?;
        let pending = if token.starts_with(secret::API_KEY_PREFIX) {
            Pending::ApiKey {
                digest: secret::digest(&token),
            }
        } else {
            let claims = match state.jwt.verify(&token) {
                Ok(claims) => claims,
                // A debtor's token is genuine but opens the portal only: say so rather than
                // "invalid".
                Err(_) if state.jwt.verify_portal(&token).is_ok() => {
                    return Err(ApiError::Forbidden(PORTAL_ONLY.to_owned()));
                }
                Err(problem) => return Err(ApiError::TokenRefused(problem)),
            };
            Pending::Session {
                user_id: claims.sub,
                session_id: claims.sid,
            }
        };
        Ok(Self {
            pending,
            now: state.clock.now(),
            session_started_after: solvo_app::clock::system_now()
                - Duration::seconds(state.lifetimes.session_seconds),
        })
    }

    /// The caller this credential names, read on `conn`; `Ok(Err(_))` when the database no
    /// longer honours it (a revoked key, an ended session).
    ///
    /// # Errors
    /// Database errors; [`solvo_app::AppError::Corrupt`] for an unreadable stored role.
    pub(crate) fn resolve(
        self,
        conn: &mut solvo_persistence::AnyConnection,
    ) -> Result<Result<Resolved, ApiError>, solvo_app::AppError> {
        match self.pending {
            Pending::Session {
                user_id,
                session_id,
            } => {
                let Some(user) =
                    sessions::active_user(conn, &user_id, &session_id, self.session_started_after)?
                else {
                    return Ok(Err(ApiError::TokenRefused(TokenProblem::Revoked)));
                };
                Ok(Ok(Resolved {
                    principal: Principal {
                        organisation_id: user.organisation_id,
                        organisation_kind: stored_kind(&user.organisation_kind)?,
                        role: user.role,
                        actor: Actor::User {
                            id: user.user_id,
                            email: user.email,
                            session_id,
                        },
                    },
                    key_use: None,
                }))
            }
            Pending::ApiKey { digest } => {
                let Some((key, kind)) = api_keys::find_active_by_hash(conn, &digest)? else {
                    return Ok(Err(ApiError::TokenRefused(TokenProblem::Invalid)));
                };
                let stale = key.last_used_at.is_none_or(|last| {
                    self.now - last > Duration::seconds(LAST_USED_RESOLUTION_SECONDS)
                });
                let key_use = stale.then(|| KeyUse {
                    key_id: key.id.clone(),
                    at: self.now,
                });
                Ok(Ok(Resolved {
                    principal: Principal {
                        organisation_id: key.organisation_id,
                        organisation_kind: stored_kind(&kind)?,
                        role: key.role,
                        actor: Actor::ApiKey {
                            id: key.id,
                            name: key.name,
                            prefix: key.prefix,
                        },
                    },
                    key_use,
                }))
            }
        }
    }
}

/// Which way a read takes: see [`AppState::read_as`] and [`AppState::read_as_long`].
#[derive(Debug, Clone, Copy)]
enum ReadLength {
    Short,
    Long,
}

/// A credential the database honours: the caller, and the API key use to record, if due.
#[derive(Debug)]
pub(crate) struct Resolved {
    principal: Principal,
    key_use: Option<KeyUse>,
}

/// An API key's `last_used_at` to refresh: a write, so it is made after the read that found
/// the key (reads may run on a read-only connection, on a thread that must not wait for the
/// write lock).
#[derive(Debug)]
struct KeyUse {
    key_id: String,
    at: chrono::NaiveDateTime,
}

impl AppState {
    /// Records an API key's use. Best effort: a busy SQLite writer must not fail an otherwise
    /// valid request.
    async fn record_use(&self, key_use: Option<KeyUse>) {
        let Some(KeyUse { key_id, at }) = key_use else {
            return;
        };
        let id = key_id.clone();
        let recorded = self
            .db
            .write(move |conn| Ok(api_keys::touch(conn, &id, at)?))
            .await;
        if let Err(err) = recorded {
            tracing::debug!(error = %err, %key_id, "last use of an API key not recorded");
        }
    }

    /// Resolves `credential` and runs short read-only `work` as that caller on the same
    /// connection, in place on SQLite ([`solvo_app::Db::read_here`]), else in one trip to the
    /// database threads.
    ///
    /// # Errors
    /// 401 when the credential is no longer honoured; what `work` returns.
    pub async fn read_as<T, F>(&self, credential: Credential, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut solvo_persistence::AnyConnection, Caller) -> Result<T, solvo_app::AppError>
            + Send
            + 'static,
    {
        self.read_as_by(ReadLength::Short, credential, work).await
    }

    /// [`AppState::read_as`] for a read that may take milliseconds (a text search, a date range
    /// over the book): always on the database threads, so that it does not hold a server worker.
    ///
    /// # Errors
    /// 401 when the credential is no longer honoured; what `work` returns.
    pub async fn read_as_long<T, F>(&self, credential: Credential, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut solvo_persistence::AnyConnection, Caller) -> Result<T, solvo_app::AppError>
            + Send
            + 'static,
    {
        self.read_as_by(ReadLength::Long, credential, work).await
    }

    async fn read_as_by<T, F>(
        &self,
        length: ReadLength,
        credential: Credential,
        work: F,
    ) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut solvo_persistence::AnyConnection, Caller) -> Result<T, solvo_app::AppError>
            + Send
            + 'static,
    {
        let read =
            move |conn: &mut solvo_persistence::AnyConnection| match credential.resolve(conn)? {
                Ok(Resolved { principal, key_use }) => {
                    Ok((work(conn, Caller(principal)).map(Ok), key_use))
                }
                Err(refused) => Ok((Ok(Err(refused)), None)),
            };
        let (answer, key_use) = match length {
            ReadLength::Short => self.db.read_here(read).await?,
            ReadLength::Long => self.db.read(read).await?,
        };
        self.record_use(key_use).await;
        answer?
    }
}

pub(crate) fn bearer_token(req: &HttpRequest) -> Option<String> {
    let value = req.headers().get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then(|| token.to_owned())
}
