//! `GET /v1/data-requests` and `POST /v1/data-requests/{id}/completion`: debtors'
//! data-protection requests (GDPR art. 15 to 17) for agency administrators
//! (`handle_data_requests`), with the day each is due (art. 12(3)).

use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::clock;
use solvo_app::debtors::ContactInput;
use solvo_app::portal::data_requests::{self, Completion, DataRequestRow};
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;
use validator::Validate;

use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// Registers the data request routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(list_data_requests)
        .service(complete_data_request);
}

/// A data-protection request.
#[derive(Debug, Serialize, ToSchema)]
pub struct DataRequestView {
    /// `dsr_…`
    pub id: String,
    /// The creditor of the debtor record.
    pub organisation_id: String,
    /// The debtor record whose contact persons' data it concerns.
    pub debtor_id: String,
    /// The case whose portal session made it.
    pub case_id: String,
    /// `access`, `rectification` or `erasure`.
    #[schema(value_type = crate::routes::portal::data_requests::DataRequestKindView, example = "erasure")]
    pub kind: String,
    /// What the data subject wrote.
    pub text: String,
    /// `open` or `completed`.
    #[schema(value_type = DataRequestStatus, example = "open")]
    pub status: String,
    /// RFC 3339 time it arrived.
    #[schema(format = DateTime)]
    pub received_at: String,
    /// The last day to answer (art. 12(3) GDPR).
    pub due_on: NaiveDate,
    /// Open past `due_on`.
    pub overdue: bool,
    /// What was done.
    pub completion_note: Option<String>,
    /// Who completed it.
    pub completed_by: Option<String>,
    /// RFC 3339 time of completion.
    #[schema(format = DateTime)]
    pub completed_at: Option<String>,
}

/// A page of data requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct DataRequestList {
    /// In the order received.
    pub data: Vec<DataRequestView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

fn view(row: DataRequestRow, today: NaiveDate) -> DataRequestView {
    DataRequestView {
        overdue: data_requests::overdue(&row, today),
        id: row.id,
        organisation_id: row.organisation_id,
        debtor_id: row.debtor_id,
        case_id: row.case_id,
        kind: row.kind,
        text: row.text,
        status: row.status,
        received_at: clock::rfc3339(row.received_at),
        due_on: row.due_on,
        completion_note: row.completion_note,
        completed_by: row.completed_by,
        completed_at: row.completed_at.map(clock::rfc3339),
    }
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DataRequestStatus {
    /// Not answered yet.
    Open,
    /// Answered.
    Completed,
}

/// Which requests.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DataRequestFilter {
    /// Only `open` or only `completed` ones.
    #[param(inline)]
    pub status: Option<DataRequestStatus>,
}

/// How a request was answered.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"note": "The export was sent to the address on record."}))]
pub struct DataRequestCompletion {
    /// What was done, which the data subject reads in the portal.
    #[validate(length(min = 1, max = 4000))]
    #[schema(min_length = 1, max_length = 4000)]
    pub note: String,
    /// For a rectification only: the corrected contact persons, replacing the debtor record's
    /// list under the debtor rules. Leave out when the record was corrected already.
    #[validate(nested, length(max = 20))]
    #[schema(max_items = 20)]
    pub contacts: Option<Vec<ContactInput>>,
}

/// Data-protection requests in the order received, each with its due day and whether it is
/// overdue (agency administrators).
#[utoipa::path(
    tag = "portal",
    operation_id = "list_data_requests",
    params(DataRequestFilter, ListParams),
    responses(
        (status = 200, description = "A page of requests", body = DataRequestList),
        (status = 403, description = "Only agency administrators handle data requests", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `status`, `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/data-requests")]
pub async fn list_data_requests(
    state: web::Data<AppState>,
    caller: Caller,
    filter: web::Query<DataRequestFilter>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let status = filter.status.map(|status| match status {
        DataRequestStatus::Open => "open",
        DataRequestStatus::Completed => "completed",
    });
    let today = state.clock.now().date();
    let rows = state
        .db
        .read(move |conn| data_requests::list(conn, &caller, status, &page))
        .await?;
    Ok(HttpResponse::Ok().json(DataRequestList {
        data: rows.items.into_iter().map(|row| view(row, today)).collect(),
        next_cursor: rows.next_cursor,
    }))
}

/// Completes a request, once. An erasure removes every contact person from the debtor record
/// (the business data the claim needs are kept: art. 17(3)(e) GDPR); a rectification with
/// `contacts` replaces them; an access request was answered by its export. On the timeline of
/// the request's case as `data_request_completed`.
#[utoipa::path(
    tag = "portal",
    operation_id = "complete_data_request",
    params(("id" = String, Path, description = "Data request id")),
    request_body = DataRequestCompletion,
    responses(
        (status = 200, description = "Completed", body = DataRequestView),
        (status = 403, description = "Only agency administrators handle data requests", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such request", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Completed before (`conflict`), or the debtor record changed meanwhile (`stale_version`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`note` blank or too long, `contacts` on a request other than a rectification (`not_allowed`), or a contact the debtor rules refuse", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/data-requests/{id}/completion")]
pub async fn complete_data_request(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<DataRequestCompletion>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    let completion = Completion {
        note: input.note,
        contacts: input.contacts,
    };
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| data_requests::complete(conn, &caller, &id, completion, now))
        .await?;
    Ok(HttpResponse::Ok().json(view(row, now.date())))
}
