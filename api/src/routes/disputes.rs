//! Disputes of a case's claim: `POST/GET /v1/cases/{id}/disputes`, `GET /v1/disputes/{id}` and
//! `POST /v1/disputes/{id}/resolution`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Serialize;
use solvo_app::clock;
use solvo_app::disputes::{self, DisputeCategory, DisputeRecord, NewDispute, NewResolution};
use utoipa::ToSchema;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::money::MoneyView;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// Registers the dispute routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_dispute)
        .service(list_disputes)
        .service(get_dispute)
        .service(resolve_dispute);
}

/// How a dispute was decided.
#[derive(Debug, Serialize, ToSchema)]
pub struct ResolutionView {
    /// `upheld` or `rejected`, or `lapsed` when the case left `disputed` without a decision.
    #[schema(value_type = ResolutionOutcome, example = "rejected")]
    pub outcome: String,
    /// Why.
    pub reasons: String,
    /// What an upheld partial dispute credited against the principal.
    pub credited_amount: Option<MoneyView>,
    /// The user or API key that decided.
    pub resolved_by: String,
    /// When.
    #[schema(format = DateTime)]
    pub resolved_at: String,
}

/// A debtor's dispute of the claim.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisputeView {
    /// `dsp_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// What the debtor contests.
    pub category: DisputeCategory,
    /// What the debtor says.
    pub text: String,
    /// The part of the claim disputed; absent when the whole claim is.
    pub disputed_amount: Option<MoneyView>,
    /// The invoices concerned, by number (empty: all of them).
    pub invoice_numbers: Vec<String>,
    /// The case's documents the debtor relies on.
    pub document_ids: Vec<String>,
    /// `open`, `upheld` or `rejected`, or `lapsed` when the case left `disputed` without a
    /// decision (closed, withdrawn, insolvent).
    #[schema(value_type = DisputeStatus, example = "open")]
    pub status: String,
    /// The user or API key that recorded it.
    pub raised_by: String,
    /// When it was recorded.
    #[schema(format = DateTime)]
    pub raised_at: String,
    /// The decision, once made.
    pub resolution: Option<ResolutionView>,
}

/// A dispute and the state of its case after the request.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisputeOutcomeView {
    /// The dispute.
    #[serde(flatten)]
    pub dispute: DisputeView,
    /// The case's state now.
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "disputed")]
    pub case_state: String,
}

