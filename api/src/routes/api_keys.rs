//! `/v1/api-keys`: credentials for ERPs. The secret is returned once, at creation; only its
//! SHA-256 is kept. Administrators manage their own organisation's keys. A key belongs to the
//! organisation, not to the user who created it (listed as `created_by`): an ERP must not stop
//! when that person leaves, so disabling the creator leaves the key working until an
//! administrator revokes it.

use actix_web::http::header;
use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::api_keys::{self, ApiKeyRow, NewApiKey};
use solvo_app::clock;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::roles::RoleName;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// An API key, without its secret.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKey {
    /// `key_…`
    pub id: String,
    /// Label.
    pub name: String,
    /// First characters of the secret.
    #[schema(example = "sk_3fQ9xYz1")]
    pub prefix: String,
    /// Role the key acts with.
    pub role: RoleName,
    /// The user who created it (`usr_…`); absent for keys made by another key or by the demo.
    /// The key belongs to the organisation, not to its creator: it keeps working when the
    /// creator is disabled, until an administrator revokes it.
    pub created_by: Option<String>,
    /// RFC 3339 creation time.
    pub created_at: String,
    /// RFC 3339 time of the last use, if any.
    pub last_used_at: Option<String>,
    /// RFC 3339 revocation time, if revoked.
    pub revoked_at: Option<String>,
}

/// A freshly created key with its secret, shown this once.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreatedApiKey {
    /// The key.
    #[serde(flatten)]
    pub key: ApiKey,
    /// `sk_…`: send as `Authorization: Bearer sk_…`. Store it now; it cannot be shown again.
    pub secret: String,
}

/// A page of API keys.
#[derive(Debug, Serialize, ToSchema)]
pub struct ApiKeyList {
    /// This page.
    pub data: Vec<ApiKey>,
    /// Cursor of the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// A new API key.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    /// Label, e.g. the system that will use it.
    #[validate(length(min = 1, max = 100))]
    #[schema(
        example = "SAP production",
        min_length = 1,
        max_length = 100,
        pattern = r"\S"
    )]
    pub name: String,
    /// Role of the key; defaults to `creditor_member` for creditors and `collector` for the
    /// agency. Must belong to the organisation's kind.
    pub role: Option<RoleName>,
}

impl TryFrom<ApiKeyRow> for ApiKey {
    type Error = AppError;
    fn try_from(row: ApiKeyRow) -> Result<Self, AppError> {
        Ok(Self {
            role: row.role.into(),
            id: row.id,
            name: row.name,
            prefix: row.prefix,
            created_by: row.created_by,
            created_at: clock::rfc3339(row.created_at),
            last_used_at: row.last_used_at.map(clock::rfc3339),
            revoked_at: row.revoked_at.map(clock::rfc3339),
        })
    }
}

/// Creates an API key for the caller's organisation.
#[utoipa::path(
    tag = "identity",
    operation_id = "create_api_key",
    request_body = CreateApiKey,
    responses((status = 201, description = "Created; the only response that contains the secret", body = CreatedApiKey)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/api-keys")]
pub async fn create_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    body: ApiJson<CreateApiKey>,
) -> Result<HttpResponse, ApiError> {
    let body = body.into_inner();
    let new = NewApiKey {
        name: body.name,
        role: body.role.map(Into::into),
    };
    let now = state.clock.now();
    let created = state
        .db
        .write(move |conn| api_keys::create(conn, &caller, &new, now))
        .await?;
    let (key, secret) = (ApiKey::try_from(created.key)?, created.secret);
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/v1/api-keys/{}", key.id)))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .json(CreatedApiKey { key, secret }))
}

/// Lists the organisation's API keys, revoked ones included.
#[utoipa::path(
    tag = "identity",
    operation_id = "list_api_keys",
    params(ListParams),
    responses((status = 200, description = "A page of keys", body = ApiKeyList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/api-keys")]
pub async fn list_api_keys(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let query = params.query();
    let rows = state
        .db
        .read(move |conn| api_keys::list(conn, &caller, &query))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(ApiKey::try_from)
        .collect::<Result<_, _>>()?;
    Ok(HttpResponse::Ok().json(ApiKeyList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// Reads one of the organisation's API keys.
#[utoipa::path(
    tag = "identity",
    operation_id = "get_api_key",
    params(("id" = String, Path, description = "API key id")),
    responses((status = 200, description = "The key", body = ApiKey)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/api-keys/{id}")]
pub async fn get_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| api_keys::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(ApiKey::try_from(row)?))
}

/// Revokes an API key: requests with it fail from now on. The key stays readable, with its
/// `revoked_at`, because auditors ask which key did what; revoking it again changes nothing.
/// (A revocation, not a deletion: there is no `DELETE`.)
#[utoipa::path(
    tag = "identity",
    operation_id = "revoke_api_key",
    params(("id" = String, Path, description = "API key id")),
    responses(
        (status = 200, description = "Revoked; the key with its `revoked_at`", body = ApiKey),
        (status = 403, description = "The caller may not manage API keys", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such key in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/api-keys/{id}/revoke")]
pub async fn revoke_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| api_keys::revoke(conn, &caller, &id, now))
        .await?;
    Ok(HttpResponse::Ok().json(ApiKey::try_from(row)?))
}
