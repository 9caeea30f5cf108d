//! `GET /v1/me`: who the credentials belong to.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use solvo_app::organisations;
use utoipa::ToSchema;

use crate::auth::{Actor, Caller};
use crate::error::ApiError;
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
    #[schema(example = "user")]
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
pub async fn get_me(state: web::Data<AppState>, caller: Caller) -> Result<HttpResponse, ApiError> {
    let reader = caller.clone();
    let organisation = state
        .db
        .read(move |conn| organisations::get(conn, &reader, &reader.organisation_id))
        .await?;
    let (kind, user, api_key) = match caller.0.actor.clone() {
        Actor::User { id, email, .. } => ("user", Some(MeUser { id, email }), None),
        Actor::ApiKey { id, name, prefix } => {
            ("api_key", None, Some(MeApiKey { id, name, prefix }))
        }
    };
    Ok(HttpResponse::Ok().json(Me {
        kind: kind.to_owned(),
        user,
        api_key,
        organisation: Organisation::try_from(organisation)?,
        role: caller.role.into(),
    }))
}
