//! `POST /v1/cases/bulk` (a JSON array of cases) and `POST /v1/cases/import` (CSV): a result per
//! item or row. Valid items land; a refused item never leaves half a case.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};
use solvo_app::AppError;
use solvo_domain::permission::Permission;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::body::{read_limited, require_media_type};
use crate::extract::json::{fingerprint, flatten};
use crate::idempotency::{self, Created};
use crate::state::AppState;
use solvo_app::cases::batch::{ItemOutcome, place_all};
use solvo_app::cases::csv_import::{self, CellError};
use solvo_app::cases::events::ActorRef;
use solvo_app::cases::input::{PlaceCase, ValidCase};
use solvo_app::cases::placement::PlacementContext;

/// Most cases one bulk request takes.
pub const MAX_BULK_CASES: usize = 10_000;
/// Largest bulk or CSV body.
pub const MAX_BULK_BYTES: usize = 64 * 1024 * 1024;

/// Counts of a bulk request.
#[derive(Debug, Default, Serialize, ToSchema)]
pub struct BulkSummary {
    /// Items received.
    pub received: usize,
    /// Placed now.
    pub created: usize,
    /// Placed before.
    pub duplicate: usize,
    /// Refused.
    pub rejected: usize,
}

/// What became of one item or row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemStatus {
    /// Placed now.
    Created,
    /// Placed before, or earlier in the same request.
    Duplicate,
    /// Refused; nothing of it was written.
    Rejected,
}

/// The outcome of one item.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResult {
    /// Position in the request array (0-based).
    pub index: usize,
    /// What became of it.
    pub status: ItemStatus,
    /// The new case (created).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The case that holds it already (duplicate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_case_id: Option<String>,
    /// What was duplicated (duplicate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Why it was refused (rejected), with field paths inside the item.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// The response of `POST /v1/cases/bulk`.
#[derive(Debug, Serialize, ToSchema)]
pub struct BulkResponse {
    /// Counts.
    pub summary: BulkSummary,
    /// One result per item, in request order.
    pub results: Vec<BulkResult>,
}

/// Places up to 10,000 cases from a JSON array of `PlaceCase` objects, each independently: the
/// response has a result per item (created with its case id, duplicate with the existing id,
/// or rejected with field errors). Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "intake",
    operation_id = "create_cases_bulk",
    request_body(content = Vec<PlaceCase>, description = "1 to 10,000 cases"),
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same body")),
    responses((status = 200, description = "A result per item", body = BulkResponse)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/bulk")]
pub async fn create_cases_bulk(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::PlaceCases)?;
    require_media_type(&request, &["application/json"])?;
    let key = idempotency::key_from(&request, &caller)?;
    let body = read_limited(&request, payload, MAX_BULK_BYTES).await?;
    let items: Vec<Value> = crate::extract::json::parse(&body)?;
    if items.is_empty() || items.len() > MAX_BULK_CASES {
        return Err(AppError::invalid(
            "body",
            "count",
            format!("Send 1 to {MAX_BULK_CASES} cases."),
        )
        .into());
    }
    let now = state.clock.now();
    let received = items.len();
    let mut results: Vec<Option<BulkResult>> = (0..received).map(|_| None).collect();
    let mut valid = Vec::with_capacity(received);
    for (index, item) in items.into_iter().enumerate() {
        match validate_item(item, &caller.organisation_id, now) {
            Ok(case) => valid.push((index, case)),
            Err(errors) => results[index] = Some(rejected(index, errors)),
        }
    }
    let context = PlacementContext {
        organisation_id: caller.organisation_id.clone(),
        actor: ActorRef::from(&caller.0),
    };
    let print = fingerprint(&body);
    idempotency::create(
        &state,
        caller.organisation_id.clone(),
        key,
        print,
        move |conn| {
            for (index, outcome) in place_all(conn, &context, valid, now)? {
                results[index] = Some(result_of(index, outcome));
            }
            let results: Vec<BulkResult> = results.into_iter().flatten().collect();
            let summary = summarise(received, &results);
            Created::new(
                StatusCode::OK.as_u16(),
                &BulkResponse { summary, results },
                None,
            )
        },
    )
    .await
}

fn validate_item(
    item: Value,
    organisation_id: &str,
    now: chrono::NaiveDateTime,
) -> Result<ValidCase, Vec<FieldError>> {
    let case: PlaceCase = serde_path_to_error::deserialize(item).map_err(|err| {
        let path = err.path().to_string();
        vec![FieldError::new(
            if path == "." { "item".to_owned() } else { path },
            "invalid_type",
            err.into_inner().to_string(),
        )]
    })?;
    case.validate().map_err(|errors| flatten(&errors))?;
    case.validate_case(organisation_id, "", now)
}

