//! Stored responses of create requests, by organisation and `Idempotency-Key`.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::idempotency_keys;

/// A stored response.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_keys)]
pub struct StoredResponse {
    /// The caller's organisation (keys are per tenant).
    pub organisation_id: String,
    /// The client's key.
    pub idempotency_key: String,
    /// Fingerprint of the request body.
    pub request_hash: String,
    /// HTTP status of the first response.
    pub status_code: i32,
    /// JSON: `{"body": …, "location": …}`.
    pub response_body: String,
    /// When the first request was answered.
    pub created_at: NaiveDateTime,
}

/// The stored response for a key, if any.
///
/// # Errors
/// Database errors only.
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: &str,
    key: &str,
) -> Result<Option<StoredResponse>, PersistenceError> {
    Ok(idempotency_keys::table
        .find((organisation_id, key))
        .select(StoredResponse::as_select())
        .first(conn)
        .optional()?)
}

/// Stores a response.
///
/// # Errors
/// [`PersistenceError::Conflict`] when another request stored the key first.
pub fn insert(conn: &mut AnyConnection, row: &StoredResponse) -> Result<(), PersistenceError> {
    diesel::insert_into(idempotency_keys::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Forgets keys stored before `cutoff`.
///
/// # Errors
/// Database errors only.
pub fn delete_older_than(
    conn: &mut AnyConnection,
    cutoff: NaiveDateTime,
) -> Result<usize, PersistenceError> {
    Ok(
        diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(cutoff)))
            .execute(conn)?,
    )
}
