//! Cases: one creditor's claim against one debtor, with its state and terms.

use crate::dialect::on_backend;
use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::{OfRow, PersistenceError};
use crate::repositories::debtors::DebtorRow;
use crate::schema::{cases, debtors, sequences};
use solvo_domain::case::{Outcome, StateName};
use solvo_domain::jurisdiction::JurisdictionCode;
use solvo_domain::money::Currency;

mod list;
mod name_search;

pub use list::{CaseFilter, explain, list};

/// A case row.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = cases, treat_none_as_default_value = false)]
pub struct CaseRow {
    /// `case_…`
    pub id: String,
    /// The creditor organisation.
    pub organisation_id: String,
    /// The debtor.
    pub debtor_id: String,
    /// The debtor's country, copied for the case list's country filter (a trigger follows any
    /// change of the debtor's).
    pub debtor_country: String,
    /// Installation-wide number, the base of the RF reference.
    pub case_number: i64,
    /// ISO 11649 creditor reference (electronic form, no spaces).
    pub rf_reference: String,
    /// The creditor's own reference for the case.
    pub creditor_reference: String,
    /// ISO 4217 currency of every amount on the case.
    pub currency: Currency,
    /// Jurisdiction code whose rules apply (`DE`, `GB-ENG`, …).
    pub jurisdiction: JurisdictionCode,
    /// State name.
    pub state: StateName,
    /// Full domain state as JSON.
    pub state_detail: String,
    /// Outcome when closed.
    pub outcome: Option<Outcome>,
    /// Assigned collector.
    pub collector_id: Option<String>,
    /// Contractual interest, percent per year, as a decimal string.
    pub contractual_interest_rate: Option<String>,
    /// Free text from the creditor.
    pub notes: Option<String>,
    /// The quote whose fee terms apply.
    pub quote_id: Option<String>,
    /// The fee schedule charged (`fee_schedules`).
    pub fee_schedule_id: String,
    /// Date on which a paused case resumes by itself.
    pub resume_on: Option<NaiveDate>,
    /// The next action's date, from the latest activity logged.
    pub next_action_on: Option<NaiveDate>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Placement time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last change.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
}

/// The columns of a case that the case list shows: a page decodes these alone, not the state's
/// JSON, the notes and the terms that only the case screen reads (decoding and copying the text
/// columns was the largest share of a page's time in a profile).
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = cases)]
pub struct CaseListRow {
    /// `case_…`
    pub id: String,
    /// The creditor organisation.
    pub organisation_id: String,
    /// The debtor.
    pub debtor_id: String,
    /// Installation-wide number, the base of the RF reference.
    pub case_number: i64,
    /// ISO 11649 creditor reference (electronic form, no spaces).
    pub rf_reference: String,
    /// The creditor's own reference for the case.
    pub creditor_reference: String,
    /// ISO 4217 currency of every amount on the case.
    pub currency: Currency,
    /// Jurisdiction code whose rules apply.
    pub jurisdiction: JurisdictionCode,
    /// State name.
    pub state: StateName,
    /// Outcome when closed.
    pub outcome: Option<Outcome>,
    /// Assigned collector.
    pub collector_id: Option<String>,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Placement time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last change.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
}

/// The changes a transition makes.
#[derive(Debug, Clone, AsChangeset)]
#[diesel(table_name = cases, treat_none_as_null = true)]
pub struct StateChange {
    /// New state name.
    pub state: StateName,
    /// New state JSON.
    pub state_detail: String,
    /// New outcome.
    pub outcome: Option<Outcome>,
    /// New automatic resume date.
    pub resume_on: Option<NaiveDate>,
}

/// Reserves `count` consecutive values of a named sequence and returns the first (inside the
/// caller's transaction, so numbers of rolled-back placements are reused and the sequence has
/// no gaps; the row lock serialises concurrent writers on PostgreSQL).
///
/// # Errors
/// Database errors only.
pub fn next_number(
    conn: &mut AnyConnection,
    name: &str,
    count: i64,
) -> Result<i64, PersistenceError> {
    diesel::update(sequences::table.find(name))
        .set(sequences::value.eq(sequences::value + count))
        .execute(conn)?;
    let last: i64 = sequences::table
        .find(name)
        .select(sequences::value)
        .first(conn)?;
    Ok(last - count + 1)
}

