//! `POST /v1/cases/{id}/instructions`: the creditor (or the agency) pauses, resumes, escalates,
//! closes or withdraws a case, through the domain state machine.

use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::json;
use solvo_domain::case::{Command, Facts, LegalAssessment, LegalRecommendation, Outcome};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::{case_events, ledger};
use utoipa::ToSchema;
use validator::Validate;

use super::view::{CaseView, load_view, may_instruct, may_send, prescription_of};
use crate::access::visible_case;
use crate::auth::Caller;
use crate::cases::balance::{self, Balance};
use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::clock;
use crate::error::{ApiError, FieldError};
use crate::extract::ApiJson;
use crate::money::{parse_amount, parse_currency};
use crate::state::AppState;

/// The instruction types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum InstructionType {
    /// Stop collection activity; optionally until `resume_on`.
    Pause,
    /// Continue where the case was paused.
    Resume,
    /// To `pre_legal` with a legal assessment; in `pre_legal`, the creditor's approval of legal action.
    Escalate,
    /// Close with an `outcome`.
    Close,
    /// Withdraw the case (the schedule's withdrawal fee applies).
    Withdraw,
}

/// A cost estimate.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyInput {
    /// Decimal string.
    #[schema(example = "1500.00")]
    pub amount: String,
    /// ISO 4217.
    #[schema(example = "EUR")]
    pub currency: String,
}

/// A legal assessment, needed to escalate to `pre_legal`.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AssessmentInput {
    /// `proceed`, `settle` or `do_not_proceed`.
    #[schema(value_type = String, example = "proceed")]
    pub recommendation: LegalRecommendation,
    /// Expected legal costs.
    #[validate(nested)]
    pub cost_estimate: MoneyInput,
    /// Chance of success, 0 to 100.
    #[validate(range(max = 100))]
    #[schema(maximum = 100)]
    pub success_probability_pct: u8,
    /// Reasoning.
    #[validate(length(min = 1, max = 4000))]
    #[schema(min_length = 1, max_length = 4000)]
    pub summary: String,
}

/// An instruction.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InstructionRequest {
    /// What to do.
    #[serde(rename = "type")]
    pub instruction: InstructionType,
    /// Why, for the timeline and the collector.
    #[validate(length(min = 1, max = 2000))]
    #[schema(min_length = 1, max_length = 2000)]
    pub reason: String,
    /// With `pause`: the day the case resumes by itself (after today).
    pub resume_on: Option<NaiveDate>,
    /// With `close`: `paid_in_full`, `partially_paid`, `uncollectable`, `paid_direct`, …
    pub outcome: Option<String>,
    /// With `escalate` from a working state: the legal assessment.
    #[validate(nested)]
    pub assessment: Option<AssessmentInput>,
}

