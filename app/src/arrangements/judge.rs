//! The one judgement of a case's arrangements: its open promises kept or broken, its active plan
//! completed, defaulted or still running. Run under the case's lock by a payment, a reversal,
//! a new promise and the scheduler, so every change happens once.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;
use solvo_domain::arrangement::{
    Frequency, Instalment, PlanStanding, PromiseStatus, PromiseTerms, Received, next_review,
    plan_standing, promise_statuses,
};
use solvo_domain::case::Outcome;
use solvo_domain::case::StateName;
use solvo_domain::case::{Command, Facts};
use solvo_domain::money::{Currency, Money};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::payment_plans::{self, InstalmentRow, PlanEnd, PlanRow};
use solvo_persistence::repositories::{disputes, promises};

use super::received::received;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::cases::transition::{Extras, apply_command};
use crate::error::AppError;
use crate::money::detail_json;

/// Judges the arrangements of `case` on `today`; returns the case as it is afterwards (a plan's
/// end moves it out of `payment_plan`).
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for an unreadable stored row.
pub fn judge(
    conn: &mut AnyConnection,
    case: CaseRow,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    let currency = case.currency;
    lapse_disputes(conn, &case, now)?;
    let paid = received(conn, &case.id, currency)?;
    judge_promises(conn, &case, currency, &paid, today, now)?;
    judge_plan(conn, case, currency, &paid, today, now)
}

/// A dispute is open only while its case is `disputed`: a case that left that state without a
/// decision (closed, withdrawn, insolvent) lapses it, so it can neither be resolved later nor
/// credit a reopened claim.
fn lapse_disputes(
    conn: &mut AnyConnection,
    case: &CaseRow,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    if case.state == StateName::Disputed {
        return Ok(());
    }
    let reasons = format!(
        "The case left `disputed` as `{}` without a decision.",
        case.state
    );
    for dispute_id in disputes::lapse_open(conn, &case.id, &reasons, now)? {
        let detail = json!({"dispute_id": dispute_id, "state": case.state});
        record_activity(
            conn,
            case,
            &ActorRef::system(),
            Activity::DisputeLapsed,
            &detail,
            now,
        )?;
    }
    Ok(())
}