fn rejected(index: usize, errors: Vec<FieldError>) -> BulkResult {
    BulkResult {
        index,
        status: ItemStatus::Rejected,
        case_id: None,
        existing_case_id: None,
        detail: None,
        errors,
    }
}

fn result_of(index: usize, outcome: ItemOutcome) -> BulkResult {
    match outcome {
        ItemOutcome::Created { case_id } => BulkResult {
            index,
            status: ItemStatus::Created,
            case_id: Some(case_id),
            existing_case_id: None,
            detail: None,
            errors: Vec::new(),
        },
        ItemOutcome::Duplicate {
            existing_case_id,
            detail,
        } => BulkResult {
            index,
            status: ItemStatus::Duplicate,
            case_id: None,
            existing_case_id: Some(existing_case_id),
            detail: Some(detail),
            errors: Vec::new(),
        },
        ItemOutcome::Rejected { errors } => rejected(index, errors),
    }
}

fn summarise(received: usize, results: &[BulkResult]) -> BulkSummary {
    let count = |status| {
        results
            .iter()
            .filter(|result| result.status == status)
            .count()
    };
    BulkSummary {
        received,
        created: count(ItemStatus::Created),
        duplicate: count(ItemStatus::Duplicate),
        rejected: count(ItemStatus::Rejected),
    }
}

/// A problem with one cell.
#[derive(Debug, Serialize, ToSchema)]
pub struct CellProblem {
    /// The column (or `row`).
    pub column: String,
    /// What is wrong.
    pub message: String,
}

/// The outcome of one CSV row.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportRow {
    /// Line in the file (the header is line 1).
    pub row: u64,
    /// The row's creditor reference.
    pub creditor_reference: Option<String>,
    /// The row's invoice number.
    pub invoice_number: Option<String>,
    /// What became of it.
    pub status: ItemStatus,
    /// The case the row was placed in (created).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The case that holds it already (duplicate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_case_id: Option<String>,
    /// Why it was refused (rejected).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<CellProblem>,
}

/// Counts of an import.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportSummary {
    /// Data rows read.
    pub rows: usize,
    /// Cases placed.
    pub cases_created: usize,
    /// Rows placed.
    pub rows_created: usize,
    /// Rows placed before.
    pub rows_duplicate: usize,
    /// Rows refused.
    pub rows_rejected: usize,
}

/// The response of `POST /v1/cases/import`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResponse {
    /// Counts.
    pub summary: ImportSummary,
    /// One result per data row, in file order.
    pub results: Vec<ImportRow>,
}

/// Imports a CSV file: one row per invoice, grouped into cases by `creditor_reference`.
/// Required columns: `creditor_reference`, `debtor_legal_name`, `debtor_country`, `currency`,
/// `invoice_number`, `issue_date`, `due_date`, `amount`; optional: `debtor_vat_id`,
/// `debtor_registration_number`, `debtor_language`, `debtor_address_line1`,
/// `debtor_address_line2`, `debtor_postal_code`, `debtor_city`, `debtor_region`,
/// `debtor_contact_name`, `debtor_contact_email`, `debtor_contact_phone`, `jurisdiction`,
/// `contractual_interest_rate`, `notes`, `quote_id`. `,` or `;` separated, UTF-8 with or
/// without BOM, quoted fields; dates `YYYY-MM-DD`; amounts with a decimal point (or a decimal
/// comma in `;` files). A business debtor needs `debtor_vat_id` or
/// `debtor_registration_number`. A refused row refuses its whole case. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "intake",
    operation_id = "import_cases",
    request_body(content = String, content_type = "text/csv", description = "The CSV file"),
    params(("Idempotency-Key" = Option<String>, Header, description = "Replays the first response for the same file")),
    responses((status = 200, description = "A result per row", body = ImportResponse)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/import")]
pub async fn import_cases(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::PlaceCases)?;
    require_media_type(&request, &["text/csv", "application/csv", "text/plain"])?;
    let key = idempotency::key_from(&request, &caller)?;
    let body = read_limited(&request, payload, MAX_BULK_BYTES).await?;
    let parsed = csv_import::parse(&body)?;
    let now = state.clock.now();
    let mut results: Vec<ImportRow> = parsed
        .unreadable
        .iter()
        .map(|error| row_rejected(error, None, None))
        .collect();
    let mut valid = Vec::new();
    for (index, group) in parsed.groups.iter().enumerate() {
        match group_to_case(group, parsed.semicolon, &caller.organisation_id, now) {
            Ok(case) => valid.push((index, case)),
            Err(errors) => results.extend(reject_group(group, &errors)),
        }
    }
    let context = PlacementContext {
        organisation_id: caller.organisation_id.clone(),
        actor: ActorRef::from(&caller.0),
    };
    let print = hex::encode(Sha256::digest(&body));
    let rows = parsed.rows;
    idempotency::create(
        &state,
        caller.organisation_id.clone(),
        key,
        print,
        move |conn| {
            let mut cases_created = 0;
            for (index, outcome) in place_all(conn, &context, valid, now)? {
                let Some(group) = parsed.groups.get(index) else {
                    continue;
                };
                if matches!(outcome, ItemOutcome::Created { .. }) {
                    cases_created += 1;
                }
                results.extend(group_results(group, outcome));
            }
            results.sort_by_key(|row| row.row);
            let count = |status| results.iter().filter(|row| row.status == status).count();
            let summary = ImportSummary {
                rows,
                cases_created,
                rows_created: count(ItemStatus::Created),
                rows_duplicate: count(ItemStatus::Duplicate),
                rows_rejected: count(ItemStatus::Rejected),
            };
            Created::new(
                StatusCode::OK.as_u16(),
                &ImportResponse { summary, results },
                None,
            )
        },
    )
    .await
}