/// Sends an instruction through the case state machine. A refused one is a 409 naming the
/// current state and the commands allowed there.
#[utoipa::path(
    tag = "tracking",
    operation_id = "create_case_instruction",
    params(("id" = String, Path, description = "Case id")),
    request_body = InstructionRequest,
    responses(
        (status = 200, description = "Applied; the case as it is now", body = CaseView),
        (status = 409, description = "Not possible in the current state (the detail names it and the allowed commands)", body = crate::error::Problem, content_type = "application/problem+json"),
        (status = 412, description = "The case changed concurrently; retry", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/instructions")]
pub async fn create_instruction(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<InstructionRequest>,
) -> Result<HttpResponse, ApiError> {
    caller.require(may_instruct, "instruct cases")?;
    let request = body.into_inner();
    let now = clock::now();
    let today = now.date();
    check_fields(&request, today)?;
    let id = id.into_inner();
    let rates = state.rates.clone();
    let view = state
        .db
        .write(move |conn| {
            let case = visible_case(conn, &caller, &id)?;
            // Invoices are read once: for the balance and for the prescription guard.
            let invoices = invoices::of_case(conn, &case.id)?;
            let postings = ledger::of_case(conn, &case.id)?;
            let before = balance::compute(&case, &invoices, &postings, &rates, today)?;
            let command = command_for(&request, &case, &caller, &before)?;
            if !may_send(caller.role, command.name()) {
                return Err(ApiError::Forbidden(
                    "Only the creditor approves legal action or withdraws a case.".into(),
                ));
            }
            let facts = facts_for(conn, &case, &invoices, &before, today)?;
            let extras = Extras {
                resume_on: request
                    .resume_on
                    .filter(|_| request.instruction == InstructionType::Pause),
                detail: json!({"instruction": request.instruction, "reason": request.reason}),
            };
            let updated = apply_command(
                conn,
                &case,
                &command,
                &facts,
                &ActorRef::from(&caller),
                extras,
                now,
            )?;
            if request.instruction == InstructionType::Withdraw {
                crate::cases::fees::post_withdrawal_fee(conn, &updated, before.principal, now)?;
            }
            load_view(conn, updated, &rates, &caller, today)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(view.version),
        ))
        .json(view))
}

fn check_fields(request: &InstructionRequest, today: NaiveDate) -> Result<(), ApiError> {
    let mut errors = Vec::new();
    if request.reason.trim().is_empty() {
        errors.push(FieldError::new(
            "reason",
            "blank",
            "reason must not be blank",
        ));
    }
    match (request.instruction, request.resume_on) {
        (InstructionType::Pause, Some(date)) if date <= today => {
            errors.push(FieldError::new(
                "resume_on",
                "not_in_future",
                "resume_on must be after today.",
            ));
        }
        (InstructionType::Pause, _) | (_, None) => {}
        (_, Some(_)) => errors.push(FieldError::new(
            "resume_on",
            "only_with_pause",
            "resume_on goes with `pause` only.",
        )),
    }
    if request.instruction == InstructionType::Close && request.outcome.is_none() {
        errors.push(FieldError::new(
            "outcome",
            "required",
            "`close` needs an outcome.",
        ));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

fn command_for(
    request: &InstructionRequest,
    case: &CaseRow,
    caller: &Caller,
    balance: &Balance,
) -> Result<Command, ApiError> {
    Ok(match request.instruction {
        InstructionType::Pause => Command::Pause {
            reason: request.reason.clone(),
        },
        InstructionType::Resume => Command::Resume,
        InstructionType::Close => {
            let raw = request.outcome.as_deref().unwrap_or_default();
            let outcome = Outcome::ALL
                .iter()
                .copied()
                .find(|outcome| outcome.as_str() == raw)
                .ok_or_else(|| {
                    ApiError::invalid(
                        "outcome",
                        "unknown_outcome",
                        format!("`{raw}` is not a case outcome."),
                    )
                })?;
            Command::Close { outcome }
        }
        InstructionType::Withdraw => Command::Withdraw,
        InstructionType::Escalate if case.state == "pre_legal" => {
            let approved_by = caller
                .user_id()
                .map_or_else(|| caller.organisation_id.clone(), ToOwned::to_owned);
            Command::ApproveLegal { approved_by }
        }
        InstructionType::Escalate => {
            let Some(assessment) = &request.assessment else {
                return Err(ApiError::invalid(
                    "assessment",
                    "required",
                    "Escalating to pre-legal needs a legal assessment (recommendation, cost estimate, success probability).",
                ));
            };
            let currency = parse_currency(
                &assessment.cost_estimate.currency,
                "assessment.cost_estimate.currency",
            )
            .map_err(|err| ApiError::Validation(vec![err]))?;
            let cost = parse_amount(
                &assessment.cost_estimate.amount,
                currency,
                "assessment.cost_estimate.amount",
                true,
            )
            .map_err(|err| ApiError::Validation(vec![err]))?;
            if cost.currency() != balance.outstanding.currency() {
                return Err(ApiError::invalid(
                    "assessment.cost_estimate.currency",
                    "currency_mismatch",
                    "Use the case currency.",
                ));
            }
            Command::EscalatePreLegal {
                assessment: LegalAssessment {
                    recommendation: assessment.recommendation,
                    cost_estimate: cost,
                    success_probability_pct: assessment.success_probability_pct,
                    summary: assessment.summary.clone(),
                },
            }
        }
    })
}

/// What the guards need: the balance, the last recorded legal assessment, and whether the
/// earliest limitation deadline has passed.
fn facts_for(
    conn: &mut AnyConnection,
    case: &CaseRow,
    invoices: &[InvoiceRow],
    balance: &Balance,
    today: NaiveDate,
) -> Result<Facts, ApiError> {
    let legal_assessment = case_events::latest_of_kind(conn, &case.id, "escalate_pre_legal")?
        .and_then(|event| serde_json::from_str::<serde_json::Value>(&event.detail).ok())
        .and_then(|detail| serde_json::from_value::<Command>(detail["command"].clone()).ok())
        .and_then(|command| match command {
            Command::EscalatePreLegal { assessment } => Some(assessment),
            _ => None,
        });
    let prescribed = prescription_of(case, invoices, today)
        .deadline
        .is_some_and(|deadline| deadline < today);
    Ok(Facts {
        outstanding: balance.outstanding,
        paid_to_date: balance.paid,
        legal_assessment,
        prescribed,
    })
}
