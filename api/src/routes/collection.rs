//! What collectors do on a case: `POST /v1/cases/{id}/assessment`,
//! `POST/GET /v1/cases/{id}/activities` and `GET /v1/work-queue`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::collection::work_queue::{self, QueueItem};
use solvo_app::collection::{
    ActivityOutcome, ActivityRow, AssessmentRow, Channel, NewActivity, NewAssessment, Solvency,
    activities, assessment,
};
use solvo_app::{AppError, clock};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// Registers the collection-work routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_assessment)
        .service(create_activity)
        .service(list_activities)
        .service(get_work_queue);
}

/// What the collector found out about the debtor.
#[derive(Debug, Serialize, ToSchema)]
pub struct FindingsView {
    /// `good`, `doubtful`, `poor` or `unknown`.
    pub solvency: Solvency,
    /// Whether the debtor was reached.
    pub reachable: bool,
    /// Further findings.
    pub notes: Option<String>,
}

/// A case assessment: the recovery strategy the creditor receives.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentView {
    /// `asm_…`
    pub id: String,
    /// The recommended approach.
    pub approach: String,
    /// The expected timeline.
    pub expected_timeline: String,
    /// The cost structure.
    pub cost_structure: String,
    /// Debtor findings.
    pub findings: FindingsView,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// RFC 3339 time it was recorded.
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl TryFrom<AssessmentRow> for AssessmentView {
    type Error = AppError;

    fn try_from(row: AssessmentRow) -> Result<Self, AppError> {
        let solvency = Solvency::parse(&row.solvency)
            .ok_or_else(|| AppError::corrupt("assessment", &row.id, "solvency"))?;
        Ok(Self {
            id: row.id,
            approach: row.approach,
            expected_timeline: row.expected_timeline,
            cost_structure: row.cost_structure,
            findings: FindingsView {
                solvency,
                reachable: row.reachable,
                notes: row.findings,
            },
            recorded_by: row.recorded_by,
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

/// An assessment recorded and the case's state after it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AssessmentOutcome {
    /// The assessment.
    #[serde(flatten)]
    pub assessment: AssessmentView,
    /// The case's state now (`amicable`).
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "amicable")]
    pub case_state: String,
}

/// A logged contact attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityView {
    /// `act_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// How.
    pub channel: Channel,
    /// What came of it.
    pub outcome: ActivityOutcome,
    /// What was said or done.
    pub notes: Option<String>,
    /// The next action's day, if one was set.
    pub next_action_on: Option<NaiveDate>,
    /// The user or API key that logged it.
    pub recorded_by: String,
    /// RFC 3339 time it was logged.
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl TryFrom<ActivityRow> for ActivityView {
    type Error = AppError;

    fn try_from(row: ActivityRow) -> Result<Self, AppError> {
        let corrupt = |what: &str| AppError::corrupt("activity", &row.id, format!("stored {what}"));
        Ok(Self {
            channel: Channel::parse(&row.channel).ok_or_else(|| corrupt("channel"))?,
            outcome: ActivityOutcome::parse(&row.outcome).ok_or_else(|| corrupt("outcome"))?,
            id: row.id,
            case_id: row.case_id,
            notes: row.notes,
            next_action_on: row.next_action_on,
            recorded_by: row.recorded_by,
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

/// A page of activities.
#[derive(Debug, Serialize, ToSchema)]
pub struct ActivityList {
    /// Oldest first.
    pub data: Vec<ActivityView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// A case in the work queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct QueueItemView {
    /// The case.
    pub case_id: String,
    /// Its number.
    pub case_number: i64,
    /// The creditor's reference.
    pub creditor_reference: String,
    /// The debtor's legal name.
    pub debtor_name: String,
    /// The case's state.
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "assessment")]
    pub state: String,
    /// The assigned collector.
    pub collector_id: Option<String>,
    /// `assessment` (the case awaits its assessment) or `next_action` (its next action is due).
    #[schema(value_type = QueueReasonName, example = "next_action")]
    pub reason: String,
    /// RFC 3339 time it is due: the assessment deadline, or the start of the next action's day.
    #[schema(format = DateTime)]
    pub due_at: String,
    /// Past due.
    pub overdue: bool,
}

impl From<QueueItem> for QueueItemView {
    fn from(item: QueueItem) -> Self {
        Self {
            case_id: item.case.id,
            case_number: item.case.case_number,
            creditor_reference: item.case.creditor_reference,
            debtor_name: item.debtor_name,
            state: item.case.state.to_string(),
            collector_id: item.case.collector_id,
            reason: item.reason.as_str().to_owned(),
            due_at: clock::rfc3339(item.due_at),
            overdue: item.overdue,
        }
    }
}

/// The work queue.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkQueue {
    /// Most urgent first.
    pub data: Vec<QueueItemView>,
}

/// How much of the work queue to read.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct QueueParams {
    /// At most this many cases, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
}

/// Records the case's assessment, the recovery strategy the creditor receives (agency staff;
/// a collector on their own cases), due within 48 hours of placement. The case moves from
/// `assessment` to `amicable`; the creditor sees the assessment on the case.
#[utoipa::path(
    tag = "collection",
    operation_id = "create_assessment",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewAssessment,
    responses(
        (status = 201, description = "Recorded; the case is amicable", body = AssessmentOutcome),
        (status = 403, description = "The caller does not work cases", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's book", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is not awaiting its assessment (`transition_refused`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A text is blank or too long; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/assessment")]
pub async fn create_assessment(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewAssessment>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:assessment:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let assessed = assessment::record(conn, &caller, &case_id, &input, now)?;
        let outcome = AssessmentOutcome {
            assessment: assessed.assessment.try_into()?,
            case_state: assessed.case.state.to_string(),
        };
        Created::new(StatusCode::CREATED.as_u16(), &outcome, None)
    })
    .await
}

/// Logs a contact attempt on the case (agency staff; a collector on their own cases) with its
/// outcome, notes and the next action's day, which becomes the case's next action and puts it
/// in the work queue on that day.
#[utoipa::path(
    tag = "collection",
    operation_id = "create_activity",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewActivity,
    responses(
        (status = 201, description = "Logged", body = ActivityView),
        (status = 403, description = "The caller does not work cases", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's book", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (`case_closed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`notes` too long, `next_action_on` before today, an unknown `channel` or `outcome`; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/activities")]
pub async fn create_activity(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewActivity>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:activity:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let row = activities::log(conn, &caller, &case_id, &input, now)?;
        Created::new(
            StatusCode::CREATED.as_u16(),
            &ActivityView::try_from(row)?,
            None,
        )
    })
    .await
}

/// The case's activity log, oldest first (agency staff and the creditor's users).
#[utoipa::path(
    tag = "collection",
    operation_id = "list_activities",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of activities", body = ActivityList),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/activities")]
