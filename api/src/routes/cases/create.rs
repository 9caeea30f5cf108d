//! `POST /v1/cases`: place one case.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};

use super::view::{CaseView, case_view};
use crate::auth::Caller;
use crate::cases::balance;
use crate::cases::events::ActorRef;
use crate::cases::input::PlaceCase;
use crate::cases::placement::{PlacementContext, place};
use crate::clock;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::routes::debtors::may_place;
use crate::state::AppState;

/// Places a case: the debtor (new, matched or by id), its invoices in one currency and terms.
/// An invoice number or creditor reference placed before is a 409 naming the existing case.
/// The introduction fee is posted per the fee schedule (the quote's when `quote_id` is valid).
/// Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "intake",
    operation_id = "create_case",
    request_body = PlaceCase,
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same body")),
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
    caller.require(may_place, "place cases")?;
    let key = idempotency::key_from(&request)?;
    let fingerprint = body.fingerprint().to_owned();
    let now = clock::now();
    let case = body
        .into_inner()
        .validate_case(&caller.organisation_id, "", now)
        .map_err(ApiError::Validation)?;
    let context = PlacementContext {
        organisation_id: caller.organisation_id.clone(),
        actor: ActorRef::from(&caller),
    };
    let rates = state.rates.clone();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let fee_terms = crate::cases::fee_terms::for_placement(
            conn,
            &context.organisation_id,
            case.quote_id.as_deref(),
            case.currency,
            now,
        )?;
        let placed = place(conn, &context, case, fee_terms, now)?;
        let today = now.date();
        let balance = balance::load(conn, &placed.case, &rates, today)?;
        let view = case_view(
            placed.case,
            &placed.debtor,
            &placed.invoices,
            balance,
            &caller,
            today,
        )?;
        Created::new(
            StatusCode::CREATED,
            &view,
            Some(format!("/v1/cases/{}", view.id)),
        )
    })
    .await
}
