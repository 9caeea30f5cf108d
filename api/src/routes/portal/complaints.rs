//! `POST/GET /v1/portal/complaints`: a debtor complains about how the agency treats them (not
//! about the claim: that is a dispute). Agency administrators answer (`/v1/complaints`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, web};
use serde::{Deserialize, Serialize};
use solvo_app::clock;
use solvo_app::portal::complaints::{self, ComplaintRow};
use solvo_domain::portal::language::Language;
use solvo_domain::portal::requests::complaint_status;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::debtor::DebtorCaller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::state::AppState;

/// A complaint about the agency's conduct.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"text": "Your collector phoned me at 22:00 twice this week."}))]
pub struct NewComplaint {
    /// The case it is about, if any (`cas_…`).
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100)]
    pub case_id: Option<String>,
    /// What happened, up to 4,000 characters.
    #[validate(length(min = 1, max = 4000))]
    #[schema(
        min_length = 1,
        max_length = 4000,
        example = "Your collector phoned me at 22:00 twice this week."
    )]
    pub text: String,
}

/// A complaint as the debtor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalComplaintView {
    /// `cmp_…`
    pub id: String,
    /// The case named, if any.
    pub case_id: Option<String>,
    /// What the debtor wrote.
    pub text: String,
    /// `open` or `resolved`.
    #[schema(value_type = crate::routes::complaints::ComplaintStatus, example = "open")]
    pub status: String,
    /// Where it stands, in the portal's language.
    pub status_text: String,
    /// RFC 3339 time it arrived.
    #[schema(format = DateTime)]
    pub received_at: String,
    /// The agency's answer, once given.
    pub resolution: Option<String>,
    /// RFC 3339 time of the answer.
    #[schema(format = DateTime)]
    pub resolved_at: Option<String>,
}

/// The debtor's complaints.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalComplaintList {
    /// Oldest first.
    pub data: Vec<PortalComplaintView>,
}

fn view(row: ComplaintRow, language: Language) -> PortalComplaintView {
    PortalComplaintView {
        status_text: complaint_status(row.status == "resolved", language).to_owned(),
        id: row.id,
        case_id: row.case_id,
        text: row.text,
        status: row.status,
        received_at: clock::rfc3339(row.received_at),
        resolution: row.resolution,
        resolved_at: row.resolved_at.map(clock::rfc3339),
    }
}

/// Complains about the agency's conduct. Only the agency's administrators read complaints, not
/// the collector or the creditor, and a complaint is not written on the case timeline (which
/// they read).
#[utoipa::path(
    tag = "portal",
    operation_id = "create_portal_complaint",
    request_body = NewComplaint,
    responses(
        (status = 201, description = "Received", body = PortalComplaintView,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
        (status = 404, description = "`case_id` is not one of the debtor's cases", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`text` blank or over 4,000 characters", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/complaints")]
pub async fn create_portal_complaint(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    body: ApiJson<NewComplaint>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let now = state.clock.now();
    let language = debtor.language;
    let who = debtor.debtor.clone();
    let row = state
        .db
        .write(move |conn| complaints::file(conn, &who, input.case_id.as_deref(), &input.text, now))
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(view(row, language)))
}

/// The debtor's complaints and the agency's answers.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_portal_complaints",
    responses(
        (status = 200, description = "The debtor's complaints", body = PortalComplaintList,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/complaints")]
pub async fn list_portal_complaints(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let who = debtor.debtor.clone();
    let rows = state
        .db
        .read(move |conn| complaints::of_debtor(conn, &who))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(PortalComplaintList {
            data: rows.into_iter().map(|row| view(row, language)).collect(),
        }))
}
