//! The r2d2 pool, with SQLite's pragmas set on every pooled connection.

use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::r2d2::{ConnectionManager, CustomizeConnection};

use crate::connection::{AnyConnection, Backend, DatabaseUrl};
use crate::error::PersistenceError;

/// A pool of [`AnyConnection`]s.
pub type Pool = r2d2::Pool<ConnectionManager<AnyConnection>>;
/// One connection checked out of the [`Pool`].
pub type PooledConnection = r2d2::PooledConnection<ConnectionManager<AnyConnection>>;

/// How long a writer waits for SQLite's lock before giving up.
const SQLITE_BUSY_TIMEOUT_MS: u32 = 5_000;

/// Sets per-connection settings: SQLite's pragmas are not stored in the file, so each new
/// connection needs them (WAL itself persists, but setting it again is cheap and covers a fresh
/// file); PostgreSQL gets its plan-cache mode.
#[derive(Debug)]
struct ConnectionSetup;

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        let setup = match conn.backend() {
            Backend::Sqlite => format!(
                "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
            ),
            // Diesel caches prepared statements; after five runs PostgreSQL may switch one to a
            // generic plan made while a table was small (a sequential scan), which a bulk import
            // that grows the table then pays for on every chunk. Custom plans see the real
            // table each time, for a few microseconds of planning.
            Backend::Postgres => "SET plan_cache_mode = force_custom_plan;".to_owned(),
        };
        conn.batch_execute(&setup)
            .map_err(diesel::r2d2::Error::QueryError)?;
        Ok(())
    }
}

/// Builds a pool of at most `max_size` connections to `url`, failing fast when the database
/// cannot be reached.
///
/// # Errors
/// [`PersistenceError::Unavailable`] when no connection can be opened within the timeout.
pub fn build_pool(url: &DatabaseUrl, max_size: u32) -> Result<Pool, PersistenceError> {
    if url.backend() == Backend::Postgres {
        crate::connection::init_postgres_client();
    }
    let manager = ConnectionManager::<AnyConnection>::new(url.target());
    r2d2::Pool::builder()
        .max_size(max_size.max(1))
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(ConnectionSetup))
        .build(manager)
        .map_err(|err| PersistenceError::Unavailable(err.to_string()))
}
