//! API keys for ERPs: stored as a SHA-256 of the secret, shown once at creation.

use crate::dialect::on_backend;
use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::{OfRow, PersistenceError};
use crate::repositories::page::{Page, PageRequest};
use crate::schema::{api_keys, organisations};
use solvo_domain::identity::Role;

/// An API key row.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = api_keys)]
pub struct ApiKeyRow {
    /// `key_…`
    pub id: String,
    /// The organisation the key acts for.
    pub organisation_id: String,
    /// A label the creator chose ("SAP production").
    pub name: String,
    /// The first characters of the secret, to recognise it in lists and logs.
    pub prefix: String,
    /// Hex SHA-256 of the secret.
    pub secret_hash: String,
    /// Role the key acts with.
    pub role: Role,
    /// The user who created it.
    pub created_by: Option<String>,
    /// Creation time.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last successful authentication.
    pub last_used_at: Option<NaiveDateTime>,
    /// Set when revoked; a revoked key fails at once.
    pub revoked_at: Option<NaiveDateTime>,
}

/// Inserts a key.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &ApiKeyRow) -> Result<(), PersistenceError> {
    diesel::insert_into(api_keys::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Reads one key of an organisation.
///
/// # Errors
/// [`PersistenceError::NotFound`] when the key does not exist in that organisation.
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
) -> Result<ApiKeyRow, PersistenceError> {
    api_keys::table
        .filter(api_keys::id.eq(id))
        .filter(api_keys::organisation_id.eq(organisation_id))
        .select(ApiKeyRow::as_select())
        .first(conn)
        .of_row("api_keys", id)
}

/// Lists an organisation's keys, revoked ones included (their history matters to auditors).
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    organisation_id: &str,
    page: &PageRequest,
) -> Result<Page<ApiKeyRow>, PersistenceError> {
    let mut query = api_keys::table
        .filter(api_keys::organisation_id.eq(organisation_id.to_owned()))
        .select(ApiKeyRow::as_select())
        .into_boxed();
    if let Some(after) = &page.after {
        query = query.filter(api_keys::id.gt(after.clone()));
    }
    let rows = query
        .order(api_keys::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Revokes a key of an organisation; revoking twice keeps the first time.
///
/// # Errors
/// [`PersistenceError::NotFound`] when the key does not exist in that organisation.
pub fn revoke(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
    now: NaiveDateTime,
) -> Result<ApiKeyRow, PersistenceError> {
    let key = find(conn, organisation_id, id)?;
    if key.revoked_at.is_none() {
        diesel::update(api_keys::table.filter(api_keys::id.eq(id)))
            .set(api_keys::revoked_at.eq(now))
            .execute(conn)?;
    }
    find(conn, organisation_id, id)
}

/// Resolves a presented secret's hash to an active key and its organisation's kind.
///
/// # Errors
/// Database errors only.
pub fn find_active_by_hash(
    conn: &mut AnyConnection,
    secret_hash: &str,
) -> Result<Option<(ApiKeyRow, String)>, PersistenceError> {
    // Every request with an API key runs this.
    Ok(on_backend!(conn, |c| api_keys::table
        .inner_join(organisations::table)
        .filter(api_keys::secret_hash.eq(secret_hash))
        .filter(api_keys::revoked_at.is_null())
        .select((ApiKeyRow::as_select(), organisations::kind))
        .first(c)
        .optional())?)
}

/// Records a successful use. Callers skip it when the last one is recent, to spare writes.
///
/// # Errors
/// Database errors only.
pub fn touch(
    conn: &mut AnyConnection,
    id: &str,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    diesel::update(api_keys::table.filter(api_keys::id.eq(id)))
        .set(api_keys::last_used_at.eq(now))
        .execute(conn)?;
    Ok(())
}
