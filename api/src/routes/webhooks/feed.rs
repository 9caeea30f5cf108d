//! `GET /v1/events`: the event feed for ERPs that poll.

use actix_web::{HttpResponse, get, web};
use serde::Deserialize;
use solvo_app::AppError;
use solvo_app::events::feed::{self, FeedRequest};
use solvo_app::webhooks::input::event_types;
use solvo_domain::webhook::EventType;
use utoipa::IntoParams;

use super::view::EventList;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;

/// The feed's query.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FeedParams {
    /// The `next_cursor` of the previous read; omit to start at the oldest event kept.
    #[param(pattern = "^[0-9]{1,18}$")]
    pub after: Option<String>,
    /// Only these types, comma-separated (e.g. `payment.received,case.closed`).
    #[param(schema_with = comma_separated_types)]
    pub types: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

/// The events of the caller's organisation (every creditor's for the agency administrator),
/// with the same ids the webhooks carry. Events are ordered by the moment they were published
/// after their commit, so a client that stores `next_cursor` and reads on from it never
/// misses an event, even one whose change committed later than a newer one's. Kept at least
/// 30 days.
#[utoipa::path(
    tag = "webhooks",
    operation_id = "list_events",
    params(FeedParams),
    responses(
        (status = 200, description = "A page of events", body = EventList),
        (status = 403, description = "The caller may not read events", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "An unknown type (`unknown_event_type`), a bad cursor (`invalid_cursor`) or `limit`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/events")]
pub async fn list_events(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<FeedParams>,
) -> Result<HttpResponse, ApiError> {
    let params = params.into_inner();
    let request = FeedRequest {
        after: params.after,
        types: types(params.types.as_deref())?,
        limit: params.limit,
    };
    let page = state
        .db
        .read(move |conn| feed::read(conn, &caller, &request))
        .await?;
    Ok(HttpResponse::Ok().json(EventList {
        data: page.items,
        next_cursor: page.next_cursor,
    }))
}

/// The schema of `types`: a comma-separated list of subscribable event types, as a pattern built
/// from the catalogue, so it names exactly the types [`types`] accepts.
fn comma_separated_types() -> utoipa::openapi::Object {
    let names: Vec<String> = EventType::subscribable()
        .map(|kind| kind.as_str().replace('.', "\\."))
        .collect();
    // Names are split at commas and trimmed; empty ones are skipped.
    let one = format!("\\s*({})?\\s*", names.join("|"));
    utoipa::openapi::ObjectBuilder::new()
        .schema_type(utoipa::openapi::schema::Type::String)
        .description(Some(
            "Only these types, comma-separated (e.g. `payment.received,case.closed`).",
        ))
        .pattern(Some(format!("^{one}(,{one})*$")))
        .examples([serde_json::json!("payment.received,case.closed")])
        .build()
}

fn types(raw: Option<&str>) -> Result<Vec<EventType>, AppError> {
    let Some(raw) = raw else {
        return Ok(Vec::new());
    };
    let names = raw
        .split(',')
        .map(str::trim)
        .filter(|name| !name.is_empty());
    event_types(names, |_| "types".to_owned())
}
