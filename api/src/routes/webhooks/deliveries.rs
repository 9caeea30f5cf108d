//! An endpoint's deliveries: the attempts, a retry of one, a replay of many, a test ping.

use actix_web::{HttpResponse, get, post, web};
use solvo_app::webhooks::deliveries;
use solvo_app::webhooks::input::Replay;

use super::view::{DeliveryList, DeliveryView, ReplayQueued};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// The endpoint's delivery attempts, newest first: each with its event, attempt number,
/// trigger, status, the receiver's code, the first kilobyte of its answer and its latency,
/// and when the next attempt is due after a failure.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_webhook_deliveries",
    params(("id" = String, Path, description = "Endpoint id"), ListParams),
    responses(
        (status = 200, description = "A page of attempts", body = DeliveryList),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/webhook-endpoints/{id}/deliveries")]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| deliveries::list(conn, &caller, &id, &page))
        .await?;
    Ok(HttpResponse::Ok().json(DeliveryList {
        data: rows.items.iter().map(DeliveryView::from).collect(),
        next_cursor: rows.next_cursor,
    }))
}

/// Sends a delivery's event to its endpoint again, now (a new attempt with trigger `manual`
/// and the same `webhook-id`).
#[utoipa::path(
    tag = "webhooks",
    operation_id = "retry_webhook_delivery",
    params(("id" = String, Path, description = "Delivery id")),
    responses(
        (status = 202, description = "The attempt queued", body = DeliveryView),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such delivery in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled (`conflict`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/webhook-deliveries/{id}/retry")]
pub async fn retry_webhook_delivery(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| deliveries::retry(conn, &caller, &id, now))
        .await?;
    Ok(HttpResponse::Accepted().json(DeliveryView::from(&row)))
}

/// Sends the endpoint again every event since `since` that it subscribes to: by default only
/// those it never received successfully (`"only": "failed"`), or all (`"only": "all"`). Each
/// keeps its `webhook-id`, so a receiver that deduplicates sees each once.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "replay_webhook_events",
    params(("id" = String, Path, description = "Endpoint id")),
    request_body = Replay,
    responses(
        (status = 202, description = "How many events were queued", body = ReplayQueued),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled (`conflict`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`since` is not an RFC 3339 time", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/webhook-endpoints/{id}/replay")]
pub async fn replay_webhook_events(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<Replay>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let replay = body.into_inner();
    let now = state.clock.now();
    let queued = state
        .db
        .write(move |conn| deliveries::replay(conn, &caller, &id, &replay, now))
        .await?;
    Ok(HttpResponse::Accepted().json(ReplayQueued { queued }))
}

/// Sends the endpoint a `webhook.test` event now, signed like every other, to check the
/// receiver and its signature check.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "test_webhook_endpoint",
    params(("id" = String, Path, description = "Endpoint id")),
    responses(
        (status = 202, description = "The test delivery queued", body = DeliveryView),
        (status = 403, description = "Not an administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such endpoint in the caller's organisation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The endpoint is disabled (`conflict`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/webhook-endpoints/{id}/test")]
pub async fn test_webhook_endpoint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| deliveries::test(conn, &caller, &id, now))
        .await?;
    Ok(HttpResponse::Accepted().json(DeliveryView::from(&row)))
}
