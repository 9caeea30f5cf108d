//! Counted login attempts by key (see the migration `000016_account_security`).

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::login_throttle;

/// One key's count.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = login_throttle)]
pub struct ThrottleRow {
    /// SHA-256 (hex) of the key's kind and value.
    pub key: String,
    /// Attempts counted and not cleared by a success.
    pub failures: i32,
    /// When the last one was counted.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub last_failure_at: NaiveDateTime,
}

/// The key's row, held for the rest of the transaction: on PostgreSQL the row is locked (a
/// missing row is inserted first, so that two first attempts also meet on it), so concurrent
/// attempts on the same key are decided one after the other; on SQLite the write transaction
/// already holds the database. `None` when the key has no count.
///
/// # Errors
/// Database errors only.
pub fn hold(conn: &mut AnyConnection, key: &str) -> Result<Option<ThrottleRow>, PersistenceError> {
    if let AnyConnection::Postgresql(inner) = conn {
        diesel::insert_into(login_throttle::table)
            .values((
                login_throttle::key.eq(key),
                login_throttle::failures.eq(0),
                login_throttle::last_failure_at.eq(chrono::DateTime::UNIX_EPOCH.naive_utc()),
            ))
            .on_conflict_do_nothing()
            .execute(inner)?;
        diesel::update(login_throttle::table.find(key))
            .set(login_throttle::failures.eq(login_throttle::failures))
            .execute(inner)?;
    }
    Ok(login_throttle::table
        .find(key)
        .select(ThrottleRow::as_select())
        .first(conn)
        .optional()?)
}

/// Stores the key's count.
///
/// # Errors
/// Database errors only.
pub fn store(conn: &mut AnyConnection, row: &ThrottleRow) -> Result<(), PersistenceError> {
    let updated = diesel::update(login_throttle::table.find(&row.key))
        .set((
            login_throttle::failures.eq(row.failures),
            login_throttle::last_failure_at.eq(row.last_failure_at),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(login_throttle::table)
            .values(row)
            .execute(conn)?;
    }
    Ok(())
}

/// Forgets the key.
///
/// # Errors
/// Database errors only.
pub fn clear(conn: &mut AnyConnection, key: &str) -> Result<(), PersistenceError> {
    diesel::delete(login_throttle::table.find(key)).execute(conn)?;
    Ok(())
}

/// Forgets every key whose last attempt was before `before`; returns how many.
///
/// # Errors
/// Database errors only.
pub fn sweep(conn: &mut AnyConnection, before: NaiveDateTime) -> Result<usize, PersistenceError> {
    Ok(
        diesel::delete(login_throttle::table.filter(login_throttle::last_failure_at.lt(before)))
            .execute(conn)?,
    )
}
