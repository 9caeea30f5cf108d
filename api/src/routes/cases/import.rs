//! `POST /v1/cases/import` (a CSV file, as the body or as the `file` part of a form) and
//! `GET /v1/cases/import/template`: a result per row. Valid cases land; a refused row never
//! leaves half a case.

use actix_multipart::{Multipart, MultipartError};
use actix_web::http::{StatusCode, header};
use actix_web::web::Bytes;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use futures_util::StreamExt;
use serde::Serialize;
use sha2::{Digest, Sha256};
use solvo_domain::permission::Permission;
use utoipa::ToSchema;
use validator::Validate;

use super::bulk::{ItemStatus, MAX_BULK_BYTES, intake_of};
use crate::auth::Caller;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::body::{read_limited, require_media_type};
use crate::extract::json::flatten;
use crate::idempotency::{self, Created};
use crate::state::AppState;
use solvo_app::cases::batch::ItemOutcome;
use solvo_app::cases::csv_import::dates::DateFormat;
use solvo_app::cases::csv_import::decode::TextEncoding;
use solvo_app::cases::csv_import::{self, CellError, OPTIONAL_COLUMNS, REQUIRED_COLUMNS};
use solvo_app::cases::input::ValidCase;
use solvo_app::cases::intake::{Guard, place_in_chunks};

/// The media types a CSV body may be sent as (Windows browsers label a `.csv` file
/// `application/vnd.ms-excel`).
const CSV_TYPES: [&str; 4] = [
    "text/csv",
    "application/csv",
    "text/plain",
    "application/vnd.ms-excel",
];

/// Room for the form's envelope on top of the file.
const ENVELOPE_BYTES: usize = 64 * 1024;

/// A problem with one cell.
#[derive(Debug, Serialize, ToSchema)]
pub struct CellProblem {
    /// The column as the template names it, or `row` for the row as a whole.
    pub column: String,
    /// What is wrong and what to write instead.
    pub message: String,
}

/// The outcome of one CSV row. `creditor_reference` and `invoice_number` are always sent (`null`
/// when the row has none); the other optional fields are left out when they do not apply.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportRow {
    /// The line the row starts on, the header being line 1, whether lines end in CRLF, LF or
    /// CR: the row number a spreadsheet shows, unless a cell above holds a line break.
    pub row: u64,
    /// The row's creditor reference.
    #[schema(required = true)]
    pub creditor_reference: Option<String>,
    /// The row's invoice number.
    #[schema(required = true)]
    pub invoice_number: Option<String>,
    /// What became of it.
    pub status: ItemStatus,
    /// The case the row was placed in (created).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub case_id: Option<String>,
    /// The case that holds it already (duplicate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_case_id: Option<String>,
    /// Why it was refused (rejected): every problem of the row, each with its column.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<CellProblem>,
}

/// Counts of an import.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportSummary {
    /// Data rows read (empty rows at the end of a spreadsheet are not counted).
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

/// The column separator.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub enum Delimiter {
    /// `,`.
    #[serde(rename = ",")]
    Comma,
    /// `;` (decimal commas are the file's convention).
    #[serde(rename = ";")]
    Semicolon,
}

/// The line ends found.
#[derive(Debug, Clone, Copy, Serialize, ToSchema)]
pub enum LineEnding {
    /// Windows and Excel.
    #[serde(rename = "CRLF")]
    Crlf,
    /// Unix.
    #[serde(rename = "LF")]
    Lf,
    /// Old Mac.
    #[serde(rename = "CR")]
    Cr,
}

/// The formats of the date columns, as detected from all their values (absent when a column
/// holds no date that reads).
#[derive(Debug, Serialize, ToSchema)]
pub struct DateFormats {
    /// Format of `issue_date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue_date: Option<DateFormat>,
    /// Format of `due_date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub due_date: Option<DateFormat>,
}

/// How the file was read.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportFormat {
    /// The text encoding, detected from a byte order mark or, without one, UTF-8 when the
    /// bytes are valid UTF-8 and Windows-1252 otherwise.
    pub encoding: TextEncoding,
    /// The column separator, detected from the header.
    pub delimiter: Delimiter,
    /// The line ends.
    pub line_ending: LineEnding,
    /// The date columns' formats.
    pub date_formats: DateFormats,
}

/// A column read past.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportWarning {
    /// The column as the header names it (lowercased; empty for a column without a name).
    pub column: String,
    /// What was done with it.
    pub message: String,
}

/// The response of `POST /v1/cases/import`.
#[derive(Debug, Serialize, ToSchema)]
pub struct ImportResponse {
    /// Counts.
    pub summary: ImportSummary,
    /// How the file was read.
    pub format: ImportFormat,
    /// Columns Solvo does not read (their values were ignored) or named twice.
    pub warnings: Vec<ImportWarning>,
    /// One result per data row, in file order.
    pub results: Vec<ImportRow>,
}

