//! Payments: `POST /v1/cases/{id}/payments` (money the agency received),
//! `POST /v1/cases/{id}/direct-payments` (money the creditor reports it received itself),
//! `GET /v1/cases/{id}/payments`, `GET /v1/payments/{id}` and `POST /v1/payments/{id}/reversal`.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::Serialize;
use solvo_app::payments::refund::RefundRow;
use solvo_app::payments::{
    self, NewPayment, NewRefund, NewReversal, PaymentMethod, PaymentRecord, ReceivedBy, read,
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

/// Registers the payment routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_payment)
        .service(create_direct_payment)
        .service(list_payments)
        .service(get_payment)
        .service(reverse_payment)
        .service(create_refund)
        .service(list_refunds);
}

/// A refund of credit held for the debtor.
#[derive(Debug, Serialize, ToSchema)]
pub struct RefundView {
    /// `rfd_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The amount refunded.
    pub amount: MoneyView,
    /// How the money went back.
    pub method: PaymentMethod,
    /// The outgoing transfer's reference.
    pub reference: Option<String>,
    /// Why.
    pub reason: String,
    /// The user or API key that refunded.
    pub refunded_by: String,
    /// RFC 3339 time.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// A page of refunds.
#[derive(Debug, Serialize, ToSchema)]
pub struct RefundList {
    /// Oldest first.
    pub data: Vec<RefundView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl TryFrom<RefundRow> for RefundView {
    type Error = AppError;

    fn try_from(row: RefundRow) -> Result<Self, AppError> {
        let method = PaymentMethod::parse(&row.method)
            .ok_or_else(|| AppError::corrupt("refund", &row.id, "stored method"))?;
        Ok(Self {
            amount: Money::from_minor(row.amount_minor, row.currency).into(),
            id: row.id,
            case_id: row.case_id,
            method,
            reference: row.reference,
            reason: row.reason,
            refunded_by: row.refunded_by,
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

/// Refunds credit held for the debtor (an overpayment; `unapplied` on the balance) by an
/// explicit posting (agency administrators): the credit held and the amount paid both fall by
/// the refund; nothing owed changes. At most what the agency holds: credit a direct payment left
/// is the creditor's. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "create_refund",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewRefund,
    responses(
        (status = 201, description = "Refunded", body = RefundView),
        (status = 403, description = "Not an agency administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `amount` (not positive, or more than is held: `more_than_held`), `currency`, `reference`, `reason`; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/refunds")]
pub async fn create_refund(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewRefund>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    let fingerprint = format!("{case_id}:refund:{}", body.fingerprint());
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let row = payments::refund(conn, &caller, &case_id, &input, &rates, now)?;
        Created::new(
            StatusCode::CREATED.as_u16(),
            &RefundView::try_from(row)?,
            None,
        )
    })
    .await
}

/// The case's refunds, oldest first.
#[utoipa::path(
    tag = "money",
    operation_id = "list_refunds",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of refunds", body = RefundList),
        (status = 403, description = "The caller may not read payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/refunds")]
pub async fn list_refunds(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| payments::refund::of_case(conn, &caller, &case_id, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(RefundView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(RefundList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// One part of a payment applied to one account of one invoice.
#[derive(Debug, Serialize, ToSchema)]
pub struct AllocationLineView {
    /// The creditor's invoice number.
    #[schema(example = "2026-17")]
    pub invoice_number: String,
    /// `costs`, `compensation`, `interest` or `principal`.
    #[schema(value_type = solvo_app::wire_names::LedgerAccount, example = "interest")]
    pub account: String,
    /// The amount applied.
    pub amount: MoneyView,
}

/// A reversal.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReversalView {
    /// Why.
    pub reason: String,
    /// RFC 3339 time it was recorded.
    #[schema(format = DateTime)]
    pub reversed_at: String,
    /// The user or API key that reversed it.
    pub reversed_by: String,
}

/// A payment with its allocation.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentView {
    /// `pay_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// `agency` (on the agency's account, to be remitted) or `creditor` (a direct payment).
    #[schema(example = "agency")]
    pub received_by: ReceivedBy,
    /// The amount received.
    pub amount: MoneyView,
    /// The day the money arrived.
    pub value_date: NaiveDate,
    /// How it was paid.
    pub method: PaymentMethod,
    /// The bank's reference, if given.
    pub bank_reference: Option<String>,
    /// Who paid, if given.
    pub payer: Option<String>,
    /// The invoice the payer designated, if any.
    pub designated_invoice_number: Option<String>,
    /// Whether the designation counted (false without one, or where the debtor's designation
    /// does not bind and the creditor did not consent).
    pub designation_honoured: bool,
    /// Where the money went, in the order applied: the jurisdiction's order, oldest invoices
    /// first, invoices due together pro rata where the law says so.
    pub allocation: Vec<AllocationLineView>,
    /// What no debt took: held for the debtor as credit on the case.
    pub unapplied: MoneyView,
    /// `received`, or `reversed` after a bounce or chargeback.
    #[schema(value_type = PaymentStatus, example = "received")]
    pub status: String,
    /// The reversal, once reversed.
    pub reversal: Option<ReversalView>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// RFC 3339 time it was recorded.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// A payment as recorded or reversed, with the case's state after it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentOutcome {
    /// The payment.
    #[serde(flatten)]
    pub payment: PaymentView,
    /// The case's state after it (`closed` when it settled everything).
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "amicable")]
    pub case_state: String,
    /// The case's outcome when closed (`paid_in_full`).
    #[schema(value_type = Option<solvo_app::wire_names::CaseOutcome>)]
    pub case_outcome: Option<String>,
}

/// A page of payments.
#[derive(Debug, Serialize, ToSchema)]
pub struct PaymentList {
    /// Payments in the order recorded.
    pub data: Vec<PaymentView>,
    /// Pass as `cursor` for the next page.
    pub next_cursor: Option<String>,
}

impl TryFrom<PaymentRecord> for PaymentView {
    type Error = AppError;

    fn try_from(record: PaymentRecord) -> Result<Self, AppError> {
        let row = record.row;
        let corrupt = |what: &str| AppError::corrupt("payment", &row.id, format!("stored {what}"));
        let received_by =
            ReceivedBy::parse(&row.received_by).ok_or_else(|| corrupt("received_by"))?;
        let method = PaymentMethod::parse(&row.method).ok_or_else(|| corrupt("method"))?;
        let reversal = match (row.reversed_at, row.reversal_reason, row.reversed_by) {
            (Some(at), Some(reason), Some(by)) => Some(ReversalView {
                reason,
                reversed_at: clock::rfc3339(at),
                reversed_by: by,
            }),
            _ => None,
        };
        Ok(Self {
            status: if reversal.is_some() {
                "reversed"
            } else {
                "received"
            }
            .to_owned(),
            id: row.id,
            case_id: row.case_id,
            received_by,
            amount: record.amount.into(),
            value_date: row.value_date,
            method,
            bank_reference: row.bank_reference,
            payer: row.payer,
            designated_invoice_number: record.designated_invoice_number,
            designation_honoured: row.designation_honoured,
            allocation: record
                .allocation
                .into_iter()
                .map(|line| AllocationLineView {
                    invoice_number: line.invoice_number,
                    account: line.account.as_str().to_owned(),
                    amount: line.amount.into(),
                })
                .collect(),
            unapplied: record.unapplied.into(),
            reversal,
            recorded_by: row.recorded_by,
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

/// Records money the agency received on the case. It is allocated at once by the case
/// jurisdiction's order onto what each invoice owes on the value date (costs, interest and
/// principal as the statute ranks them; invoices oldest due first, pro rata where the law says
/// so); interest stops on what it pays from the value date; an overpayment stays on the case as
/// `unapplied` credit; a payment that settles everything closes the case `paid_in_full`. Two
/// payments on one case are allocated one after the other. Honours `Idempotency-Key`: send one,
/// as a retried payment without it is a second payment.
#[utoipa::path(
    tag = "money",
    operation_id = "create_payment",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewPayment,
    responses(
        (status = 201, description = "Recorded and allocated", body = PaymentOutcome),
        (status = 403, description = "The caller may not record payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed (`transition_refused`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong: `amount`, `currency` (not the case's), `value_date` (after today), `invoice_number` (not on the case), `allocation_order` (required where the law leaves the order open and this payment must choose, or contradicting the law); or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/payments")]
pub async fn create_payment(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewPayment>,
) -> Result<HttpResponse, ApiError> {
    record(
        state,
        request,
        caller,
        id.into_inner(),
        body,
        ReceivedBy::Agency,
    )
    .await
}

/// Records money the creditor reports it received directly from the debtor. It reduces the claim
/// exactly as an agency payment does (same allocation) but is not remitted; commission applies
/// where the fee schedule says so. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "create_direct_payment",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewPayment,
    responses(
        (status = 201, description = "Recorded and allocated", body = PaymentOutcome),
        (status = 403, description = "The caller may not report direct payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The case is closed", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is wrong, as for `create_payment`; or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/direct-payments")]
pub async fn create_direct_payment(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewPayment>,
) -> Result<HttpResponse, ApiError> {
    record(
        state,
        request,
        caller,
        id.into_inner(),
        body,
        ReceivedBy::Creditor,
    )
    .await
}

async fn record(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    case_id: String,
    body: ApiJson<NewPayment>,
    received_by: ReceivedBy,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    // The case and the kind are part of the request: the same body elsewhere is another payment.
    let fingerprint = format!("{case_id}:{}:{}", received_by.as_str(), body.fingerprint());
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let recorded = payments::record(conn, &caller, &case_id, received_by, &input, &rates, now)?;
        let location = format!("/v1/payments/{}", recorded.payment.row.id);
        let outcome = PaymentOutcome {
            payment: PaymentView::try_from(recorded.payment)?,
            case_state: recorded.case.state.to_string(),
            case_outcome: recorded.case.outcome.map(|outcome| outcome.to_string()),
        };
        Created::new(StatusCode::CREATED.as_u16(), &outcome, Some(location))
    })
    .await
}

/// The case's payments with their allocation, in the order recorded.
#[utoipa::path(
    tag = "money",
    operation_id = "list_payments",
    params(("id" = String, Path, description = "Case id"), ListParams),
    responses(
        (status = 200, description = "A page of payments", body = PaymentList),
        (status = 403, description = "The caller may not read payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such case for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/payments")]
pub async fn list_payments(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| read::of_case(conn, &caller, &case_id, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(PaymentView::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(PaymentList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// One payment with its allocation.
#[utoipa::path(
    tag = "money",
    operation_id = "get_payment",
    params(("id" = String, Path, description = "Payment id")),
    responses(
        (status = 200, description = "The payment", body = PaymentView),
        (status = 403, description = "The caller may not read payments", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such payment for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/payments/{id}")]
pub async fn get_payment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let record = state
        .db
        .read(move |conn| read::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(PaymentView::try_from(record)?))
}

/// Reverses a payment that bounced or was charged back: every posting it made is negated on its
/// own date (nothing is deleted), so what it had settled is owed again with its interest, as if
/// the money had never arrived; a case it had closed `paid_in_full` is reopened. The agency
/// administrator reverses any payment, a creditor administrator only the direct payments its
/// organisation reported. A payment is reversed once; a second request answers 409.
#[utoipa::path(
    tag = "money",
    operation_id = "reverse_payment",
    params(("id" = String, Path, description = "Payment id")),
    request_body = NewReversal,
    responses(
        (status = 200, description = "Reversed", body = PaymentOutcome),
        (status = 403, description = "The caller may not reverse this payment", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such payment for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Already reversed (`conflict`), or the credit it left was refunded since (`credit_refunded`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason` is blank or too long", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/payments/{id}/reversal")]
pub async fn reverse_payment(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewReversal>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let input = body.into_inner();
    let rates = state.rates.current();
    let now = state.clock.now();
    let reversed = state
        .db
        .write(move |conn| payments::reverse(conn, &caller, &id, &input, &rates, now))
        .await?;
    Ok(HttpResponse::Ok().json(PaymentOutcome {
        payment: PaymentView::try_from(reversed.payment)?,
        case_state: reversed.case.state.to_string(),
        case_outcome: reversed.case.outcome.map(|outcome| outcome.to_string()),
    }))
}

crate::closed_sets::closed_set!(
    /// Where a payment stands.
    PaymentStatus,
    "Where a payment stands.",
    ["received", "reversed"]
);
