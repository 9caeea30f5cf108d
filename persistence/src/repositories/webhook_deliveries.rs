//! Attempts to deliver an event to an endpoint: one row per attempt, claimed by one worker at a
//! time with a lease, so several nodes never send the same attempt at once and an attempt of a
//! node that died is taken over when its lease runs out.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{webhook_deliveries, webhook_endpoints};

/// Waiting to be sent.
pub const PENDING: &str = "pending";
/// Claimed by a worker until its lease runs out.
pub const SENDING: &str = "sending";
/// Answered with a 2xx.
pub const SUCCEEDED: &str = "succeeded";
/// Anything else.
pub const FAILED: &str = "failed";

/// One attempt.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = webhook_deliveries, treat_none_as_default_value = false)]
pub struct DeliveryRow {
    /// `whd_…`
    pub id: String,
    /// The endpoint.
    pub endpoint_id: String,
    /// The event (`webhook-id`).
    pub event_id: String,
    /// 1 for the first attempt of a chain.
    pub attempt: i32,
    /// `scheduled`, `manual` or `replay`.
    pub trigger: String,
    /// [`PENDING`], [`SENDING`], [`SUCCEEDED`] or [`FAILED`].
    pub status: String,
    /// When it may be sent.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub due_at: NaiveDateTime,
    /// While sending: until when the worker holds it.
    pub lease_until: Option<NaiveDateTime>,
    /// When it was sent.
    pub attempted_at: Option<NaiveDateTime>,
    /// The receiver's status code.
    pub response_status: Option<i32>,
    /// The first kilobyte of the answer.
    pub response_body: Option<String>,
    /// How long the receiver took.
    pub latency_ms: Option<i64>,
    /// Why no answer came (timeout, refused connection, forbidden address).
    pub error: Option<String>,
    /// When the next attempt is due, after a failure.
    pub next_attempt_at: Option<NaiveDateTime>,
    /// Creation time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// What an attempt came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// [`SUCCEEDED`] or [`FAILED`].
    pub status: &'static str,
    /// When it was sent.
    pub attempted_at: NaiveDateTime,
    /// The receiver's status code.
    pub response_status: Option<i32>,
    /// The first kilobyte of the answer.
    pub response_body: Option<String>,
    /// How long the receiver took.
    pub latency_ms: i64,
    /// Why no answer came.
    pub error: Option<String>,
    /// When the next attempt is due.
    pub next_attempt_at: Option<NaiveDateTime>,
}

/// Queues attempts.
///
/// # Errors
/// Database errors only.
pub fn insert_all(conn: &mut AnyConnection, rows: &[DeliveryRow]) -> Result<(), PersistenceError> {
    for chunk in rows.chunks(1_000) {
        crate::dialect::insert_batch!(conn, webhook_deliveries::table, chunk)?;
    }
    Ok(())
}

/// Up to `limit` attempts that may be sent: pending and due at `now` (the clock the schedule
/// runs on), or sending with a lease that lapsed before `lease_now` (real time: their worker
/// died), earliest first; only of enabled endpoints, and none of the endpoints in `full` (this
/// worker's endpoints at their bound), so one endpoint's backlog never hides another's.
///
/// # Errors
/// Database errors only.
pub fn due(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    lease_now: NaiveDateTime,
    full: &[String],
    limit: i64,
) -> Result<Vec<DeliveryRow>, PersistenceError> {
    let enabled = webhook_endpoints::table
        .filter(webhook_endpoints::enabled.eq(true))
        .select(webhook_endpoints::id);
    let mut query = webhook_deliveries::table
        .filter(
            webhook_deliveries::status
                .eq(PENDING)
                .and(webhook_deliveries::due_at.le(now))
                .or(webhook_deliveries::status
                    .eq(SENDING)
                    .and(webhook_deliveries::lease_until.lt(lease_now))),
        )
        .filter(webhook_deliveries::endpoint_id.eq_any(enabled))
        .into_boxed();
    if !full.is_empty() {
        query = query.filter(webhook_deliveries::endpoint_id.ne_all(full.to_vec()));
    }
    Ok(query
        .order((
            webhook_deliveries::due_at.asc(),
            webhook_deliveries::id.asc(),
        ))
        .limit(limit)
        .select(DeliveryRow::as_select())
        .load(conn)?)
}

/// Whether any attempt may be sent now, as [`due`] selects them: a read, so an idle worker
/// takes no write lock.
///
/// # Errors
/// Database errors only.
pub fn any_due(
    conn: &mut AnyConnection,
    now: NaiveDateTime,
    lease_now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    Ok(!due(conn, now, lease_now, &[], 1)?.is_empty())
}

