//! Debtor handlers: create (idempotent, de-duplicated), list, read, update.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use serde::Deserialize;
use solvo_app::AppError;
use solvo_domain::permission::Permission;
use solvo_persistence::PersistenceError;
use solvo_persistence::repositories::debtors::{self, DebtorFilter};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::view::{Debtor, DebtorList};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::routes::pagination::ListParams;
use crate::state::AppState;
use solvo_app::clock;
use solvo_app::debtors::{AddressInput, ContactInput, DebtorInput, DebtorKind, find_or_create};

/// Creates a debtor, or returns the existing one for the same VAT id or registration number
/// (200 when the details agree, 409 when they conflict). Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "intake",
    operation_id = "create_debtor",
    request_body = DebtorInput,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same body")),
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
    let key = idempotency::key_from(&request)?;
    let fingerprint = body.fingerprint().to_owned();
    let row = body
        .into_inner()
        .into_row(&caller.organisation_id, "", clock::now())
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
    let filter = DebtorFilter {
        organisation_id: caller.tenant_scope().map(ToOwned::to_owned),
        name_contains: filter.into_inner().q.filter(|text| !text.trim().is_empty()),
        updated_since: params.updated_since(),
    };
    let rows = state
        .db
        .read(move |conn| Ok(debtors::list(conn, &filter, &page)?))
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
    responses((status = 200, description = "The debtor", body = Debtor)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/debtors/{id}")]
pub async fn get_debtor(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let scope = caller.tenant_scope().map(ToOwned::to_owned);
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| Ok(debtors::find(conn, scope.as_deref(), &id)?))
        .await?;
    let debtor = Debtor::try_from(row)?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(debtor.version),
        ))
        .json(debtor))
}

/// Changes to a debtor: only the fields sent change; `null` clears an optional one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DebtorPatch {
    /// Registered legal name.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub legal_name: Option<String>,
    /// Company register number.
    #[serde(default, deserialize_with = "double_option")]
    pub registration_number: Option<Option<String>>,
    /// VAT id.
    #[serde(default, deserialize_with = "double_option")]
    pub vat_id: Option<Option<String>>,
    /// Postal address (replaces the whole address).
    #[validate(nested)]
    pub address: Option<AddressInput>,
    /// Contacts (replace the whole list).
    #[validate(nested, length(max = 20))]
    pub contacts: Option<Vec<ContactInput>>,
    /// ISO 639-1 language.
    #[serde(default, deserialize_with = "double_option")]
    pub preferred_language: Option<Option<String>>,
}

fn double_option<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Updates a debtor; `If-Match` with the version guards against lost updates (412 when stale).
#[utoipa::path(
    tag = "intake",
    operation_id = "update_debtor",
    params(
        ("id" = String, Path, description = "Debtor id"),
        ("If-Match" = Option<String>, Header, description = "The version (ETag) last read"),
    ),
    request_body = DebtorPatch,
    responses(
        (status = 200, description = "Updated", body = Debtor),
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
    let organisation_id = caller.organisation_id.clone();
    let id = id.into_inner();
    let now = clock::now();
    let row = state
        .db
        .write(move |conn| {
            let current = debtors::find(conn, Some(&organisation_id), &id)?;
            if expected.is_some_and(|version| version != current.version) {
                return Err(AppError::StaleVersion);
            }
            let merged = merge(&current, patch)?;
            let mut row = merged
                .into_row(&organisation_id, "", now)
                .map_err(AppError::Validation)?;
            row.id.clone_from(&current.id);
            row.created_at = current.created_at;
            row.version = current.version + 1;
            debtors::update(conn, &row, current.version).map_err(|err| match err {
                PersistenceError::Conflict(what) if what == "version" => AppError::StaleVersion,
                PersistenceError::Conflict(_) => AppError::Conflict(
                    "Another debtor of yours has this VAT id or registration number.".into(),
                ),
                other => other.into(),
            })?;
            Ok(row)
        })
        .await?;
    let debtor = Debtor::try_from(row)?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(debtor.version),
        ))
        .json(debtor))
}

fn merge(
    current: &solvo_persistence::repositories::debtors::DebtorRow,
    patch: DebtorPatch,
) -> Result<DebtorInput, AppError> {
    let contacts: Vec<ContactInput> = match patch.contacts {
        Some(contacts) => contacts,
        None => serde_json::from_str(&current.contacts).map_err(anyhow::Error::from)?,
    };
    let address = patch.address.unwrap_or_else(|| AddressInput {
        line1: current.address_line1.clone(),
        line2: current.address_line2.clone(),
        postal_code: current.postal_code.clone(),
        city: current.city.clone(),
        region: current.region.clone(),
        country: current.address_country.clone(),
    });
    Ok(DebtorInput {
        kind: DebtorKind::Business,
        legal_name: patch
            .legal_name
            .unwrap_or_else(|| current.legal_name.clone()),
        registration_number: patch
            .registration_number
            .unwrap_or_else(|| current.registration_number.clone()),
        vat_id: patch.vat_id.unwrap_or_else(|| current.vat_id.clone()),
        country: current.country.clone(),
        address: Some(address),
        contacts,
        preferred_language: patch
            .preferred_language
            .unwrap_or_else(|| current.preferred_language.clone()),
    })
}
