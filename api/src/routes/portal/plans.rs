//! Payment plan requests: a debtor asks in the portal
//! (`POST/GET /v1/portal/cases/{id}/payment-plan-requests`, and answers a counter with
//! `…/{request}/response`); the collector lists and decides those beyond the creditor's limits
//! (`GET /v1/payment-plan-requests`, `POST /v1/payment-plan-requests/{id}/decision`); the
//! creditor's limits are `GET/PUT /v1/organisations/{id}/plan-limits`. The rules are
//! `solvo_app::portal::plans`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, put, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::arrangements::plans::Agreed;
use solvo_app::clock;
use solvo_app::paging::PageRequest;
use solvo_app::portal::plans::{
    self, CounterResponse, LimitsRecord, NewPlanLimits, NewPlanRequest, PlanRequestDecision,
    PlanRequestRow, exceeded_of,
};
use solvo_domain::portal::language::Language;
use solvo_domain::portal::wording;
use utoipa::{IntoParams, ToSchema};

use crate::auth::Caller;
use crate::auth::debtor::DebtorCaller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::money::MoneyView;
use crate::routes::arrangements::PlanView;
use crate::state::AppState;

/// Terms the collector proposes instead.
#[derive(Debug, Serialize, ToSchema)]
pub struct CounterView {
    /// Monthly instalments.
    pub instalment_count: i32,
    /// The first one's day.
    pub first_due_date: NaiveDate,
}

/// One instalment of the plan agreed.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalInstalmentView {
    /// 1 for the first.
    pub number: u32,
    /// The day it falls due.
    pub due_date: NaiveDate,
    /// How much.
    pub amount: MoneyView,
}

/// A plan request as the debtor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalPlanRequestView {
    /// `ppr_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// Monthly instalments asked for.
    pub instalment_count: i32,
    /// The first day asked for.
    pub first_due_date: NaiveDate,
    /// `accepted` (a plan is agreed), `pending` (the collector will answer), `countered` (accept
    /// or decline `counter`) or `declined`.
    #[schema(value_type = PlanRequestStatus, example = "accepted")]
    pub status: String,
    /// Where it stands, in the portal's language.
    pub text: String,
    /// The collector's terms, when countered (kept once answered).
    pub counter: Option<CounterView>,
    /// Why the collector declined.
    pub decline_reason: Option<String>,
    /// The plan agreed from it.
    pub plan_id: Option<String>,
    /// The plan's instalments, in the answer that agreed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instalments: Option<Vec<PortalInstalmentView>>,
    /// The case's state after the answer that agreed a plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<solvo_app::wire_names::CaseStateName>, example = "payment_plan")]
    pub case_state: Option<String>,
}

fn counter_of(row: &PlanRequestRow) -> Option<CounterView> {
    match (row.counter_instalment_count, row.counter_first_due_date) {
        (Some(instalment_count), Some(first_due_date)) => Some(CounterView {
            instalment_count,
            first_due_date,
        }),
        _ => None,
    }
}

fn portal_view(
    row: PlanRequestRow,
    agreed: Option<Agreed>,
    language: Language,
) -> PortalPlanRequestView {
    let counter = counter_of(&row);
    let (instalments, case_state) = match agreed {
        Some(agreed) => (
            Some(
                agreed
                    .plan
                    .instalments
                    .into_iter()
                    .map(|i| PortalInstalmentView {
                        number: i.number,
                        due_date: i.due_date,
                        amount: i.amount.into(),
                    })
                    .collect(),
            ),
            Some(agreed.case.state.to_string()),
        ),
        None => (None, None),
    };
    PortalPlanRequestView {
        text: wording::plan_request_status(&row.status, language).to_owned(),
        id: row.id,
        case_id: row.case_id,
        instalment_count: row.instalment_count,
        first_due_date: row.first_due_date,
        status: row.status,
        counter,
        decline_reason: row.decline_reason,
        plan_id: row.plan_id,
        instalments,
        case_state,
    }
}

/// The debtor's plan requests on a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalPlanRequestList {
    /// Oldest first.
    pub data: Vec<PortalPlanRequestView>,
}

fn portal_answer(
    status: StatusCode,
    language: Language,
    view: &PortalPlanRequestView,
) -> HttpResponse {
    HttpResponse::build(status)
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(view)
}

