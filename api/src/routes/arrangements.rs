//! What a debtor agreed to pay: `POST/GET /v1/cases/{id}/promises`,
//! `POST/GET /v1/cases/{id}/payment-plans`, `GET /v1/cases/{id}/payment-plans/{plan}` and
//! `POST /v1/cases/{id}/payment-plans/{plan}/cancel`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::Serialize;
use solvo_app::arrangements::{
    CancelPlan, NewPlan, NewPromise, PlanFrequency, PlanRecord, PromiseRow, PromiseStatus, plans,
    promises,
};
use solvo_app::{AppError, clock};
use solvo_domain::money::Money;
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::money::MoneyView;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// Registers the promise and plan routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_promise)
        .service(list_promises)
        .service(create_payment_plan)
        .service(list_payment_plans)
        .service(get_payment_plan)
        .service(cancel_payment_plan);
}

/// A promise to pay.
#[derive(Debug, Serialize, ToSchema)]
pub struct PromiseView {
    /// `prm_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The amount promised.
    pub amount: MoneyView,
    /// The day it was made. Payments recorded after it and value-dated by `due_date` count.
    pub made_on: NaiveDate,
    /// The day promised.
    pub due_date: NaiveDate,
    /// `open`, `kept` (payments value-dated by `due_date` cover it) or `broken` (the day after,
    /// not covered).
    #[schema(value_type = PromiseStatusName, example = "open")]
    pub status: String,
    /// What the debtor said.
    pub note: Option<String>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When it was recorded.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// When it was found kept or broken.
    #[schema(format = DateTime)]
    pub settled_at: Option<String>,
}

/// A page of promises.
#[derive(Debug, Serialize, ToSchema)]
pub struct PromiseList {
    /// Oldest first.
    pub data: Vec<PromiseView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl TryFrom<PromiseRow> for PromiseView {
    type Error = AppError;

    fn try_from(row: PromiseRow) -> Result<Self, AppError> {
        let status = PromiseStatus::parse(&row.status)
            .ok_or_else(|| AppError::corrupt("promise", &row.id, "status"))?;
        Ok(Self {
            amount: Money::from_minor(row.amount_minor, row.currency).into(),
            status: status.as_str().to_owned(),
            id: row.id,
            case_id: row.case_id,
            made_on: row.created_at.date(),
            due_date: row.due_date,
            note: row.note,
            recorded_by: row.recorded_by,
            created_at: clock::rfc3339(row.created_at),
            settled_at: row.settled_at.map(clock::rfc3339),
        })
    }
}

/// One instalment of a plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct InstalmentView {
    /// 1 for the first.
    pub number: u32,
    /// The day it falls due.
    pub due_date: NaiveDate,
    /// How much.
    pub amount: MoneyView,
    /// Received towards it: payments recorded since the plan was agreed, laid onto the
    /// instalments in turn.
    pub paid: MoneyView,
    /// `paid`, `part_paid` or `unpaid`.
    #[schema(value_type = InstalmentStatus, example = "unpaid")]
    pub status: String,
}

/// A payment plan.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanView {
    /// `pln_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// `active`, `completed`, `defaulted` or `cancelled`.
    #[schema(value_type = PlanStatus, example = "active")]
    pub status: String,
    /// The agreed total; the instalments add up to it exactly.
    pub total: MoneyView,
    /// How often instalments fall due; absent when they were given one by one.
    pub frequency: Option<PlanFrequency>,
    /// Days after a due date before a shortfall defaults the plan.
    pub grace_days: i32,
    /// The day it was agreed. Payments recorded after it count towards the instalments.
    pub starts_on: NaiveDate,
    /// The instalments in order.
    pub instalments: Vec<InstalmentView>,
    /// The instalment whose shortfall defaulted the plan.
    pub defaulted_instalment: Option<i32>,
    /// Why it was cancelled (or that the case closed under it).
    pub cancel_reason: Option<String>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When it was agreed.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// When it ended.
    #[schema(format = DateTime)]
    pub ended_at: Option<String>,
}

/// A plan and the state of its case after the request.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanOutcome {
    /// The plan.
    #[serde(flatten)]
    pub plan: PlanView,
    /// The case's state now.
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "payment_plan")]
    pub case_state: String,
}

/// A page of plans.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanList {
    /// Oldest first.
    pub data: Vec<PlanView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl From<PlanRecord> for PlanView {
    fn from(record: PlanRecord) -> Self {
        let row = record.row;
        Self {
            id: row.id,
            case_id: row.case_id,
            status: row.status,
            total: record.total.into(),
            frequency: record.frequency.map(PlanFrequency::from),
            grace_days: row.grace_days,
            starts_on: row.created_at.date(),
            instalments: record
                .instalments
                .into_iter()
                .map(|instalment| InstalmentView {
                    status: if instalment.paid == instalment.amount {
                        "paid"
                    } else if instalment.paid.is_positive() {
                        "part_paid"
                    } else {
                        "unpaid"
                    }
                    .to_owned(),
                    number: instalment.number,
                    due_date: instalment.due_date,
                    amount: instalment.amount.into(),
                    paid: instalment.paid.into(),
                })
                .collect(),
            defaulted_instalment: row.defaulted_instalment,
            cancel_reason: row.cancel_reason,
            recorded_by: row.recorded_by,
            created_at: clock::rfc3339(row.created_at),
            ended_at: row.ended_at.map(clock::rfc3339),
        }
    }
}

/// Records a debtor's promise to pay `amount` by `due_date` (agency staff). Payments recorded
/// from now on and value-dated by that day keep it, at once when they arrive; one payment keeps
/// one promise (several are served in order of their dates). The scheduler marks it broken the
/// day after otherwise, and a broken promise stays broken. Each change is on the timeline (`promise_made`, `promise_kept`,
/// `promise_broken`). Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "create_promise",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewPromise,
    responses(
        (status = 201, description = "Recorded", body = PromiseView),
        (status = 403, description = "The caller may not arrange payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (`case_closed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `amount`, `currency` (not the case's), `due_date` (before today or more than 366 days ahead), `note`; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/promises")]
