//! What collectors record on a case: assessments and activities. Both are written once and
//! never changed.

use crate::dialect::on_backend;
use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{case_activities, case_assessments};

/// A stored assessment.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_assessments, treat_none_as_default_value = false)]
pub struct AssessmentRow {
    /// `asm_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// The recommended approach.
    pub approach: String,
    /// The expected timeline.
    pub expected_timeline: String,
    /// The cost structure.
    pub cost_structure: String,
    /// `good`, `doubtful`, `poor` or `unknown`.
    pub solvency: String,
    /// Whether the debtor was reached.
    pub reachable: bool,
    /// Further findings.
    pub findings: Option<String>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// A stored activity.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_activities, treat_none_as_default_value = false)]
pub struct ActivityRow {
    /// `act_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The creditor organisation of the case.
    pub organisation_id: String,
    /// The channel.
    pub channel: String,
    /// What came of it.
    pub outcome: String,
    /// Notes.
    pub notes: Option<String>,
    /// The next action's date.
    pub next_action_on: Option<NaiveDate>,
    /// The user or API key that recorded it.
    pub recorded_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// Stores an assessment.
///
/// # Errors
/// Database errors only.
pub fn insert_assessment(
    conn: &mut AnyConnection,
    row: &AssessmentRow,
) -> Result<(), PersistenceError> {
    diesel::insert_into(case_assessments::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The latest assessment of a case, if any.
///
/// # Errors
/// Database errors only.
pub fn latest_assessment(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Option<AssessmentRow>, PersistenceError> {
    // Part of the case screen.
    Ok(on_backend!(conn, |c| case_assessments::table
        .filter(case_assessments::case_id.eq(case_id))
        .order(case_assessments::id.desc())
        .select(AssessmentRow::as_select())
        .first(c)
        .optional())?)
}

/// Stores an activity.
///
/// # Errors
/// Database errors only.
pub fn insert_activity(
    conn: &mut AnyConnection,
    row: &ActivityRow,
) -> Result<(), PersistenceError> {
    diesel::insert_into(case_activities::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// One page of a case's activities, oldest first.
///
/// # Errors
/// Database errors only.
pub fn activities_of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<ActivityRow>, PersistenceError> {
    let mut query = case_activities::table
        .filter(case_activities::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(case_activities::id.gt(after.clone()));
    }
    let rows = query
        .order(case_activities::id.asc())
        .limit(page.fetch())
        .select(ActivityRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}