/// Settles every open promise that is kept or broken on `today`. All the case's promises are
/// judged together, so one payment keeps one promise.
fn judge_promises(
    conn: &mut AnyConnection,
    case: &CaseRow,
    currency: Currency,
    paid: &[Received],
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let all = promises::all_of_case(conn, &case.id)?;
    let terms: Vec<PromiseTerms> = all
        .iter()
        .map(|promise| {
            Ok(PromiseTerms {
                amount: Money::from_minor(promise.amount_minor, currency),
                made_at: promise.created_at,
                due_date: promise.due_date,
                settled: PromiseStatus::parse(&promise.status)
                    .ok_or_else(|| AppError::corrupt("promise", &promise.id, "status"))?,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let statuses = promise_statuses(&terms, paid, today);
    for ((promise, terms), status) in all.iter().zip(&terms).zip(statuses) {
        if promise.status != PromiseStatus::Open.as_str() {
            continue;
        }
        let amount = terms.amount;
        let kind = match status {
            PromiseStatus::Open => continue,
            PromiseStatus::Kept => Activity::PromiseKept,
            PromiseStatus::Broken => Activity::PromiseBroken,
        };
        if promises::settle(conn, &promise.id, status.as_str(), now)? {
            let detail = json!({
                "promise_id": promise.id,
                "amount": detail_json(amount),
                "due_date": promise.due_date,
            });
            record_activity(conn, case, &ActorRef::system(), kind, &detail, now)?;
        }
    }
    Ok(())
}

/// Ends or reschedules the case's active plan.
fn judge_plan(
    conn: &mut AnyConnection,
    case: CaseRow,
    currency: Currency,
    paid: &[Received],
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    let Some(plan) = payment_plans::active_of_case(conn, &case.id)? else {
        return Ok(case);
    };
    let rows = payment_plans::instalments_of(conn, std::slice::from_ref(&plan.id))?;
    let instalments = instalments_of(&plan, &rows, currency)?;
    let grace =
        u32::try_from(plan.grace_days).map_err(|err| AppError::corrupt("plan", &plan.id, err))?;
    let standing = plan_standing(&instalments, plan.created_at, paid, grace, today);
    match (case.state.as_str(), standing) {
        ("closed", standing) => {
            // The case closed under the plan (paid in full, withdrawn, insolvent): the plan ends
            // with it, completed only if everything agreed was paid.
            let completed = standing == PlanStanding::Completed;
            let reason = (!completed).then(|| {
                format!(
                    "The case closed as {}.",
                    case.outcome.map_or("closed", Outcome::as_str)
                )
            });
            let ending = Ending {
                cancel_reason: reason,
                ..Ending::by_system(if completed {
                    PlanEnding::Completed
                } else {
                    PlanEnding::Cancelled
                })
            };
            end_plan(conn, &case, &plan, ending, now)?;
            Ok(case)
        }
        ("payment_plan", PlanStanding::Completed) => {
            if !end_plan(
                conn,
                &case,
                &plan,
                Ending::by_system(PlanEnding::Completed),
                now,
            )? {
                return Ok(case);
            }
            // Paid off, yet the case still owes (interest ran on during the plan): collection
            // goes on amicably for the rest.
            plan_command(
                conn,
                &case,
                &plan,
                &Command::EndPaymentPlan,
                json!({"reason": "completed"}),
                now,
            )
        }
        ("payment_plan", PlanStanding::Defaulted { instalment }) => {
            let ending = Ending {
                defaulted_instalment: Some(instalment),
                ..Ending::by_system(PlanEnding::Defaulted)
            };
            if !end_plan(conn, &case, &plan, ending, now)? {
                return Ok(case);
            }
            plan_command(
                conn,
                &case,
                &plan,
                &Command::DefaultPaymentPlan,
                json!({"instalment": instalment, "grace_days": grace}),
                now,
            )
        }
        ("payment_plan", PlanStanding::Active { covered }) => {
            payment_plans::set_review(conn, &plan.id, next_review(&instalments, covered, grace))?;
            Ok(case)
        }
        // Paused or disputed under the plan: it is not judged while the case is on hold, and
        // not looked at either (no daily lock on the case); whatever brings the case back to
        // `payment_plan` (a resume, a dispute's resolution) judges it again and reschedules it.
        _ => {
            payment_plans::set_review(conn, &plan.id, None)?;
            Ok(case)
        }
    }
}

/// How a plan ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum PlanEnding {
    /// Every instalment paid.
    Completed,
    /// An instalment missed.
    Defaulted,
    /// Cancelled by a person, or by the case closing under it.
    Cancelled,
}

impl PlanEnding {
    /// The plan's stored status.
    fn as_str(self) -> &'static str {
        match self {
            Self::Completed => "completed",
            Self::Defaulted => "defaulted",
            Self::Cancelled => "cancelled",
        }
    }

    /// What the timeline records.
    fn activity(self) -> Activity {
        match self {
            Self::Completed => Activity::PaymentPlanCompleted,
            Self::Defaulted => Activity::PaymentPlanDefaulted,
            Self::Cancelled => Activity::PaymentPlanCancelled,
        }
    }
}

/// How a plan ends.
pub(super) struct Ending {
    /// Completed, defaulted or cancelled.
    pub status: PlanEnding,
    /// For a default, the instalment missed.
    pub defaulted_instalment: Option<u32>,
    /// For a cancellation, why.
    pub cancel_reason: Option<String>,
    /// Who ended it: the system, or the person who cancelled.
    pub actor: ActorRef,
}

impl Ending {
    /// An ending the system concludes.
    fn by_system(status: PlanEnding) -> Self {
        Self {
            status,
            defaulted_instalment: None,
            cancel_reason: None,
            actor: ActorRef::system(),
        }
    }
}

/// Records how the plan ended, once, with its timeline event (`payment_plan_completed`,
/// `payment_plan_defaulted`, `payment_plan_cancelled`); `false` when it had ended already.
pub(super) fn end_plan(
    conn: &mut AnyConnection,
    case: &CaseRow,
    plan: &PlanRow,
    ending: Ending,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    let Ending {
        status,
        defaulted_instalment,
        cancel_reason,
        actor,
    } = ending;
    let end = PlanEnd {
        status: status.as_str().to_owned(),
        defaulted_instalment: defaulted_instalment.and_then(|n| i32::try_from(n).ok()),
        cancel_reason: cancel_reason.clone(),
        ended_at: now,
        review_on: None,
    };
    let ended = payment_plans::end(conn, &plan.id, &end)?;
    if ended {
        let detail = json!({
            "plan_id": plan.id,
            "status": status.as_str(),
            "defaulted_instalment": defaulted_instalment,
            "reason": cancel_reason,
        });
        record_activity(conn, case, &actor, status.activity(), &detail, now)?;
    }
    Ok(ended)
}

/// Moves the case out of `payment_plan` as the system.
fn plan_command(
    conn: &mut AnyConnection,
    case: &CaseRow,
    plan: &PlanRow,
    command: &Command,
    mut detail: serde_json::Value,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    if let Some(map) = detail.as_object_mut() {
        map.insert("plan_id".into(), json!(plan.id));
        map.insert("automatic".into(), json!(true));
    }
    // Neither command has a guard that reads the ledger.
    let facts = Facts::owing(Money::zero(case.currency));
    apply_command(
        conn,
        case,
        command,
        &facts,
        &ActorRef::system(),
        Extras {
            resume_on: None,
            detail,
        },
        now,
    )
}

/// The stored instalments of `plan` in the domain's terms.
///
/// # Errors
/// [`AppError::Corrupt`] for a number that is not positive, or no instalments at all.
pub(super) fn instalments_of(
    plan: &PlanRow,
    rows: &[InstalmentRow],
    currency: Currency,
) -> Result<Vec<Instalment>, AppError> {
    let instalments = rows
        .iter()
        .filter(|row| row.plan_id == plan.id)
        .map(|row| {
            Ok(Instalment {
                number: u32::try_from(row.number)
                    .map_err(|err| AppError::corrupt("plan", &plan.id, err))?,
                due_date: row.due_date,
                amount: Money::from_minor(row.amount_minor, currency),
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    if instalments.is_empty() {
        return Err(AppError::corrupt(
            "plan",
            &plan.id,
            "a plan without instalments",
        ));
    }
    Ok(instalments)
}

/// The stored frequency of a plan.
///
/// # Errors
/// [`AppError::Corrupt`] for an unknown name.
pub(super) fn frequency_of(plan: &PlanRow) -> Result<Option<Frequency>, AppError> {
    plan.frequency
        .as_deref()
        .map(|raw| {
            Frequency::parse(raw).ok_or_else(|| AppError::corrupt("plan", &plan.id, "frequency"))
        })
        .transpose()
}
