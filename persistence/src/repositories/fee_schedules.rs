//! Fee schedules as charged on cases, stored once per distinct set of terms and named by a hash
//! of them, so the thousands of cases a creditor places on one schedule share a row.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::fee_schedules;

/// A fee schedule row.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = fee_schedules)]
pub struct FeeScheduleRow {
    /// `fsc_` and the first 128 bits of the SHA-256 of `terms`, in hex.
    pub id: String,
    /// The schedule as JSON.
    pub terms: String,
    /// When these terms were first stored.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

impl FeeScheduleRow {
    /// The row for `terms`, named by their hash: the same terms always get the same id.
    #[must_use]
    pub fn for_terms(terms: String, now: NaiveDateTime) -> Self {
        let digest = Sha256::digest(terms.as_bytes());
        let id = format!("fsc_{}", hex::encode(&digest[..16]));
        Self {
            id,
            terms,
            created_at: now,
        }
    }
}

/// Stores the rows that are not stored yet (an id names its terms, so a stored one is the same).
///
/// A schedule stored and committed before costs nothing here and takes no lock. On PostgreSQL
/// two transactions storing the same new schedule at once wait for each other: the second
/// insert waits for the first transaction to end (a first import on new terms holds the others
/// placing on those terms until it commits).
///
/// # Errors
/// Database errors only.
pub fn ensure(conn: &mut AnyConnection, rows: &[FeeScheduleRow]) -> Result<(), PersistenceError> {
    for row in rows {
        match conn {
            AnyConnection::Sqlite(inner) => diesel::insert_into(fee_schedules::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(inner)?,
            AnyConnection::Postgresql(inner) => diesel::insert_into(fee_schedules::table)
                .values(row)
                .on_conflict_do_nothing()
                .execute(inner)?,
        };
    }
    Ok(())
}

/// The terms of schedule `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none.
pub fn terms(conn: &mut AnyConnection, id: &str) -> Result<String, PersistenceError> {
    Ok(fee_schedules::table
        .find(id)
        .select(fee_schedules::terms)
        .first(conn)?)
}
