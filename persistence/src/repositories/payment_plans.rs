//! Payment plans and their instalments. A plan is written once with its instalments and changed
//! once, from `active` to `completed`, `defaulted` or `cancelled`.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{payment_plan_instalments, payment_plans};
use solvo_domain::money::Currency;

/// A stored plan.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = payment_plans, treat_none_as_default_value = false)]
pub struct PlanRow {
    /// `pln_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// The agreed total, positive, minor units.
    pub total_minor: i64,
    /// ISO 4217, the case currency.
    pub currency: Currency,
    /// `weekly`, `monthly`, `quarterly`, or `None` for instalments given one by one.
    pub frequency: Option<String>,
    /// Days of grace after each due date.
    pub grace_days: i32,
    /// `active`, `completed`, `defaulted` or `cancelled`.
    pub status: String,
    /// For an active plan, the first day it can have defaulted.
    pub review_on: Option<NaiveDate>,
    /// The instalment that defaulted it.
    pub defaulted_instalment: Option<i32>,
    /// Why it was cancelled.
    pub cancel_reason: Option<String>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When it was agreed.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// When it ended.
    pub ended_at: Option<NaiveDateTime>,
}

/// A stored instalment.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = payment_plan_instalments, treat_none_as_default_value = false)]
pub struct InstalmentRow {
    /// The plan.
    pub plan_id: String,
    /// 1 for the first.
    pub number: i32,
    /// The day it falls due.
    pub due_date: NaiveDate,
    /// Positive, minor units.
    pub amount_minor: i64,
}

/// How a plan ended.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = payment_plans, treat_none_as_null = true)]
pub struct PlanEnd {
    /// `completed`, `defaulted` or `cancelled`.
    pub status: String,
    /// For a default, the instalment missed.
    pub defaulted_instalment: Option<i32>,
    /// For a cancellation, why.
    pub cancel_reason: Option<String>,
    /// When.
    pub ended_at: NaiveDateTime,
    /// An ended plan is never reviewed again.
    pub review_on: Option<NaiveDate>,
}

/// Stores a plan and its instalments.
///
/// # Errors
/// Database errors only.
pub fn insert(
    conn: &mut AnyConnection,
    plan: &PlanRow,
    instalments: &[InstalmentRow],
) -> Result<(), PersistenceError> {
    diesel::insert_into(payment_plans::table)
        .values(plan)
        .execute(conn)?;
    for chunk in instalments.chunks(500) {
        crate::dialect::insert_batch!(conn, payment_plan_instalments::table, chunk)?;
    }
    Ok(())
}

/// The plan with `id`, within `organisation_id` when given.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none (or it is another tenant's).
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<PlanRow, PersistenceError> {
    let mut query = payment_plans::table
        .filter(payment_plans::id.eq(id))
        .select(PlanRow::as_select())
        .into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(payment_plans::organisation_id.eq(organisation_id));
    }
    query
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

/// One page of a case's plans in the order agreed.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<PlanRow>, PersistenceError> {
    let mut query = payment_plans::table
        .filter(payment_plans::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(payment_plans::id.gt(after.clone()));
    }
    let rows = query
        .order(payment_plans::id.asc())
        .limit(page.fetch())
        .select(PlanRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// The active plan of a case, if any.
///
/// # Errors
/// Database errors only.
pub fn active_of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Option<PlanRow>, PersistenceError> {
    Ok(payment_plans::table
        .filter(payment_plans::case_id.eq(case_id.to_owned()))
        .filter(payment_plans::status.eq("active"))
        .select(PlanRow::as_select())
        .first(conn)
        .optional()?)
}

/// The instalments of the plans `plan_ids`, by plan and number.
///
/// # Errors
/// Database errors only.
pub fn instalments_of(
    conn: &mut AnyConnection,
    plan_ids: &[String],
) -> Result<Vec<InstalmentRow>, PersistenceError> {
    Ok(payment_plan_instalments::table
        .filter(payment_plan_instalments::plan_id.eq_any(plan_ids.to_vec()))
        .order((
            payment_plan_instalments::plan_id.asc(),
            payment_plan_instalments::number.asc(),
        ))
        .select(InstalmentRow::as_select())
        .load(conn)?)
}

/// The cases of active plans due for review on `today`, at most `limit`: the scheduler's work.
///
/// # Errors
/// Database errors only.
pub fn cases_due_for_review(
    conn: &mut AnyConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<String>, PersistenceError> {
    Ok(payment_plans::table
        .filter(payment_plans::status.eq("active"))
        .filter(payment_plans::review_on.le(today))
        .select(payment_plans::case_id)
        .distinct()
        .order(payment_plans::case_id.asc())
        .limit(limit)
        .load(conn)?)
}

/// Moves an active plan's next review to `review_on`.
///
/// # Errors
/// Database errors only.
pub fn set_review(
    conn: &mut AnyConnection,
    id: &str,
    review_on: Option<NaiveDate>,
) -> Result<(), PersistenceError> {
    diesel::update(
        payment_plans::table
            .filter(payment_plans::id.eq(id))
            .filter(payment_plans::status.eq("active")),
    )
    .set(payment_plans::review_on.eq(review_on))
    .execute(conn)?;
    Ok(())
}

/// Ends an active plan; `false` when it was no longer active.
///
/// # Errors
/// Database errors only.
pub fn end(conn: &mut AnyConnection, id: &str, end: &PlanEnd) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        payment_plans::table
            .filter(payment_plans::id.eq(id))
            .filter(payment_plans::status.eq("active")),
    )
    .set(end)
    .execute(conn)?;
    Ok(updated == 1)
}