pub async fn list_activities(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| activities::of_case(conn, &caller, &case_id, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(ActivityView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(ActivityList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// The caller's work queue, most urgent first: cases awaiting their assessment (due 48 hours
/// after placement) and cases whose next action is due today or earlier, each flagged when past
/// due. A collector sees their own cases, the agency admin every case.
#[utoipa::path(
    tag = "collection",
    operation_id = "get_work_queue",
    params(QueueParams),
    responses(
        (status = 200, description = "The queue", body = WorkQueue),
        (status = 403, description = "The caller does not work cases", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`limit` out of range", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/work-queue")]
pub async fn get_work_queue(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<QueueParams>,
) -> Result<HttpResponse, ApiError> {
    let limit = params.limit.unwrap_or(50);
    if !(1..=500).contains(&limit) {
        return Err(ApiError::invalid(
            "limit",
            "out_of_range",
            "limit is 1 to 500.",
        ));
    }
    let now = state.clock.now();
    let items = state
        .db
        .read(move |conn| work_queue::queue(conn, &caller, now, limit))
        .await?;
    Ok(HttpResponse::Ok().json(WorkQueue {
        data: items.into_iter().map(QueueItemView::from).collect(),
    }))
}

crate::closed_sets::closed_set!(
    /// Why a case is in the work queue.
    QueueReasonName,
    "Why a case is in the work queue.",
    ["assessment", "next_action"]
);
