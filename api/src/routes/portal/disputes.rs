//! `POST/GET /v1/portal/cases/{id}/disputes`: the debtor disputes the claim, through the same
//! use case as staff (the case moves to `disputed`, the debtor is the actor on the timeline),
//! and sees each dispute's outcome once it is decided.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, web};
use serde::Serialize;
use solvo_app::clock;
use solvo_app::disputes::{DisputeCategory, DisputeRecord, NewDispute};
use solvo_app::portal::disputes;
use solvo_domain::portal::language::Language;
use solvo_domain::portal::requests::dispute_status;
use utoipa::ToSchema;

use crate::auth::debtor::DebtorCaller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::money::MoneyView;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// How the agency or the creditor decided a dispute.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalDisputeOutcome {
    /// `upheld` or `rejected`.
    #[schema(value_type = crate::routes::disputes::ResolutionOutcome, example = "rejected")]
    pub outcome: String,
    /// Why, as the decision gives it.
    pub reasons: String,
    /// What an upheld partial dispute took off the principal.
    pub credited_amount: Option<MoneyView>,
    /// RFC 3339 time of the decision.
    #[schema(format = DateTime)]
    pub decided_at: String,
}

/// A dispute of the claim, as the debtor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalDisputeView {
    /// `dsp_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// What is contested.
    pub category: DisputeCategory,
    /// What the debtor said.
    pub text: String,
    /// The part disputed; absent for the whole claim.
    pub disputed_amount: Option<MoneyView>,
    /// The invoices concerned (empty: all).
    pub invoice_numbers: Vec<String>,
    /// The debtor's documents relied on.
    pub document_ids: Vec<String>,
    /// `open`, `upheld` or `rejected`.
    #[schema(value_type = crate::routes::disputes::DisputeStatus, example = "open")]
    pub status: String,
    /// Where it stands, in the portal's language.
    pub status_text: String,
    /// RFC 3339 time it was raised.
    #[schema(format = DateTime)]
    pub raised_at: String,
    /// The decision, once made.
    pub outcome: Option<PortalDisputeOutcome>,
}

/// The case's disputes.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalDisputeList {
    /// Oldest first.
    pub data: Vec<PortalDisputeView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// A dispute raised, and the case's state in the debtor's words after it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalDisputeRaised {
    /// The dispute.
    #[serde(flatten)]
    pub dispute: PortalDisputeView,
    /// The case's state code now (`disputed`).
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "disputed")]
    pub case_state: String,
}

fn view(record: DisputeRecord, language: Language) -> PortalDisputeView {
    let row = record.row;
    // Built field by field: who recorded or decided it is staff's business, not the debtor's.
    let outcome = row.resolved_at.map(|at| PortalDisputeOutcome {
        outcome: row.status.clone(),
        reasons: row.resolution_reasons.clone().unwrap_or_default(),
        credited_amount: record.credited_amount.map(MoneyView::from),
        decided_at: clock::rfc3339(at),
    });
    PortalDisputeView {
        status_text: dispute_status(&row.status, language).to_owned(),
        id: row.id,
        case_id: row.case_id,
        category: record.category,
        text: row.text,
        disputed_amount: record.disputed_amount.map(MoneyView::from),
        invoice_numbers: record.invoice_numbers,
        document_ids: record.document_ids,
        status: row.status,
        raised_at: clock::rfc3339(row.raised_at),
        outcome,
    }
}

/// Disputes the claim of one of the debtor's cases, in whole or (with `disputed_amount`) in
/// part. Documents relied on must be ones the debtor uploaded on the case
/// (`POST /v1/portal/cases/{id}/documents`). The case moves to `disputed`: collection of the
/// claim waits for the decision. On the timeline as `raise_dispute` with the debtor as actor.
#[utoipa::path(
    tag = "portal",
    operation_id = "create_portal_dispute",
    params(("id" = String, Path, description = "Case id")),
    request_body = NewDispute,
    responses(
        (status = 201, description = "Raised; the case is disputed", body = PortalDisputeRaised,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
        (status = 404, description = "Not one of the debtor's cases", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (`case_closed`) or its state allows no dispute, e.g. already disputed (`transition_refused`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `category`, `text`, `document_ids` (not documents the debtor uploaded on the case), `invoice_numbers`, `disputed_amount`, `currency`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/cases/{id}/disputes")]
pub async fn create_portal_dispute(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
    body: ApiJson<NewDispute>,
) -> Result<HttpResponse, ApiError> {
    let case_id = id.into_inner();
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let language = debtor.language;
    let who = debtor.debtor.clone();
    let raised = state
        .db
        .write(move |conn| disputes::raise(conn, &who, &case_id, &input, &rates, now))
        .await?;
    let location = format!("/v1/portal/cases/{}/disputes", raised.dispute.row.case_id);
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::LOCATION, location))
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(PortalDisputeRaised {
            dispute: view(raised.dispute, language),
            case_state: raised.case.state.to_string(),
        }))
}

/// The disputes of one of the debtor's cases, oldest first, with the outcome of each decided
/// one.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_portal_disputes",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of disputes", body = PortalDisputeList,
            headers(("Content-Language" = String, description = "The language of the texts: en, de, nl or fr"))),
        (status = 404, description = "Not one of the debtor's cases", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/disputes")]
pub async fn list_portal_disputes(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let language = debtor.language;
    let who = debtor.debtor.clone();
    let rows = state
        .db
        .read(move |conn| disputes::of_case(conn, &who, &case_id, &page))
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(PortalDisputeList {
            data: rows
                .items
                .into_iter()
                .map(|record| view(record, language))
                .collect(),
            next_cursor: rows.next_cursor,
        }))
}
