//! `GET /v1/me`: who the credentials belong to; `POST /v1/me/password`: a user changes their
//! own password.

use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::{clock, organisations, passwords};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Actor, Caller, Credential};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::roles::RoleName;
use crate::routes::organisations::Organisation;
use crate::state::AppState;

/// The user behind a session.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeUser {
    /// User id.
    pub id: String,
    /// Login email.
    pub email: String,
}

/// The API key in use.
#[derive(Debug, Serialize, ToSchema)]
pub struct MeApiKey {
    /// Key id.
    pub id: String,
    /// Its label.
    pub name: String,
    /// Its visible prefix.
    pub prefix: String,
}

/// The caller.
#[derive(Debug, Serialize, ToSchema)]
pub struct Me {
    /// `user` or `api_key`.
    #[schema(value_type = CallerKind, example = "user")]
    pub kind: String,
    /// Set for users.
    pub user: Option<MeUser>,
    /// Set for API keys.
    pub api_key: Option<MeApiKey>,
    /// The organisation the caller acts for.
    pub organisation: Organisation,
    /// The caller's role.
    pub role: RoleName,
}

/// Describes the caller: user or API key, organisation and role.
#[utoipa::path(
    tag = "identity",
    operation_id = "get_me",
    responses((status = 200, description = "The caller", body = Me)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/me")]
pub async fn get_me(
    state: web::Data<AppState>,
    credential: Credential,
) -> Result<HttpResponse, ApiError> {
    let (caller, organisation) = state
        .read_as(credential, move |conn, caller| {
            let organisation = organisations::get(conn, &caller, &caller.organisation_id)?;
            Ok((caller, organisation))
        })
        .await?;
    let (kind, user, api_key) = match caller.0.actor.clone() {
        Actor::User { id, email, .. } => ("user", Some(MeUser { id, email }), None),
        Actor::ApiKey { id, name, prefix } => {
            ("api_key", None, Some(MeApiKey { id, name, prefix }))
        }
        // The extractor refuses portal tokens outside `/v1/portal/`; a debtor has no `me`.
        Actor::Debtor { .. } | Actor::Provider { .. } => return Err(ApiError::NotFound),
    };
    Ok(HttpResponse::Ok().json(Me {
        kind: kind.to_owned(),
        user,
        api_key,
        organisation: Organisation::try_from(organisation)?,
        role: caller.role.into(),
    }))
}

/// A password change.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"current_password": "correct horse battery staple", "new_password": "purple elephant marmalade sky"}))]
pub struct PasswordChange {
    /// The password now.
    #[validate(length(min = 1, max = 256))]
    #[schema(min_length = 1, max_length = 256)]
    pub current_password: String,
    /// The new password: 12 to 256 characters, not a common one, not the email.
    #[validate(length(min = 12, max = 256))]
    #[schema(min_length = 12, max_length = 256)]
    pub new_password: String,
}

/// Changes the caller's password (users only). Every other session of the user ends; this one
/// goes on. A wrong current password counts as a failed login.
#[utoipa::path(
    tag = "identity",
    operation_id = "change_password",
    request_body = PasswordChange,
    responses(
        (status = 204, description = "Changed; the other sessions are revoked"),
        (status = 403, description = "API keys have no password", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`current_password` is wrong (`incorrect`), or `new_password` is too short, too common, the email or unchanged", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed logins or changes for this account from this address; wait `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds until the next attempt is accepted"))),
        (status = 503, description = "As many passwords are being hashed as the server allows at once; retry after `Retry-After` seconds", body = crate::error::Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(("bearer_jwt" = []))
)]
#[post("/v1/me/password")]
pub async fn change_password(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<PasswordChange>,
) -> Result<HttpResponse, ApiError> {
    let PasswordChange {
        current_password,
        new_password,
    } = body.into_inner();
    passwords::change(
        &state.db,
        &state.hash_gate,
        &caller,
        state.proxies.client(&request),
        current_password,
        new_password,
        clock::system_now(),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

crate::closed_sets::closed_set!(
    /// A person or an API key.
    CallerKind,
    "A person or an API key.",
    ["user", "api_key"]
);
