//! The agency's fee invoices: `POST /v1/fee-invoices` (issue one), `GET /v1/fee-invoices`,
//! `GET /v1/fee-invoices/{id}` (as JSON, or PDF with `?format=pdf` or `Accept:
//! application/pdf`) and `POST /v1/fee-invoices/{id}/credit-note`; the parties' details with
//! `PUT/GET /v1/organisations/{id}/billing`.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, put, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::fee_invoices::billing::{self, Billing, BillingInput};
use solvo_app::fee_invoices::{
    FeeInvoice, FeeInvoiceRow, NewCreditNote, NewFeeInvoice, Party, credit, figures, issue, pdf,
    read,
};
use solvo_app::{AppError, clock};
use solvo_domain::money::Money;
use utoipa::{IntoParams, ToSchema};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::money::MoneyView;
use crate::routes::format;
use crate::routes::pagination::ListParams;
use crate::state::AppState;

/// Registers the fee-invoice and billing routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_fee_invoice)
        .service(list_fee_invoices)
        .service(get_fee_invoice)
        .service(download_fee_invoice_pdf)
        .service(create_credit_note)
        .service(put_billing)
        .service(get_billing);
}

/// An invoice's or credit note's figures (a credit note's are the negation of its invoice's).
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeInvoiceSummary {
    /// `fin_…`
    pub id: String,
    /// `invoice` or `credit_note`.
    #[schema(value_type = solvo_app::wire_names::FeeDocumentKind, example = "invoice")]
    pub kind: String,
    /// Series, year and sequence without gaps: `INV-2026-000042`, `CRN-2026-000003`.
    #[schema(example = "INV-2026-000042")]
    pub number: String,
    /// The creditor billed.
    pub organisation_id: String,
    /// The day of issue.
    pub issue_date: NaiveDate,
    /// The last day billed.
    pub period_end: NaiveDate,
    /// `standard` (the agency's rate), `reverse_charge` (a creditor in another EU member state
    /// with a VAT number) or `outside_scope` (a creditor outside the EU).
    #[schema(example = "standard")]
    pub vat_treatment: String,
    /// The VAT rate charged in percent.
    #[schema(example = "21")]
    pub vat_rate: String,
    /// Sum of the lines.
    pub net: MoneyView,
    /// VAT on the net sum.
    pub vat: MoneyView,
    /// Net plus VAT.
    pub total: MoneyView,
    /// Commission already withheld from remittances (paid by set-off).
    pub withheld: MoneyView,
    /// What the creditor pays: total less withheld (negative: owed to the creditor).
    pub amount_due: MoneyView,
    /// For a credit note: the invoice it cancels.
    pub credits_id: Option<String>,
    /// For an invoice: the credit note that cancelled it.
    pub credited_by: Option<String>,
    /// RFC 3339 time of issue.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// One line.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeInvoiceLineView {
    /// 1 for the first.
    pub position: i32,
    /// `case_fee` (introduction or withdrawal fee posted on a case), `remittance_commission`
    /// (withheld by a remittance) or `direct_payment_commission` (on money paid to the creditor
    /// directly, or given back when such a payment was reversed).
    #[schema(value_type = solvo_app::wire_names::FeeLineSource, example = "case_fee")]
    pub source: String,
    /// What it bills: the fee's posting, the remittance, or the direct payment (`…:reversal`
    /// for its reversal).
    pub item: String,
    /// The case, when the line is one case's.
    pub case_id: Option<String>,
    /// As printed.
    pub description: String,
    /// Net of VAT.
    pub net: MoneyView,
}

/// An invoice or credit note with its parties and lines.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeInvoiceView {
    /// Figures.
    #[serde(flatten)]
    pub summary: FeeInvoiceSummary,
    /// The agency, as of the day of issue.
    pub seller: Party,
    /// The creditor, as of the day of issue.
    pub buyer: Party,
    /// For a credit note: why.
    pub reason: Option<String>,
    /// The mention the VAT treatment requires (reverse charge, outside the scope), if any.
    pub vat_note: Option<String>,
    /// The lines in order.
    pub lines: Vec<FeeInvoiceLineView>,
}

