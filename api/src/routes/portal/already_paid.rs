//! A debtor says they paid already: the proof is uploaded first
//! (`POST /v1/portal/cases/{id}/documents`, `super::documents`), then the claim names it
//! (`POST /v1/portal/cases/{id}/already-paid`); the debtor follows the answer with
//! `GET …/already-paid`. The collector lists claims (`GET /v1/already-paid-claims`) and confirms
//! or rejects one (`POST /v1/already-paid-claims/{id}/decision`). The rules are
//! `solvo_app::portal::already_paid`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::Serialize;
use solvo_app::clock;
use solvo_app::portal::already_paid::{self, ClaimDecisionInput, ClaimRow, NewClaim};
use solvo_domain::money::Money;
use solvo_domain::portal::language::Language;
use solvo_domain::portal::wording;
use utoipa::ToSchema;

use super::plans::{ClaimStatus, PortalRequestListParams};
use crate::auth::Caller;
use crate::auth::debtor::DebtorCaller;
use crate::error::{ApiError, Problem};
use crate::extract::ApiJson;
use crate::money::MoneyView;
use crate::state::AppState;

/// A claim to have paid as the debtor sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalClaimView {
    /// `apc_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The day paid, as claimed.
    pub paid_on: NaiveDate,
    /// How much.
    pub amount: MoneyView,
    /// The bank's reference.
    pub bank_reference: String,
    /// The proof.
    pub document_id: String,
    /// `pending`, `confirmed` or `rejected`.
    #[schema(value_type = ClaimStatus, example = "pending")]
    pub status: String,
    /// Where it stands, in the portal's language.
    pub text: String,
    /// Collection contact is held through this day while the claim is checked.
    pub contact_held_until: NaiveDate,
    /// Why it was rejected.
    pub reject_reason: Option<String>,
}

fn portal_view(row: ClaimRow, language: Language) -> PortalClaimView {
    PortalClaimView {
        amount: Money::from_minor(row.amount_minor, row.currency).into(),
        text: wording::already_paid_status(&row.status, language).to_owned(),
        id: row.id,
        case_id: row.case_id,
        paid_on: row.paid_on,
        bank_reference: row.bank_reference,
        document_id: row.document_id,
        status: row.status,
        contact_held_until: row.hold_until,
        reject_reason: row.reject_reason,
    }
}

/// The debtor's claims on a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalClaimList {
    /// Oldest first.
    pub data: Vec<PortalClaimView>,
}

/// Tells the collector the case was paid already: the day, the amount, the bank's reference and
/// the proof (a document uploaded with `POST /v1/portal/cases/{id}/documents`). Collection
/// contact is held for 10 days while the collector checks it.
#[utoipa::path(
    tag = "portal",
    operation_id = "create_already_paid_claim",
    params(("id" = String, Path, description = "Case id")),
    request_body = NewClaim,
    responses(
        (status = 201, description = "Claimed", body = PortalClaimView,
            headers(("Content-Language" = String, description = "The language of `text` and of a refusal's `detail`"))),
        (status = 404, description = "Not one of the session's cases", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "`portal_request_refused`: the case is closed, or a claim is being checked (`reason`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`paid_on` in the future or over a year ago, `amount` not positive in the case currency, `currency` not the case's, `bank_reference` blank or over 140 characters, `document_id` not the debtor's upload on this case", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/cases/{id}/already-paid")]
pub async fn create_already_paid_claim(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
    body: ApiJson<NewClaim>,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let case_id = id.into_inner();
    let input = body.into_inner();
    let now = state.clock.now();
    let who = debtor.debtor.clone();
    let row = state
        .db
        .write(move |conn| already_paid::claim(conn, &who, &case_id, &input, language, now))
        .await?;
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(portal_view(row, language)))
}

/// The debtor's already-paid claims on the case and their answers, oldest first.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_already_paid_claims",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The claims", body = PortalClaimList,
            headers(("Content-Language" = String, description = "The language of `text`"))),
        (status = 404, description = "Not one of the session's cases", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/already-paid")]
pub async fn list_already_paid_claims(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let language = debtor.language;
    let case_id = id.into_inner();
    let who = debtor.debtor.clone();
    let rows = state
        .db
        .read(move |conn| already_paid::of_case(conn, &who, &case_id))
        .await?;
    let list = PortalClaimList {
        data: rows
            .into_iter()
            .map(|row| portal_view(row, language))
            .collect(),
    };
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(list))
}