/// A CSV file, as binary: its bytes are read in whichever encoding they are in.
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a body the handler reads itself"
)]
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary, content_media_type = "text/csv")]
pub struct CsvFile(pub Vec<u8>);

/// The `multipart/form-data` form of an import: one `file` part.
// Never deserialised: the handler reads the part itself to stop at the size limit; this type
// only gives the OpenAPI document the form's shape.
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a body the handler reads itself"
)]
#[derive(Debug, ToSchema)]
pub struct ImportUpload {
    /// The CSV file, of any part `Content-Type`.
    #[schema(value_type = String, format = Binary, content_media_type = "text/csv")]
    pub file: Vec<u8>,
}

/// Imports a CSV file: one row per invoice, grouped into cases by `creditor_reference`.
///
/// Send the file as the body (`text/csv`) or as the `file` part of a `multipart/form-data`
/// form. Required columns: `creditor_reference`, `debtor_legal_name`, `debtor_country`,
/// `currency`, `invoice_number`, `issue_date`, `due_date`, `amount`; optional:
/// `debtor_vat_id`, `debtor_registration_number`, `debtor_language`, `debtor_address_line1`,
/// `debtor_address_line2`, `debtor_postal_code`, `debtor_city`, `debtor_region`,
/// `debtor_contact_name`, `debtor_contact_email`, `debtor_contact_phone`, `jurisdiction`,
/// `contractual_interest_rate`, `notes`, `quote_id` (`GET /v1/cases/import/template` gives a
/// file with them). Other columns are listed in `warnings` and ignored.
///
/// The file as spreadsheets save it: `,` or `;` separated, quoted fields, UTF-8 with or
/// without BOM, UTF-16 with BOM or Windows-1252, lines ending in CRLF, LF or CR. Amounts with a
/// decimal comma or point, optionally with `.`, space or `'` between thousands and the
/// currency's code or sign before or after (`1.250,00 €`, `EUR 1,250.00`); a form that reads
/// two ways (`1,250`) is refused with both readings. Dates `YYYY-MM-DD`, `DD.MM.YYYY`,
/// `DD/MM/YYYY` or `DD-MM-YYYY`, one format per column (reported in `format`); a `/` or `-`
/// column with no day above 12 could be month first and refuses the file.
///
/// A row's errors come all at once, each with its column. A business debtor needs
/// `debtor_vat_id` or `debtor_registration_number`. A refused row refuses its whole case.
/// Honours `Idempotency-Key` (the file's bytes are the fingerprint, however they are sent).
#[utoipa::path(
    tag = "intake",
    operation_id = "import_cases",
    request_body(
        description = "The CSV file, as the body or as the `file` part of a form",
        content(
            (CsvFile = "text/csv", example = json!("creditor_reference,debtor_legal_name,debtor_country,currency,invoice_number,issue_date,due_date,amount,debtor_vat_id\nACME-2026-0042,Globex GmbH,DE,EUR,INV-2026-0042,2026-01-05,2026-02-04,1250.00,DE123456789\n")),
            (inline(ImportUpload) = "multipart/form-data"),
        ),
    ),
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same file: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
    responses(
        (status = 200, description = "A result per row", body = ImportResponse),
        (status = 413, description = "The file is larger than 64 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is neither CSV nor multipart/form-data", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The file cannot be read as a whole: no text in an encoding read here, required columns missing, a date column ambiguous, too many rows, or the form without its `file`; `errors` names each", body = Problem, content_type = "application/problem+json"),
    ),
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
    let mut accepted = CSV_TYPES.to_vec();
    accepted.push("multipart/form-data");
    let media_type = require_media_type(&request, &accepted)?;
    let key = idempotency::key_from(&request, &caller)?;
    let body = if media_type == "multipart/form-data" {
        read_form(&request, payload).await?
    } else {
        read_limited(&request, payload, MAX_BULK_BYTES).await?
    };
    let parsed = csv_import::parse(&body)?;
    let now = state.clock.now();
    let mut results: Vec<ImportRow> = parsed
        .unreadable
        .iter()
        .map(|error| row_rejected(error, None, None))
        .collect();
    let mut valid = Vec::new();
    let mut refused = Vec::new();
    for (index, group) in parsed.groups.iter().enumerate() {
        match group_to_case(group, &parsed, &caller.organisation_id, now) {
            Ok(case) => valid.push((index, case)),
            Err(errors) => refused.push((index, errors)),
        }
    }
    let guard = Guard {
        key,
        fingerprint: hex::encode(Sha256::digest(&body)),
    };
    let intake = intake_of(&state, &caller, now);
    let outcome = place_in_chunks(&state.db, intake, guard, valid, |outcomes| {
        let mut cases_created = 0;
        let mut answered = vec![false; parsed.groups.len()];
        for (index, outcome) in outcomes {
            let Some(group) = parsed.groups.get(index) else {
                continue;
            };
            answered[index] = true;
            if matches!(outcome, ItemOutcome::Created { .. }) {
                cases_created += 1;
            }
            results.extend(group_results(group, outcome));
        }
        // A group an earlier run of the same key placed keeps that outcome, even if the checks
        // (some of which depend on the day) would refuse it now.
        for (index, errors) in &refused {
            if let Some(group) = parsed.groups.get(*index)
                && !answered[*index]
            {
                results.extend(reject_group(group, errors));
            }
        }
        results.sort_by_key(|row| row.row);
        let count = |status| results.iter().filter(|row| row.status == status).count();
        let summary = ImportSummary {
            rows: parsed.rows,
            cases_created,
            rows_created: count(ItemStatus::Created),
            rows_duplicate: count(ItemStatus::Duplicate),
            rows_rejected: count(ItemStatus::Rejected),
        };
        Created::new(
            StatusCode::OK.as_u16(),
            &ImportResponse {
                summary,
                format: format_of(&parsed),
                warnings: warnings_of(&parsed),
                results,
            },
            None,
        )
    })
    .await?;
    Ok(idempotency::respond(&outcome))
}

