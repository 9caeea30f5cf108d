//! Secrets the server makes for itself, shared through the database by every API node.

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::server_secrets;

/// Returns the secret stored under `name`, storing `generate()` first when there is none. When
/// two nodes race, the insert of the second fails on the primary key and it reads the winner's.
///
/// # Errors
/// Database errors only.
pub fn get_or_create(
    conn: &mut AnyConnection,
    name: &str,
    now: NaiveDateTime,
    generate: impl FnOnce() -> String,
) -> Result<String, PersistenceError> {
    let existing = server_secrets::table
        .find(name)
        .select(server_secrets::value)
        .first::<String>(conn)
        .optional()?;
    if let Some(value) = existing {
        return Ok(value);
    }
    let inserted = diesel::insert_into(server_secrets::table)
        .values((
            server_secrets::name.eq(name),
            server_secrets::value.eq(generate()),
            server_secrets::created_at.eq(now),
        ))
        .execute(conn);
    match inserted.map_err(PersistenceError::from) {
        Ok(_) | Err(PersistenceError::Conflict(_)) => {}
        Err(err) => return Err(err),
    }
    Ok(server_secrets::table
        .find(name)
        .select(server_secrets::value)
        .first(conn)?)
}
