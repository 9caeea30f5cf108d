//! Runs diesel work off the async executor, on actix's blocking pool, with a pooled connection.

use actix_web::web;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::{AnyConnection, PersistenceError, Pool};

use crate::error::ApiError;

/// The database handle the handlers share.
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
    /// What `work` returns; 503 when no connection is available.
    pub async fn read<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
    {
        let pool = self.pool.clone();
        web::block(move || {
            let mut conn = pool.get().map_err(PersistenceError::from)?;
            work(&mut conn)
        })
        .await
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("blocking task failed: {err}")))?
    }

    /// Runs work as one write transaction (`BEGIN IMMEDIATE` on SQLite), committed on `Ok`.
    ///
    /// # Errors
    /// What `work` returns; 503 when no connection is available.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, ApiError> + Send + 'static,
    {
        self.read(move |conn| write_transaction(conn, work)).await
    }
}
