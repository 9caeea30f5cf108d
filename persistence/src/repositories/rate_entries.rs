//! Reference rates entered by the agency after a release: appended to the embedded histories,
//! never updated or deleted (a later entry is the only correction the rate rules allow).

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::rate_entries;

/// A stored rate entry.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = rate_entries)]
pub struct RateEntryRow {
    /// `rte_…`
    pub id: String,
    /// The series id, e.g. `de_basiszinssatz`.
    pub series: String,
    /// First day the rate is in force.
    pub effective_date: NaiveDate,
    /// Percent per year as a decimal string.
    pub rate: String,
    /// Where the figure was published.
    pub source: String,
    /// The user or API key that entered it.
    pub created_by: String,
    /// When it was entered.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// Stores a new entry.
///
/// # Errors
/// [`PersistenceError::Conflict`] when the series already has an entry on that date.
pub fn insert(conn: &mut AnyConnection, row: &RateEntryRow) -> Result<(), PersistenceError> {
    diesel::insert_into(rate_entries::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Every stored entry, by series and then effective date.
///
/// # Errors
/// Database errors only.
pub fn all(conn: &mut AnyConnection) -> Result<Vec<RateEntryRow>, PersistenceError> {
    Ok(rate_entries::table
        .order((
            rate_entries::series.asc(),
            rate_entries::effective_date.asc(),
        ))
        .select(RateEntryRow::as_select())
        .load(conn)?)
}

/// The stored entries of one series, oldest first.
///
/// # Errors
/// Database errors only.
pub fn of_series(
    conn: &mut AnyConnection,
    series: &str,
) -> Result<Vec<RateEntryRow>, PersistenceError> {
    Ok(rate_entries::table
        .filter(rate_entries::series.eq(series))
        .order(rate_entries::effective_date.asc())
        .select(RateEntryRow::as_select())
        .load(conn)?)
}
