//! Quote handlers: create (idempotent) and read.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use solvo_app::quotes::{self, CreateQuote};
use solvo_domain::permission::Permission;

use super::view::{Quote, quote_view};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::state::AppState;

/// Prices a prospective placement: the agency's fees, statutory interest to `as_of`, fixed
/// compensation, whether collection costs are recoverable, and each invoice's prescription
/// deadline, under the jurisdiction of the debtor. The quote is stored; a case placed with its id
/// within 30 days keeps its fee terms. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "intake",
    operation_id = "create_quote",
    request_body = CreateQuote,
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses((status = 201, description = "Created", body = Quote)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/quotes")]
pub async fn create_quote(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<CreateQuote>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::RequestQuotes)?;
    let key = idempotency::key_from(&request, &caller)?;
    let fingerprint = body.fingerprint().to_owned();
    let now = state.clock.now();
    let parsed = body.into_inner().parse(now.date())?;
    // The shared histories, parsed once at start-up; an Arc so the blocking task can own a handle.
    let rates = state.rates.current();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        quotes::create(conn, &caller, parsed, &rates, now, |priced| {
            let quote = quote_view(priced);
            let location = Some(format!("/v1/quotes/{}", quote.id));
            Created::new(StatusCode::CREATED.as_u16(), &quote, location)
        })
    })
    .await
}

/// Reads a quote as it was served: creditors their own, agency staff any (another organisation's
/// quote answers 404, like a missing one). Expired quotes stay readable; `expires_at` tells.
#[utoipa::path(
    tag = "intake",
    operation_id = "get_quote",
    params(("id" = String, Path, description = "Quote id")),
    responses((status = 200, description = "The quote", body = Quote)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/quotes/{id}")]
pub async fn get_quote(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ReadQuotes)?;
    let id = id.into_inner();
    let body = state
        .db
        .read(move |conn| quotes::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(body))
}
