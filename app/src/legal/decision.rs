//! `POST /v1/cases/{id}/legal-decision`: the creditor approves legal action on the assessment on
//! record, naming the estimate it approves, or declines it.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::case::Facts;
use solvo_domain::case::StateName;
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;

use super::commands::{LegalTurn, approve, decline};
use super::input::{LegalDecision, NewLegalDecision};
use super::record::RecordedAssessment;
use super::{locked_case, read_back};
use crate::error::AppError;
use crate::money::{MoneyInput, detail_json};
use crate::principal::Principal;

/// Decides on the legal assessment of case `case_id` as `input` says; returns the assessment
/// with its decision.
///
/// # Errors
/// [`AppError::Forbidden`] without `approve_legal_action` (the creditor's admins and members);
/// [`AppError::NotFound`] for a case the caller may not see; [`AppError::Validation`] for an
/// approval without its estimate, or an estimate that does not parse;
/// [`AppError::AssessmentChanged`] when the estimate approved is not the one on record;
/// [`AppError::TransitionRefused`] when the case is not `pre_legal` (no assessment awaits a
/// decision); [`AppError::StaleVersion`].
pub fn decide(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewLegalDecision,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<RecordedAssessment, AppError> {
    caller.require(Permission::ApproveLegalAction)?;
    let valid = input.validate_all()?;
    let (case, facts) = locked_case(conn, caller, case_id, rates, now)?;
    let turn = LegalTurn {
        caller,
        case: &case,
        facts: &facts,
        now,
    };
    let updated = match (valid.decision, valid.approved_cost_estimate) {
        (LegalDecision::Approve, Some(approved)) => {
            let approved = approved_estimate(&approved, &facts, case.state == StateName::PreLegal)?;
            let detail = json!({
                "decision": LegalDecision::Approve,
                "approved_cost_estimate": approved.map(detail_json),
                "reason": valid.reason,
            });
            approve(conn, turn, detail)?
        }
        (LegalDecision::Approve, None) => {
            return Err(AppError::internal(
                "an approval passed its checks without its estimate",
            ));
        }
        (LegalDecision::Decline, _) => {
            let reason = valid.reason.clone().unwrap_or_default();
            let detail = json!({"decision": LegalDecision::Decline, "reason": valid.reason});
            decline(conn, turn, reason, detail)?
        }
    };
    read_back(conn, &updated)
}

/// The estimate approved, which must be the one on record while the case awaits the decision.
/// Elsewhere (not `pre_legal`, nothing on record) there is nothing to compare with, and the
/// state machine refuses the approval.
fn approved_estimate(
    approved: &MoneyInput,
    facts: &Facts,
    awaiting_decision: bool,
) -> Result<Option<Money>, AppError> {
    let on_record = facts
        .legal_assessment
        .as_ref()
        .map(|assessment| assessment.cost_estimate)
        .filter(|_| awaiting_decision);
    let Some(on_record) = on_record else {
        return Ok(None);
    };
    let approved = approved
        .parse(on_record.currency(), "approved_cost_estimate", true)
        .map_err(|errors| {
            // A well-formed estimate in another currency is other figures, not a typing error.
            if matches!(errors.as_slice(), [only] if only.code == "currency_mismatch") {
                changed(on_record)
            } else {
                AppError::Validation(errors)
            }
        })?;
    if approved == on_record {
        Ok(Some(approved))
    } else {
        Err(changed(on_record))
    }
}

fn changed(on_record: Money) -> AppError {
    AppError::AssessmentChanged(format!(
        "The assessment on record estimates the costs at {} {}; read it again and decide on it.",
        on_record.amount_string(),
        on_record.currency().code()
    ))
}
