//! Embedded migrations, one set per dialect, kept in step (a test compares the two lists).

use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use crate::connection::AnyConnection;
use crate::error::PersistenceError;

const SQLITE: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Applies every pending migration of the connection's dialect and returns their versions.
///
/// # Errors
/// [`PersistenceError::Migration`] naming the migration that failed.
pub fn run_pending(conn: &mut AnyConnection) -> Result<Vec<String>, PersistenceError> {
    let applied = match conn {
        AnyConnection::Sqlite(inner) => inner.run_pending_migrations(SQLITE),
        AnyConnection::Postgresql(inner) => inner.run_pending_migrations(POSTGRES),
    }
    .map_err(|err| PersistenceError::Migration(err.to_string()))?;
    Ok(applied.iter().map(ToString::to_string).collect())
}

/// Reverts every applied migration, newest first (used by the up -> down -> up test).
///
/// # Errors
/// [`PersistenceError::Migration`] naming the migration that failed.
pub fn revert_all(conn: &mut AnyConnection) -> Result<usize, PersistenceError> {
    let reverted = match conn {
        AnyConnection::Sqlite(inner) => inner.revert_all_migrations(SQLITE),
        AnyConnection::Postgresql(inner) => inner.revert_all_migrations(POSTGRES),
    }
    .map_err(|err| PersistenceError::Migration(err.to_string()))?;
    Ok(reverted.len())
}

/// Reverts the newest applied migration and returns its version (tests use it to check that a
/// migration carries existing rows over).
///
/// # Errors
/// [`PersistenceError::Migration`] naming the migration that failed.
pub fn revert_last(conn: &mut AnyConnection) -> Result<String, PersistenceError> {
    let reverted = match conn {
        AnyConnection::Sqlite(inner) => inner.revert_last_migration(SQLITE),
        AnyConnection::Postgresql(inner) => inner.revert_last_migration(POSTGRES),
    }
    .map_err(|err| PersistenceError::Migration(err.to_string()))?;
    Ok(reverted.to_string())
}
