//! Stored responses of create requests, by organisation and `Idempotency-Key`, and the claims
//! and recorded chunks of requests that commit in chunks (a key is claimed while its request
//! runs: `claimed_by` and `lease_until` are set and the response is not stored yet).

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{idempotency_keys, idempotency_progress};

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
    /// When the first request was answered, or claimed the key.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// The run that holds the key while its request is in progress; `None` once answered.
    pub claimed_by: Option<String>,
    /// Until when the claim holds unless renewed: a run that stopped (a crash) lets it lapse,
    /// and a retry takes the key over.
    pub lease_until: Option<NaiveDateTime>,
}

impl StoredResponse {
    /// Whether the request that claimed the key has not answered yet.
    #[must_use]
    pub fn in_progress(&self) -> bool {
        self.claimed_by.is_some()
    }
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

/// Forgets keys stored before `cutoff`, with what their runs recorded.
///
/// # Errors
/// Database errors only.
pub fn delete_older_than(
    conn: &mut AnyConnection,
    cutoff: NaiveDateTime,
) -> Result<usize, PersistenceError> {
    diesel::delete(idempotency_progress::table.filter(idempotency_progress::created_at.lt(cutoff)))
        .execute(conn)?;
    Ok(
        diesel::delete(idempotency_keys::table.filter(idempotency_keys::created_at.lt(cutoff)))
            .execute(conn)?,
    )
}

/// Extends the claim of run `owner` to `lease_until`; false when the run no longer holds it
/// (another took the key over after the lease lapsed).
///
/// # Errors
/// Database errors only.
pub fn renew(
    conn: &mut AnyConnection,
    organisation_id: &str,
    key: &str,
    owner: &str,
    lease_until: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        idempotency_keys::table
            .find((organisation_id, key))
            .filter(idempotency_keys::claimed_by.eq(owner)),
    )
    .set(idempotency_keys::lease_until.eq(lease_until))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Gives the claim to run `owner` when its lease lapsed before `now`; false when it is still
/// held (or was answered meanwhile).
///
/// # Errors
/// Database errors only.
pub fn take_over(
    conn: &mut AnyConnection,
    organisation_id: &str,
    key: &str,
    owner: &str,
    now: NaiveDateTime,
    lease_until: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        idempotency_keys::table
            .find((organisation_id, key))
            .filter(idempotency_keys::claimed_by.is_not_null())
            .filter(idempotency_keys::lease_until.lt(now)),
    )
    .set((
        idempotency_keys::claimed_by.eq(owner),
        idempotency_keys::lease_until.eq(lease_until),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}

/// Stores the response of run `owner` and ends its claim, forgetting what it recorded; false
/// when the run no longer holds the key.
///
/// # Errors
/// Database errors only.
pub fn answer(
    conn: &mut AnyConnection,
    organisation_id: &str,
    key: &str,
    owner: &str,
    status_code: i32,
    response_body: &str,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        idempotency_keys::table
            .find((organisation_id, key))
            .filter(idempotency_keys::claimed_by.eq(owner)),
    )
    .set((
        idempotency_keys::status_code.eq(status_code),
        idempotency_keys::response_body.eq(response_body),
        idempotency_keys::claimed_by.eq(None::<String>),
        idempotency_keys::lease_until.eq(None::<NaiveDateTime>),
    ))
    .execute(conn)?;
    if updated == 1 {
        diesel::delete(
            idempotency_progress::table
                .filter(idempotency_progress::organisation_id.eq(organisation_id))
                .filter(idempotency_progress::idempotency_key.eq(key)),
        )
        .execute(conn)?;
    }
    Ok(updated == 1)
}

/// What one committed chunk of a claimed request recorded (its items' outcomes, as the use
/// case serialised them).
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = idempotency_progress)]
pub struct ProgressRow {
    /// The caller's organisation.
    pub organisation_id: String,
    /// The claimed key.
    pub idempotency_key: String,
    /// The chunk's number in the run that recorded it (runs that resume go on counting).
    pub chunk_number: i32,
    /// The outcomes, JSON.
    pub outcomes: String,
    /// When the chunk committed.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// Records a chunk, in the chunk's own transaction.
///
/// # Errors
/// Database errors only.
pub fn record(conn: &mut AnyConnection, row: &ProgressRow) -> Result<(), PersistenceError> {
    diesel::insert_into(idempotency_progress::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// What the runs of a key recorded, in chunk order.
///
/// # Errors
/// Database errors only.
pub fn recorded(
    conn: &mut AnyConnection,
    organisation_id: &str,
    key: &str,
) -> Result<Vec<ProgressRow>, PersistenceError> {
    Ok(idempotency_progress::table
        .filter(idempotency_progress::organisation_id.eq(organisation_id))
        .filter(idempotency_progress::idempotency_key.eq(key))
        .order(idempotency_progress::chunk_number)
        .select(ProgressRow::as_select())
        .load(conn)?)
}
