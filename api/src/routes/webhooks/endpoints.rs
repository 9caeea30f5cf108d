//! Registering, reading, changing, rotating and deleting webhook endpoints.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, delete, get, patch, post, web};
use solvo_app::webhooks::destination::{CheckedUrl, check_url};
use solvo_app::webhooks::endpoints;
use solvo_app::webhooks::input::{EndpointPatch, NewEndpoint};

use super::view::{EndpointList, EndpointView, EndpointWithSecret};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::extract::precondition::{if_match_version, version_etag};
use crate::idempotency::{self, Created};
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// Registers an endpoint for the caller's organisation (a creditor administrator for its own
/// events; the agency administrator for every creditor's). The answer carries the signing
/// secret, shown this once. The URL must be `https` on a public address (hosts in
/// `SOLVO_WEBHOOK_ALLOW_HOSTS` excepted); its host is resolved now and again at every
/// delivery. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "create_webhook_endpoint",
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    request_body = NewEndpoint,
    responses(
        (status = 201, description = "The endpoint and its secret", body = EndpointWithSecret),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The URL is not https (`https_required`), is or resolves to a private, loopback, link-local or metadata address (`forbidden_address`), or is malformed (`invalid_url`); an unknown event type (`unknown_event_type`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/webhook-endpoints")]
pub async fn create_webhook_endpoint(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<NewEndpoint>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let fingerprint = format!("webhook_endpoint:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let url = checked(&state, &input.url).await?;
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let row = endpoints::create(conn, &caller, &input, &url, now)?;
        let location = format!("/v1/webhook-endpoints/{}", row.id);
        let view = EndpointWithSecret::try_from(&row)?;
        Created::new(StatusCode::CREATED.as_u16(), &view, Some(location))
    })
    .await
}

/// The caller's organisation's endpoints, oldest first (secrets are not shown).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhook_endpoints",
    params(ListParams),
    responses(
        (status = 200, description = "A page of endpoints", body = EndpointList),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/webhook-endpoints")]
pub async fn list_webhook_endpoints(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let rows = state
        .db
        .read(move |conn| endpoints::list(conn, &caller, &page))
        .await?;
    let data = rows
        .items
        .iter()
        .map(EndpointView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(EndpointList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// One endpoint, with an `ETag` of its version.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "get_webhook_endpoint",
    params(("id" = String, Path, description = "Endpoint id")),
    responses(
        (status = 200, description = "The endpoint", body = EndpointView, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`"))),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/webhook-endpoints/{id}")]
pub async fn get_webhook_endpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let row = state
        .db
        .read(move |conn| endpoints::get(conn, &caller, &id))
        .await?;
    respond(&row)
}

/// Checks a URL, resolving its host on the blocking pool before any transaction opens.
async fn checked(state: &AppState, url: &str) -> Result<CheckedUrl, ApiError> {
    let (url, config) = (url.to_owned(), state.webhooks.clone());
    let checked = web::block(move || check_url(&url, &config))
        .await
        .map_err(|err| ApiError::from(solvo_app::AppError::internal(err)))??;
    Ok(checked)
}

fn respond(row: &solvo_app::webhooks::EndpointRow) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version_etag(row.version)))
        .json(EndpointView::try_from(row)?))
}

/// Changes an endpoint's URL, event types, note or whether it is enabled (`If-Match` with the
/// version guards against lost updates). Enabling a disabled endpoint clears its reason and
/// failing spell; disabling it drops its pending deliveries (replay them later if wanted).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "update_webhook_endpoint",
    params(
        ("id" = String, Path, description = "Endpoint id"),
        ("If-Match" = Option<String>, Header, nullable = false, description = "The version's ETag, e.g. \"3\"", pattern = r#"^(\*|(W/)?"?[0-9]{1,18}"?)$"#),
    ),
    request_body = EndpointPatch,
    responses(
        (status = 200, description = "The endpoint as changed", body = EndpointView, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`"))),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The endpoint changed since that version (`stale_version`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A bad URL or event type, as at creation", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[patch("/v1/webhook-endpoints/{id}")]
pub async fn update_webhook_endpoint(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<EndpointPatch>,
) -> Result<HttpResponse, ApiError> {
    let expected = if_match_version(&request)?;
    let id = id.into_inner();
    let patch = body.into_inner();
    let now = state.clock.now();
    let url = match &patch.url {
        Some(url) => Some(checked(&state, url).await?),
        None => None,
    };
    let row = state
        .db
        .write(move |conn| {
            endpoints::update(conn, &caller, &id, &patch, url.as_ref(), expected, now)
        })
        .await?;
    respond(&row)
}

/// Deletes an endpoint and its delivery history; nothing more is sent to it.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "delete_webhook_endpoint",
    params(("id" = String, Path, description = "Endpoint id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[delete("/v1/webhook-endpoints/{id}")]
pub async fn delete_webhook_endpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    state
        .db
        .write(move |conn| endpoints::delete(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Gives the endpoint a new signing secret, shown this once. For 24 hours every delivery
/// carries two signatures, by the new and the previous secret, so the receiver can switch
/// without losing an event.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "rotate_webhook_secret",
    params(("id" = String, Path, description = "Endpoint id")),
    responses(
        (status = 200, description = "The endpoint and its new secret", body = EndpointWithSecret),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The secret was rotated less than 24 hours ago (`conflict`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/webhook-endpoints/{id}/rotate-secret")]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| endpoints::rotate_secret(conn, &caller, &id, now))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::ETAG, version_etag(row.version)))
        .json(EndpointWithSecret::try_from(&row)?))
}