/// Asks for a payment plan: `instalment_count` monthly instalments of what the case owes today,
/// the first on `first_due_date`. Within the creditor's limits (by default at most 12
/// instalments, none under 25.00 in the case's currency, the last at most 12 months ahead) the
/// plan is agreed at once and the case is on a payment plan; otherwise the request waits for
/// the collector, who accepts, counters or declines it.
#[utoipa::path(
    tag = "portal",
    operation_id = "create_portal_plan_request",
    params(("id" = String, Path, description = "Case id")),
    request_body = NewPlanRequest,
    responses(
        (status = 201, description = "Asked: `accepted` with the plan's instalments, or `pending`", body = PortalPlanRequestView,
            headers(("Content-Language" = String, description = "The language of `text` and of a refusal's `detail`"))),
        (status = 404, description = "Not one of the session's cases", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "`portal_request_refused`: the case is disputed, closed, in legal proceedings, on a plan, not in collection now, or a request waits for an answer; `reason` says which, `detail` in the debtor's language", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "No plan can have this schedule: `instalment_count` (1 to 120, or more than the amount has cents), `first_due_date` before today or more than ten years ahead", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/cases/{id}/payment-plan-requests")]
pub async fn create_portal_plan_request(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
    body: ApiJson<NewPlanRequest>,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let case_id = id.into_inner();
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let who = debtor.debtor.clone();
    let requested = state
        .db
        .write(move |conn| plans::request(conn, &who, &case_id, &input, language, &rates, now))
        .await?;
    let view = portal_view(requested.request, requested.agreed, language);
    Ok(portal_answer(StatusCode::CREATED, language, &view))
}

/// The debtor's plan requests on the case and their answers, oldest first.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_portal_plan_requests",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The requests", body = PortalPlanRequestList,
            headers(("Content-Language" = String, description = "The language of `text`"))),
        (status = 404, description = "Not one of the session's cases", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/payment-plan-requests")]
pub async fn list_portal_plan_requests(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let case_id = id.into_inner();
    let who = debtor.debtor.clone();
    let rows = state
        .db
        .read(move |conn| plans::of_case(conn, &who, &case_id))
        .await?;
    let list = PortalPlanRequestList {
        data: rows
            .into_iter()
            .map(|row| portal_view(row, None, language))
            .collect(),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(list))
}

/// Accepts or declines the collector's counter to a request. Accepting agrees the plan on the
/// collector's terms and puts the case on a payment plan.
#[utoipa::path(
    tag = "portal",
    operation_id = "respond_to_plan_counter",
    params(
        ("id" = String, Path, description = "Case id"),
        ("request" = String, Path, description = "Plan request id"),
    ),
    request_body = CounterResponse,
    responses(
        (status = 200, description = "Answered: `accepted` with the plan's instalments, or `declined`", body = PortalPlanRequestView,
            headers(("Content-Language" = String, description = "The language of `text`"))),
        (status = 404, description = "Not one of the session's cases, or no such request on it", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The request is not countered (`conflict`), or the case can no longer take a plan (`portal_request_refused`, `reason`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The counter's first day has passed (`first_due_date`), or `answer` is not `accept` or `decline`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/cases/{id}/payment-plan-requests/{request}/response")]
pub async fn respond_to_plan_counter(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    path: web::Path<(String, String)>,
    body: ApiJson<CounterResponse>,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let (case_id, request_id) = path.into_inner();
    let answer = body.into_inner().answer;
    let rates = state.rates.current();
    let now = state.clock.now();
    let who = debtor.debtor.clone();
    let decided = state
        .db
        .write(move |conn| {
            plans::respond(
                conn,
                &who,
                &case_id,
                &request_id,
                answer,
                language,
                &rates,
                now,
            )
        })
        .await?;
    let view = portal_view(decided.request, decided.agreed, language);
    Ok(portal_answer(StatusCode::OK, language, &view))
}

/// A plan request as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanRequestView {
    /// `ppr_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The debtor who asked.
    pub debtor_id: String,
    /// Monthly instalments asked for.
    pub instalment_count: i32,
    /// The first day asked for.
    pub first_due_date: NaiveDate,
    /// `pending`, `countered`, `accepted` or `declined`.
    #[schema(value_type = PlanRequestStatus, example = "pending")]
    pub status: String,
    /// The creditor's limits it went beyond: `too_many_instalments`, `instalment_too_small`,
    /// `too_long`.
    pub exceeded: Vec<String>,
    /// The collector's counter.
    pub counter: Option<CounterView>,
    /// Why it was declined.
    pub decline_reason: Option<String>,
    /// `collector` or `debtor`.
    pub declined_by: Option<String>,
    /// The plan agreed from it.
    pub plan_id: Option<String>,
    /// Who answered last (`system` for a plan agreed at once).
    pub decided_by: Option<String>,
    /// When.
    #[schema(format = DateTime)]
    pub decided_at: Option<String>,
    /// When it was asked.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The plan agreed by this decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<PlanView>,
    /// The case's state after a decision that agreed a plan.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<solvo_app::wire_names::CaseStateName>)]
    pub case_state: Option<String>,
}

fn staff_view(row: PlanRequestRow, agreed: Option<Agreed>) -> Result<PlanRequestView, ApiError> {
    let exceeded = exceeded_of(&row)?
        .into_iter()
        .map(|e| e.as_str().to_owned())
        .collect();
    let counter = counter_of(&row);
    let (plan, case_state) = match agreed {
        Some(agreed) => (
            Some(PlanView::from(agreed.plan)),
            Some(agreed.case.state.to_string()),
        ),
        None => (None, None),
    };
    Ok(PlanRequestView {
        id: row.id,
        case_id: row.case_id,
        debtor_id: row.debtor_id,
        instalment_count: row.instalment_count,
        first_due_date: row.first_due_date,
        status: row.status,
        exceeded,
        counter,
        decline_reason: row.decline_reason,
        declined_by: row.declined_by,
        plan_id: row.plan_id,
        decided_by: row.decided_by,
        decided_at: row.decided_at.map(clock::rfc3339),
        created_at: clock::rfc3339(row.created_at),
        plan,
        case_state,
    })
}

/// A page of plan requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanRequestList {
    /// Oldest first.
    pub data: Vec<PlanRequestView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// The status of a payment plan request.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a query parameter the handler reads as text"
)]
pub enum PlanRequestStatus {
    /// The collector will answer.
    Pending,
    /// The collector proposed other terms; the debtor answers.
    Countered,
    /// A plan is agreed.
    Accepted,
    /// Declined by the collector or the debtor.
    Declined,
}

impl PlanRequestStatus {
    /// The names, as the list filter accepts them.
    pub const NAMES: &'static [&'static str] = &["pending", "countered", "accepted", "declined"];
}

/// The status of an already-paid claim.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a query parameter the handler reads as text"
)]
pub enum ClaimStatus {
    /// The collector will check it.
    Pending,
    /// Recorded as a direct payment.
    Confirmed,
    /// Rejected, with a reason the debtor reads.
    Rejected,
}

