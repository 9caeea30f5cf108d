//! Runs diesel work off the async executor, on the runtime's blocking pool, with a pooled
//! connection: the one way use cases reach the database.

use solvo_persistence::dialect::write_transaction;
use solvo_persistence::{AnyConnection, PersistenceError, Pool};

use crate::error::AppError;

/// The database handle use cases share.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
}

impl Db {
    /// Wraps a pool.
    #[must_use]
    pub fn new(pool: Pool) -> Self {
        Self { pool }
    }

    /// The underlying pool (health checks, CLI).
    #[must_use]
    pub fn pool(&self) -> &Pool {
        &self.pool
    }

    /// Runs read-only work on one connection, outside any explicit transaction.
    ///
    /// # Errors
    /// What `work` returns; [`AppError::Unavailable`] when no connection is available.
    pub async fn read<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        let pool = self.pool.clone();
        tokio::task::spawn_blocking(move || {
            let mut conn = pool.get().map_err(PersistenceError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|err| AppError::internal(format!("blocking task failed: {err}")))?
    }

    /// Runs work as one write transaction (`BEGIN IMMEDIATE` on SQLite), committed on `Ok`.
    ///
    /// # Errors
    /// What `work` returns; [`AppError::Unavailable`] when no connection is available.
    pub async fn write<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        self.read(move |conn| write_transaction(conn, work)).await
    }
}