fn group_to_case(
    group: &csv_import::CsvGroup,
    semicolon: bool,
    organisation_id: &str,
    now: chrono::NaiveDateTime,
) -> Result<ValidCase, Vec<CellError>> {
    let case = group.to_place_case(semicolon)?;
    let to_cells = |errors: Vec<FieldError>| -> Vec<CellError> {
        errors
            .into_iter()
            .map(|error| {
                let (line, column) = group.locate(&error.field);
                CellError {
                    line,
                    column,
                    message: error.message,
                }
            })
            .collect()
    };
    case.validate()
        .map_err(|errors| to_cells(flatten(&errors)))?;
    case.validate_case(organisation_id, "", now)
        .map_err(to_cells)
}

fn cell(row: &csv_import::CsvRow, column: &str) -> Option<String> {
    row.get(column).map(ToOwned::to_owned)
}

fn row_rejected(
    error: &CellError,
    reference: Option<String>,
    invoice: Option<String>,
) -> ImportRow {
    ImportRow {
        row: error.line,
        creditor_reference: reference,
        invoice_number: invoice,
        status: ItemStatus::Rejected,
        case_id: None,
        existing_case_id: None,
        errors: vec![CellProblem {
            column: error.column.clone(),
            message: error.message.clone(),
        }],
    }
}

/// Every row of a refused case is refused: the rows with an error carry it, the others say which
/// row sank the case.
fn reject_group(group: &csv_import::CsvGroup, errors: &[CellError]) -> Vec<ImportRow> {
    let first_bad = errors.iter().map(|error| error.line).min().unwrap_or(0);
    group
        .rows
        .iter()
        .map(|row| {
            let own: Vec<CellProblem> = errors
                .iter()
                .filter(|error| error.line == row.line)
                .map(|error| CellProblem {
                    column: error.column.clone(),
                    message: error.message.clone(),
                })
                .collect();
            let problems = if own.is_empty() {
                vec![CellProblem {
                    column: "row".into(),
                    message: format!("Not placed: line {first_bad} of the same case was refused."),
                }]
            } else {
                own
            };
            ImportRow {
                row: row.line,
                creditor_reference: Some(group.reference.clone()),
                invoice_number: cell(row, "invoice_number"),
                status: ItemStatus::Rejected,
                case_id: None,
                existing_case_id: None,
                errors: problems,
            }
        })
        .collect()
}

fn group_results(group: &csv_import::CsvGroup, outcome: ItemOutcome) -> Vec<ImportRow> {
    match outcome {
        ItemOutcome::Rejected { errors } => {
            let cells: Vec<CellError> = errors
                .into_iter()
                .map(|error| {
                    let (line, column) = group.locate(&error.field);
                    CellError {
                        line,
                        column,
                        message: error.message,
                    }
                })
                .collect();
            reject_group(group, &cells)
        }
        ItemOutcome::Created { case_id } => {
            rows_with(group, ItemStatus::Created, Some(case_id), None)
        }
        ItemOutcome::Duplicate {
            existing_case_id, ..
        } => rows_with(group, ItemStatus::Duplicate, None, Some(existing_case_id)),
    }
}

fn rows_with(
    group: &csv_import::CsvGroup,
    status: ItemStatus,
    case_id: Option<String>,
    existing: Option<String>,
) -> Vec<ImportRow> {
    group
        .rows
        .iter()
        .map(|row| ImportRow {
            row: row.line,
            creditor_reference: Some(group.reference.clone()),
            invoice_number: cell(row, "invoice_number"),
            status,
            case_id: case_id.clone(),
            existing_case_id: existing.clone(),
            errors: Vec::new(),
        })
        .collect()
}
