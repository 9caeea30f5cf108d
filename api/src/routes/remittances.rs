//! Money out: `POST /v1/remittances` (a run), `GET /v1/remittances` and
//! `GET /v1/remittances/{id}` (as JSON, or CSV with `?format=csv` or `Accept: text/csv`).

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::remittances::{NewRemittance, RemittanceRow, Statement, StatementLine, read, run};
use solvo_app::{AppError, clock};
use solvo_domain::money::{Currency, Money};
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

/// Registers the remittance routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_remittance)
        .service(list_remittances)
        .service(get_remittance)
        .service(download_remittance_csv);
}

/// A statement's totals: `collected = net + commission + costs + unapplied`, to the cent.
#[derive(Debug, Serialize, ToSchema)]
pub struct RemittanceSummary {
    /// `rem_…`
    pub id: String,
    /// The creditor paid.
    pub organisation_id: String,
    /// The last day covered.
    pub period_end: NaiveDate,
    /// Money the agency received on the lines.
    pub collected: MoneyView,
    /// Compensation and costs recovered from debtors, kept by the agency.
    pub costs: MoneyView,
    /// Held for debtors (overpayments), not remitted.
    pub unapplied: MoneyView,
    /// Success commission withheld (VAT, where due, is charged on the fee invoice).
    pub commission: MoneyView,
    /// Payable to the creditor.
    pub net: MoneyView,
    /// The user or API key that ran it.
    pub created_by: String,
    /// RFC 3339 time it was run.
    #[schema(format = DateTime)]
    pub created_at: String,
}

/// One line of a statement: a payment remitted, or the reversal of one remitted before.
#[derive(Debug, Serialize, ToSchema)]
pub struct RemittanceLineView {
    /// `payment` or `reversal` (the payment's earlier line, negated).
    #[schema(value_type = RemittanceLineKind, example = "payment")]
    pub kind: String,
    /// The payment.
    pub payment_id: String,
    /// Its case.
    pub case_id: String,
    /// The case's number.
    pub case_number: i64,
    /// The creditor's reference of the case.
    pub creditor_reference: String,
    /// The payment's value date.
    pub value_date: NaiveDate,
    /// Received.
    pub amount: MoneyView,
    /// Applied to principal (the creditor's).
    pub principal: MoneyView,
    /// Applied to interest (the creditor's).
    pub interest: MoneyView,
    /// Applied to compensation and costs (the agency's).
    pub costs: MoneyView,
    /// Held for the debtor.
    pub unapplied: MoneyView,
    /// Commission withheld on it.
    pub commission: MoneyView,
    /// Payable for it: principal + interest - commission.
    pub net: MoneyView,
}

/// A statement with its lines.
#[derive(Debug, Serialize, ToSchema)]
pub struct RemittanceView {
    /// Totals.
    #[serde(flatten)]
    pub summary: RemittanceSummary,
    /// The lines, in the order written.
    pub lines: Vec<RemittanceLineView>,
}

/// A page of statements.
#[derive(Debug, Serialize, ToSchema)]
pub struct RemittanceList {
    /// Oldest first.
    pub data: Vec<RemittanceSummary>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

impl TryFrom<&RemittanceRow> for RemittanceSummary {
    type Error = AppError;

