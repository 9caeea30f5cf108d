//! `PUT /v1/cases/{id}/assignment`: an agency admin (re)assigns a case to a collector.

use actix_web::http::header;
use actix_web::{HttpResponse, put, web};
use serde::Deserialize;
use solvo_app::cases::{assignment, read};
use utoipa::ToSchema;
use validator::Validate;

use super::view::{CaseView, case_view};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// The collector to assign.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"collector_id": "usr_0193b7c4a1e07a3c9d2f5e6b8a1c4d70"}))]
pub struct AssignmentRequest {
    /// An enabled collector of the agency.
    #[validate(length(min = 1, max = 64))]
    #[schema(min_length = 1, max_length = 64)]
    pub collector_id: String,
}

/// Assigns the case to a collector (agency admins only). A submitted case moves to assessment.
#[utoipa::path(
    tag = "tracking",
    operation_id = "put_case_assignment",
    params(("id" = String, Path, description = "Case id")),
    request_body = AssignmentRequest,
    responses(
        (status = 200, description = "Assigned; the case as it is now", body = CaseView, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`"))),
        (status = 409, description = "The case is closed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The case changed concurrently; retry", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[put("/v1/cases/{id}/assignment")]
pub async fn put_assignment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<AssignmentRequest>,
) -> Result<HttpResponse, ApiError> {
    let collector_id = body.into_inner().collector_id;
    let id = id.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let view = state
        .db
        .write(move |conn| {
            let updated = assignment::assign(conn, &caller, &id, &collector_id, &rates, now)?;
            case_view(read::details(conn, updated, &caller, &rates, now)?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(view.version),
        ))
        .json(view))
}
