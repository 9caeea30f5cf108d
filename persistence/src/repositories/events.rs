//! The outbox and the event feed. An event is inserted in its change's transaction without a
//! position; [`sequence`] positions the committed ones in the order it finds them, so the feed,
//! read by position, only ever grows at its end.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{event_positions, events};

/// An event.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = events, treat_none_as_default_value = false)]
pub struct EventRow {
    /// `evt_…`: the `webhook-id` of every delivery of it.
    pub id: String,
    /// The creditor it belongs to.
    pub organisation_id: String,
    /// e.g. `payment.received`.
    pub event_type: String,
    /// The case it is about.
    pub case_id: Option<String>,
    /// When the change happened.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// The payload's `data`, JSON.
    pub data: String,
    /// The place in the feed, once sequenced.
    pub position: Option<i64>,
}

/// Inserts events (in the caller's transaction: the outbox).
///
/// # Errors
/// Database errors only.
pub fn insert_all(conn: &mut AnyConnection, rows: &[EventRow]) -> Result<(), PersistenceError> {
    for chunk in rows.chunks(1_000) {
        crate::dialect::insert_batch!(conn, events::table, chunk)?;
    }
    Ok(())
}

/// Whether any committed event waits for its position: a read, so an idle worker does not
/// take the write lock (and, on SQLite, sync a commit) on every pass.
///
/// # Errors
/// Database errors only.
pub fn any_unsequenced(conn: &mut AnyConnection) -> Result<bool, PersistenceError> {
    Ok(diesel::select(diesel::dsl::exists(
        events::table.filter(events::position.is_null()),
    ))
    .get_result(conn)?)
}

/// Gives up to `limit` committed events without a position the next positions, oldest first,
/// and returns them. The position counter's row is updated first, so on PostgreSQL a second
/// sequencer waits for this one's commit and then sees its events positioned (SQLite's write
/// transaction serialises them anyway).
///
/// # Errors
/// Database errors only.
pub fn sequence(conn: &mut AnyConnection, limit: i64) -> Result<Vec<EventRow>, PersistenceError> {
    let counter = || event_positions::table.find("events");
    diesel::update(counter())
        .set(event_positions::last_position.eq(event_positions::last_position))
        .execute(conn)?;
    let last: i64 = counter()
        .select(event_positions::last_position)
        .first(conn)?;
    let mut rows: Vec<EventRow> = events::table
        .filter(events::position.is_null())
        .order((events::created_at.asc(), events::id.asc()))
        .limit(limit)
        .select(EventRow::as_select())
        .load(conn)?;
    let mut position = last;
    for row in &mut rows {
        position += 1;
        diesel::update(events::table.find(&row.id))
            .set(events::position.eq(position))
            .execute(conn)?;
        row.position = Some(position);
    }
    if position != last {
        diesel::update(counter())
            .set(event_positions::last_position.eq(position))
            .execute(conn)?;
    }
    Ok(rows)
}

/// What a feed read selects.
#[derive(Debug, Clone, Default)]
pub struct FeedQuery {
    /// One creditor's events; `None` for every creditor's (the agency).
    pub organisation_id: Option<String>,
    /// Events after this position.
    pub after: i64,
    /// Only these types; empty for all.
    pub types: Vec<String>,
    /// Only events created at or after this time (a replay's `since`).
    pub since: Option<NaiveDateTime>,
    /// How many rows to read.
    pub limit: i64,
}

/// Sequenced events in feed order.
///
/// # Errors
/// Database errors only.
pub fn feed(
    conn: &mut AnyConnection,
    query: &FeedQuery,
) -> Result<Vec<EventRow>, PersistenceError> {
    let mut rows = events::table
        .filter(events::position.gt(query.after))
        .into_boxed();
    if let Some(organisation) = &query.organisation_id {
        rows = rows.filter(events::organisation_id.eq(organisation.clone()));
    }
    if !query.types.is_empty() {
        rows = rows.filter(events::event_type.eq_any(query.types.clone()));
    }
    if let Some(since) = query.since {
        rows = rows.filter(events::created_at.ge(since));
    }
    Ok(rows
        .order(events::position.asc())
        .limit(query.limit)
        .select(EventRow::as_select())
        .load(conn)?)
}

/// One event.
///
/// # Errors
/// [`PersistenceError::NotFound`] when missing.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<EventRow, PersistenceError> {
    events::table
        .find(id)
        .select(EventRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}
