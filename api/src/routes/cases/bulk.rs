//! `POST /v1/cases/bulk` (a JSON array of cases): a result per item. Valid items land; a refused
//! item never leaves half a case.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, post, web};
use serde::Serialize;
use serde_json::Value;
use solvo_app::AppError;
use solvo_domain::permission::Permission;
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::body::{read_limited, require_media_type};
use crate::extract::json::{fingerprint, flatten, typed_or_every_error};
use crate::idempotency::{self, Created};
use crate::state::AppState;
use solvo_app::cases::batch::ItemOutcome;
use solvo_app::cases::events::ActorRef;
use solvo_app::cases::input::{PlaceCase, ValidCase};
use solvo_app::cases::intake::{Guard, Intake, place_in_chunks};
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
    request_body(content = Vec<PlaceCase>, description = "1 to 10,000 cases", example = json!([{
        "creditor_reference": "ACME-2026-0042",
        "currency": "EUR",
        "jurisdiction": "DE",
        "debtor": {"legal_name": "Globex GmbH", "country": "DE", "vat_id": "DE123456789"},
        "invoices": [{"number": "INV-2026-0042", "issue_date": "2026-09-01", "due_date": "2026-10-01", "amount": "1250.00"}]
    }])),
    params(("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$")),
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
    let guard = Guard {
        key,
        fingerprint: fingerprint(&body),
    };
    let intake = intake_of(&state, &caller, now);
    let outcome = place_in_chunks(&state.db, intake, guard, valid, |outcomes| {
        // An item an earlier run of the same key placed keeps that outcome.
        for (index, outcome) in outcomes {
            if let Some(slot) = results.get_mut(index) {
                *slot = Some(result_of(index, outcome));
            }
        }
        let results: Vec<BulkResult> = results.into_iter().flatten().collect();
        let summary = summarise(received, &results);
        Created::new(
            StatusCode::OK.as_u16(),
            &BulkResponse { summary, results },
            None,
        )
    })
    .await?;
    Ok(idempotency::respond(&outcome))
}

/// The caller's placement, chunked as the server is configured; the CSV import's too.
pub(super) fn intake_of(state: &AppState, caller: &Caller, now: chrono::NaiveDateTime) -> Intake {
    Intake {
        context: PlacementContext {
            organisation_id: caller.organisation_id.clone(),
            actor: ActorRef::from(&caller.0),
        },
        now,
        chunk_cases: state.import_chunk_cases,
    }
}

fn validate_item(
    item: Value,
    organisation_id: &str,
    now: chrono::NaiveDateTime,
) -> Result<ValidCase, Vec<FieldError>> {
    let case: PlaceCase = typed_or_every_error(item).map_err(|err| match err {
        ApiError::Validation(errors) => errors
            .into_iter()
            .map(|error| FieldError {
                field: if error.field == "body" {
                    "item".to_owned()
                } else {
                    error.field
                },
                ..error
            })
            .collect(),
        other => vec![FieldError::new("item", "invalid_type", other.to_string())],
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
