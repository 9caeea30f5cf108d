//! The conversation between a case's debtor and the agency: `POST/GET /v1/portal/messages` for
//! the debtor, `POST/GET /v1/cases/{id}/debtor-messages` for the collector of the case and
//! agency administrators. Apart from the creditor-agency messages (`/v1/cases/{id}/messages`):
//! neither side's conversation shows in the other, and creditors do not read this one.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::clock;
use solvo_app::portal::messages::{self, DebtorMessageRow};
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use crate::auth::Caller;
use crate::auth::debtor::DebtorCaller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// A message the debtor writes to the agency about one of their cases.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"case_id": "cas_0193b7c4a1e07a3c9d2f5e6b8a1c4d70", "body": "Can I pay in two parts?"}))]
pub struct NewPortalMessage {
    /// The case it is about (`cas_…`).
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub case_id: String,
    /// The text, up to 4,000 characters.
    #[validate(length(min = 1, max = 4000))]
    #[schema(min_length = 1, max_length = 4000, example = "Can I pay in two parts?")]
    pub body: String,
}

/// A message the agency writes to the case's debtor.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "Yes: half by the 15th, the rest by the end of the month."}))]
pub struct NewDebtorMessage {
    /// The text, up to 4,000 characters.
    #[validate(length(min = 1, max = 4000))]
    #[schema(
        min_length = 1,
        max_length = 4000,
        example = "Yes: half by the 15th, the rest by the end of the month."
    )]
    pub body: String,
}

/// A message of the debtor conversation.
#[derive(Debug, Serialize, ToSchema)]
pub struct DebtorMessageView {
    /// `dmg_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// `debtor` or `agency`.
    #[schema(example = "debtor")]
    pub from: String,
    /// The text.
    pub body: String,
    /// RFC 3339 time it was written.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// A message as staff read it: who wrote for the agency.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffDebtorMessageView {
    /// The message.
    #[serde(flatten)]
    pub message: DebtorMessageView,
    /// The debtor record (`dbt_…`), or the user or API key that wrote for the agency.
    pub author_id: String,
}

/// A page of the debtor conversation, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DebtorMessageList {
    /// This page.
    pub data: Vec<DebtorMessageView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// A page of the debtor conversation as staff read it.
#[derive(Debug, Serialize, ToSchema)]
pub struct StaffDebtorMessageList {
    /// This page.
    pub data: Vec<StaffDebtorMessageView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// Which case's conversation.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PortalMessageFilter {
    /// The case (`cas_…`).
    pub case_id: String,
}

impl From<DebtorMessageRow> for DebtorMessageView {
    fn from(row: DebtorMessageRow) -> Self {
        // The debtor is not told which staff member wrote: the conversation is with the agency.
        Self {
            id: row.id,
            case_id: row.case_id,
            from: row.side,
            body: row.body,
            created_at: clock::rfc3339(row.created_at),
        }
    }
}

impl From<DebtorMessageRow> for StaffDebtorMessageView {
    fn from(row: DebtorMessageRow) -> Self {
        Self {
            author_id: row.author_id.clone(),
            message: row.into(),
        }
    }
}

/// Writes to the agency about one of the debtor's cases; the collector of the case answers.
/// On the case's timeline as `debtor_message_posted` (without the text).
#[utoipa::path(
    tag = "portal",
    operation_id = "create_portal_message",
    request_body = NewPortalMessage,
    responses(
        (status = 201, description = "Sent", body = DebtorMessageView),
        (status = 404, description = "Not one of the debtor's cases", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`case_id` missing, or `body` blank or over 4,000 characters", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/messages")]
pub async fn create_portal_message(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    body: ApiJson<NewPortalMessage>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let now = state.clock.now();
    let who = debtor.debtor.clone();
    let row = state
        .db
        .write(move |conn| messages::post_as_debtor(conn, &who, &input.case_id, input.body, now))
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(DebtorMessageView::from(row)))
}

/// The debtor's conversation with the agency about one of their cases, oldest first.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_portal_messages",
    params(PortalMessageFilter, ListParams),
    responses(
        (status = 200, description = "A page of messages", body = DebtorMessageList),
        (status = 404, description = "Not one of the debtor's cases", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/messages")]
pub async fn list_portal_messages(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    filter: web::Query<PortalMessageFilter>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = filter.into_inner().case_id;
    let who = debtor.debtor.clone();
    let rows = state
        .db
        .read(move |conn| messages::list_for_debtor(conn, &who, &case_id, &page))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(DebtorMessageList {
            data: rows
                .items
                .into_iter()
                .map(DebtorMessageView::from)
                .collect(),
            next_cursor: rows.next_cursor,
        }))
}

/// Answers the case's debtor in the portal (the collector of the case, agency administrators).
/// On the timeline as `debtor_message_posted` (without the text).
#[utoipa::path(
    tag = "portal",
    operation_id = "create_debtor_message",
    params(("id" = String, Path, description = "Case id")),
    request_body = NewDebtorMessage,
    responses(
        (status = 201, description = "Sent", body = StaffDebtorMessageView),
        (status = 403, description = "The caller may not converse with debtors (creditor users)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`body` blank or over 4,000 characters", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/debtor-messages")]
pub async fn create_debtor_message(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewDebtorMessage>,
) -> Result<HttpResponse, ApiError> {
    let case_id = id.into_inner();
    let text = body.into_inner().body;
    let now = state.clock.now();
    let row = state
        .db
        .write(move |conn| messages::post_as_agency(conn, &caller, &case_id, text, now))
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED).json(StaffDebtorMessageView::from(row)))
}

/// The case's conversation with its debtor, oldest first (the collector of the case, agency
/// administrators).
#[utoipa::path(
    tag = "portal",
    operation_id = "list_debtor_messages",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of messages", body = StaffDebtorMessageList),
        (status = 403, description = "The caller may not converse with debtors (creditor users)", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/debtor-messages")]
pub async fn list_debtor_messages(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| messages::list_for_agency(conn, &caller, &case_id, &page))
        .await?;
    Ok(HttpResponse::Ok().json(StaffDebtorMessageList {
        data: rows
            .items
            .into_iter()
            .map(StaffDebtorMessageView::from)
            .collect(),
        next_cursor: rows.next_cursor,
    }))
}
