//! Reading cases: list with filters, one case, its balance on a date, its timeline.

use actix_web::http::header;
use actix_web::{HttpResponse, get, web};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::{IntoParams, ToSchema};

use super::view::{BalanceView, CaseList, CaseSummary, CaseView, case_view};
use crate::auth::{Caller, Credential};
use crate::error::ApiError;
use crate::routes::pagination::ListParams;
use crate::state::AppState;
use solvo_app::cases::list::{self, CaseQuery};
use solvo_app::cases::{balance, read, timeline};
use solvo_app::clock;

/// Filters of the case list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CaseListFilter {
    /// Only cases in this state.
    #[param(value_type = Option<solvo_app::wire_names::CaseStateName>)]
    pub state: Option<String>,
    /// Only cases whose debtor is in this country (ISO 3166-1 alpha-2).
    #[param(value_type = Option<solvo_app::wire_names::CountryCodeName>)]
    pub country: Option<String>,
    /// Placed at or after this RFC 3339 time.
    pub created_from: Option<DateTime<Utc>>,
    /// Placed before this RFC 3339 time.
    pub created_to: Option<DateTime<Utc>>,
    /// The creditor's reference, exactly.
    pub creditor_reference: Option<String>,
    /// Debtor name contains (case-insensitive).
    pub q: Option<String>,
    /// Only cases assigned to this collector (a user id).
    pub collector_id: Option<String>,
}

/// Lists cases, oldest placement first: a creditor's own, every case for an agency admin, and
/// for a collector the cases assigned to them (their book).
#[utoipa::path(
    tag = "tracking",
    operation_id = "list_cases",
    params(ListParams, CaseListFilter),
    responses((status = 200, description = "A page of cases", body = CaseList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases")]
pub async fn list_cases(
    state: web::Data<AppState>,
    credential: Credential,
    params: web::Query<ListParams>,
    filter: web::Query<CaseListFilter>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let filter = filter.into_inner();
    let query = CaseQuery {
        state: filter.state,
        country: filter.country,
        created_from: filter.created_from.map(|at| at.naive_utc()),
        created_to: filter.created_to.map(|at| at.naive_utc()),
        updated_since: params.updated_since(),
        creditor_reference: filter.creditor_reference,
        debtor_name: filter.q,
        collector_id: filter.collector_id,
    };
    let rows = if query.reads_a_range() {
        state
            .read_as_long(credential, move |conn, caller| {
                list::list(conn, &caller, query, &page)
            })
            .await?
    } else {
        state
            .read_as(credential, move |conn, caller| {
                list::list(conn, &caller, query, &page)
            })
            .await?
    };
    let data = rows.items.into_iter().map(CaseSummary::from).collect();
    Ok(HttpResponse::Ok().json(CaseList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// Reads a case: state, outcome, collector, RF reference, prescription deadline and warning,
/// the instructions the caller may send now, and the balance today.
#[utoipa::path(
    tag = "tracking",
    operation_id = "get_case",
    params(("id" = String, Path, description = "Case id")),
    responses((status = 200, description = "The case", body = CaseView, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`")))),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}")]
pub async fn get_case(
    state: web::Data<AppState>,
    credential: Credential,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let view = state
        .read_as(credential, move |conn, caller| {
            case_view(read::get(conn, &caller, &id, &rates, now)?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(view.version),
        ))
        .json(view))
}

/// The date of a balance.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct BalanceParams {
    /// `YYYY-MM-DD`; default today (UTC). Interest runs through this day.
    pub as_of: Option<NaiveDate>,
}

/// The balance on a date: principal, interest with its lines, compensation, costs, fees, paid
/// and outstanding, all from the case's ledger.
#[utoipa::path(
    tag = "tracking",
    operation_id = "get_case_balance",
    params(("id" = String, Path, description = "Case id"), BalanceParams),
    responses((status = 200, description = "The balance", body = BalanceView)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/balance")]
pub async fn get_balance(
    state: web::Data<AppState>,
    credential: Credential,
    id: web::Path<String>,
    params: web::Query<BalanceParams>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let rates = state.rates.current();
    let as_of = params.as_of.unwrap_or_else(|| state.clock.now().date());
    let balance = state
        .read_as(credential, move |conn, caller| {
            balance::of_case(conn, &caller, &id, &rates, as_of)
        })
        .await?;
    Ok(HttpResponse::Ok().json(BalanceView::from(balance)))
}

/// Who did something on a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventActor {
    /// `user`, `api_key`, `debtor` or `system`.
    #[schema(value_type = ActorKind)]
    pub kind: String,
    /// The user or key id.
    pub id: Option<String>,
}

/// One timeline event.
#[derive(Debug, Serialize, ToSchema)]
pub struct TimelineEvent {
    /// `evt_…`
    pub id: String,
    /// RFC 3339 time.
    #[schema(format = DateTime)]
    pub at: String,
    /// Who.
    pub actor: EventActor,
    /// What: `placed`, a command (`assign`, `pause`, `resume`, `escalate_pre_legal`, …), or
    /// something that happened without a change of state (`message_posted`, `promise_kept`, …).
    #[schema(value_type = solvo_app::wire_names::TimelineKindName)]
    pub kind: String,
    /// State before.
    #[schema(value_type = Option<solvo_app::wire_names::CaseStateName>)]
    pub state_before: Option<String>,
    /// State after.
    #[schema(value_type = Option<solvo_app::wire_names::CaseStateName>)]
    pub state_after: Option<String>,
    /// Details (reason, collector, domain events).
    #[schema(value_type = Object)]
    pub detail: Value,
}

/// A page of timeline events.
#[derive(Debug, Serialize, ToSchema)]
pub struct Timeline {
    /// Events in order.
    pub data: Vec<TimelineEvent>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

/// Every event of a case in order: when, who, what, and the state before and after.
#[utoipa::path(
    tag = "tracking",
    operation_id = "get_case_timeline",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses((status = 200, description = "Events in order", body = Timeline)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/timeline")]
pub async fn get_timeline(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| timeline::timeline(conn, &caller, &id, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(|row| TimelineEvent {
            id: row.id,
            at: clock::rfc3339(row.occurred_at),
            actor: EventActor {
                kind: row.actor_kind,
                id: row.actor_id,
            },
            kind: row.kind,
            state_before: row.state_before,
            state_after: row.state_after,
            detail: serde_json::from_str(&row.detail).unwrap_or(Value::Null),
        })
        .collect();
    Ok(HttpResponse::Ok().json(Timeline {
        data,
        next_cursor: rows.next_cursor,
    }))
}

crate::closed_sets::closed_set!(
    /// Who caused a timeline event.
    ActorKind,
    "Who caused a timeline event.",
    ["user", "api_key", "debtor", "system"]
);