    fn try_from(row: &RemittanceRow) -> Result<Self, AppError> {
        let money = |minor: i64| MoneyView::from(Money::from_minor(minor, row.currency));
        Ok(Self {
            id: row.id.clone(),
            organisation_id: row.organisation_id.clone(),
            period_end: row.period_end,
            collected: money(row.collected_minor),
            costs: money(row.costs_minor),
            unapplied: money(row.unapplied_minor),
            commission: money(row.commission_minor),
            net: money(row.net_minor),
            created_by: row.created_by.clone(),
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

fn line_view(line: &StatementLine, currency: Currency) -> RemittanceLineView {
    let row = &line.row;
    let money = |minor: i64| MoneyView::from(Money::from_minor(minor, currency));
    RemittanceLineView {
        kind: row.kind.clone(),
        payment_id: row.payment_id.clone(),
        case_id: row.case_id.clone(),
        case_number: line.case_number,
        creditor_reference: line.creditor_reference.clone(),
        value_date: row.value_date,
        amount: money(row.amount_minor),
        principal: money(row.principal_minor),
        interest: money(row.interest_minor),
        costs: money(row.costs_minor),
        unapplied: money(row.unapplied_minor),
        commission: money(row.commission_minor),
        net: money(row.net_minor),
    }
}

impl TryFrom<&Statement> for RemittanceView {
    type Error = AppError;

    fn try_from(statement: &Statement) -> Result<Self, AppError> {
        Ok(Self {
            summary: RemittanceSummary::try_from(&statement.row)?,
            lines: statement
                .lines
                .iter()
                .map(|line| line_view(line, statement.row.currency))
                .collect(),
        })
    }
}

/// The statement as CSV: one row per line, amounts as decimal strings, then a `total` row.
fn csv_of(statement: &Statement) -> Result<Vec<u8>, AppError> {
    let currency = statement.row.currency;
    let amount = |minor: i64| Money::from_minor(minor, currency).amount_string();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let fail = |err: csv::Error| AppError::internal(err.to_string());
    writer
        .write_record([
            "kind",
            "payment_id",
            "case_id",
            "case_number",
            "creditor_reference",
            "value_date",
            "currency",
            "amount",
            "principal",
            "interest",
            "costs",
            "unapplied",
            "commission",
            "net",
        ])
        .map_err(fail)?;
    for line in &statement.lines {
        let row = &line.row;
        writer
            .write_record([
                row.kind.clone(),
                row.payment_id.clone(),
                row.case_id.clone(),
                line.case_number.to_string(),
                line.creditor_reference.clone(),
                row.value_date.to_string(),
                currency.code().to_owned(),
                amount(row.amount_minor),
                amount(row.principal_minor),
                amount(row.interest_minor),
                amount(row.costs_minor),
                amount(row.unapplied_minor),
                amount(row.commission_minor),
                amount(row.net_minor),
            ])
            .map_err(fail)?;
    }
    let totals = &statement.row;
    let principal: i64 = statement
        .lines
        .iter()
        .map(|line| line.row.principal_minor)
        .sum();
    let interest: i64 = statement
        .lines
        .iter()
        .map(|line| line.row.interest_minor)
        .sum();
    writer
        .write_record([
            "total".to_owned(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            totals.period_end.to_string(),
            currency.code().to_owned(),
            amount(totals.collected_minor),
            amount(principal),
            amount(interest),
            amount(totals.costs_minor),
            amount(totals.unapplied_minor),
            amount(totals.commission_minor),
            amount(totals.net_minor),
        ])
        .map_err(fail)?;
    writer
        .into_inner()
        .map_err(|err| AppError::internal(err.to_string()))
}

/// The form of a statement.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FormatParams {
    /// `json` (default) or `csv`; `Accept: text/csv` also selects CSV.
    #[param(value_type = Option<crate::routes::format::JsonOrCsv>)]
    pub format: Option<String>,
}

/// Runs a remittance (agency administrators): every payment the agency received for the
/// creditor in the currency, value-dated by `period_end` and not remitted yet, and the reversal
/// of every remitted payment reversed by then, become the lines of one statement. Principal and
/// interest are the creditor's, less the success commission under each case's fee schedule;
/// compensation and costs recovered from the debtor are the agency's; unapplied credit is held.
/// A payment is remitted once. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "money",
    operation_id = "create_remittance",
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    request_body = NewRemittance,
    responses(
        (status = 201, description = "The statement", body = RemittanceView),
        (status = 403, description = "Not an agency administrator", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 409, description = "Another run took some of these payments at the same moment (`conflict`); run again", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`organisation_id` is not a creditor, `currency` is invalid, `period_end` is after today or nothing is waiting to be remitted (`nothing_to_remit`); or the `Idempotency-Key` was used with another body (`idempotency_key_reused`)", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/remittances")]
pub async fn create_remittance(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    body: ApiJson<NewRemittance>,
) -> Result<HttpResponse, ApiError> {
    let key = idempotency::key_from(&request, &caller)?;
    let fingerprint = format!("remittance:{}", body.fingerprint());
    let input = body.into_inner();
    let now = state.clock.now();
    let organisation_id = caller.organisation_id.clone();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let statement = run::run(conn, &caller, &input, now)?;
        let location = format!("/v1/remittances/{}", statement.row.id);
        let view = RemittanceView::try_from(&statement)?;
        Created::new(StatusCode::CREATED.as_u16(), &view, Some(location))
    })
    .await
}

/// The statements the caller may see, oldest first: every creditor's for the agency
/// administrator, its own for a creditor's users.
#[utoipa::path(
    tag = "money",
    operation_id = "list_remittances",
    params(ListParams),
    responses(
        (status = 200, description = "A page of statements", body = RemittanceList),
        (status = 403, description = "The caller may not read statements", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "Bad `limit` or `cursor`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/remittances")]
pub async fn list_remittances(
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
        .map(RemittanceSummary::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok().json(RemittanceList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// One statement with its lines, as JSON or as CSV (`?format=csv` or `Accept: text/csv`; one row
/// per line and a `total` row, amounts as decimal strings).
#[utoipa::path(
    tag = "money",
    operation_id = "get_remittance",
    params(("id" = String, Path, description = "Remittance id"), FormatParams),
    responses(
        (status = 200, description = "The statement", content(
            (RemittanceView = "application/json"),
            (String = "text/csv"),
        )),
        (status = 403, description = "The caller may not read statements", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such statement for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 422, description = "`format` is neither `json` nor `csv`", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/remittances/{id}")]
pub async fn get_remittance(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<FormatParams>,
) -> Result<HttpResponse, ApiError> {
    let csv = format::wants(&request, params.format.as_deref(), "csv", "text/csv")?;
    let id = id.into_inner();
    if csv {
        return csv_download(&state, caller, id).await;
    }
    let statement = state
        .db
        .read(move |conn| read::get(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(RemittanceView::try_from(&statement)?))
}

/// One statement as CSV (one row per line and a `total` row, amounts as decimal strings): the
/// same file as `GET /v1/remittances/{id}?format=csv`, as an operation of its own so that
/// generated clients get a file download.
#[utoipa::path(
    tag = "money",
    operation_id = "download_remittance_csv",
    params(("id" = String, Path, description = "Remittance id")),
    responses(
        (status = 200, description = "The statement as CSV", body = String, content_type = "text/csv",
         headers(("Content-Disposition" = String, description = "`attachment`, with the statement id as the file name"))),
        (status = 403, description = "The caller may not read statements", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 404, description = "No such statement for the caller", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/remittances/{id}/csv")]
pub async fn download_remittance_csv(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    csv_download(&state, caller, id.into_inner()).await
}

/// The statement `id` as a CSV attachment named by its id.
async fn csv_download(
    state: &AppState,
    caller: Caller,
    id: String,
) -> Result<HttpResponse, ApiError> {
    let statement = state
        .db
        .read(move |conn| read::get(conn, &caller, &id))
        .await?;
    let filename = format!("attachment; filename=\"{}.csv\"", statement.row.id);
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((header::CONTENT_DISPOSITION, filename))
        .body(csv_of(&statement)?))
}

crate::closed_sets::closed_set!(
    /// A payment passed on, or one taken back.
    RemittanceLineKind,
    "A payment passed on, or one taken back.",
    ["payment", "reversal"]
);