/// A page of invoices and credit notes.
#[derive(Debug, Serialize, ToSchema)]
pub struct FeeInvoiceList {
    /// Oldest first.
    pub data: Vec<FeeInvoiceSummary>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

fn summary(
    row: &FeeInvoiceRow,
    credited_by: Option<String>,
) -> Result<FeeInvoiceSummary, AppError> {
    let money = |minor: i64| MoneyView::from(Money::from_minor(minor, row.currency));
    Ok(FeeInvoiceSummary {
        id: row.id.clone(),
        kind: figures::kind(row)?.as_str().to_owned(),
        number: figures::number(row)?,
        organisation_id: row.organisation_id.clone(),
        issue_date: row.issue_date,
        period_end: row.period_end,
        vat_treatment: row.vat_treatment.clone(),
        vat_rate: figures::percent(i64::from(row.vat_rate_bp)),
        net: money(row.net_minor),
        vat: money(row.vat_minor),
        total: money(figures::total_minor(row)?),
        withheld: money(row.withheld_minor),
        amount_due: money(figures::amount_due_minor(row)?),
        credits_id: row.credits_id.clone(),
        credited_by,
        created_at: clock::rfc3339(row.created_at),
    })
}

impl TryFrom<&FeeInvoice> for FeeInvoiceView {
    type Error = AppError;

