//! Debtor handlers: create (idempotent, de-duplicated), list, read, update.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use serde::Deserialize;
use solvo_app::AppError;
use solvo_domain::permission::Permission;
use utoipa::IntoParams;

use super::view::{Debtor, DebtorList};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::routes::pagination::ListParams;
use crate::state::AppState;
use solvo_app::debtors::{self, DebtorInput, DebtorPatch, DebtorQuery, find_or_create};

/// Creates a debtor, or returns the existing one for the same VAT id or registration number
/// (200 when the details agree, 409 when they conflict). Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "intake",
    operation_id = "create_debtor",
    request_body = DebtorInput,
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses(
        (status = 201, description = "Created", body = Debtor),
        (status = 200, description = "The creditor already has this business", body = Debtor),
        (status = 409, description = "The VAT id or registration number belongs to a debtor with other details", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/debtors")]
pub async fn create_debtor(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<DebtorInput>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ChangeDebtors)?;
    let key = idempotency::key_from(&request, &caller)?;
    let fingerprint = body.fingerprint().to_owned();
    let row = body
        .into_inner()
        .into_row(&caller.organisation_id, "", state.clock.now())
        .map_err(AppError::Validation)?;
    idempotency::create(
        &state,
        caller.organisation_id.clone(),
        key,
        fingerprint,
        move |conn| {
            let (row, created) = find_or_create(conn, row)?;
            let debtor = Debtor::try_from(row)?;
            let status = if created {
                StatusCode::CREATED
            } else {
                StatusCode::OK
            };
            let location = Some(format!("/v1/debtors/{}", debtor.id));
            Created::new(status.as_u16(), &debtor, location)
        },
    )
    .await
}

/// Filters of the debtor list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DebtorListFilter {
    /// Legal name contains this text (case-insensitive).
    pub q: Option<String>,
}

/// Lists the creditor's debtors (agency staff: every creditor's).
#[utoipa::path(
    tag = "intake",
    operation_id = "list_debtors",
    params(ListParams, DebtorListFilter),
    responses((status = 200, description = "A page of debtors", body = DebtorList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/debtors")]
pub async fn list_debtors(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
    filter: web::Query<DebtorListFilter>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let query = DebtorQuery {
        name_contains: filter.into_inner().q,
        updated_since: params.updated_since(),
    };
    let rows = state
        .db
        .read(move |conn| debtors::list(conn, &caller, query, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(Debtor::try_from)
        .collect::<Result<_, _>>()?;
    Ok(HttpResponse::Ok().json(DebtorList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// Reads a debtor.
#[utoipa::path(
    tag = "intake",
    operation_id = "get_debtor",
    params(("id" = String, Path, description = "Debtor id")),
    responses((status = 200, description = "The debtor", body = Debtor, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`")))),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/debtors/{id}")]
pub async fn get_debtor(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| debtors::get(conn, &caller, &id))
        .await?;
    let debtor = Debtor::try_from(row)?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(debtor.version),
        ))
        .json(debtor))
}

/// Updates a debtor; `If-Match` with the version guards against lost updates (412 when stale).
#[utoipa::path(
    tag = "intake",
    operation_id = "update_debtor",
    params(
        ("id" = String, Path, description = "Debtor id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The version (ETag) last read", pattern = r#"^(\*|(W/)?"?[0-9]{1,18}"?)$"#),
    ),
    request_body = DebtorPatch,
    responses(
        (status = 200, description = "Updated", body = Debtor, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`"))),
        (status = 409, description = "Another debtor of the creditor has this VAT id or registration number", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "Changed since the version in If-Match", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[patch("/v1/debtors/{id}")]
pub async fn update_debtor(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<DebtorPatch>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ChangeDebtors)?;
    let expected = crate::extract::precondition::if_match_version(&request)?;
    let patch = body.into_inner();
    let id = id.into_inner();
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| debtors::update(conn, &caller, &id, expected, patch, now))
        .await?;
    let debtor = Debtor::try_from(row)?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(debtor.version),
        ))
        .json(debtor))
}
