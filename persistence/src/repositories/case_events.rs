//! The timeline of a case: every event in order, with who did it and the state around it.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::case_events;

/// An event row.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = case_events, treat_none_as_default_value = false)]
pub struct CaseEventRow {
    /// `evt_…`, time-sortable: the timeline's order.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// When it happened.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub occurred_at: NaiveDateTime,
    /// `user`, `api_key` or `system`.
    pub actor_kind: String,
    /// The user or key id.
    pub actor_id: Option<String>,
    /// What happened, e.g. `placed`, `assigned`, `paused`.
    pub kind: String,
    /// State before.
    pub state_before: Option<String>,
    /// State after.
    pub state_after: Option<String>,
    /// JSON details.
    pub detail: String,
}

/// Inserts events.
///
/// # Errors
/// Database errors only.
pub fn insert_all(conn: &mut AnyConnection, rows: &[CaseEventRow]) -> Result<(), PersistenceError> {
    for chunk in rows.chunks(1_000) {
        crate::dialect::insert_batch!(conn, case_events::table, chunk)?;
    }
    Ok(())
}

/// A page of a case's events in order.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<CaseEventRow>, PersistenceError> {
    let mut query = case_events::table
        .filter(case_events::case_id.eq(case_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(case_events::id.gt(after.clone()));
    }
    let rows = query
        .order(case_events::id.asc())
        .limit(page.fetch())
        .select(CaseEventRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// The most recent event of a kind on a case (e.g. the last legal assessment).
///
/// # Errors
/// Database errors only.
pub fn latest_of_kind(
    conn: &mut AnyConnection,
    case_id: &str,
    kind: &str,
) -> Result<Option<CaseEventRow>, PersistenceError> {
    Ok(case_events::table
        .filter(case_events::case_id.eq(case_id))
        .filter(case_events::kind.eq(kind))
        .order(case_events::id.desc())
        .select(CaseEventRow::as_select())
        .first(conn)
        .optional()?)
}

/// The most recent event of one of `kinds` on a case that came after the event `after_id` (ids
/// sort in timeline order), e.g. the creditor's decision on a legal assessment.
///
/// # Errors
/// Database errors only.
pub fn latest_of_kinds_after(
    conn: &mut AnyConnection,
    case_id: &str,
    kinds: &[&str],
    after_id: &str,
) -> Result<Option<CaseEventRow>, PersistenceError> {
    Ok(case_events::table
        .filter(case_events::case_id.eq(case_id))
        .filter(case_events::kind.eq_any(kinds))
        .filter(case_events::id.gt(after_id))
        .order(case_events::id.desc())
        .select(CaseEventRow::as_select())
        .first(conn)
        .optional()?)
}
