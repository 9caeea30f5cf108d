//! `GET /v1/jobs`: the scheduler's jobs, for the agency administrator to see what failed.

use actix_web::{HttpResponse, get, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::clock;
use solvo_app::jobs::read::{self, JobRow, JobStatus};
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::error::ApiError;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// A scheduler job: one due item, run once, retried with backoff when it fails.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobView {
    /// `job_…`
    pub id: String,
    /// `resume_case` (a paused case's `resume_on` came), `review_arrangements` (promises or a
    /// payment plan fell due for judgement) or `prescription_warning` (the earliest claim
    /// prescribes in 90 or 30 days, or has prescribed).
    #[schema(value_type = JobKindName, example = "review_arrangements")]
    pub kind: String,
    /// The case it works on.
    pub case_id: String,
    /// The day it fell due.
    pub due_on: NaiveDate,
    /// `pending`, `done` or `failed`.
    #[schema(value_type = JobStatus, example = "failed")]
    pub status: String,
    /// Attempts made.
    pub attempts: i32,
    /// Why the last attempt failed.
    pub last_error: Option<String>,
    /// RFC 3339 time of the next attempt; empty when done or given up (after 8 attempts).
    #[schema(format = DateTime)]
    pub next_attempt_at: Option<String>,
    /// RFC 3339 time it was found due.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339 time it was done or given up.
    #[schema(format = DateTime)]
    pub finished_at: Option<String>,
}

impl From<JobRow> for JobView {
    fn from(row: JobRow) -> Self {
        Self {
            id: row.id,
            kind: row.kind,
            case_id: row.case_id,
            due_on: row.due_on,
            status: row.status,
            attempts: row.attempts,
            last_error: row.last_error,
            next_attempt_at: row.next_attempt_at.map(clock::rfc3339),
            created_at: clock::rfc3339(row.created_at),
            finished_at: row.finished_at.map(clock::rfc3339),
        }
    }
}

/// A page of jobs.
#[derive(Debug, Serialize, ToSchema)]
pub struct JobList {
    /// Oldest first.
    pub data: Vec<JobView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// Which jobs.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct JobFilter {
    /// Only jobs in this status.
    #[param(inline)]
    pub status: Option<JobStatus>,
}

/// The scheduler's jobs, oldest first (agency administrators): `?status=failed` lists what
/// failed, with the error and the next attempt.
#[utoipa::path(
    tag = "operations",
    operation_id = "list_jobs",
    params(ListParams, JobFilter),
    responses(
        (status = 200, description = "A page of jobs", body = JobList),
        (status = 403, description = "Not an agency administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `status`, `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/jobs")]
pub async fn list_jobs(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
    filter: web::Query<JobFilter>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let status = filter.into_inner().status;
    let rows = state
        .db
        .read(move |conn| read::list(conn, &caller, status, &page))
        .await?;
    Ok(HttpResponse::Ok().json(JobList {
        data: rows.items.into_iter().map(JobView::from).collect(),
        next_cursor: rows.next_cursor,
    }))
}

crate::closed_sets::closed_set!(
    /// What a scheduler job does.
    JobKindName,
    "What a scheduler job does.",
    ["resume_case", "review_arrangements", "prescription_warning"]
);
