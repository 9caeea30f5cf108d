//! Webhook endpoints: where a creditor (or the agency) wants its events sent, and the secret
//! that signs them.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{webhook_deliveries, webhook_endpoints};

/// An endpoint.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable, AsChangeset)]
#[diesel(table_name = webhook_endpoints, treat_none_as_null = true)]
pub struct EndpointRow {
    /// `whe_…`
    pub id: String,
    /// The owner.
    pub organisation_id: String,
    /// Where deliveries are posted.
    pub url: String,
    /// The owner's note.
    pub description: Option<String>,
    /// JSON array of event types; `None` for every type.
    pub event_types: Option<String>,
    /// Whether deliveries are made.
    pub enabled: bool,
    /// Why it was disabled.
    pub disabled_reason: Option<String>,
    /// `whsec_…`
    pub secret: String,
    /// The secret before the last rotation.
    pub previous_secret: Option<String>,
    /// Until when the previous secret still signs.
    pub previous_secret_until: Option<NaiveDateTime>,
    /// Since when every delivery failed.
    pub failing_since: Option<NaiveDateTime>,
    /// The user or key that created it.
    pub created_by: String,
    /// Creation time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last change.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
    /// Optimistic-concurrency version.
    pub version: i64,
}

/// Stores a new endpoint.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &EndpointRow) -> Result<(), PersistenceError> {
    diesel::insert_into(webhook_endpoints::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// One endpoint, within `organisation_id` when given.
///
/// # Errors
/// [`PersistenceError::NotFound`] when missing or another organisation's.
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<EndpointRow, PersistenceError> {
    let mut query = webhook_endpoints::table
        .filter(webhook_endpoints::id.eq(id.to_owned()))
        .into_boxed();
    if let Some(organisation) = organisation_id {
        query = query.filter(webhook_endpoints::organisation_id.eq(organisation.to_owned()));
    }
    query
        .select(EndpointRow::as_select())
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

/// A page of an organisation's endpoints, oldest first.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    organisation_id: &str,
    page: &PageRequest,
) -> Result<Page<EndpointRow>, PersistenceError> {
    let mut query = webhook_endpoints::table
        .filter(webhook_endpoints::organisation_id.eq(organisation_id.to_owned()))
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(webhook_endpoints::id.gt(after.clone()));
    }
    let rows = query
        .order(webhook_endpoints::id.asc())
        .limit(page.fetch())
        .select(EndpointRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Every enabled endpoint: the fan-out reads them once per batch of events.
///
/// # Errors
/// Database errors only.
pub fn enabled(conn: &mut AnyConnection) -> Result<Vec<EndpointRow>, PersistenceError> {
    Ok(webhook_endpoints::table
        .filter(webhook_endpoints::enabled.eq(true))
        .order(webhook_endpoints::id.asc())
        .select(EndpointRow::as_select())
        .load(conn)?)
}

/// Writes `row` over the stored endpoint if its version is still `expected_version`.
///
/// # Errors
/// [`PersistenceError::Conflict`] when it changed meanwhile (or is gone).
pub fn save(
    conn: &mut AnyConnection,
    row: &EndpointRow,
    expected_version: i64,
) -> Result<(), PersistenceError> {
    let updated = diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::id.eq(row.id.clone()))
            .filter(webhook_endpoints::version.eq(expected_version)),
    )
    .set(row)
    .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::Conflict(
            "webhook_endpoints.version".into(),
        ));
    }
    Ok(())
}

/// Deletes an endpoint and its deliveries.
///
/// # Errors
/// [`PersistenceError::NotFound`] when missing.
pub fn delete(conn: &mut AnyConnection, id: &str) -> Result<(), PersistenceError> {
    diesel::delete(webhook_deliveries::table.filter(webhook_deliveries::endpoint_id.eq(id)))
        .execute(conn)?;
    let deleted = diesel::delete(webhook_endpoints::table.find(id)).execute(conn)?;
    if deleted == 0 {
        return Err(PersistenceError::NotFound);
    }
    Ok(())
}

/// Starts an endpoint's failing spell at `now`, unless one runs already; returns when it
/// started. Not a change of the owner's settings: the version stays.
///
/// # Errors
/// Database errors only.
pub fn mark_failing(
    conn: &mut AnyConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<Option<NaiveDateTime>, PersistenceError> {
    diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::id.eq(id))
            .filter(webhook_endpoints::failing_since.is_null()),
    )
    .set(webhook_endpoints::failing_since.eq(now))
    .execute(conn)?;
    Ok(webhook_endpoints::table
        .find(id)
        .select(webhook_endpoints::failing_since)
        .first(conn)
        .optional()?
        .flatten())
}

/// Ends an endpoint's failing spell (a delivery succeeded).
///
/// # Errors
/// Database errors only.
pub fn clear_failing(conn: &mut AnyConnection, id: &str) -> Result<(), PersistenceError> {
    diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::id.eq(id))
            .filter(webhook_endpoints::failing_since.is_not_null()),
    )
    .set(webhook_endpoints::failing_since.eq(None::<NaiveDateTime>))
    .execute(conn)?;
    Ok(())
}

/// Disables an enabled endpoint with `reason`; whether this call disabled it (of two workers
/// disabling at once, one does).
///
/// # Errors
/// Database errors only.
pub fn disable(
    conn: &mut AnyConnection,
    id: &str,
    reason: &str,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let updated = diesel::update(
        webhook_endpoints::table
            .filter(webhook_endpoints::id.eq(id))
            .filter(webhook_endpoints::enabled.eq(true)),
    )
    .set((
        webhook_endpoints::enabled.eq(false),
        webhook_endpoints::disabled_reason.eq(reason),
        webhook_endpoints::version.eq(webhook_endpoints::version + 1),
        webhook_endpoints::updated_at.eq(now),
    ))
    .execute(conn)?;
    Ok(updated == 1)
}