pub async fn create_promise(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewPromise>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:promise:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let promise = promises::make(conn, &caller, &case_id, &input, now)?;
        let view = PromiseView::try_from(promise)?;
        Created::new(StatusCode::CREATED.as_u16(), &view, None)
    })
    .await
}

/// The case's promises, oldest first.
#[utoipa::path(
    tag = "money",
    operation_id = "list_promises",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of promises", body = PromiseList),
        (status = 403, description = "The caller may not read payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/promises")]
pub async fn list_promises(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| promises::of_case(conn, &caller, &case_id, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(PromiseView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(PromiseList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// Agrees a payment plan with the debtor (agency staff) on a case in `amicable` or `pre_legal`,
/// which moves to `payment_plan`. The instalments come from `instalment_count`,
/// `first_due_date` and `frequency` (equal amounts in minor units, the remainder on the last) or
/// are given one by one; they add up exactly to `total`, by default what the case owes today.
/// An instalment not covered within `grace_days` of its due date defaults the plan and returns
/// the case to `amicable`; a plan paid off ends `completed`. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "create_payment_plan",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewPlan,
    responses(
        (status = 201, description = "Agreed", body = PlanOutcome),
        (status = 403, description = "The caller may not arrange payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (`case_closed`) or not in `amicable` or `pre_legal` (`transition_refused`, e.g. a plan is already running)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The schedule breaks a rule: `instalment_count` (1 to 120, or too many for the total), `first_due_date` or an instalment's `due_date` before today, more than 10 years ahead or out of order, `total` (instalments that do not add up, nothing owed), `grace_days` (0 to 90), `currency`; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/payment-plans")]
pub async fn create_payment_plan(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewPlan>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:plan:{}", body.fingerprint());
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let agreed = plans::agree(conn, &caller, &case_id, &input, &rates, now)?;
        let location = format!(
            "/v1/cases/{}/payment-plans/{}",
            agreed.plan.row.case_id, agreed.plan.row.id
        );
        let outcome = PlanOutcome {
            plan: agreed.plan.into(),
            case_state: agreed.case.state.to_string(),
        };
        Created::new(StatusCode::CREATED.as_u16(), &outcome, Some(location))
    })
    .await
}

/// The case's payment plans, oldest first, with their instalments and what each has received.
#[utoipa::path(
    tag = "money",
    operation_id = "list_payment_plans",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of plans", body = PlanList),
        (status = 403, description = "The caller may not read payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/payment-plans")]
pub async fn list_payment_plans(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let today = state.clock.today();
    let rows = state
        .db
        .read(move |conn| plans::of_case(conn, &caller, &case_id, &page, today))
        .await?;
    Ok(HttpResponse::Ok().json(PlanList {
        data: rows.items.into_iter().map(PlanView::from).collect(),
        next_cursor: rows.next_cursor,
    }))
}

/// One payment plan of the case.
#[utoipa::path(
    tag = "money",
    operation_id = "get_payment_plan",
    params(
        ("id" = String, Path, description = "Case id"),
        ("plan" = String, Path, description = "Plan id"),
    ),
    responses(
        (status = 200, description = "The plan", body = PlanView),
        (status = 403, description = "The caller may not read payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case or plan for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/payment-plans/{plan}")]
pub async fn get_payment_plan(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    let (case_id, plan_id) = path.into_inner();
    let today = state.clock.today();
    let plan = state
        .db
        .read(move |conn| plans::get(conn, &caller, &case_id, &plan_id, today))
        .await?;
    Ok(HttpResponse::Ok().json(PlanView::from(plan)))
}

/// Cancels the active plan (agency staff), e.g. to agree a new one; the case returns to
/// `amicable`. Payments already made stay allocated.
#[utoipa::path(
    tag = "money",
    operation_id = "cancel_payment_plan",
    params(
        ("id" = String, Path, description = "Case id"),
        ("plan" = String, Path, description = "Plan id"),
    ),
    request_body = CancelPlan,
    responses(
        (status = 200, description = "Cancelled", body = PlanOutcome),
        (status = 403, description = "The caller may not arrange payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case or plan for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The plan has already ended (`arrangement_ended`), or the case is not in `payment_plan` (on hold while paused or disputed: `transition_refused`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason` is blank or too long", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/payment-plans/{plan}/cancel")]
pub async fn cancel_payment_plan(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
    body: ApiJson<CancelPlan>,
) -> Result<HttpResponse, ApiError> {
    let (case_id, plan_id) = path.into_inner();
    let input = body.into_inner();
    let now = state.clock.now();
    let cancelled = state
        .db
        .write(move |conn| plans::cancel(conn, &caller, &case_id, &plan_id, &input, now))
        .await?;
    Ok(HttpResponse::Ok().json(PlanOutcome {
        plan: cancelled.plan.into(),
        case_state: cancelled.case.state.to_string(),
    }))
}

crate::closed_sets::closed_set!(
    /// Where a promise to pay stands.
    PromiseStatusName,
    "Where a promise to pay stands.",
    ["open", "kept", "broken"]
);

crate::closed_sets::closed_set!(
    /// How much of an instalment is paid.
    InstalmentStatus,
    "How much of an instalment is paid.",
    ["paid", "part_paid", "unpaid"]
);

crate::closed_sets::closed_set!(
    /// Where a payment plan stands.
    PlanStatus,
    "Where a payment plan stands.",
    ["active", "completed", "defaulted", "cancelled"]
);
