//! The r2d2 pool, with SQLite's pragmas set on every pooled connection.

use std::time::Duration;

use diesel::Connection;
use diesel::connection::SimpleConnection;
use diesel::connection::TransactionManager;
use diesel::pg::PgConnection;
use diesel::r2d2::CustomizeConnection;
use diesel::sqlite::SqliteConnection;

use crate::connection::{AnyConnection, Backend, DatabaseUrl};
use crate::error::PersistenceError;

/// A pool of [`AnyConnection`]s.
pub type Pool = r2d2::Pool<Manager>;
/// One connection checked out of the [`Pool`].
pub type PooledConnection = r2d2::PooledConnection<Manager>;

/// Opens connections of the backend the URL names. Diesel's own manager for a `MultiConnection`
/// tries each backend in turn until one accepts the string, so an unreachable PostgreSQL server
/// would be followed by an attempt to open its URL as a SQLite file; this one never guesses.
#[derive(Debug)]
pub struct Manager {
    url: DatabaseUrl,
}

impl r2d2::ManageConnection for Manager {
    type Connection = AnyConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<AnyConnection, Self::Error> {
        let target = self.url.target();
        match self.url.backend() {
            Backend::Postgres => PgConnection::establish(target).map(AnyConnection::Postgresql),
            Backend::Sqlite => SqliteConnection::establish(target).map(AnyConnection::Sqlite),
        }
        .map_err(diesel::r2d2::Error::ConnectionError)
    }

    fn is_valid(&self, conn: &mut AnyConnection) -> Result<(), Self::Error> {
        conn.batch_execute("SELECT 1")
            .map_err(diesel::r2d2::Error::QueryError)
    }

    /// A connection returned while its thread panics, or whose transaction could not be ended,
    /// is dropped rather than handed to the next request still inside that transaction.
    fn has_broken(&self, conn: &mut AnyConnection) -> bool {
        std::thread::panicking()
            || <AnyConnection as Connection>::TransactionManager::is_broken_transaction_manager(
                conn,
            )
    }
}

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

/// Page cache per read-only SQLite connection, in KiB: reads touch far fewer pages than a bulk
/// import's writes, and each reader's cache is its own copy of the pages it holds.
const SQLITE_READER_CACHE_KIB: u32 = 16_384;

/// The pragmas of a read-only SQLite connection: `query_only`, so that a write attempted on one
/// fails at once instead of taking the write lock on a thread that must not wait.
#[derive(Debug)]
struct ReaderSetup;

impl CustomizeConnection<AnyConnection, diesel::r2d2::Error> for ReaderSetup {
    fn on_acquire(&self, conn: &mut AnyConnection) -> Result<(), diesel::r2d2::Error> {
        conn.batch_execute(&format!(
            "PRAGMA busy_timeout = {SQLITE_BUSY_TIMEOUT_MS}; PRAGMA query_only = ON; \
             PRAGMA foreign_keys = ON; PRAGMA cache_size = -{SQLITE_READER_CACHE_KIB};"
        ))
        .map_err(diesel::r2d2::Error::QueryError)
    }
}

/// For a SQLite `url`, a pool of `size` read-only connections, all opened now, for reads that
/// run on the calling thread (see `solvo_app::db`); `None` for PostgreSQL, whose reads are
/// round trips to another process and stay on the database threads. Open it after the read-write
/// pool, which puts the file in WAL mode: in WAL a reader does not wait for writers.
///
/// # Errors
/// [`PersistenceError::Unavailable`] when the connections cannot be opened.
pub fn build_reader_pool(url: &DatabaseUrl, size: u32) -> Result<Option<Pool>, PersistenceError> {
    if url.backend() != Backend::Sqlite {
        return Ok(None);
    }
    let size = size.max(1);
    r2d2::Pool::builder()
        .max_size(size)
        .min_idle(Some(size))
        // Opened together, they would otherwise be retired together after r2d2's 30 minutes.
        .max_lifetime(None)
        .idle_timeout(None)
        .test_on_check_out(false)
        .connection_timeout(Duration::from_secs(10))
        .connection_customizer(Box::new(ReaderSetup))
        .build(Manager { url: url.clone() })
        .map(Some)
        .map_err(|err| PersistenceError::Unavailable(err.to_string()))
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
    let manager = Manager { url: url.clone() };
    r2d2::Pool::builder()
        .max_size(max_size.max(1))
        // The check is a `SELECT 1` on every checkout. A SQLite connection is an open file and
        // cannot go stale, so there it only costs a statement per request; a PostgreSQL
        // connection can be cut by the server or the network, and a dead one must not be
        // handed to a request.
        .test_on_check_out(url.backend() == Backend::Postgres)
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
    fn an_unreachable_postgres_url_fails_instead_of_opening_a_sqlite_file() {
        use r2d2::ManageConnection;
        let dir = tempfile::tempdir().unwrap();
        let url = "postgres://nobody:secret@127.0.0.1:1/nothing";
        let manager = Manager {
            url: DatabaseUrl::parse(url).unwrap(),
        };
        // The directories the URL names as a relative path exist, so a manager that fell back to
        // SQLite would succeed and create `nothing` in them.
        let as_path = dir.path().join("postgres:/nobody:secret@127.0.0.1:1");
        std::fs::create_dir_all(&as_path).unwrap();
        let connected = std::env::set_current_dir(dir.path()).map(|()| manager.connect());
        assert!(
            matches!(connected, Ok(Err(_))),
            "port 1 refuses connections"
        );
        assert!(!as_path.join("nothing").exists());
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

    #[derive(QueryableByName)]
    struct CompileOption {
        #[diesel(sql_type = diesel::sql_types::Text)]
        compile_options: String,
    }

    /// `.cargo/config.toml` builds the bundled SQLite without its memory counters, with stable
    /// plans and without the per-connection mutex of serialized mode; a build that lost the
    /// settings (another config, a system library) shows up here.
    #[test]
    fn sqlite_is_built_with_the_options_a_server_needs() {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::parse(dir.path().join("options.db").to_str().unwrap()).unwrap();
        let pool = build_pool(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        let options: Vec<CompileOption> = diesel::sql_query("PRAGMA compile_options")
            .load(&mut *conn)
            .unwrap();
        for wanted in ["DEFAULT_MEMSTATUS=0", "ENABLE_QPSG", "THREADSAFE=2"] {
            assert!(
                options
                    .iter()
                    .any(|option| option.compile_options == wanted),
                "{wanted} missing; compiled with: {:?}",
                options
                    .iter()
                    .map(|o| &o.compile_options)
                    .collect::<Vec<_>>()
            );
        }
    }
}
