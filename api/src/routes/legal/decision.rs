//! `POST /v1/cases/{id}/legal-decision`; the rules are `solvo_app::legal::decision`.

use actix_web::{HttpResponse, post, web};
use solvo_app::legal::{NewLegalDecision, decision};

use super::view::LegalAssessmentView;
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// The creditor's decision on the legal assessment on record (the creditor's admins and
/// members). `approve` names the cost estimate it approves, which must be the estimate on record
/// (`409 assessment_changed` otherwise, so nobody approves figures they did not see); the case
/// moves to `legal`, where the agency records the steps in court. `decline` returns it to
/// `amicable`, the reason on the timeline. Answers the assessment with its decision.
#[utoipa::path(
    tag = "tracking",
    operation_id = "create_legal_decision",
    params(("id" = String, Path, description = "Case id")),
    request_body = NewLegalDecision,
    responses(
        (status = 200, description = "Decided; the assessment with its decision and the case's state", body = LegalAssessmentView),
        (status = 403, description = "Only the creditor decides on legal action", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The approved estimate is not the one on record (`assessment_changed`: read the assessment again); or the case is not `pre_legal`, so no assessment awaits a decision (`transition_refused`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The case changed concurrently; retry (`stale_version`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: an unknown `decision`, `approve` without `approved_cost_estimate` or `decline` with one, an estimate that is not a decimal amount, `reason` over 2,000 characters", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/legal-decision")]
pub async fn create_legal_decision(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewLegalDecision>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let now = state.clock.now();
    let case_id = id.into_inner();
    let rates = state.rates.current();
    let recorded = state
        .db
        .write(move |conn| decision::decide(conn, &caller, &case_id, &input, &rates, now))
        .await?;
    Ok(HttpResponse::Ok().json(LegalAssessmentView::from(recorded)))
}
