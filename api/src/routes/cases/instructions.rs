//! `POST /v1/cases/{id}/instructions`: the request and its reply; the rules are the use case
//! `solvo_app::cases::instructions::instruct`.

use actix_web::http::header;
use actix_web::{HttpResponse, post, web};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_app::cases::instructions::{self, InstructionCommand};
use solvo_app::cases::read;
use solvo_app::legal::AssessmentCommand;
use solvo_app::money::MoneyInput;
use solvo_domain::case::{Instruction, LegalRecommendation};
use utoipa::ToSchema;
use validator::Validate;

use super::view::{CaseView, case_view};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
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
#[schema(example = json!({"type": "pause", "reason": "The creditor is talking to the debtor directly", "resume_on": "2027-02-01"}))]
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
        (status = 200, description = "Applied; the case as it is now", body = CaseView, headers(("ETag" = String, description = "The version, quoted (`\"3\"`), for `If-Match`"))),
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
    let command = body.into_inner().into_command();
    let now = state.clock.now();
    let id = id.into_inner();
    let rates = state.rates.current();
    let view = state
        .db
        .write(move |conn| {
            let updated = instructions::instruct(conn, &caller, &id, &command, &rates, now)?;
            case_view(read::details(conn, updated, &caller, &rates, now)?)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .insert_header((
            header::ETAG,
            crate::extract::precondition::version_etag(view.version),
        ))
        .json(view))
}

impl From<InstructionType> for Instruction {
    fn from(instruction: InstructionType) -> Self {
        match instruction {
            InstructionType::Pause => Self::Pause,
            InstructionType::Resume => Self::Resume,
            InstructionType::Escalate => Self::Escalate,
            InstructionType::Close => Self::Close,
            InstructionType::Withdraw => Self::Withdraw,
        }
    }
}

impl InstructionRequest {
    fn into_command(self) -> InstructionCommand {
        InstructionCommand {
            instruction: self.instruction.into(),
            reason: self.reason,
            resume_on: self.resume_on,
            outcome: self.outcome,
            // The instruction asks for neither a court route nor a duration; the legal-assessment
            // endpoint does.
            assessment: self.assessment.map(|assessment| AssessmentCommand {
                recommendation: assessment.recommendation,
                cost_estimate: assessment.cost_estimate,
                success_probability_pct: assessment.success_probability_pct,
                court_route: None,
                expected_duration_months: None,
                summary: assessment.summary,
            }),
        }
    }
}
