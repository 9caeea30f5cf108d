//! `GET /v1/complaints` and `POST /v1/complaints/{id}/resolution`: debtors' complaints about
//! the agency's conduct, for agency administrators only (`handle_complaints`).

use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::clock;
use solvo_app::portal::complaints::{self, ComplaintRow};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// Registers the complaint routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_complaints).service(resolve_complaint);
}

/// A debtor's complaint.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintView {
    /// `cmp_…`
    pub id: String,
    /// The creditor whose debtor complains.
    pub organisation_id: String,
    /// The debtor record.
    pub debtor_id: String,
    /// The case named, if any.
    pub case_id: Option<String>,
    /// What the debtor wrote.
    pub text: String,
    /// `open` or `resolved`.
    #[schema(value_type = ComplaintStatus, example = "open")]
    pub status: String,
    /// RFC 3339 time it arrived.
    #[schema(format = DateTime)]
    pub received_at: String,
    /// The answer the debtor reads.
    pub resolution: Option<String>,
    /// Who answered.
    pub resolved_by: Option<String>,
    /// RFC 3339 time of the answer.
    #[schema(format = DateTime)]
    pub resolved_at: Option<String>,
}

/// A page of complaints.
#[derive(Debug, Serialize, ToSchema)]
pub struct ComplaintList {
    /// Oldest first.
    pub data: Vec<ComplaintView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl From<ComplaintRow> for ComplaintView {
    fn from(row: ComplaintRow) -> Self {
        Self {
            id: row.id,
            organisation_id: row.organisation_id,
            debtor_id: row.debtor_id,
            case_id: row.case_id,
            text: row.text,
            status: row.status,
            received_at: clock::rfc3339(row.received_at),
            resolution: row.resolution,
            resolved_by: row.resolved_by,
            resolved_at: row.resolved_at.map(clock::rfc3339),
        }
    }
}

/// Which complaints.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ComplaintFilter {
    /// Only `open` or only `resolved` ones.
    #[param(inline)]
    pub status: Option<ComplaintStatus>,
}

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintStatus {
    /// Not answered yet.
    Open,
    /// Answered.
    Resolved,
}

/// The answer to a complaint.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"resolution": "We spoke to the collector; calls are now only made between 08:00 and 20:00."}))]
pub struct ComplaintResolution {
    /// What the agency found and did, which the debtor reads in the portal.
    #[validate(length(min = 1, max = 4000))]
    #[schema(min_length = 1, max_length = 4000)]
    pub resolution: String,
}

/// Debtors' complaints about the agency's conduct, oldest first (agency administrators).
#[utoipa::path(
    tag = "portal",
    operation_id = "list_complaints",
    params(ComplaintFilter, ListParams),
    responses(
        (status = 200, description = "A page of complaints", body = ComplaintList),
        (status = 403, description = "Only agency administrators read complaints", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `status`, `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/complaints")]
pub async fn list_complaints(
    state: web::Data<AppState>,
    caller: Caller,
    filter: web::Query<ComplaintFilter>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let status = filter.status.map(|status| match status {
        ComplaintStatus::Open => "open",
        ComplaintStatus::Resolved => "resolved",
    });
    let rows = state
        .db
        .read(move |conn| complaints::list(conn, &caller, status, &page))
        .await?;
    Ok(HttpResponse::Ok().json(ComplaintList {
        data: rows.items.into_iter().map(ComplaintView::from).collect(),
        next_cursor: rows.next_cursor,
    }))
}

/// Answers a complaint, once; the debtor reads the answer in the portal.
#[utoipa::path(
    tag = "portal",
    operation_id = "resolve_complaint",
    params(("id" = String, Path, description = "Complaint id")),
    request_body = ComplaintResolution,
    responses(
        (status = 200, description = "Answered", body = ComplaintView),
        (status = 403, description = "Only agency administrators answer complaints", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such complaint", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Answered before (`conflict`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`resolution` blank or over 4,000 characters", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/complaints/{id}/resolution")]
pub async fn resolve_complaint(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<ComplaintResolution>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let resolution = body.into_inner().resolution;
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| complaints::resolve(conn, &caller, &id, &resolution, now))
        .await?;
    Ok(HttpResponse::Ok().json(ComplaintView::from(row)))
}
