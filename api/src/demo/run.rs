//! Places the planned cases through the same placement use case as `POST /v1/cases` and moves
//! them along their stories through `apply_command`, as the people involved would have.

use chrono::{Days, NaiveDateTime};
use solvo_app::AppError;
use solvo_domain::case::{Command, Facts, LegalAssessment};
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;

use super::DemoError;
use super::intake::request;
use super::money::{self, MoneyTurn};
use super::people::{CreditorPeople, People};
use super::plan::{CaseSpec, mix};
use super::steps::{Turn, command_for, user};
use solvo_app::cases::balance;
use solvo_app::cases::events::ActorRef;
use solvo_app::cases::fees::post_withdrawal_fee;
use solvo_app::cases::placement::{PlacementContext, place};
use solvo_app::cases::transition::apply_command;

/// Places every case and tells its story; returns the cases as they end.
pub(super) fn place_all(
    conn: &mut AnyConnection,
    people: &People,
    specs: Vec<CaseSpec>,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Vec<CaseRow>, DemoError> {
    let mut placed = Vec::with_capacity(specs.len());
    for spec in specs {
        let creditor = people
            .creditors
            .get(spec.creditor)
            .ok_or_else(|| DemoError::Failed(format!("no creditor {}", spec.creditor)))?;
        let case = place_one(conn, creditor, &spec)?;
        let case = tell(conn, &people.agency_id, creditor, &spec, case, rates, now)?;
        // The plan promised a state (the demo's tests and its summary rely on it); a case that
        // ends elsewhere means placement or assignment changed under the demo.
        let expected = spec.story.final_state(spec.covered);
        if case.state != expected {
            return Err(DemoError::Failed(format!(
                "case {} ended in {} instead of {}",
                spec.reference,
                case.state,
                expected.as_str()
            )));
        }
        placed.push(case);
    }
    Ok(placed)
}

fn place_one(
    conn: &mut AnyConnection,
    creditor: &CreditorPeople,
    spec: &CaseSpec,
) -> Result<CaseRow, DemoError> {
    let actor = if spec.via_api_key {
        ActorRef {
            kind: "api_key",
            id: Some(creditor.api_key_id.clone()),
        }
    } else {
        user(&creditor.member_id)
    };
    let context = PlacementContext {
        organisation_id: creditor.organisation_id.clone(),
        actor,
    };
    let valid = request(spec)
        .validate_case(&creditor.organisation_id, "", spec.placed_at)
        .map_err(|errors| {
            DemoError::Failed(format!("case {} is invalid: {errors:?}", spec.reference))
        })?;
    let placed = place(conn, &context, valid, None, spec.placed_at)
        .map_err(|err| failed(&spec.reference, &AppError::from(err)))?;
    Ok(placed.case)
}

/// Applies the story's steps a few weeks apart, never later than now.
fn tell(
    conn: &mut AnyConnection,
    agency_id: &str,
    creditor: &CreditorPeople,
    spec: &CaseSpec,
    mut case: CaseRow,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseRow, DemoError> {
    let mut at = spec.placed_at;
    let mut assessment: Option<LegalAssessment> = None;
    let steps = spec.story.steps();
    for (number, step) in (0_u64..).zip(steps) {
        // Steps a few weeks apart, spread so the last still comes by now: a plan agreed must
        // have time to fall due before it can default.
        let left = u64::try_from(steps.len()).unwrap_or(1) - number;
        let room = u64::try_from((now - at).num_days().max(0)).unwrap_or(0) / (left + 1);
        at = (at + Days::new((5 + mix(spec.index, 100 + number) % 40).min(room))).min(now);
        let balance = balance::load(conn, &case, rates, at.date())?;
        let facts = Facts {
            outstanding: balance.outstanding,
            paid_to_date: balance.paid,
            legal_assessment: assessment.clone(),
            prescribed: false,
        };
        let turn = Turn {
            creditor,
            case: &case,
            spec,
            roll: mix(spec.index, 200 + number),
            principal: balance.principal,
        };
        if money::is_money(*step) {
            let turn = MoneyTurn {
                agency_id,
                creditor,
                case,
                principal: balance.principal,
                at,
                now,
            };
            case = money::apply(conn, *step, turn, rates)?;
            continue;
        }
        let (command, actor, extras) = command_for(*step, &turn, &mut assessment)?;
        case = apply_command(conn, &case, &command, &facts, &actor, extras, at)
            .map_err(|err| failed(&spec.reference, &err))?;
        if command == Command::Withdraw {
            post_withdrawal_fee(conn, &case, balance.principal, at)?;
        }
    }
    Ok(case)
}

fn failed(reference: &str, err: &AppError) -> DemoError {
    let detail = match err {
        AppError::Validation(errors) => format!("{errors:?}"),
        other => other.to_string(),
    };
    DemoError::Failed(format!("case {reference}: {detail}"))
}
