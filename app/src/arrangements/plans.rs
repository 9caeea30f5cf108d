//! Payment plans: agreed on a case in `amicable` or `pre_legal` (the case moves to
//! `payment_plan`), judged by every payment and by the scheduler, cancelled by agency staff.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;
use solvo_domain::arrangement::{Frequency, instalment_cover, next_review};
use solvo_domain::case::StateName;
use solvo_domain::case::{Command, Facts};
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::organisations;
use solvo_persistence::repositories::page::{Page, PageRequest};
use solvo_persistence::repositories::payment_plans::{self, InstalmentRow, PlanRow};

use super::input::{CancelPlan, NewPlan};
use super::judge::{Ending, PlanEnding, end_plan, frequency_of, instalments_of};
use super::received::received;
use crate::cases::access::visible_case;
use crate::cases::balance;
use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::error::AppError;
use crate::money::{detail_json, to_minor};
use crate::principal::Principal;

/// One instalment as shown: what it asks and what it has received so far.
#[derive(Debug, Clone)]
pub struct InstalmentRecord {
    /// 1 for the first.
    pub number: u32,
    /// The day it falls due.
    pub due_date: NaiveDate,
    /// How much.
    pub amount: Money,
    /// Received towards it: payments recorded since the plan was agreed, laid onto the
    /// instalments in turn.
    pub paid: Money,
}

/// A plan with its instalments.
#[derive(Debug, Clone)]
pub struct PlanRecord {
    /// The stored plan.
    pub row: PlanRow,
    /// The agreed total.
    pub total: Money,
    /// How often instalments fall due; `None` when given one by one.
    pub frequency: Option<Frequency>,
    /// The instalments in order.
    pub instalments: Vec<InstalmentRecord>,
}

/// A plan agreed and the case after it.
#[derive(Debug, Clone)]
pub struct Agreed {
    /// The plan.
    pub plan: PlanRecord,
    /// The case, now in `payment_plan`.
    pub case: CaseRow,
}

