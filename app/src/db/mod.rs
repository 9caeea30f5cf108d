//! Runs diesel work off the async executor, on the database threads ([`executor`]) with a
//! pooled connection: the one way use cases reach the database.
//!
//! A task takes a slot (one per database thread) before it is queued, so that requests waiting
//! for a connection wait as parked futures, not as blocked threads: a burst of unauthenticated
//! logins would otherwise hold a thread each, every one with its stack and its allocations, and
//! take the memory that the bound on password hashing keeps.
//!
//! On SQLite the frequent authenticated reads take another way: [`Db::read_here`] runs them on
//! the calling thread, on a read-only connection of their own. A read there is a few B-tree
//! lookups in memory, shorter than the hand-off to another thread and back, which was a
//! fifth of a case read's time. In WAL mode a reader does not wait for writers; it can still
//! meet the busy timeout while the file is recovered or vacuumed, which holds that worker.
//! PostgreSQL reads are round trips to another process and keep the database threads.

pub mod executor;

use std::sync::Arc;
use std::time::Duration;

use solvo_persistence::dialect::{read_snapshot, write_transaction};
use solvo_persistence::{AnyConnection, Pool};
use tokio::sync::{Semaphore, oneshot};

use self::executor::Executor;
use crate::error::AppError;

/// How long a task waits for a slot before the database counts as unavailable (the pool's own
/// connection timeout; a task that then needs a fresh connection can wait that long again).
const SLOT_WAIT: Duration = Duration::from_secs(10);

/// The database handle use cases share.
#[derive(Clone)]
pub struct Db {
    pool: Pool,
    executor: Executor,
    slots: Arc<Semaphore>,
    /// SQLite's read-only connections for [`Db::read_here`].
    readers: Option<Pool>,
}

impl Db {
    /// Wraps a pool and starts its database threads.
    ///
    /// # Errors
    /// When the operating system refuses to start a thread.
    pub fn new(pool: Pool) -> std::io::Result<Self> {
        let executor = Executor::start(&pool)?;
        Ok(Self {
            slots: Arc::new(Semaphore::new(executor.threads())),
            pool,
            executor,
            readers: None,
        })
    }

    /// Adds the read-only pool [`Db::read_here`] uses (`None`: every read takes the database
    /// threads). Give it a connection for each thread that calls `read_here` (the server's
    /// workers): a read that finds none free goes to the database threads.
    #[must_use]
    pub fn with_readers(mut self, readers: Option<Pool>) -> Self {
        self.readers = readers;
        self
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
        let slot = tokio::time::timeout(SLOT_WAIT, Arc::clone(&self.slots).acquire_owned())
            .await
            .ok()
            .and_then(Result::ok)
            .ok_or(AppError::Unavailable)?;
        let (done, answer) = oneshot::channel();
        let submitted = self.executor.submit(Box::new(move |conn| {
            let _slot = slot;
            let result = conn.map_err(AppError::from).and_then(work);
            let succeeded = result.is_ok();
            // The caller may have gone; the result is then dropped.
            let _ = done.send(result);
            succeeded
        }));
        if !submitted {
            return Err(AppError::internal("the database threads have stopped"));
        }
        answer
            .await
            .map_err(|_| AppError::internal("a database task panicked"))?
    }

    /// Runs short read-only work: on SQLite at once on the calling thread, on a read-only
    /// connection (a write inside `work` fails), in one snapshot; on PostgreSQL as [`Db::read`]
    /// does, statement by statement under read committed.
    /// For the frequent reads of a single resource or page; a long report belongs on
    /// [`Db::read`], as it would hold the calling thread.
    ///
    /// # Errors
    /// What `work` returns; [`AppError::Unavailable`] when no connection is available.
    pub async fn read_here<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyConnection) -> Result<T, AppError> + Send + 'static,
    {
        // A reader that is not free at once (being reopened) sends the read the long way rather
        // than make the worker thread wait for it.
        match self.readers.as_ref().and_then(diesel::r2d2::Pool::try_get) {
            Some(mut conn) => read_snapshot(&mut conn, work),
            None => self.read(move |conn| read_snapshot(conn, work)).await,
        }
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