impl ClaimStatus {
    /// The names, as the list filter accepts them.
    pub const NAMES: &'static [&'static str] = &["pending", "confirmed", "rejected"];
}

/// Filters and paging of the staff lists of portal requests.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalRequestListParams {
    /// Only items in this status; each list documents its own (`PlanRequestStatus`,
    /// `ClaimStatus`) in its operation's parameters.
    #[param(ignore)]
    pub status: Option<String>,
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
}

impl PortalRequestListParams {
    /// The status filter, if it is one of `allowed`, and the page.
    ///
    /// # Errors
    /// 422 naming `status` or `limit`.
    pub fn checked(&self, allowed: &[&str]) -> Result<(Option<String>, PageRequest), ApiError> {
        if let Some(status) = &self.status
            && !allowed.contains(&status.as_str())
        {
            return Err(ApiError::invalid(
                "status",
                "unknown_status",
                format!("status is one of {}.", allowed.join(", ")),
            ));
        }
        let page = solvo_app::paging::ListQuery {
            limit: self.limit,
            cursor: self.cursor.clone(),
            updated_since: None,
        }
        .page()?;
        Ok((self.status.clone(), page))
    }
}

/// The plan requests on the caller's cases (a collector's book, every case for the agency
/// admin), oldest first; `status=pending` is the collector's to-do list.
#[utoipa::path(
    tag = "money",
    operation_id = "list_plan_requests",
    params(
        ("status" = Option<PlanRequestStatus>, Query, description = "Only requests in this status"),
        PortalRequestListParams,
    ),
    responses(
        (status = 200, description = "A page of requests", body = PlanRequestList),
        (status = 403, description = "The caller may not arrange payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `status` (`pending`, `countered`, `accepted`, `declined`), `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/payment-plan-requests")]
pub async fn list_plan_requests(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<PortalRequestListParams>,
) -> Result<HttpResponse, ApiError> {
    let (status, page) = params.checked(PlanRequestStatus::NAMES)?;
    let rows = state
        .db
        .read(move |conn| plans::list(conn, &caller, status.as_deref(), &page))
        .await?;
    Ok(HttpResponse::Ok().json(PlanRequestList {
        data: rows
            .items
            .into_iter()
            .map(|row| staff_view(row, None))
            .collect::<Result<_, _>>()?,
        next_cursor: rows.next_cursor,
    }))
}

