//! Messages on a case between the creditor and the agency, and per-reader read markers.
//!
//! A marker row `(message_id, reader_id)` says that reader has read the message. Authors get a
//! marker for their own message when it is written, so "unread" never counts what one wrote.
//! Readers are users or API keys, by id.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel::sql_types::{Text, Timestamp};

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{api_keys, message_reads, messages, users};

/// How often [`mark_read`] retries after a concurrent marker insert of the same reader.
const MARK_READ_ATTEMPTS: usize = 3;

/// A message row.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = messages)]
pub struct MessageRow {
    /// `msg_…`
    pub id: String,
    /// The case it is about.
    pub case_id: String,
    /// User or API key id of the author.
    pub author_id: String,
    /// `creditor` or `agency`.
    pub author_side: String,
    /// The text.
    pub body: String,
    /// When it was written.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// A listed message with its author's user role, API key role and the reader's read time.
type ListedRow = (
    MessageRow,
    Option<String>,
    Option<String>,
    Option<NaiveDateTime>,
);

/// A message as one reader sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MessageForReader {
    /// The message.
    pub message: MessageRow,
    /// The author's current role, from the user or API key; `None` if neither exists any more.
    pub author_role: Option<String>,
    /// Whether the reader has a read marker on it.
    pub read: bool,
}

/// Stores a message and the author's own read marker.
///
/// # Errors
/// Database errors only (the case must exist: a foreign key guards it).
pub fn insert(conn: &mut AnyConnection, row: &MessageRow) -> Result<(), PersistenceError> {
    diesel::insert_into(messages::table)
        .values(row)
        .execute(conn)?;
    diesel::insert_into(message_reads::table)
        .values((
            message_reads::message_id.eq(&row.id),
            message_reads::reader_id.eq(&row.author_id),
            message_reads::read_at.eq(row.created_at),
        ))
        .execute(conn)?;
    Ok(())
}

/// The messages of a case in the order written, with the author's role and whether `reader_id`
/// has read each one.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    case_id: &str,
    reader_id: &str,
    page: &PageRequest,
) -> Result<Page<MessageForReader>, PersistenceError> {
    let mut query = messages::table
        .left_join(users::table.on(users::id.eq(messages::author_id)))
        .left_join(api_keys::table.on(api_keys::id.eq(messages::author_id)))
        .left_join(
            message_reads::table.on(message_reads::message_id
                .eq(messages::id)
                .and(message_reads::reader_id.eq(reader_id.to_owned()))),
        )
        .filter(messages::case_id.eq(case_id.to_owned()))
        .select((
            MessageRow::as_select(),
            users::role.nullable(),
            api_keys::role.nullable(),
            message_reads::read_at.nullable(),
        ))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(messages::id.gt(after.clone()));
    }
    let rows: Vec<ListedRow> = query
        .order(messages::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    let items = rows
        .into_iter()
        .map(|(message, user_role, key_role, read_at)| MessageForReader {
            message,
            author_role: user_role.or(key_role),
            read: read_at.is_some(),
        })
        .collect();
    Ok(Page::from_rows(items, page, |item| &item.message.id))
}

/// Whether the case has a message with this id.
///
/// # Errors
/// Database errors only.
pub fn exists(conn: &mut AnyConnection, case_id: &str, id: &str) -> Result<bool, PersistenceError> {
    let found: i64 = messages::table
        .filter(messages::case_id.eq(case_id))
        .filter(messages::id.eq(id))
        .select(count_star())
        .first(conn)?;
    Ok(found > 0)
}

/// How many messages of the case `reader_id` has not read.
///
/// # Errors
/// Database errors only.
pub fn unread_count(
    conn: &mut AnyConnection,
    case_id: &str,
    reader_id: &str,
) -> Result<i64, PersistenceError> {
    Ok(messages::table
        .left_join(
            message_reads::table.on(message_reads::message_id
                .eq(messages::id)
                .and(message_reads::reader_id.eq(reader_id))),
        )
        .filter(messages::case_id.eq(case_id))
        .filter(message_reads::message_id.nullable().is_null())
        .select(count_star())
        .first(conn)?)
}

/// Marks the case's messages up to and including `up_to` (every one when `None`) as read by
/// `reader_id`; messages already read keep their first marker. Returns how many were marked.
///
/// # Errors
/// Database errors only.
pub fn mark_read(
    conn: &mut AnyConnection,
    case_id: &str,
    reader_id: &str,
    up_to: Option<&str>,
    now: NaiveDateTime,
) -> Result<usize, PersistenceError> {
    let mut attempt = 0;
    loop {
        attempt += 1;
        // A savepoint, so that a lost race (the same reader marking from two requests at once
        // on PostgreSQL) rolls back only this insert; the retry then sees the winner's markers.
        let outcome = conn.transaction(|conn| insert_markers(conn, case_id, reader_id, up_to, now));
        match outcome.map_err(PersistenceError::from) {
            Err(PersistenceError::Conflict(_)) if attempt < MARK_READ_ATTEMPTS => {}
            other => return other,
        }
    }
}

fn insert_markers(
    conn: &mut AnyConnection,
    case_id: &str,
    reader_id: &str,
    up_to: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let mut unread = messages::table
        .left_join(
            message_reads::table.on(message_reads::message_id
                .eq(messages::id)
                .and(message_reads::reader_id.eq(reader_id.to_owned()))),
        )
        .filter(messages::case_id.eq(case_id.to_owned()))
        .filter(message_reads::message_id.nullable().is_null())
        .select((
            messages::id,
            reader_id.to_owned().into_sql::<Text>(),
            now.into_sql::<Timestamp>(),
        ))
        .into_boxed();
    if let Some(up_to) = up_to {
        unread = unread.filter(messages::id.le(up_to.to_owned()));
    }
    diesel::insert_into(message_reads::table)
        .values(unread)
        .into_columns((
            message_reads::message_id,
            message_reads::reader_id,
            message_reads::read_at,
        ))
        .execute(conn)
}
