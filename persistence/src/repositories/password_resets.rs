//! One-time password reset tokens (see the migration `000016_account_security`).

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::password_resets;

/// A stored reset token.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = password_resets, treat_none_as_default_value = false)]
pub struct PasswordResetRow {
    /// `pwr_…`
    pub id: String,
    /// Whose password it resets.
    pub user_id: String,
    /// Hex SHA-256 of the token.
    pub token_hash: String,
    /// The user or API key that issued it.
    pub issued_by: String,
    /// When it was issued.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// After this it is refused.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub expires_at: NaiveDateTime,
    /// When it was used or withdrawn.
    pub used_at: Option<NaiveDateTime>,
}

/// Stores a new token for its user, withdrawing the user's earlier unused ones.
///
/// # Errors
/// Database errors only.
pub fn issue(conn: &mut AnyConnection, row: &PasswordResetRow) -> Result<(), PersistenceError> {
    diesel::update(
        password_resets::table
            .filter(password_resets::user_id.eq(&row.user_id))
            .filter(password_resets::used_at.is_null()),
    )
    .set(password_resets::used_at.eq(row.created_at))
    .execute(conn)?;
    diesel::insert_into(password_resets::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The token with this hash, used or not.
///
/// # Errors
/// Database errors only.
pub fn find(
    conn: &mut AnyConnection,
    token_hash: &str,
) -> Result<Option<PasswordResetRow>, PersistenceError> {
    Ok(password_resets::table
        .filter(password_resets::token_hash.eq(token_hash))
        .select(PasswordResetRow::as_select())
        .first(conn)
        .optional()?)
}

/// Spends the unused, unexpired token with this hash; its row when it was one.
///
/// # Errors
/// Database errors only.
pub fn spend(
    conn: &mut AnyConnection,
    token_hash: &str,
    now: NaiveDateTime,
) -> Result<Option<PasswordResetRow>, PersistenceError> {
    let Some(row) = password_resets::table
        .filter(password_resets::token_hash.eq(token_hash))
        .select(PasswordResetRow::as_select())
        .first(conn)
        .optional()?
    else {
        return Ok(None);
    };
    // Guarded by `used_at IS NULL`, so of two concurrent spends only one updates the row.
    let spent = diesel::update(
        password_resets::table
            .filter(password_resets::id.eq(&row.id))
            .filter(password_resets::used_at.is_null())
            .filter(password_resets::expires_at.gt(now)),
    )
    .set(password_resets::used_at.eq(now))
    .execute(conn)?;
    Ok((spent == 1).then_some(row))
}