/// An already-paid claim as staff see it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimView {
    /// `apc_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The debtor who claims.
    pub debtor_id: String,
    /// The day paid, as claimed.
    pub paid_on: NaiveDate,
    /// How much.
    pub amount: MoneyView,
    /// The bank's reference.
    pub bank_reference: String,
    /// The proof, a document of the case.
    pub document_id: String,
    /// `pending`, `confirmed` or `rejected`.
    #[schema(value_type = ClaimStatus, example = "pending")]
    pub status: String,
    /// Collection contact is held through this day (the case's next action).
    pub contact_held_until: NaiveDate,
    /// Why it was rejected.
    pub reject_reason: Option<String>,
    /// The direct payment recorded on confirmation.
    pub payment_id: Option<String>,
    /// Who decided.
    pub decided_by: Option<String>,
    /// When.
    #[schema(format = DateTime)]
    pub decided_at: Option<String>,
    /// When it was claimed.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// The case's state after a confirmation.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<solvo_app::wire_names::CaseStateName>)]
    pub case_state: Option<String>,
}

fn staff_view(row: ClaimRow, case_state: Option<String>) -> ClaimView {
    ClaimView {
        amount: Money::from_minor(row.amount_minor, row.currency).into(),
        id: row.id,
        case_id: row.case_id,
        debtor_id: row.debtor_id,
        paid_on: row.paid_on,
        bank_reference: row.bank_reference,
        document_id: row.document_id,
        status: row.status,
        contact_held_until: row.hold_until,
        reject_reason: row.reject_reason,
        payment_id: row.payment_id,
        decided_by: row.decided_by,
        decided_at: row.decided_at.map(clock::rfc3339),
        created_at: clock::rfc3339(row.created_at),
        case_state,
    }
}

/// A page of claims.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClaimList {
    /// Oldest first.
    pub data: Vec<ClaimView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// The already-paid claims on the caller's cases (a collector's book, every case for the
/// agency admin), oldest first; `status=pending` is the collector's to-do list.
#[utoipa::path(
    tag = "money",
    operation_id = "list_staff_already_paid_claims",
    params(
        ("status" = Option<ClaimStatus>, Query, description = "Only claims in this status"),
        PortalRequestListParams,
    ),
    responses(
        (status = 200, description = "A page of claims", body = ClaimList),
        (status = 403, description = "The caller does not work cases", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `status` (`pending`, `confirmed`, `rejected`), `limit` or `cursor`", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/already-paid-claims")]
pub async fn list_staff_already_paid_claims(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<PortalRequestListParams>,
) -> Result<HttpResponse, ApiError> {
    let (status, page) = params.checked(ClaimStatus::NAMES)?;
    let rows = state
        .db
        .read(move |conn| already_paid::list(conn, &caller, status.as_deref(), &page))
        .await?;
    Ok(HttpResponse::Ok().json(ClaimList {
        data: rows
            .items
            .into_iter()
            .map(|row| staff_view(row, None))
            .collect(),
        next_cursor: rows.next_cursor,
    }))
}

/// Decides a pending claim (agency staff): `confirm` records it as a direct payment to the
/// creditor on the day claimed (the same use case as `POST /v1/cases/{id}/direct-payments`);
/// `reject` ends the contact hold and tells the debtor the reason.
#[utoipa::path(
    tag = "money",
    operation_id = "decide_already_paid_claim",
    params(("id" = String, Path, description = "Claim id")),
    request_body = ClaimDecisionInput,
    responses(
        (status = 200, description = "Decided", body = ClaimView),
        (status = 403, description = "The caller does not work cases", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such claim on a case of the caller", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The claim was decided (`conflict`), or the case is closed (`transition_refused`)", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason` blank or too long; or the payment breaks a payment rule", body = Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/already-paid-claims/{id}/decision")]
pub async fn decide_already_paid_claim(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<ClaimDecisionInput>,
) -> Result<HttpResponse, ApiError> {
    let claim_id = id.into_inner();
    let decision = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let decided = state
        .db
        .write(move |conn| already_paid::decide(conn, &caller, &claim_id, &decision, &rates, now))
        .await?;
    let case_state = decided
        .recorded
        .map(|recorded| recorded.case.state.to_string());
    Ok(HttpResponse::Ok().json(staff_view(decided.claim, case_state)))
}