    fn try_from(invoice: &FeeInvoice) -> Result<Self, AppError> {
        let row = &invoice.row;
        let money = |minor: i64| MoneyView::from(Money::from_minor(minor, row.currency));
        let vat_note = u32::try_from(row.vat_rate_bp)
            .ok()
            .and_then(|rate| solvo_domain::invoicing::VatTreatment::parse(&row.vat_treatment, rate))
            .and_then(solvo_domain::invoicing::VatTreatment::mention)
            .map(ToOwned::to_owned);
        Ok(Self {
            summary: summary(row, invoice.credited_by.as_ref().map(|(id, _)| id.clone()))?,
            seller: invoice.seller.clone(),
            buyer: invoice.buyer.clone(),
            reason: row.reason.clone(),
            vat_note,
            lines: invoice
                .lines
                .iter()
                .map(|line| {
                    Ok(FeeInvoiceLineView {
                        position: line.position,
                        source: line.source.clone(),
                        item: line.item.clone(),
                        case_id: line.case_id.clone(),
                        description: line.description.clone(),
                        net: money(line.net_minor),
                    })
                })
                .collect::<Result<_, AppError>>()?,
        })
    }
}

/// Issues a fee invoice (agency administrators): every fee posted on the creditor's cases in
/// the currency by `period_end`, the commission of every remittance run by then, and the
/// commission on payments made to the creditor directly (value-dated by then; reversals give it
/// back), not billed before, become the lines of one invoice. VAT follows the agency's rate and
/// the creditor's country and VAT number (reverse charge within the EU, none outside it).
/// Numbers run without gaps per series and year. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "create_fee_invoice",
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    request_body = NewFeeInvoice,
    responses(
        (status = 201, description = "The invoice", body = FeeInvoiceView),
        (status = 403, description = "Not an agency administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another invoice billed some of these items at the same moment (`conflict`); issue again", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`organisation_id` is not a creditor, `currency` is invalid, `period_end` is after today, the agency or the creditor has no billing details (`billing_details_missing`) or the agency no VAT rate (`vat_rate_missing`), or nothing is waiting to be billed (`nothing_to_invoice`); or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/fee-invoices")]
pub async fn create_fee_invoice(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<NewFeeInvoice>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let fingerprint = format!("fee_invoice:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let invoice = issue::issue(conn, &caller, &input, now)?;
        let location = format!("/v1/fee-invoices/{}", invoice.row.id);
        let view = FeeInvoiceView::try_from(&invoice)?;
        Created::new(StatusCode::CREATED.as_u16(), &view, Some(location))
    })
    .await
}

/// Cancels an invoice in full with a credit note (agency administrators): every figure
/// negated, the invoice named, the reason printed. What the invoice billed returns to the next
/// `POST /v1/fee-invoices`, which bills it again with the details of that day. Honours
/// `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "create_credit_note",
    params(
        ("id" = String, Path, description = "The invoice to cancel"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = NewCreditNote,
    responses(
        (status = 201, description = "The credit note", body = FeeInvoiceView),
        (status = 403, description = "Not an agency administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "The invoice was credited already, or is a credit note (`invoice_credited`)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`reason` is blank or longer than 500 characters", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/fee-invoices/{id}/credit-note")]
pub async fn create_credit_note(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<NewCreditNote>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let id = id.into_inner();
    let fingerprint = format!("credit_note:{id}:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let note = credit::credit(conn, &caller, &id, &input, now)?;
        let location = format!("/v1/fee-invoices/{}", note.row.id);
        let view = FeeInvoiceView::try_from(&note)?;
        Created::new(StatusCode::CREATED.as_u16(), &view, Some(location))
    })
    .await
}

/// The invoices and credit notes the caller may see, oldest first: every creditor's for the
/// agency administrator, its own for a creditor's users.
#[utoipa::path(
    tag = "money",
    operation_id = "list_fee_invoices",
    params(ListParams),
    responses(
        (status = 200, description = "A page of invoices and credit notes", body = FeeInvoiceList),
        (status = 403, description = "The caller may not read fee invoices", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/fee-invoices")]
pub async fn list_fee_invoices(
    state: web::Data<AppState>,
    caller: Caller,
    params: web::Query<ListParams>,
) -> Result<HttpResponse, ApiError> {
    let page = params.page()?;
    let rows = state
        .db
        .read(move |conn| read::list(conn, &caller, &page))
        .await?;
    let data = rows
        .items
        .iter()
        .map(|row| summary(row, None))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(FeeInvoiceList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// A PDF file, as binary.
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a body the handler reads itself"
)]
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary, content_media_type = "application/pdf")]
pub struct PdfFile(pub Vec<u8>);

/// The form of an invoice.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct InvoiceFormat {
    /// `json` (default) or `pdf`; `Accept: application/pdf` also selects the PDF.
    #[param(value_type = Option<format::JsonOrPdf>)]
    pub format: Option<String>,
}

/// One invoice or credit note, as JSON or as the PDF the creditor files (`?format=pdf` or
/// `Accept: application/pdf`).
#[utoipa::path(
    tag = "money",
    operation_id = "get_fee_invoice",
    params(("id" = String, Path, description = "Fee invoice id"), InvoiceFormat),
    responses(
        (status = 200, description = "The invoice", content(
            (FeeInvoiceView = "application/json"),
            (PdfFile = "application/pdf"),
        )),
        (status = 403, description = "The caller may not read fee invoices", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`format` is neither `json` nor `pdf`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/fee-invoices/{id}")]
pub async fn get_fee_invoice(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<InvoiceFormat>,
) -> Result<HttpResponse, ApiError> {
    let as_pdf = format::wants(&request, params.format.as_deref(), "pdf", "application/pdf")?;
    let id = id.into_inner();
    if as_pdf {
        return pdf_of(&state, caller, id).await;
    }
    let invoice = state
        .db
        .read(move |conn| read::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(FeeInvoiceView::try_from(&invoice)?))
}

/// One invoice or credit note as the PDF the creditor files: the same document as
/// `GET /v1/fee-invoices/{id}?format=pdf`, as an operation of its own so that generated clients
/// get a binary download.
#[utoipa::path(
    tag = "money",
    operation_id = "download_fee_invoice_pdf",
    params(("id" = String, Path, description = "Fee invoice id")),
    responses(
        (status = 200, description = "The invoice as PDF", body = PdfFile, content_type = "application/pdf",
         headers(("Content-Disposition" = String, description = "`inline`, with the invoice number as the file name"))),
        (status = 403, description = "The caller may not read fee invoices", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such invoice for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/fee-invoices/{id}/pdf")]
pub async fn download_fee_invoice_pdf(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    pdf_of(&state, caller, id.into_inner()).await
}

/// The invoice `id` rendered as PDF, named by its number.
async fn pdf_of(state: &AppState, caller: Caller, id: String) -> Result<HttpResponse, ApiError> {
    let (number, bytes) = state
        .db
        .read(move |conn| {
            let invoice = read::get(conn, &caller, &id)?;
            Ok((figures::number(&invoice.row)?, pdf::render(&invoice)?))
        })
        .await?;
    let filename = format!("inline; filename=\"{number}.pdf\"");
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((header::CONTENT_DISPOSITION, filename))
        .body(bytes))
}

/// Billing details as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct BillingView {
    /// The organisation.
    pub organisation_id: String,
    /// The legal name invoices show.
    pub legal_name: String,
    /// The postal address lines.
    pub address_lines: Vec<String>,
    /// ISO 3166-1 alpha-2 country, the organisation's.
    #[schema(value_type = solvo_app::wire_names::CountryCodeName)]
    pub country: String,
    /// The VAT identification number.
    pub vat_id: Option<String>,
    /// The agency's VAT rate in percent.
    pub vat_rate: Option<String>,
    /// RFC 3339 time of the last change.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl From<&Billing> for BillingView {
    fn from(billing: &Billing) -> Self {
        Self {
            organisation_id: billing.organisation.id.clone(),
            legal_name: billing.row.legal_name.clone(),
            address_lines: billing.address_lines(),
            country: billing.organisation.country.clone(),
            vat_id: billing.row.vat_id.clone(),
            vat_rate: billing
                .row
                .vat_rate_bp
                .map(|bp| figures::percent(i64::from(bp))),
            updated_at: clock::rfc3339(billing.row.updated_at),
        }
    }
}

/// Sets the details fee invoices name an organisation by (the agency administrator for any
/// organisation, a creditor's administrator for its own): legal name, address, VAT number, and
/// for the agency its VAT rate. Invoices already issued keep the details of their day.
#[utoipa::path(
    tag = "money",
    operation_id = "put_billing_details",
    params(("id" = String, Path, description = "Organisation id")),
    request_body = BillingInput,
    responses(
        (status = 200, description = "The details now", body = BillingView),
        (status = 403, description = "The caller may not manage billing details", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such organisation for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "A field is invalid (`legal_name`, `address_lines`, `vat_id`, `vat_rate`; a creditor has no `vat_rate`: `not_the_supplier`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[put("/v1/organisations/{id}/billing")]
pub async fn put_billing(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<BillingInput>,
) -> Result<HttpResponse, ApiError> {
    let input = body.into_inner();
    let id = id.into_inner();
    let now = state.clock.now();
    let stored = state
        .db
        .write(move |conn| billing::put(conn, &caller, &id, &input, now))
        .await?;
    Ok(HttpResponse::Ok().json(BillingView::from(&stored)))
}

/// The billing details of an organisation (its own users, or the agency administrator).
#[utoipa::path(
    tag = "money",
    operation_id = "get_billing_details",
    params(("id" = String, Path, description = "Organisation id")),
    responses(
        (status = 200, description = "The details", body = BillingView),
        (status = 404, description = "No such organisation for the caller, or no details set", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/organisations/{id}/billing")]
pub async fn get_billing(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let stored = state
        .db
        .read(move |conn| billing::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(BillingView::from(&stored)))
}
