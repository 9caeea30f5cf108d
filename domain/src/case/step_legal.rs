//! The legal track: an assessment, then the creditor's approval or refusal of it.

use super::step::Step;
use super::{CaseEvent, CaseState, Command, Facts, RefusalReason, guards};

/// The legal track: an assessment, then the creditor's approval or refusal of it.
pub(super) fn legal(command: &Command, facts: &Facts) -> Step {
    let (next, event) = match command {
        Command::EscalatePreLegal { assessment } => {
            guards::assessment(assessment, facts)?;
            let assessment = assessment.clone();
            (
                CaseState::PreLegal,
                CaseEvent::LegalAssessmentRecorded { assessment },
            )
        }
        Command::ApproveLegal { approved_by } => {
            guards::required(approved_by, "approved_by")?;
            // The approval is of the assessment on record, which the event carries with it.
            let assessment = facts
                .legal_assessment
                .clone()
                .ok_or(RefusalReason::NoLegalAssessment)?;
            let approved_by = approved_by.clone();
            (
                CaseState::Legal,
                CaseEvent::LegalApproved {
                    approved_by,
                    assessment,
                },
            )
        }
        Command::DeclineLegal { reason } => (
            CaseState::Amicable,
            CaseEvent::LegalDeclined {
                reason: reason.clone(),
            },
        ),
        _ => return Err(RefusalReason::NotAllowedHere),
    };
    Ok((next, Some(event)))
}
