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
/// Page cache per SQLite connection, in KiB (a negative `cache_size`). The default 2 MiB makes a
/// bulk import spill dirty pages to the WAL mid-transaction and read them back for every index
/// insert; 64 MiB holds a 10,000-case request. Pages are allocated only as they are used.
const SQLITE_CACHE_KIB: u32 = 65_536;

/// Sets SQLite's pragmas on each new connection: they are not stored in the file (WAL itself
/// persists, but setting it again is cheap and covers a fresh file).
///
/// `synchronous = FULL`: in WAL mode `NORMAL` syncs only at checkpoints, so the last commits
/// before a power cut can roll back although the client was told they succeeded. `FULL` syncs
/// the WAL on every commit, so an acknowledged write survives a process kill and a power cut.
#[derive(Debug)]
struct ConnectionSetup;

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for ConnectionSetup {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        if conn.backend() == Backend::Sqlite {
            conn.batch_execute(&format!(
                "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; PRAGMA journal_mode = WAL; \
                 PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; \
                 PRAGMA cache_size = -{SQLITE_CACHE_KIB};"
            ))
            .map_err(diesel::r2d2::Error::QueryError)?;
        }
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

#[cfg(test)]
mod tests {
    use diesel::sql_types::Integer;
    use diesel::{QueryableByName, RunQueryDsl};

    use super::*;

    #[derive(QueryableByName)]
    struct Pragma {
        #[diesel(sql_type = Integer)]
        synchronous: i32,
    }

    #[test]
    fn every_pooled_sqlite_connection_syncs_each_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("durable.db");
        let url = DatabaseUrl::parse(path.to_str().unwrap()).unwrap();
        let pool = build_pool(&url, 2).unwrap();
        let mut conn = pool.get().unwrap();
        let pragma: Pragma = diesel::sql_query("PRAGMA synchronous")
            .get_result(&mut *conn)
            .unwrap();
        // 2 is FULL (0 OFF, 1 NORMAL, 3 EXTRA).
        assert_eq!(pragma.synchronous, 2);
    }
}
