//! The case assessment: within 48 hours of placement the assigned collector tells the creditor
//! how the claim will be recovered (approach, timeline, costs, what was found out about the
//! debtor); recording it moves the case from `assessment` to `amicable`.

use chrono::{Duration, NaiveDateTime};
use serde_json::json;
use solvo_domain::case::{Command, Facts};
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::collection_work::{self, AssessmentRow};

use super::input::NewAssessment;
use crate::cases::access::visible_case;
use crate::cases::balance::terms_of;
use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::error::AppError;
use crate::principal::Principal;

/// Hours after placement within which the creditor receives the assessment.
pub const ASSESSMENT_HOURS: i64 = 48;

/// When the assessment of a case placed at `placed_at` is due.
#[must_use]
pub fn assessment_due_at(placed_at: NaiveDateTime) -> NaiveDateTime {
    placed_at + Duration::hours(ASSESSMENT_HOURS)
}

/// An assessment recorded and the case after it.
#[derive(Debug, Clone)]
pub struct Assessed {
    /// The assessment.
    pub assessment: AssessmentRow,
    /// The case, now `amicable`.
    pub case: CaseRow,
}

/// Records `input` as the assessment of case `case_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `work_cases`; [`AppError::NotFound`] for a case outside the
/// caller's book; [`AppError::Validation`]; [`AppError::TransitionRefused`] outside
/// `assessment`.
pub fn record(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewAssessment,
    now: NaiveDateTime,
) -> Result<Assessed, AppError> {
    caller.require(Permission::WorkCases)?;
    let valid = input.validate_all()?;
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    let row = AssessmentRow {
        id: new_id("asm"),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        approach: valid.approach,
        expected_timeline: valid.expected_timeline,
        cost_structure: valid.cost_structure,
        solvency: valid.solvency.as_str().to_owned(),
        reachable: valid.reachable,
        findings: valid.notes,
        recorded_by: caller.actor_id().to_owned(),
        created_at: now,
    };
    let due_at = assessment_due_at(case.created_at);
    // `start_amicable` has no guard that reads the ledger.
    let facts = Facts::owing(Money::zero(terms_of(&case)?.currency));
    let updated = apply_command(
        conn,
        &case,
        &Command::StartAmicable,
        &facts,
        &ActorRef::from(caller),
        Extras {
            resume_on: case.resume_on,
            detail: json!({
                "assessment_id": row.id,
                "approach": row.approach,
                "expected_timeline": row.expected_timeline,
                "solvency": row.solvency,
                "on_time": now <= due_at,
            }),
        },
        now,
    )?;
    collection_work::insert_assessment(conn, &row)?;
    Ok(Assessed {
        assessment: row,
        case: updated,
    })
}
