//! What a debtor asks for in the portal and the staff answer: payment plan requests, claims to
//! have paid already, and the per-creditor limits within which a plan request is agreed at once.
//! A request or claim is written once and then moves forward only (`pending` to an answer), each
//! move guarded by the status it expects so two answers cannot both land.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{already_paid_claims, cases, payment_plan_requests, plan_limits};
use solvo_domain::money::Currency;

/// A creditor's stored plan limits.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = plan_limits, treat_none_as_default_value = false)]
pub struct PlanLimitsRow {
    /// The creditor.
    pub organisation_id: String,
    /// Most instalments.
    pub max_instalments: i32,
    /// Smallest instalment, minor units of `min_instalment_currency`.
    pub min_instalment_minor: i64,
    /// ISO 4217.
    pub min_instalment_currency: Currency,
    /// Longest plan, months from the request to the last due date.
    pub max_duration_months: i32,
    /// Who set them.
    pub updated_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
}

/// The creditor's limits, `None` when it keeps the agency's defaults.
///
/// # Errors
/// Database errors only.
pub fn limits_of(
    conn: &mut AnyConnection,
    organisation_id: &str,
) -> Result<Option<PlanLimitsRow>, PersistenceError> {
    Ok(plan_limits::table
        .find(organisation_id)
        .select(PlanLimitsRow::as_select())
        .first(conn)
        .optional()?)
}