/// Decides a pending plan request (agency staff): `accept` agrees the plan as asked and puts
/// the case on a payment plan; `counter` proposes other monthly terms, which the debtor accepts
/// or declines in the portal; `decline` refuses it with a reason the debtor reads.
#[utoipa::path(
    tag = "money",
    operation_id = "decide_plan_request",
    params(("id" = String, Path, description = "Plan request id")),
    request_body = PlanRequestDecision,
    responses(
        (status = 200, description = "Decided", body = PlanRequestView),
        (status = 403, description = "The caller may not arrange payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request on a case of the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The request is not pending (`conflict`), or the case can no longer take a plan (`transition_refused`, `case_closed`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "The schedule breaks a rule (`instalment_count`, `first_due_date` past), or `reason` is blank or too long", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/payment-plan-requests/{id}/decision")]
pub async fn decide_plan_request(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<PlanRequestDecision>,
) -> Result<HttpResponse, ApiError> {
    let request_id = id.into_inner();
    let decision = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let decided = state
        .db
        .write(move |conn| plans::decide(conn, &caller, &request_id, &decision, &rates, now))
        .await?;
    Ok(HttpResponse::Ok().json(staff_view(decided.request, decided.agreed)?))
}

/// A creditor's limits for plans a debtor agrees alone.
#[derive(Debug, Serialize, ToSchema)]
pub struct PlanLimitsView {
    /// The creditor.
    pub organisation_id: String,
    /// Most instalments.
    #[schema(example = 12)]
    pub max_instalments: u32,
    /// The smallest instalment; absent for the agency default, 25 in the case's currency.
    pub min_instalment: Option<MoneyView>,
    /// The last instalment falls due at most this many months after the request.
    #[schema(example = 12)]
    pub max_duration_months: u32,
    /// `creditor` (set for this creditor) or `agency_default`.
    #[schema(value_type = PlanLimitsSource, example = "agency_default")]
    pub source: String,
}

impl From<LimitsRecord> for PlanLimitsView {
    fn from(record: LimitsRecord) -> Self {
        Self {
            organisation_id: record.organisation_id,
            max_instalments: record.max_instalments,
            min_instalment: record.min_instalment.map(MoneyView::from),
            max_duration_months: record.max_duration_months,
            source: record.source.to_owned(),
        }
    }
}

/// The creditor's limits within which a debtor's plan request in the portal is agreed at once
/// (the agency's defaults until set).
#[utoipa::path(
    tag = "identity",
    operation_id = "get_plan_limits",
    params(("id" = String, Path, description = "Creditor organisation id")),
    responses(
        (status = 200, description = "The limits", body = PlanLimitsView),
        (status = 403, description = "The caller may not manage plan limits (agency and creditor administrators may)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such creditor for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/organisations/{id}/plan-limits")]
pub async fn get_plan_limits(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let organisation_id = id.into_inner();
    let limits = state
        .db
        .read(move |conn| plans::get_limits(conn, &caller, &organisation_id))
        .await?;
    Ok(HttpResponse::Ok().json(PlanLimitsView::from(limits)))
}

/// Sets the creditor's limits for plans a debtor agrees alone (the agency admin for any
/// creditor, a creditor admin for their own). Requests already made keep their answer.
#[utoipa::path(
    tag = "identity",
    operation_id = "set_plan_limits",
    params(("id" = String, Path, description = "Creditor organisation id")),
    request_body = NewPlanLimits,
    responses(
        (status = 200, description = "Set", body = PlanLimitsView),
        (status = 403, description = "The caller may not manage plan limits", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such creditor for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`max_instalments` or `max_duration_months` outside 1 to 120, `min_instalment` not a positive amount in `currency`, or an unknown `currency`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[put("/v1/organisations/{id}/plan-limits")]
pub async fn set_plan_limits(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewPlanLimits>,
) -> Result<HttpResponse, ApiError> {
    let organisation_id = id.into_inner();
    let input = body.into_inner();
    let now = state.clock.now();
    let limits = state
        .db
        .write(move |conn| plans::set_limits(conn, &caller, &organisation_id, &input, now))
        .await?;
    Ok(HttpResponse::Ok().json(PlanLimitsView::from(limits)))
}

crate::closed_sets::closed_set!(
    /// Whose limits apply.
    PlanLimitsSource,
    "Whose limits apply.",
    ["creditor", "agency_default"]
);