/// Takes `row` for this worker until `lease_until`, if no other worker took it since it was
/// read: the update only matches the status and lease it was read with.
///
/// # Errors
/// Database errors only.
pub fn claim(
    conn: &mut AnyConnection,
    row: &DeliveryRow,
    lease_until: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let base = webhook_deliveries::table
        .filter(webhook_deliveries::id.eq(row.id.clone()))
        .filter(webhook_deliveries::status.eq(row.status.clone()));
    let updated = match row.lease_until {
        Some(lease) => diesel::update(base.filter(webhook_deliveries::lease_until.eq(lease)))
            .set((
                webhook_deliveries::status.eq(SENDING),
                webhook_deliveries::lease_until.eq(lease_until),
            ))
            .execute(conn)?,
        None => diesel::update(base.filter(webhook_deliveries::lease_until.is_null()))
            .set((
                webhook_deliveries::status.eq(SENDING),
                webhook_deliveries::lease_until.eq(lease_until),
            ))
            .execute(conn)?,
    };
    Ok(updated == 1)
}

/// Records what the attempt came to, if this worker still holds it (`lease_until` as claimed).
///
/// # Errors
/// Database errors only.
pub fn finish(
    conn: &mut AnyConnection,
    id: &str,
    lease_until: NaiveDateTime,
    outcome: &Outcome,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::id.eq(id))
            .filter(webhook_deliveries::status.eq(SENDING))
            .filter(webhook_deliveries::lease_until.eq(lease_until)),
    )
    .set((
        webhook_deliveries::status.eq(outcome.status),
        webhook_deliveries::lease_until.eq(None::<NaiveDateTime>),
        webhook_deliveries::attempted_at.eq(outcome.attempted_at),
        webhook_deliveries::response_status.eq(outcome.response_status),
        webhook_deliveries::response_body.eq(outcome.response_body.clone()),
        webhook_deliveries::latency_ms.eq(outcome.latency_ms),
        webhook_deliveries::error.eq(outcome.error.clone()),
        webhook_deliveries::next_attempt_at.eq(outcome.next_attempt_at),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Drops the attempts of an endpoint that wait to be sent (it was disabled). One being sent
/// keeps its lease: its worker records the answer.
///
/// # Errors
/// Database errors only.
pub fn cancel_pending(
    conn: &mut AnyConnection,
    endpoint_id: &str,
) -> Result<usize, PersistenceError> {
    Ok(diesel::update(
        webhook_deliveries::table
            .filter(webhook_deliveries::endpoint_id.eq(endpoint_id))
            .filter(webhook_deliveries::status.eq(PENDING)),
    )
    .set((
        webhook_deliveries::status.eq(FAILED),
        webhook_deliveries::error.eq("the endpoint was disabled"),
    ))
    .execute(conn)?)
}

/// One attempt.
///
/// # Errors
/// [`PersistenceError::NotFound`] when missing.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<DeliveryRow, PersistenceError> {
    webhook_deliveries::table
        .find(id)
        .select(DeliveryRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

/// A page of an endpoint's attempts, newest first.
///
/// # Errors
/// Database errors only.
pub fn of_endpoint(
    conn: &mut AnyConnection,
    endpoint_id: &str,
    page: &PageRequest,
) -> Result<Page<DeliveryRow>, PersistenceError> {
    let mut query = webhook_deliveries::table
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(webhook_deliveries::id.lt(after.clone()));
    }
    let rows = query
        .order(webhook_deliveries::id.desc())
        .limit(page.fetch())
        .select(DeliveryRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// The events whose last attempt to an endpoint failed with no attempt left, created at or
/// after `since`, oldest first, at most `limit`: what a replay of failures sends again. An
/// event with an attempt still waiting or a success is not among them.
///
/// # Errors
/// Database errors only.
pub fn failed_events(
    conn: &mut AnyConnection,
    endpoint_id: &str,
    since: NaiveDateTime,
    limit: i64,
) -> Result<Vec<String>, PersistenceError> {
    use diesel::dsl::{exists, not};
    let others = diesel::alias!(webhook_deliveries as others);
    Ok(webhook_deliveries::table
        .inner_join(crate::schema::events::table)
        .filter(webhook_deliveries::endpoint_id.eq(endpoint_id.to_owned()))
        .filter(webhook_deliveries::status.eq(FAILED))
        .filter(crate::schema::events::created_at.ge(since))
        .filter(not(exists(
            others
                .filter(
                    others
                        .field(webhook_deliveries::endpoint_id)
                        .eq(webhook_deliveries::endpoint_id),
                )
                .filter(
                    others
                        .field(webhook_deliveries::event_id)
                        .eq(webhook_deliveries::event_id),
                )
                .filter(others.field(webhook_deliveries::status).ne(FAILED)),
        )))
        .select(webhook_deliveries::event_id)
        .distinct()
        .order(webhook_deliveries::event_id.asc())
        .limit(limit)
        .load(conn)?)
}