fn warnings_of(parsed: &csv_import::ParsedCsv) -> Vec<ImportWarning> {
    parsed
        .warnings
        .iter()
        .map(|warning| ImportWarning {
            column: warning.column.clone(),
            message: warning.message.clone(),
        })
        .collect()
}

/// The example row of the template: a case Solvo places as it stands.
const TEMPLATE_EXAMPLE: [(&str, &str); 23] = [
    ("creditor_reference", "ACME-2026-0042"),
    ("debtor_legal_name", "Globex GmbH"),
    ("debtor_country", "DE"),
    ("currency", "EUR"),
    ("invoice_number", "INV-2026-0042"),
    ("issue_date", "2026-01-05"),
    ("due_date", "2026-02-04"),
    ("amount", "1250.00"),
    ("debtor_vat_id", "DE123456789"),
    ("debtor_registration_number", ""),
    ("debtor_language", "de"),
    ("debtor_address_line1", "Hauptstraße 1"),
    ("debtor_address_line2", ""),
    ("debtor_postal_code", "10115"),
    ("debtor_city", "Berlin"),
    ("debtor_region", ""),
    ("debtor_contact_name", "Erika Mustermann"),
    ("debtor_contact_email", "buchhaltung@globex.example"),
    ("debtor_contact_phone", "+49 30 1234567"),
    ("jurisdiction", "DE"),
    ("contractual_interest_rate", ""),
    ("notes", "Reminders sent on 2026-02-11 and 2026-02-25"),
    ("quote_id", ""),
];

/// A CSV file with every column the import reads (the required ones first) and one example
/// row: UTF-8 with a BOM and CRLF line ends, so that Excel opens it with its accents intact.
#[utoipa::path(
    tag = "intake",
    operation_id = "get_import_template",
    responses(
        (status = 200, description = "The template", body = CsvFile, content_type = "text/csv"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/import/template")]
pub async fn get_import_template(caller: Caller) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::PlaceCases)?;
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(b"\xEF\xBB\xBF".to_vec());
    let columns = REQUIRED_COLUMNS.iter().chain(OPTIONAL_COLUMNS.iter());
    let example = columns.clone().map(|column| {
        TEMPLATE_EXAMPLE
            .iter()
            .find(|(name, _)| name == column)
            .map_or("", |(_, value)| value)
    });
    writer
        .write_record(columns)
        .and_then(|()| writer.write_record(example))
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("writing the template: {err}")))?;
    let bytes = writer
        .into_inner()
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("writing the template: {err}")))?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"solvo-import-template.csv\"",
        ))
        .body(bytes))
}

