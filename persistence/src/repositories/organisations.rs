//! Organisations: the agency and its creditors.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::organisations;

/// An organisation row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = organisations)]
pub struct OrganisationRow {
    /// `org_…`
    pub id: String,
    /// `agency` or `creditor`.
    pub kind: String,
    /// Display name.
    pub name: String,
    /// ISO 3166-1 alpha-2 country of establishment.
    pub country: String,
    /// Optimistic-concurrency version.
    pub version: i64,
    /// Creation time (UTC).
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
}

/// Inserts an organisation.
///
/// # Errors
/// [`PersistenceError::Conflict`] when a second agency is inserted.
pub fn insert(conn: &mut AnyConnection, row: &OrganisationRow) -> Result<(), PersistenceError> {
    diesel::insert_into(organisations::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Reads one organisation.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none with that id.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<OrganisationRow, PersistenceError> {
    Ok(organisations::table
        .find(id)
        .select(OrganisationRow::as_select())
        .first(conn)?)
}

/// The grace period of the creditor `id`'s payment plans, in days.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none with that id.
pub fn plan_grace_days(conn: &mut AnyConnection, id: &str) -> Result<i32, PersistenceError> {
    Ok(organisations::table
        .find(id)
        .select(organisations::plan_grace_days)
        .first(conn)?)
}

/// The agency organisation, if the installation has been bootstrapped.
///
/// # Errors
/// Database errors only.
pub fn find_agency(conn: &mut AnyConnection) -> Result<Option<OrganisationRow>, PersistenceError> {
    Ok(organisations::table
        .filter(organisations::kind.eq("agency"))
        .select(OrganisationRow::as_select())
        .first(conn)
        .optional()?)
}

/// Lists organisations in id (creation) order.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    page: &PageRequest,
    updated_since: Option<NaiveDateTime>,
) -> Result<Page<OrganisationRow>, PersistenceError> {
    let mut query = organisations::table
        .select(OrganisationRow::as_select())
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(organisations::id.gt(after.clone()));
    }
    if let Some(since) = updated_since {
        query = query.filter(organisations::updated_at.ge(since));
    }
    let rows = query
        .order(organisations::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}
