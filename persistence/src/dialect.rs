//! The few places where SQLite and PostgreSQL need different SQL, kept together.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};
use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};
use diesel::sql_types::Text;
use diesel::sqlite::SqliteConnection;
use diesel::{QueryableByName, RunQueryDsl};
use parking_lot::FairMutex;

use crate::connection::AnyConnection;

type AnyTransactionManager = <AnyConnection as Connection>::TransactionManager;

/// The SQLite writers of this process, one queue per database file, in the order they came.
/// SQLite takes one writer at a time, and one that finds the lock taken polls for it (sleeping
/// up to 100 ms between tries): a bulk import that commits chunk after chunk takes the lock
/// again within microseconds of releasing it, so a poller would almost never see it free and
/// would give up after the busy timeout. Queued here, a writer that waits gets the lock as soon
/// as the one before it commits, and the import's next chunk queues behind it. Writers of other
/// processes still meet the busy timeout.
static SQLITE_WRITERS: LazyLock<Mutex<HashMap<String, Arc<FairMutex<()>>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// How long a writer waits for its turn in the queue: the busy timeout's length, so that a
/// writer that cannot get the lock fails as it would in SQLite itself.
const SQLITE_WRITER_WAIT: Duration = Duration::from_secs(5);

#[derive(QueryableByName)]
struct MainFile {
    #[diesel(sql_type = Text)]
    file: String,
}

/// The queue of the connection's database file (one statement: a write transaction costs a
/// commit and its `fsync`, so this is noise).
fn writers_of(conn: &mut SqliteConnection) -> Result<Arc<FairMutex<()>>, diesel::result::Error> {
    let main: MainFile =
        diesel::sql_query("SELECT file FROM pragma_database_list WHERE name = 'main'")
            .get_result(conn)?;
    let mut queues = SQLITE_WRITERS
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    Ok(Arc::clone(queues.entry(main.file).or_default()))
}

/// Runs `work` in one write transaction and commits it, or rolls back when `work` fails.
///
/// On SQLite the transaction begins `IMMEDIATE`: a deferred transaction that later writes fails
/// with `SQLITE_BUSY` at once instead of waiting out the busy timeout. The begin goes through
/// diesel's own transaction manager, so nested `transaction` calls inside `work` become
/// savepoints and a connection left mid-transaction is discarded by the pool.
///
/// # Errors
/// Whatever `work` returns, or the database error of begin, commit or rollback.
pub fn write_transaction<T, E, F>(conn: &mut AnyConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        AnyConnection::Postgresql(_) => conn.transaction(work),
        AnyConnection::Sqlite(inner) => {
            let writers = writers_of(inner)?;
            let Some(_turn) = writers.try_lock_for(SQLITE_WRITER_WAIT) else {
                return Err(E::from(busy()));
            };
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
            let outcome = work(conn);
            end_transaction(conn, outcome)
        }
    }
}

/// Runs read-only `work` in one snapshot. On SQLite that is one deferred transaction: every
/// statement sees the same committed state (a case and its postings as of one commit), and the
/// file's shared lock is taken once rather than once per statement. On PostgreSQL `work` runs
/// as it is: a transaction there would add two round trips to each read.
///
/// # Errors
/// Whatever `work` returns, or the database error of begin, commit or rollback.
pub fn read_snapshot<T, E, F>(conn: &mut AnyConnection, work: F) -> Result<T, E>
where
    F: FnOnce(&mut AnyConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    match conn {
        AnyConnection::Postgresql(_) => work(conn),
        AnyConnection::Sqlite(inner) => {
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN DEFERRED")?;
            let outcome = work(conn);
            end_transaction(conn, outcome)
        }
    }
}

/// Commits the open transaction after `outcome` succeeded, rolls it back after it failed.
fn end_transaction<T, E>(conn: &mut AnyConnection, outcome: Result<T, E>) -> Result<T, E>
where
    E: From<diesel::result::Error>,
{
    match outcome {
        Ok(value) => {
            AnyTransactionManager::commit_transaction(conn)?;
            Ok(value)
        }
        Err(err) => {
            AnyTransactionManager::rollback_transaction(conn)?;
            Err(err)
        }
    }
}

/// The error SQLite gives a writer that waited out its busy timeout.
fn busy() -> diesel::result::Error {
    diesel::result::Error::DatabaseError(
        diesel::result::DatabaseErrorKind::Unknown,
        Box::new("database is locked (waited for the writers before this one)".to_owned()),
    )
}

/// Runs `$body` with `$c` bound to the concrete connection behind `$conn`, so the query in it is
/// built for SQLite or PostgreSQL itself. Through the multi-backend connection diesel walks
/// every query twice more per execution (to decide whether its statement may be cached, and to
/// bind its values), writing its SQL text each time; on the concrete backend a query whose type
/// is static finds its prepared statement by type alone. That was a third of a case read's
/// database time, so the reads of every authenticated request and of the case screen take this
/// way; the rest keep the shorter form.
macro_rules! on_backend {
    ($conn:expr, |$c:ident| $body:expr) => {
        match $conn {
            $crate::connection::AnyConnection::Sqlite($c) => $body,
            $crate::connection::AnyConnection::Postgresql($c) => $body,
        }
    };
}
pub(crate) use on_backend;

/// Inserts many rows of one table: diesel's multi-row insert is not available through
/// `MultiConnection`, so this dispatches to the concrete connection. PostgreSQL gets `COPY FROM
/// STDIN` in binary (bulk imports spend their time here; a multi-row `INSERT` is several times
/// slower); SQLite a batch insert, which diesel runs on one cached prepared statement. Row
/// structs used here insert `None` as NULL (`treat_none_as_default_value = false`), as COPY
/// has no DEFAULT.
macro_rules! insert_batch {
    ($conn:expr, $table:expr, $rows:expr) => {
        match $conn {
            $crate::connection::AnyConnection::Sqlite(inner) => {
                diesel::insert_into($table).values($rows).execute(inner)
            }
            $crate::connection::AnyConnection::Postgresql(inner) => diesel::copy_from($table)
                .from_insertable($rows)
                .execute(inner),
        }
    };
}
pub(crate) use insert_batch;
