//! The few places where SQLite and PostgreSQL need different SQL, kept together.

use diesel::connection::{AnsiTransactionManager, Connection, TransactionManager};

use crate::connection::AnyConnection;

type AnyTransactionManager = <AnyConnection as Connection>::TransactionManager;

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
            AnsiTransactionManager::begin_transaction_sql(inner, "BEGIN IMMEDIATE")?;
            match work(conn) {
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
    }
}

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