/// A page of disputes.
#[derive(Debug, Serialize, ToSchema)]
pub struct DisputeList {
    /// Oldest first.
    pub data: Vec<DisputeView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl From<DisputeRecord> for DisputeView {
    fn from(record: DisputeRecord) -> Self {
        let row = record.row;
        let resolution = match (row.resolved_at, row.resolved_by) {
            (Some(at), Some(by)) => Some(ResolutionView {
                outcome: row.status.clone(),
                reasons: row.resolution_reasons.unwrap_or_default(),
                credited_amount: record.credited_amount.map(MoneyView::from),
                resolved_by: by,
                resolved_at: clock::rfc3339(at),
            }),
            _ => None,
        };
        Self {
            id: row.id,
            case_id: row.case_id,
            category: record.category,
            text: row.text,
            disputed_amount: record.disputed_amount.map(MoneyView::from),
            invoice_numbers: record.invoice_numbers,
            document_ids: record.document_ids,
            status: row.status,
            raised_by: row.raised_by,
            raised_at: clock::rfc3339(row.raised_at),
            resolution,
        }
    }
}

/// Records a debtor's dispute of the claim (the creditor's admins and members, agency staff;
/// a collector on their own cases). The case moves to `disputed`, remembering the state it
/// returns to; while disputed no payment plan can be agreed and the case cannot be escalated,
/// activities (contact about the dispute) can still be logged and interest runs as ever. With
/// `disputed_amount` the dispute is of that part of the claim, without it of the whole.
/// On the timeline as `raise_dispute`. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "tracking",
    operation_id = "create_dispute",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewDispute,
    responses(
        (status = 201, description = "Recorded; the case is `disputed`", body = DisputeOutcomeView),
        (status = 403, description = "The caller may not raise disputes", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (`case_closed`), or its state does not allow a dispute, e.g. already disputed or paused (`transition_refused`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `category`, `text` (blank or over 4,000 characters), `document_ids` (not documents of the case), `invoice_numbers` (not invoices of the case), `disputed_amount` (not positive, or above what the case owes), `currency` (not the case's); or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/disputes")]
pub async fn create_dispute(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewDispute>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:dispute:{}", body.fingerprint());
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let raised = disputes::raise(conn, &caller, &case_id, &input, &rates, now)?;
        let location = format!("/v1/disputes/{}", raised.dispute.row.id);
        let outcome = DisputeOutcomeView {
            dispute: raised.dispute.into(),
            case_state: raised.case.state.to_string(),
        };
        Created::new(StatusCode::CREATED.as_u16(), &outcome, Some(location))
    })
    .await
}

/// The case's disputes, oldest first.
#[utoipa::path(
    tag = "tracking",
    operation_id = "list_disputes",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of disputes", body = DisputeList),
        (status = 403, description = "The caller may not read the case's conversation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/disputes")]
pub async fn list_disputes(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| disputes::of_case(conn, &caller, &case_id, &page))
        .await?;
    Ok(HttpResponse::Ok().json(DisputeList {
        data: rows.items.into_iter().map(DisputeView::from).collect(),
        next_cursor: rows.next_cursor,
    }))
}

/// One dispute.
#[utoipa::path(
    tag = "tracking",
    operation_id = "get_dispute",
    params(("id" = String, Path, description = "Dispute id")),
    responses(
        (status = 200, description = "The dispute", body = DisputeView),
        (status = 403, description = "The caller may not read the case's conversation", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dispute for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/disputes/{id}")]
pub async fn get_dispute(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let dispute_id = id.into_inner();
    let dispute = state
        .db
        .read(move |conn| disputes::get(conn, &caller, &dispute_id))
        .await?;
    Ok(HttpResponse::Ok().json(DisputeView::from(dispute)))
}

/// Decides a dispute, once (the agency administrator, or the creditor's administrator: whether
/// the claim stands is the creditor's call). `rejected` returns the case to the state it was
/// in. `upheld` closes the case `dispute_upheld` when the whole claim was disputed; for a
/// partial dispute it books a credit note of `credited_amount` (by default the disputed amount)
/// reducing the principal of the invoices concerned, oldest due first, effective today, and the
/// case returns to the state it was in. On the timeline as `resolve_dispute`.
#[utoipa::path(
    tag = "tracking",
    operation_id = "resolve_dispute",
    params(("id" = String, Path, description = "Dispute id")),
    request_body = NewResolution,
    responses(
        (status = 200, description = "Decided", body = DisputeOutcomeView),
        (status = 403, description = "The caller may not resolve disputes", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such dispute for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The dispute was resolved before (`dispute_resolved`), or its case is no longer disputed (`transition_refused`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `outcome`, `reasons` (blank or over 1,000 characters), `credited_amount` (not positive, above the principal owed on the invoices concerned, or given for a whole-claim or rejected dispute)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/disputes/{id}/resolution")]
pub async fn resolve_dispute(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewResolution>,
) -> Result<HttpResponse, ApiError> {
    let dispute_id = id.into_inner();
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let resolved = state
        .db
        .write(move |conn| disputes::resolve(conn, &caller, &dispute_id, &input, &rates, now))
        .await?;
    Ok(HttpResponse::Ok().json(DisputeOutcomeView {
        dispute: resolved.dispute.into(),
        case_state: resolved.case.state.to_string(),
    }))
}

crate::closed_sets::closed_set!(
    /// How a dispute ended.
    ResolutionOutcome,
    "How a dispute ended.",
    ["upheld", "rejected", "lapsed"]
);

crate::closed_sets::closed_set!(
    /// Where a dispute stands.
    DisputeStatus,
    "Where a dispute stands.",
    ["open", "upheld", "rejected", "lapsed"]
);
