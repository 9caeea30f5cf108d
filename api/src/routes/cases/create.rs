//! `POST /v1/cases`: place one case.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use solvo_app::AppError;
use solvo_app::cases::input::PlaceCase;
use solvo_app::cases::placement;
use solvo_domain::permission::Permission;

use super::view::{CaseView, case_view};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::state::AppState;

/// Places a case: the debtor (new, matched or by id), its invoices in one currency and terms.
/// An invoice number or creditor reference placed before is a 409 naming the existing case.
/// The introduction fee is posted per the fee schedule (the quote's when `quote_id` is valid).
/// Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "intake",
    operation_id = "create_case",
    request_body = PlaceCase,
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses(
        (status = 201, description = "Placed", body = CaseView),
        (status = 409, description = "An invoice or the creditor reference was placed before (the detail names the case), or the debtor's details conflict", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases")]
pub async fn create_case(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<PlaceCase>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::PlaceCases)?;
    let key = idempotency::key_from(&request, &caller)?;
    let fingerprint = body.fingerprint().to_owned();
    let now = state.clock.now();
    let case = body
        .into_inner()
        .validate_case(&caller.organisation_id, "", now)
        .map_err(AppError::Validation)?;
    let rates = state.rates.current();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let view = case_view(placement::place_case(conn, &caller, case, &rates, now)?)?;
        let location = format!("/v1/cases/{}", view.id);
        Created::new(StatusCode::CREATED.as_u16(), &view, Some(location))
    })
    .await
}