/// Reads the `file` part of a form, within the same limit as a CSV body.
async fn read_form(request: &HttpRequest, payload: web::Payload) -> Result<Bytes, ApiError> {
    let limit = MAX_BULK_BYTES + ENVELOPE_BYTES;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > limit) {
        return Err(ApiError::PayloadTooLarge(MAX_BULK_BYTES));
    }
    let mut multipart = Multipart::new(request.headers(), payload);
    let mut file: Option<Vec<u8>> = None;
    let mut errors = Vec::new();
    // Every part counts against one budget, so unknown parts cannot make the request unbounded.
    let mut budget = limit;
    while let Some(field) = multipart.next().await {
        let mut field = field.map_err(multipart_error)?;
        let name = field.name().unwrap_or_default().to_owned();
        let mut content = Vec::new();
        while let Some(chunk) = field.next().await {
            let chunk = chunk.map_err(multipart_error)?;
            budget = budget
                .checked_sub(chunk.len())
                .ok_or(ApiError::PayloadTooLarge(MAX_BULK_BYTES))?;
            if name == "file" {
                content.extend_from_slice(&chunk);
            }
        }
        match name.as_str() {
            "file" if file.is_some() => {
                return Err(ApiError::invalid(
                    "file",
                    "duplicate",
                    "Send one file per import.",
                ));
            }
            "file" => file = Some(content),
            other => errors.push(FieldError::new(
                other.chars().take(100).collect::<String>(),
                "unknown_field",
                "Unknown form field; the form has one part, `file`.",
            )),
        }
    }
    match file {
        Some(content) if errors.is_empty() => Ok(Bytes::from(content)),
        found => {
            if found.is_none() {
                errors.push(FieldError::new(
                    "file",
                    "required",
                    "Send the CSV file as the form's `file` part.",
                ));
            }
            Err(ApiError::Validation(errors))
        }
    }
}

/// A broken form is the client's mistake: 415 when its media type is unusable, otherwise a 422.
fn multipart_error(err: MultipartError) -> ApiError {
    match err {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible
        | MultipartError::BoundaryMissing => ApiError::UnsupportedMediaType(
            "Send multipart/form-data with a boundary parameter.".into(),
        ),
        MultipartError::Payload(actix_web::error::PayloadError::Overflow) => {
            ApiError::PayloadTooLarge(MAX_BULK_BYTES)
        }
        other => ApiError::invalid(
            "body",
            "malformed_multipart",
            format!("The multipart body could not be read: {other}."),
        ),
    }
}

fn format_of(parsed: &csv_import::ParsedCsv) -> ImportFormat {
    ImportFormat {
        encoding: parsed.format.encoding,
        delimiter: if parsed.format.delimiter == ';' {
            Delimiter::Semicolon
        } else {
            Delimiter::Comma
        },
        line_ending: match parsed.format.line_ending {
            "CRLF" => LineEnding::Crlf,
            "CR" => LineEnding::Cr,
            _ => LineEnding::Lf,
        },
        date_formats: DateFormats {
            issue_date: parsed.date_format("issue_date"),
            due_date: parsed.date_format("due_date"),
        },
    }
}

/// The case of a group, or every problem of its rows: those of the file's form first, then
/// the case's own checks on the cells that did read (a cell that did not is reported once).
fn group_to_case(
    group: &csv_import::CsvGroup,
    parsed: &csv_import::ParsedCsv,
    organisation_id: &str,
    now: chrono::NaiveDateTime,
) -> Result<ValidCase, Vec<CellError>> {
    let (case, mut errors) = group.to_place_case(parsed);
    let mut checks: Vec<FieldError> = match case.validate() {
        Ok(()) => Vec::new(),
        Err(failed) => flatten(&failed),
    };
    let valid = case.validate_case(organisation_id, "", now);
    let valid = match valid {
        Ok(valid) => Some(valid),
        Err(found) => {
            checks.extend(found);
            None
        }
    };
    let flagged: Vec<(u64, String)> = errors
        .iter()
        .map(|error| (error.line, error.column.clone()))
        .collect();
    for check in checks {
        let (line, column) = group.locate(&check.field);
        let cell = (line, column);
        let repeated = errors.iter().any(|error| {
            error.line == cell.0 && error.column == cell.1 && error.message == check.message
        });
        if !flagged.contains(&cell) && !repeated {
            errors.push(CellError {
                line: cell.0,
                column: cell.1,
                message: check.message,
            });
        }
    }
    match valid {
        Some(valid) if errors.is_empty() => Ok(valid),
        _ => {
            errors.sort_by_key(|error| error.line);
            Err(errors)
        }
    }
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
            rows_with(group, ItemStatus::Created, Some(&case_id), None)
        }
        ItemOutcome::Duplicate {
            existing_case_id, ..
        } => rows_with(group, ItemStatus::Duplicate, None, Some(&existing_case_id)),
    }
}

fn rows_with(
    group: &csv_import::CsvGroup,
    status: ItemStatus,
    case_id: Option<&str>,
    existing: Option<&str>,
) -> Vec<ImportRow> {
    group
        .rows
        .iter()
        .map(|row| ImportRow {
            row: row.line,
            creditor_reference: Some(group.reference.clone()),
            invoice_number: cell(row, "invoice_number"),
            status,
            case_id: case_id.map(str::to_owned),
            existing_case_id: existing.map(str::to_owned),
            errors: Vec::new(),
        })
        .collect()
}
