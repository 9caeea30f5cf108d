//! The scheduler's jobs: found due, done once, retried when they fail.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::scheduled_jobs;

/// A stored job.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = scheduled_jobs, treat_none_as_default_value = false)]
pub struct JobRow {
    /// `job_…`
    pub id: String,
    /// `resume_case`, `review_arrangements` or `prescription_warning`.
    pub kind: String,
    /// The case.
    pub case_id: String,
    /// The day it fell due.
    pub due_on: NaiveDate,
    /// `pending`, `done` or `failed`.
    pub status: String,
    /// Attempts made.
    pub attempts: i32,
    /// The last failure.
    pub last_error: Option<String>,
    /// When it may run (again).
    pub next_attempt_at: Option<NaiveDateTime>,
    /// When it was found due.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// When it was done or given up.
    pub finished_at: Option<NaiveDateTime>,
}

/// Stores the jobs not stored yet; one already stored for the same kind, case and day is left
/// as it is (another node, or an earlier pass, found it first).
///
/// # Errors
/// Database errors only.
pub fn enqueue(conn: &mut AnyConnection, rows: &[JobRow]) -> Result<(), PersistenceError> {
    for row in rows {
        match conn {
            AnyConnection::Sqlite(inner) => diesel::insert_into(scheduled_jobs::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(inner)?,
            AnyConnection::Postgresql(inner) => diesel::insert_into(scheduled_jobs::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(inner)?,
        };
    }
    Ok(())
}

/// Jobs that may run at `now`, the longest waiting first, at most `limit`.
///
/// # Errors
/// Database errors only.
pub fn runnable(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<JobRow>, PersistenceError> {
    Ok(scheduled_jobs::table
        .filter(scheduled_jobs::status.eq_any(["pending", "failed"]))
        .filter(scheduled_jobs::next_attempt_at.le(now))
        .order((
            scheduled_jobs::next_attempt_at.asc(),
            scheduled_jobs::id.asc(),
        ))
        .limit(limit)
        .select(JobRow::as_select())
        .load(conn)?)
}

/// Marks the job done at `now` if it still waits; `false` when it does not (another node did
/// it). Called first in the transaction that does the job's work: on PostgreSQL a second node
/// waits here on the row until the first commits and then finds it done; on SQLite the write
/// transaction already holds the database.
///
/// # Errors
/// Database errors only.
pub fn claim(
    conn: &mut AnyConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        scheduled_jobs::table
            .filter(scheduled_jobs::id.eq(id))
            .filter(scheduled_jobs::status.eq_any(["pending", "failed"])),
    )
    .set((
        scheduled_jobs::status.eq("done"),
        scheduled_jobs::attempts.eq(scheduled_jobs::attempts + 1),
        scheduled_jobs::next_attempt_at.eq(None::<NaiveDateTime>),
        scheduled_jobs::finished_at.eq(Some(now)),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Records a failed attempt: the error, and when to try again (`None`: given up).
///
/// # Errors
/// Database errors only.
pub fn record_failure(
    conn: &mut AnyConnection,
    id: &str,
    error: &str,
    retry_at: Option<NaiveDateTime>,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(
        scheduled_jobs::table
            .filter(scheduled_jobs::id.eq(id))
            .filter(scheduled_jobs::status.ne("done")),
    )
    .set((
        scheduled_jobs::status.eq("failed"),
        scheduled_jobs::attempts.eq(scheduled_jobs::attempts + 1),
        scheduled_jobs::last_error.eq(Some(error)),
        scheduled_jobs::next_attempt_at.eq(retry_at),
        scheduled_jobs::finished_at.eq(retry_at.is_none().then_some(now)),
    ))
    .execute(conn)?;
    Ok(())
}

/// The job `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<JobRow, PersistenceError> {
    Ok(scheduled_jobs::table
        .find(id)
        .select(JobRow::as_select())
        .first(conn)?)
}

/// One page of jobs, oldest first, only those in `status` when given.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<JobRow>, PersistenceError> {
    let mut query = scheduled_jobs::table.into_boxed();
    if let Some(status) = status {
        query = query.filter(scheduled_jobs::status.eq(status.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(scheduled_jobs::id.gt(after.clone()));
    }
    let rows = query
        .order(scheduled_jobs::id.asc())
        .limit(page.fetch())
        .select(JobRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}
