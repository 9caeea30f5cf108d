//! Quotes: a fee and claim estimate as it was served, and the fee schedule it was priced with, so
//! that a case placed with the quote keeps the terms the creditor saw.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::quotes;

/// A quote row. `body` and `fee_terms` are JSON kept whole: the API writes them once and reads
/// them back verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = quotes)]
pub struct QuoteRow {
    /// `quo_…`
    pub id: String,
    /// The creditor organisation that asked for the quote.
    pub organisation_id: String,
    /// The quote as served (JSON).
    pub body: String,
    /// The fee schedule the quote was computed with (JSON).
    pub fee_terms: String,
    /// Creation time (UTC).
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// After this instant the quote's terms can no longer be used to place a case (UTC).
    #[diesel(deserialize_as = StoredTimestamp)]
    pub expires_at: NaiveDateTime,
}

/// Inserts a quote.
///
/// # Errors
/// Database errors only (ids are fresh, so no unique index can refuse the row).
pub fn insert(conn: &mut AnyConnection, row: &QuoteRow) -> Result<(), PersistenceError> {
    diesel::insert_into(quotes::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Reads a quote; `organisation_id` scopes it (`None` for agency staff), so another tenant's quote
/// is not found exactly like a missing one.
///
/// # Errors
/// [`PersistenceError::NotFound`].
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<QuoteRow, PersistenceError> {
    let mut query = quotes::table
        .filter(quotes::id.eq(id))
        .select(QuoteRow::as_select())
        .into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(quotes::organisation_id.eq(organisation_id.to_owned()));
    }
    Ok(query.first(conn)?)
}

/// The organisation's quote with `id` if it has not expired at `now`, else `None`.
///
/// # Errors
/// Database errors only.
pub fn find_unexpired(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<Option<QuoteRow>, PersistenceError> {
    Ok(quotes::table
        .filter(quotes::id.eq(id))
        .filter(quotes::organisation_id.eq(organisation_id))
        .filter(quotes::expires_at.gt(now))
        .select(QuoteRow::as_select())
        .first(conn)
        .optional()?)
}