/// Agrees the plan `input` on case `case_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `arrange_payments`; [`AppError::NotFound`] for a case the
/// caller may not see; [`AppError::CaseClosed`]; [`AppError::TransitionRefused`] outside
/// `amicable` and `pre_legal`; [`AppError::Validation`] for a schedule that breaks a rule.
pub fn agree(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewPlan,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Agreed, AppError> {
    caller.require(Permission::ArrangePayments)?;
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    agree_on(
        conn,
        &case,
        &ActorRef::from(caller),
        caller.actor_id(),
        input,
        rates,
        now,
    )
}

/// Agrees plan `input` on `case`, already locked and read again under the lock, for `actor`
/// (`recorded_by` names them on the plan): the one path by which a collector's plan and a
/// debtor's plan request from the portal become a plan, so both follow the same schedule,
/// allocation and state rules.
///
/// # Errors
/// As [`agree`], without the permission and visibility checks, which are the caller's.
pub(crate) fn agree_on(
    conn: &mut AnyConnection,
    case: &CaseRow,
    actor: &ActorRef,
    recorded_by: &str,
    input: &NewPlan,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Agreed, AppError> {
    if case.state == StateName::Closed {
        return Err(AppError::CaseClosed);
    }
    let today = now.date();
    let owed = balance::load(conn, case, rates, today)?.outstanding;
    let valid = input.validate_for(owed.currency(), owed, today)?;
    let grace_days = if let Some(days) = valid.grace_days {
        days
    } else {
        let days = organisations::plan_grace_days(conn, &case.organisation_id)?;
        u32::try_from(days)
            .map_err(|err| AppError::corrupt("organisation", &case.organisation_id, err))?
    };
    let plan_id = new_id("pln");
    let updated = apply_command(
        conn,
        case,
        &Command::AgreePaymentPlan,
        &Facts::owing(owed),
        actor,
        Extras {
            resume_on: None,
            detail: json!({
                "plan_id": plan_id,
                "total": detail_json(valid.total),
                "instalment_count": valid.instalments.len(),
            }),
        },
        now,
    )?;
    let row = PlanRow {
        id: plan_id.clone(),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        total_minor: to_minor(valid.total, "total")?,
        currency: case.currency,
        frequency: valid.frequency.map(|f| f.as_str().to_owned()),
        grace_days: i32::try_from(grace_days).unwrap_or(i32::MAX),
        status: "active".to_owned(),
        review_on: next_review(&valid.instalments, 0, grace_days),
        defaulted_instalment: None,
        cancel_reason: None,
        recorded_by: recorded_by.to_owned(),
        created_at: now,
        ended_at: None,
    };
    let instalments = valid
        .instalments
        .iter()
        .map(|instalment| {
            Ok(InstalmentRow {
                plan_id: plan_id.clone(),
                number: i32::try_from(instalment.number).unwrap_or(i32::MAX),
                due_date: instalment.due_date,
                amount_minor: to_minor(instalment.amount, "instalments")?,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    payment_plans::insert(conn, &row, &instalments)?;
    let plan = assemble(conn, row, today)?;
    Ok(Agreed {
        plan,
        case: updated,
    })
}

/// Cancels the active plan `plan_id` of case `case_id`; the case returns to `amicable`.
///
/// # Errors
/// [`AppError::Forbidden`] without `arrange_payments`; [`AppError::NotFound`];
/// [`AppError::ArrangementEnded`] for a plan no longer active; [`AppError::TransitionRefused`]
/// while the case is on hold.
pub fn cancel(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    plan_id: &str,
    input: &CancelPlan,
    now: NaiveDateTime,
) -> Result<Agreed, AppError> {
    caller.require(Permission::ArrangePayments)?;
    let reason = input.reason()?;
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    let plan = payment_plans::find(conn, None, plan_id)?;
    if plan.case_id != case.id {
        return Err(AppError::NotFound);
    }
    if plan.status != "active" {
        return Err(AppError::ArrangementEnded(format!(
            "The plan is already {}.",
            plan.status
        )));
    }
    let ending = Ending {
        status: PlanEnding::Cancelled,
        defaulted_instalment: None,
        cancel_reason: Some(reason.clone()),
        actor: ActorRef::from(caller),
    };
    if !end_plan(conn, &case, &plan, ending, now)? {
        return Err(AppError::StaleVersion);
    }
    let updated = apply_command(
        conn,
        &case,
        &Command::EndPaymentPlan,
        &Facts::owing(Money::zero(case.currency)),
        &ActorRef::from(caller),
        Extras {
            resume_on: None,
            detail: json!({"plan_id": plan.id, "reason": "cancelled", "explanation": reason}),
        },
        now,
    )?;
    let row = payment_plans::find(conn, None, &plan.id)?;
    let plan = assemble(conn, row, now.date())?;
    Ok(Agreed {
        plan,
        case: updated,
    })
}

/// One page of the plans of case `case_id`, oldest first, with their instalments.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_payments`; [`AppError::NotFound`].
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
    today: NaiveDate,
) -> Result<Page<PlanRecord>, AppError> {
    caller.require(Permission::ReadPayments)?;
    let case = visible_case(conn, caller, case_id)?;
    let rows = payment_plans::of_case(conn, &case.id, page)?;
    let items = rows
        .items
        .into_iter()
        .map(|row| assemble(conn, row, today))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        next_cursor: rows.next_cursor,
    })
}

/// The plan `plan_id` of case `case_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_payments`; [`AppError::NotFound`].
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    plan_id: &str,
    today: NaiveDate,
) -> Result<PlanRecord, AppError> {
    caller.require(Permission::ReadPayments)?;
    let case = visible_case(conn, caller, case_id)?;
    let row = payment_plans::find(conn, None, plan_id)?;
    if row.case_id != case.id {
        return Err(AppError::NotFound);
    }
    assemble(conn, row, today)
}

/// A stored plan with its instalments and what each has received through `today` (or the day
/// the plan ended: later money is no longer the plan's).
fn assemble(
    conn: &mut AnyConnection,
    row: PlanRow,
    today: NaiveDate,
) -> Result<PlanRecord, AppError> {
    let currency = row.currency;
    let rows = payment_plans::instalments_of(conn, std::slice::from_ref(&row.id))?;
    let instalments = instalments_of(&row, &rows, currency)?;
    let through = row.ended_at.map_or(today, |at| at.date().min(today));
    let paid = received(conn, &row.case_id, currency)?;
    let cover = instalment_cover(&instalments, row.created_at, &paid, through);
    Ok(PlanRecord {
        total: Money::from_minor(row.total_minor, currency),
        frequency: frequency_of(&row)?,
        instalments: instalments
            .iter()
            .zip(cover)
            .map(|(instalment, paid)| InstalmentRecord {
                number: instalment.number,
                due_date: instalment.due_date,
                amount: instalment.amount,
                paid,
            })
            .collect(),
        row,
    })
}
