//! `/v1/organisations`: the agency creates its creditor clients; everyone reads their own.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::clock;
use solvo_app::organisations::{self, NewOrganisation, OrganisationRow};
use solvo_domain::permission::Permission;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::roles::{OrganisationKindName, stored_kind};
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// An organisation.
#[derive(Debug, Serialize, ToSchema)]
pub struct Organisation {
    /// `org_…`
    pub id: String,
    /// Agency or creditor.
    pub kind: OrganisationKindName,
    /// Name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country.
    #[schema(example = "NL")]
    pub country: String,
    /// Version for `If-Match`.
    pub version: i64,
    /// RFC 3339 creation time.
    pub created_at: String,
    /// RFC 3339 time of the last change.
    pub updated_at: String,
}

impl TryFrom<OrganisationRow> for Organisation {
    type Error = AppError;
    fn try_from(row: OrganisationRow) -> Result<Self, AppError> {
        Ok(Self {
            kind: stored_kind(&row.kind)?.into(),
            id: row.id,
            name: row.name,
            country: row.country,
            version: row.version,
            created_at: clock::rfc3339(row.created_at),
            updated_at: clock::rfc3339(row.updated_at),
        })
    }
}

/// A page of organisations.
#[derive(Debug, Serialize, ToSchema)]
pub struct OrganisationList {
    /// This page.
    pub data: Vec<Organisation>,
    /// Cursor of the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// A new creditor organisation.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct CreateOrganisation {
    /// Legal or trading name.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, pattern = r"\S")]
    pub name: String,
    /// Must be `creditor`: the one agency is created by `solvo admin bootstrap`.
    pub kind: OrganisationKindName,
    /// ISO 3166-1 alpha-2 country of establishment.
    #[schema(example = "DE", pattern = "^[A-Za-z]{2}$")]
    pub country: String,
}

/// Creates a creditor organisation (agency admins only).
#[utoipa::path(
    tag = "identity",
    operation_id = "create_organisation",
    request_body = CreateOrganisation,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same body")),
    responses((status = 201, description = "Created", body = Organisation)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/organisations")]
pub async fn create_organisation(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<CreateOrganisation>,
) -> Result<HttpResponse, ApiError> {
    // Refused before the Idempotency-Key header is read; the use case checks again.
    caller.require(Permission::CreateOrganisations)?;
    let key = idempotency::key_from(&request, &caller)?;
    let fingerprint = body.fingerprint().to_owned();
    let body = body.into_inner();
    let new = organisations::validate(&NewOrganisation {
        name: body.name,
        kind: body.kind.into(),
        country: body.country,
    })?;
    let now = state.clock.now();
    idempotency::create(
        &state,
        caller.organisation_id.clone(),
        key,
        fingerprint,
        move |conn| {
            let created = Organisation::try_from(organisations::create(conn, &caller, new, now)?)?;
            let location = format!("/v1/organisations/{}", created.id);
            Created::new(StatusCode::CREATED.as_u16(), &created, Some(location))
        },
    )
    .await
}

/// Lists organisations (agency staff only).
#[utoipa::path(
    tag = "identity",
    operation_id = "list_organisations",
    params(ListParams),
    responses((status = 200, description = "A page of organisations", body = OrganisationList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/organisations")]
pub async fn list_organisations(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let query = params.query();
    let rows = state
        .db
        .read(move |conn| organisations::list(conn, &caller, &query))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(Organisation::try_from)
        .collect::<Result<_, _>>()?;
    Ok(HttpResponse::Ok().json(OrganisationList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// Reads an organisation: agency staff any, others their own (another one answers 404).
#[utoipa::path(
    tag = "identity",
    operation_id = "get_organisation",
    params(("id" = String, Path, description = "Organisation id")),
    responses((status = 200, description = "The organisation", body = Organisation)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/organisations/{id}")]
pub async fn get_organisation(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| organisations::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(Organisation::try_from(row)?))
}
