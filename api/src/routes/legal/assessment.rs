//! `POST` and `GET /v1/cases/{id}/legal-assessment`; the rules are
//! `solvo_app::legal::assessment`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use solvo_app::legal::{NewLegalAssessment, assessment};

use super::view::LegalAssessmentView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::state::AppState;

/// Proposes legal action on the case with a legal assessment (agency staff; a collector on their
/// own cases): recommendation, cost estimate, success probability, court route and expected
/// duration. The case moves from `amicable` to `pre_legal`, where the creditor decides on it
/// with `POST /v1/cases/{id}/legal-decision`; in `pre_legal` a new assessment replaces the one on
/// record (an approval of the old figures is then refused). Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "tracking",
    operation_id = "create_legal_assessment",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewLegalAssessment,
    responses(
        (status = 201, description = "Recorded, pending the creditor's decision; the case is `pre_legal`", body = LegalAssessmentView),
        (status = 403, description = "The caller does not work cases (creditors decide, they do not assess)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's book", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is neither `amicable` nor `pre_legal` (`transition_refused`, with the state and the commands allowed there)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The case changed concurrently; retry (`stale_version`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `success_probability_pct` above 100, `expected_duration_months` outside 1 to 120, an unknown `court_route` or `recommendation`, `cost_estimate` not a decimal amount in the case currency, `summary` blank or over 4,000 characters; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/legal-assessment")]
pub async fn create_legal_assessment(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewLegalAssessment>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:legal-assessment:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let rates = state.rates.current();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let recorded = assessment::record(conn, &caller, &case_id, &input, &rates, now)?;
        Created::new(
            StatusCode::CREATED.as_u16(),
            &LegalAssessmentView::from(recorded),
            None,
        )
    })
    .await
}

/// The case's latest legal assessment (agency staff and the creditor's users): its figures,
/// whether it is `pending`, `approved` or `declined`, and the decision once taken.
#[utoipa::path(
    tag = "tracking",
    operation_id = "get_legal_assessment",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The latest assessment", body = LegalAssessmentView),
        (status = 403, description = "Debtors do not read the legal path", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller, or no legal assessment recorded on it (`not_found`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/legal-assessment")]
pub async fn get_legal_assessment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let case_id = id.into_inner();
    let recorded = state
        .db
        .read(move |conn| assessment::latest(conn, &caller, &case_id))
        .await?;
    Ok(HttpResponse::Ok().json(LegalAssessmentView::from(recorded)))
}
