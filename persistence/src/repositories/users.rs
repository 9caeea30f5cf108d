//! Users: people who log in, each in one organisation with one role.

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::{OfRow, PersistenceError};
use crate::repositories::page::{Page, PageRequest};
use crate::schema::users;
use solvo_domain::identity::Role;

/// A user row. `email` is stored lowercased so that uniqueness ignores case.
#[derive(Debug, Clone, Queryable, Selectable, Insertable)]
#[diesel(table_name = users)]
pub struct UserRow {
    /// `usr_…`
    pub id: String,
    /// The user's organisation.
    pub organisation_id: String,
    /// Login, lowercased.
    pub email: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    /// Role wire name.
    pub role: Role,
    /// A disabled user cannot log in, refresh, or use an access token.
    pub disabled: bool,
    /// Optimistic-concurrency version, bumped on every update.
    pub version: i64,
    /// Creation time (UTC).
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Last change (UTC).
    #[diesel(deserialize_as = StoredTimestamp)]
    pub updated_at: NaiveDateTime,
    /// The name the person goes by, if given (debtors see their collector's).
    pub name: Option<String>,
}

/// Filters for [`list`].
#[derive(Debug, Clone, Default)]
pub struct UserFilter {
    /// Only this organisation's users (always set for creditor callers).
    pub organisation_id: Option<String>,
    /// Only users changed at or after this time.
    pub updated_since: Option<NaiveDateTime>,
}

/// The fields [`update`] may change.
#[derive(Debug, Clone, Default, AsChangeset)]
#[diesel(table_name = users)]
pub struct UserChanges {
    /// New role wire name.
    pub role: Option<Role>,
    /// New disabled flag.
    pub disabled: Option<bool>,
    /// New name (`Some(None)` would clear it; the API only sets one).
    pub name: Option<Option<String>>,
}

/// Inserts a user.
///
/// # Errors
/// [`PersistenceError::Conflict`] when the email is taken.
pub fn insert(conn: &mut AnyConnection, row: &UserRow) -> Result<(), PersistenceError> {
    diesel::insert_into(users::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// Reads one user.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none with that id.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<UserRow, PersistenceError> {
    users::table
        .find(id)
        .select(UserRow::as_select())
        .first(conn)
        .of_row("users", id)
}

/// Reads a user by (lowercased) email.
///
/// # Errors
/// Database errors only.
pub fn find_by_email(
    conn: &mut AnyConnection,
    email: &str,
) -> Result<Option<UserRow>, PersistenceError> {
    Ok(users::table
        .filter(users::email.eq(email.to_lowercase()))
        .select(UserRow::as_select())
        .first(conn)
        .optional()?)
}

/// Lists users in id order.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    filter: &UserFilter,
    page: &PageRequest,
) -> Result<Page<UserRow>, PersistenceError> {
    let mut query = users::table.select(UserRow::as_select()).into_boxed();
    if let Some(organisation_id) = &filter.organisation_id {
        query = query.filter(users::organisation_id.eq(organisation_id.clone()));
    }
    if let Some(since) = filter.updated_since {
        query = query.filter(users::updated_at.ge(since));
    }
    if let Some(after) = &page.after {
        query = query.filter(users::id.gt(after.clone()));
    }
    let rows = query
        .order(users::id.asc())
        .limit(page.fetch())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// Applies `changes` when the stored version is `expected_version` (or always when `None`),
/// bumping the version.
///
/// # Errors
/// [`PersistenceError::NotFound`] when the user is gone; [`PersistenceError::Conflict`] with
/// `version` when another writer changed it first.
pub fn update(
    conn: &mut AnyConnection,
    id: &str,
    changes: &UserChanges,
    expected_version: Option<i64>,
    now: NaiveDateTime,
) -> Result<UserRow, PersistenceError> {
    let current = find(conn, id)?;
    if expected_version.is_some_and(|expected| expected != current.version) {
        return Err(PersistenceError::Conflict("version".into()));
    }
    let updated = diesel::update(
        users::table
            .filter(users::id.eq(id))
            .filter(users::version.eq(current.version)),
    )
    .set((
        changes,
        users::version.eq(current.version + 1),
        users::updated_at.eq(now),
    ))
    .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::Conflict("version".into()));
    }
    find(conn, id)
}

/// Replaces a user's password hash (a change or a reset), as a new version of the user.
///
/// # Errors
/// [`PersistenceError::NotFound`] when the user is gone.
pub fn set_password(
    conn: &mut AnyConnection,
    id: &str,
    password_hash: &str,
    now: NaiveDateTime,
) -> Result<(), PersistenceError> {
    let updated = diesel::update(users::table.filter(users::id.eq(id)))
        .set((
            users::password_hash.eq(password_hash),
            users::version.eq(users::version + 1),
            users::updated_at.eq(now),
        ))
        .execute(conn)?;
    if updated == 0 {
        return Err(PersistenceError::NotFound);
    }
    Ok(())
}
