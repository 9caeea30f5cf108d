//! `/v1/api-keys`: credentials for ERPs. The secret is returned once, at creation; only its
//! SHA-256 is kept. Administrators manage their own organisation's keys.

use actix_web::http::header;
use actix_web::{HttpResponse, delete, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_domain::identity::Role;
use solvo_domain::permission::Permission;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::api_keys::{self, ApiKeyRow};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::{Caller, secret};
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::roles::{RoleName, stored_role};
use crate::routes::pagination::ListParams;
use crate::state::AppState;
use solvo_app::clock;

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
            role: stored_role(&row.role)?.into(),
            id: row.id,
            name: row.name,
            prefix: row.prefix,
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
    caller.require(Permission::ManageApiKeys)?;
    let body = body.into_inner();
    let default_role = if caller.role.is_agency_staff() {
        Role::Collector
    } else {
        Role::CreditorMember
    };
    let role = body.role.map_or(default_role, Role::from);
    if role.is_admin() {
        // A leaked admin key could mint users and keys that survive its own revocation.
        return Err(AppError::invalid(
            "role",
            "admin_role_for_key",
            "API keys cannot hold an administrator role; use collector, creditor_member or creditor_viewer.",
        ).into());
    }
    if role.organisation_kind() != Some(caller.organisation_kind) {
        return Err(AppError::invalid(
            "role",
            "role_not_in_organisation",
            "The role does not belong to your organisation's kind.",
        )
        .into());
    }
    let name = body.name.trim().to_owned();
    if name.is_empty() {
        return Err(AppError::invalid("name", "blank", "name must not be blank").into());
    }
    let secret = secret::generate(secret::API_KEY_PREFIX);
    let row = ApiKeyRow {
        id: new_id("key"),
        organisation_id: caller.organisation_id.clone(),
        name,
        prefix: secret::visible_prefix(&secret),
        secret_hash: secret::digest(&secret),
        role: role.as_str().to_owned(),
        created_by: caller.user_id().map(ToOwned::to_owned),
        created_at: clock::now(),
        last_used_at: None,
        revoked_at: None,
    };
    let key = ApiKey::try_from(row.clone())?;
    state
        .db
        .write(move |conn| Ok(api_keys::insert(conn, &row)?))
        .await?;
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
    caller.require(Permission::ManageApiKeys)?;
    let page = params.page()?;
    let organisation_id = caller.organisation_id.clone();
    let rows = state
        .db
        .read(move |conn| Ok(api_keys::list(conn, &organisation_id, &page)?))
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
    caller.require(Permission::ManageApiKeys)?;
    let organisation_id = caller.organisation_id.clone();
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| Ok(api_keys::find(conn, &organisation_id, &id)?))
        .await?;
    Ok(HttpResponse::Ok().json(ApiKey::try_from(row)?))
}

/// Revokes an API key: requests with it fail from now on.
#[utoipa::path(
    tag = "identity",
    operation_id = "delete_api_key",
    params(("id" = String, Path, description = "API key id")),
    responses((status = 204, description = "Revoked")),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[delete("/v1/api-keys/{id}")]
pub async fn delete_api_key(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ManageApiKeys)?;
    let organisation_id = caller.organisation_id.clone();
    let id = id.into_inner();
    let now = clock::now();
    state
        .db
        .write(move |conn| Ok(api_keys::revoke(conn, &organisation_id, &id, now)?))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