/// Sets the creditor's limits (replacing any).
///
/// # Errors
/// Database errors only.
pub fn set_limits(conn: &mut AnyConnection, row: &PlanLimitsRow) -> Result<(), PersistenceError> {
    let updated = diesel::update(plan_limits::table.find(&row.organisation_id))
        .set(row)
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(plan_limits::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// A stored plan request.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = payment_plan_requests, treat_none_as_default_value = false)]
pub struct PlanRequestRow {
    /// `ppr_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor.
    pub organisation_id: String,
    /// The debtor who asked.
    pub debtor_id: String,
    /// Instalments asked for.
    pub instalment_count: i32,
    /// First due date asked for.
    pub first_due_date: NaiveDate,
    /// `pending`, `countered`, `accepted` or `declined`.
    pub status: String,
    /// The limits a queued request went beyond, comma-separated.
    pub exceeded: Option<String>,
    /// The collector's counter: instalments.
    pub counter_instalment_count: Option<i32>,
    /// The collector's counter: first due date.
    pub counter_first_due_date: Option<NaiveDate>,
    /// Why it was declined (by the collector).
    pub decline_reason: Option<String>,
    /// `collector` or `debtor`.
    pub declined_by: Option<String>,
    /// The plan agreed from it.
    pub plan_id: Option<String>,
    /// Who answered last.
    pub decided_by: Option<String>,
    /// When.
    pub decided_at: Option<NaiveDateTime>,
    /// When it was asked.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// The answer to a plan request.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = payment_plan_requests, treat_none_as_null = false)]
pub struct PlanRequestAnswer {
    /// The new status.
    pub status: String,
    /// For a counter.
    pub counter_instalment_count: Option<i32>,
    /// For a counter.
    pub counter_first_due_date: Option<NaiveDate>,
    /// For a decline.
    pub decline_reason: Option<String>,
    /// For a decline.
    pub declined_by: Option<String>,
    /// For an acceptance.
    pub plan_id: Option<String>,
    /// Who.
    pub decided_by: String,
    /// When.
    pub decided_at: NaiveDateTime,
}

/// Stores a new plan request.
///
/// # Errors
/// Database errors only.
pub fn insert_request(
    conn: &mut AnyConnection,
    row: &PlanRequestRow,
) -> Result<(), PersistenceError> {
    diesel::insert_into(payment_plan_requests::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The plan request `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`].
pub fn find_request(
    conn: &mut AnyConnection,
    id: &str,
) -> Result<PlanRequestRow, PersistenceError> {
    Ok(payment_plan_requests::table
        .find(id)
        .select(PlanRequestRow::as_select())
        .first(conn)?)
}

/// Every plan request of a case, oldest first.
///
/// # Errors
/// Database errors only.
pub fn requests_of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<PlanRequestRow>, PersistenceError> {
    Ok(payment_plan_requests::table
        .filter(payment_plan_requests::case_id.eq(case_id))
        .order(payment_plan_requests::id.asc())
        .select(PlanRequestRow::as_select())
        .load(conn)?)
}

/// Answers request `id` if it is still `expected`; `false` when it is not (answered meanwhile).
///
/// # Errors
/// Database errors only.
pub fn answer_request(
    conn: &mut AnyConnection,
    id: &str,
    expected: &str,
    answer: &PlanRequestAnswer,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        payment_plan_requests::table
            .filter(payment_plan_requests::id.eq(id))
            .filter(payment_plan_requests::status.eq(expected)),
    )
    .set(answer)
    .execute(conn)?;
    Ok(updated == 1)
}

/// Which cases a staff list reaches: a creditor's own (`organisation_id`), and for a collector
/// only those assigned to them.
#[derive(Debug, Clone, Copy)]
pub struct StaffScope<'a> {
    /// `None` for agency staff.
    pub organisation_id: Option<&'a str>,
    /// `Some` for a collector.
    pub collector_id: Option<&'a str>,
}

/// One page of plan requests in `status` on cases in `scope`, oldest first.
///
/// # Errors
/// Database errors only.
pub fn requests_in_scope(
    conn: &mut AnyConnection,
    scope: StaffScope<'_>,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<PlanRequestRow>, PersistenceError> {
    let mut query = payment_plan_requests::table
        .inner_join(cases::table)
        .into_boxed();
    if let Some(organisation_id) = scope.organisation_id {
        query = query.filter(payment_plan_requests::organisation_id.eq(organisation_id.to_owned()));
    }
    if let Some(collector_id) = scope.collector_id {
        query = query.filter(cases::collector_id.eq(collector_id.to_owned()));
    }
    if let Some(status) = status {
        query = query.filter(payment_plan_requests::status.eq(status.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(payment_plan_requests::id.gt(after.clone()));
    }
    let rows = query
        .order(payment_plan_requests::id.asc())
        .limit(page.fetch())
        .select(PlanRequestRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// A stored claim to have paid.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = already_paid_claims, treat_none_as_default_value = false)]
pub struct ClaimRow {
    /// `apc_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor.
    pub organisation_id: String,
    /// The debtor who claims.
    pub debtor_id: String,
    /// The day they say they paid.
    pub paid_on: NaiveDate,
    /// Positive, minor units of `currency`.
    pub amount_minor: i64,
    /// The case currency.
    pub currency: Currency,
    /// The bank's reference of the transfer.
    pub bank_reference: String,
    /// The proof, a document of the case.
    pub document_id: String,
    /// `pending`, `confirmed` or `rejected`.
    pub status: String,
    /// Contact is held until this day.
    pub hold_until: NaiveDate,
    /// Why it was rejected.
    pub reject_reason: Option<String>,
    /// The direct payment recorded on confirmation.
    pub payment_id: Option<String>,
    /// Who decided.
    pub decided_by: Option<String>,
    /// When.
    pub decided_at: Option<NaiveDateTime>,
    /// When it was made.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// The decision on a claim.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = already_paid_claims, treat_none_as_null = false)]
pub struct ClaimDecision {
    /// `confirmed` or `rejected`.
    pub status: String,
    /// For a rejection.
    pub reject_reason: Option<String>,
    /// For a confirmation.
    pub payment_id: Option<String>,
    /// Who.
    pub decided_by: String,
    /// When.
    pub decided_at: NaiveDateTime,
}

/// Stores a new claim.
///
/// # Errors
/// Database errors only.
pub fn insert_claim(conn: &mut AnyConnection, row: &ClaimRow) -> Result<(), PersistenceError> {
    diesel::insert_into(already_paid_claims::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The claim `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`].
pub fn find_claim(conn: &mut AnyConnection, id: &str) -> Result<ClaimRow, PersistenceError> {
    Ok(already_paid_claims::table
        .find(id)
        .select(ClaimRow::as_select())
        .first(conn)?)
}

/// Every claim of a case, oldest first.
///
/// # Errors
/// Database errors only.
pub fn claims_of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<ClaimRow>, PersistenceError> {
    Ok(already_paid_claims::table
        .filter(already_paid_claims::case_id.eq(case_id))
        .order(already_paid_claims::id.asc())
        .select(ClaimRow::as_select())
        .load(conn)?)
}

/// Decides a pending claim; `false` when it was decided meanwhile.
///
/// # Errors
/// Database errors only.
pub fn decide_claim(
    conn: &mut AnyConnection,
    id: &str,
    decision: &ClaimDecision,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        already_paid_claims::table
            .filter(already_paid_claims::id.eq(id))
            .filter(already_paid_claims::status.eq("pending")),
    )
    .set(decision)
    .execute(conn)?;
    Ok(updated == 1)
}

/// One page of claims in `status` on cases in `scope`, oldest first.
///
/// # Errors
/// Database errors only.
pub fn claims_in_scope(
    conn: &mut AnyConnection,
    scope: StaffScope<'_>,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<ClaimRow>, PersistenceError> {
    let mut query = already_paid_claims::table
        .inner_join(cases::table)
        .into_boxed();
    if let Some(organisation_id) = scope.organisation_id {
        query = query.filter(already_paid_claims::organisation_id.eq(organisation_id.to_owned()));
    }
    if let Some(collector_id) = scope.collector_id {
        query = query.filter(cases::collector_id.eq(collector_id.to_owned()));
    }
    if let Some(status) = status {
        query = query.filter(already_paid_claims::status.eq(status.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(already_paid_claims::id.gt(after.clone()));
    }
    let rows = query
        .order(already_paid_claims::id.asc())
        .limit(page.fetch())
        .select(ClaimRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}
