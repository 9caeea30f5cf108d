//! The legal path's steps in court and in insolvency: `POST/GET /v1/cases/{id}/legal-steps`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::Serialize;
use solvo_app::cases::legal_steps::{self, LegalStepKind, LegalStepRow, NewLegalStep};
use solvo_app::{AppError, clock};
use solvo_domain::money::Money;
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::money::MoneyView;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// A step in court or in insolvency.
#[derive(Debug, Serialize, ToSchema)]
pub struct LegalStepView {
    /// `lgs_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// What happened.
    pub kind: LegalStepKind,
    /// When.
    pub occurred_on: NaiveDate,
    /// The court.
    pub court: Option<String>,
    /// The court's or the proceedings' reference.
    pub reference: Option<String>,
    /// The insolvency administrator.
    pub administrator: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// A judgment's award, or the claim lodged.
    pub amount: Option<MoneyView>,
    /// Costs a judgment awarded (posted to the ledger as owed by the debtor).
    pub costs_awarded: Option<MoneyView>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// RFC 3339 time it was recorded.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// A page of legal steps.
#[derive(Debug, Serialize, ToSchema)]
pub struct LegalStepList {
    /// Oldest first.
    pub data: Vec<LegalStepView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl TryFrom<LegalStepRow> for LegalStepView {
    type Error = AppError;

    fn try_from(row: LegalStepRow) -> Result<Self, AppError> {
        let kind = LegalStepKind::parse(&row.kind)
            .ok_or_else(|| AppError::corrupt("legal step", &row.id, "kind"))?;
        let money = |minor: Option<i64>| {
            minor.map(|minor| MoneyView::from(Money::from_minor(minor, row.currency)))
        };
        Ok(Self {
            amount: money(row.amount_minor),
            costs_awarded: money(row.costs_awarded_minor),
            kind,
            id: row.id,
            case_id: row.case_id,
            occurred_on: row.occurred_on,
            court: row.court,
            reference: row.reference,
            administrator: row.administrator,
            notes: row.notes,
            recorded_by: row.recorded_by,
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

/// Records a step of the legal path (agency staff; a collector on their own cases): in court
/// once the creditor approved legal action (`legal`: filing, hearing, judgment with the amount
/// and costs awarded, enforcement), or in the debtor's insolvency (`insolvency`: proceedings
/// opened, claim lodged). Costs a judgment awards are posted to the ledger as owed by the
/// debtor. A dividend is recorded as a payment. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "tracking",
    operation_id = "create_legal_step",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewLegalStep,
    responses(
        (status = 201, description = "Recorded", body = LegalStepView),
        (status = 403, description = "The caller does not work cases", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case in the caller's book", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is not in the step's stage (`legal`, or `insolvency` for insolvency steps)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `occurred_on` ahead (only a hearing may be), `court` missing for a filing or proceedings, `amount` missing for a judgment or a lodged claim or given for another step, `costs_awarded` on anything but a judgment, `currency`, texts too long; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/legal-steps")]
pub async fn create_legal_step(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewLegalStep>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:legal-step:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let row = legal_steps::record(conn, &caller, &case_id, &input, now)?;
        Created::new(
            StatusCode::CREATED.as_u16(),
            &LegalStepView::try_from(row)?,
            None,
        )
    })
    .await
}

/// The case's legal steps, oldest first (agency staff and the creditor's users).
#[utoipa::path(
    tag = "tracking",
    operation_id = "list_legal_steps",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of steps", body = LegalStepList),
        (status = 403, description = "Debtors do not read the legal path", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/legal-steps")]
pub async fn list_legal_steps(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| legal_steps::of_case(conn, &caller, &case_id, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(LegalStepView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(LegalStepList {
        data,
        next_cursor: rows.next_cursor,
    }))
}