/// Inserts a case.
///
/// # Errors
/// [`PersistenceError::Conflict`] when the creditor reference is taken.
pub fn insert(conn: &mut AnyConnection, row: &CaseRow) -> Result<(), PersistenceError> {
    diesel::insert_into(cases::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Reads a case; `organisation_id` scopes it (`None` for agency staff).
///
/// # Errors
/// [`PersistenceError::NotFound`].
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<CaseRow, PersistenceError> {
    // Two static queries rather than one boxed: a boxed query has no static id, so diesel
    // would rebuild its SQL text on every call to find its prepared statement (measured on
    // `find_with_debtor`, the case read's first query, before it moved to `on_backend!`).
    let base = cases::table
        .filter(cases::id.eq(id))
        .select(CaseRow::as_select());
    match organisation_id {
        Some(organisation_id) => base
            .filter(cases::organisation_id.eq(organisation_id))
            .first(conn),
        None => base.first(conn),
    }
    .of_row("cases", id)
}

/// Reads a case with its debtor in one query (the case screen needs both).
///
/// # Errors
/// [`PersistenceError::NotFound`].
pub fn find_with_debtor(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<(CaseRow, DebtorRow), PersistenceError> {
    // Static, as in `find`, and on the concrete backend: the case screen's first read.
    match organisation_id {
        Some(organisation_id) => on_backend!(conn, |c| cases::table
            .inner_join(debtors::table)
            .filter(cases::id.eq(id))
            .filter(cases::organisation_id.eq(organisation_id))
            .select((CaseRow::as_select(), DebtorRow::as_select()))
            .first(c)),
        None => on_backend!(conn, |c| cases::table
            .inner_join(debtors::table)
            .filter(cases::id.eq(id))
            .select((CaseRow::as_select(), DebtorRow::as_select()))
            .first(c)),
    }
    .of_row("cases", id)
}

/// The creditor's case with this reference, if any.
///
/// # Errors
/// Database errors only.
pub fn find_by_reference(
    conn: &mut AnyConnection,
    organisation_id: &str,
    creditor_reference: &str,
) -> Result<Option<CaseRow>, PersistenceError> {
    Ok(cases::table
        .filter(cases::organisation_id.eq(organisation_id))
        .filter(cases::creditor_reference.eq(creditor_reference))
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?)
}

/// The case paid with ISO 11649 reference `rf_reference` (electronic form), of any creditor:
/// references are unique across the installation, and the agency's accounts take every
/// creditor's money.
///
/// # Errors
/// Database errors only.
pub fn find_by_rf_reference(
    conn: &mut AnyConnection,
    rf_reference: &str,
) -> Result<Option<CaseRow>, PersistenceError> {
    Ok(cases::table
        .filter(cases::rf_reference.eq(rf_reference))
        .select(CaseRow::as_select())
        .first(conn)
        .optional()?)
}

/// Every case of one debtor record (which belongs to one creditor), oldest first.
///
/// # Errors
/// Database errors only.
pub fn of_debtor(
    conn: &mut AnyConnection,
    organisation_id: &str,
    debtor_id: &str,
) -> Result<Vec<CaseRow>, PersistenceError> {
    Ok(cases::table
        .filter(cases::organisation_id.eq(organisation_id))
        .filter(cases::debtor_id.eq(debtor_id))
        .order(cases::id.asc())
        .select(CaseRow::as_select())
        .load(conn)?)
}

/// The cases, of any creditor, whose creditor reference is one of `references` or that hold an
/// invoice numbered one of `references`.
///
/// # Errors
/// Database errors only.
pub fn with_reference_or_invoice_number(
    conn: &mut AnyConnection,
    references: &[String],
) -> Result<Vec<CaseRow>, PersistenceError> {
    use crate::schema::invoices;
    let mut found: Vec<CaseRow> = Vec::new();
    for chunk in references.chunks(200) {
        let by_invoice = invoices::table
            .filter(invoices::number.eq_any(chunk))
            .select(invoices::case_id);
        let rows: Vec<CaseRow> = cases::table
            .filter(
                cases::creditor_reference
                    .eq_any(chunk)
                    .or(cases::id.eq_any(by_invoice)),
            )
            .order(cases::id.asc())
            .select(CaseRow::as_select())
            .load(conn)?;
        for row in rows {
            if !found.iter().any(|seen| seen.id == row.id) {
                found.push(row);
            }
        }
    }
    Ok(found)
}

/// `(creditor_reference, case_id)` of the creditor's cases with any of `references`.
///
/// # Errors
/// Database errors only.
pub fn placed_references(
    conn: &mut AnyConnection,
    organisation_id: &str,
    references: &[String],
) -> Result<Vec<(String, String)>, PersistenceError> {
    let mut found = Vec::new();
    for chunk in references.chunks(500) {
        let rows: Vec<(String, String)> = cases::table
            .filter(cases::organisation_id.eq(organisation_id))
            .filter(cases::creditor_reference.eq_any(chunk))
            .select((cases::creditor_reference, cases::id))
            .load(conn)?;
        found.extend(rows);
    }
    Ok(found)
}

/// Inserts many cases.
///
/// # Errors
/// [`PersistenceError::Conflict`] when a reference is taken.
pub fn insert_all(conn: &mut AnyConnection, rows: &[CaseRow]) -> Result<(), PersistenceError> {
    // 20 columns a row: 1,000 rows stay under SQLite's and PostgreSQL's parameter limits.
    for chunk in rows.chunks(1_000) {
        crate::dialect::insert_batch!(conn, cases::table, chunk)?;
    }
    Ok(())
}

/// Applies a state change when the version matches, bumping it.
///
/// # Errors
/// [`PersistenceError::Conflict`] with `version` when another writer changed the case first.
pub fn change_state(
    conn: &mut AnyConnection,
    id: &str,
    expected_version: i64,
    change: &StateChange,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let updated = diesel::update(
        cases::table
            .filter(cases::id.eq(id))
            .filter(cases::version.eq(expected_version)),
    )
    .set((
        change,
        cases::version.eq(expected_version + 1),
        cases::updated_at.eq(now),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::Conflict("version".into()));
    }
    Ok(())
}

/// Takes the case's row lock for the rest of the transaction and bumps its version (the case
/// changed: its `ETag` must too). Money on one case is written one transaction after the other:
/// on PostgreSQL a second writer waits here until the first commits and then reads its
/// postings; on SQLite the write transaction already holds the database lock.
///
/// # Errors
/// [`PersistenceError::NotFound`] when the case does not exist.
pub fn lock_for_change(
    conn: &mut AnyConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let updated = diesel::update(cases::table.filter(cases::id.eq(id)))
        .set((
            cases::version.eq(cases::version + 1),
            cases::updated_at.eq(now),
        ))
        .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::NotFound);
    }
    Ok(())
}

/// Assigns a collector.
///
/// # Errors
/// Database errors only.
pub fn assign(
    conn: &mut AnyConnection,
    id: &str,
    collector_id: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(cases::table.filter(cases::id.eq(id)))
        .set((
            cases::collector_id.eq(collector_id),
            cases::version.eq(cases::version + 1),
            cases::updated_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The ids and resume dates of paused cases whose resume date has come, oldest first, at most
/// `limit`. Only those two columns: a case whose other columns are corrupt still gets its job,
/// which fails on its own instead of hiding every other due case.
///
/// # Errors
/// Database errors only.
pub fn due_to_resume(
    conn: &mut AnyConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<(String, Option<NaiveDate>)>, PersistenceError> {
    Ok(cases::table
        .filter(cases::resume_on.le(today))
        .filter(cases::state.eq(StateName::Paused))
        .order(cases::resume_on.asc())
        .limit(limit)
        .select((cases::id, cases::resume_on))
        .load(conn)?)
}

/// Sets the case's next action date (the latest activity's).
///
/// # Errors
/// Database errors only.
pub fn set_next_action(
    conn: &mut AnyConnection,
    id: &str,
    next_action_on: Option<NaiveDate>,
) -> Result<(), PersistenceError> {
    diesel::update(cases::table.filter(cases::id.eq(id)))
        .set(cases::next_action_on.eq(next_action_on))
        .execute(conn)?;
    Ok(())
}

/// A case in a work queue, with its debtor's name.
pub type QueuedCase = (CaseRow, String);

/// Open cases awaiting their assessment, oldest placement first, at most `limit`; only
/// `collector_id`'s when given.
///
/// # Errors
/// Database errors only.
pub fn awaiting_assessment(
    conn: &mut AnyConnection,
    collector_id: Option<&str>,
    limit: i64,
) -> Result<Vec<QueuedCase>, PersistenceError> {
    let mut query = cases::table
        .inner_join(debtors::table)
        .filter(cases::state.eq(StateName::Assessment))
        .select((CaseRow::as_select(), debtors::legal_name))
        .into_boxed();
    if let Some(collector_id) = collector_id {
        query = query.filter(cases::collector_id.eq(collector_id.to_owned()));
    }
    Ok(query
        .order((cases::created_at.asc(), cases::id.asc()))
        .limit(limit)
        .load(conn)?)
}

/// Open cases whose next action is due on or before `today`, earliest first, at most
/// `limit`; only `collector_id`'s when given.
///
/// # Errors
/// Database errors only.
pub fn next_action_due(
    conn: &mut AnyConnection,
    collector_id: Option<&str>,
    today: NaiveDate,
    limit: i64,
) -> Result<Vec<QueuedCase>, PersistenceError> {
    let mut query = cases::table
        .inner_join(debtors::table)
        .filter(cases::state.ne(StateName::Closed))
        .filter(cases::next_action_on.le(today))
        .select((CaseRow::as_select(), debtors::legal_name))
        .into_boxed();
    if let Some(collector_id) = collector_id {
        query = query.filter(cases::collector_id.eq(collector_id.to_owned()));
    }
    Ok(query
        .order((cases::next_action_on.asc(), cases::id.asc()))
        .limit(limit)
        .load(conn)?)
}

/// Open cases whose prescription deadline the scheduler has not worked out yet, at most `limit`.
///
/// # Errors
/// Database errors only.
pub fn prescription_unchecked(
    conn: &mut AnyConnection,
    limit: i64,
) -> Result<Vec<CaseRow>, PersistenceError> {
    Ok(cases::table
        .filter(cases::state.ne(StateName::Closed))
        .filter(cases::prescription_checked_at.is_null())
        .order(cases::id.asc())
        .limit(limit)
        .select(CaseRow::as_select())
        .load(conn)?)
}

/// Stores a case's earliest prescription deadline (`None`: the jurisdiction's rule is unknown).
///
/// # Errors
/// Database errors only.
pub fn set_prescription(
    conn: &mut AnyConnection,
    id: &str,
    deadline: Option<NaiveDate>,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(cases::table.filter(cases::id.eq(id)))
        .set((
            cases::prescription_deadline.eq(deadline),
            cases::prescription_checked_at.eq(Some(now)),
        ))
        .execute(conn)?;
    Ok(())
}

/// Open cases whose prescription deadline falls from `from` through `until`, with it, earliest
/// first, at most `limit`. The lower bound keeps cases long past their deadline (warned once on
/// expiry) from filling every batch.
///
/// # Errors
/// Database errors only.
pub fn prescribing_between(
    conn: &mut AnyConnection,
    from: NaiveDate,
    until: NaiveDate,
    limit: i64,
) -> Result<Vec<(String, NaiveDate)>, PersistenceError> {
    let rows: Vec<(String, Option<NaiveDate>)> = cases::table
        .filter(cases::state.ne(StateName::Closed))
        .filter(cases::prescription_deadline.ge(from))
        .filter(cases::prescription_deadline.le(until))
        .order((cases::prescription_deadline.asc(), cases::id.asc()))
        .limit(limit)
        .select((cases::id, cases::prescription_deadline))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, deadline)| deadline.map(|deadline| (id, deadline)))
        .collect())
}
