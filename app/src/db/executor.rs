//! The threads that run database work: a fixed set, shared by every server worker, each keeping
//! the connection it last used while work keeps coming.
//!
//! Before, each task went to the async runtime's blocking pool. Every actix worker has a runtime
//! of its own, so a burst started threads in each (two workers, eight connections: sixteen
//! threads and more), and each thread that allocated during a request kept its allocator pages
//! until it exited ten idle seconds later. And every task checked a connection out of the pool,
//! which on PostgreSQL is a `SELECT 1` round trip to test it: one of the seven a case read took.
//!
//! Here there are as many threads as the pool's connections less a reserve for the scheduler,
//! the webhook dispatcher and the CLI, which take connections of their own. A thread keeps its
//! connection from one task to the next and gives it back after [`HOLD_IDLE`] without work, so
//! a connection that has sat unused is tested again by the pool before it is used. A task that
//! failed or panicked gives its connection back at once: the pool drops it if its transaction
//! could not be ended and tests it before the next use.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use solvo_persistence::{AnyConnection, PersistenceError, Pool, PooledConnection};

/// How long a thread keeps a connection without work before it returns it to the pool.
pub const HOLD_IDLE: Duration = Duration::from_secs(1);
/// Connections left in the pool for the work that does not come through [`Executor`].
pub const RESERVED_CONNECTIONS: u32 = 2;

/// One task: given a connection (or why there is none), it reports whether it succeeded, which
/// decides whether its thread keeps the connection.
pub type Task = Box<dyn FnOnce(Result<&mut AnyConnection, PersistenceError>) -> bool + Send>;

/// Sends tasks to the database threads; they stop when the last handle is dropped.
#[derive(Clone)]
pub struct Executor {
    tasks: Sender<Task>,
    threads: usize,
}

impl Executor {
    /// Starts the threads for `pool`: its size less [`RESERVED_CONNECTIONS`], at least one.
    ///
    /// # Errors
    /// When the operating system refuses to start a thread.
    pub fn start(pool: &Pool) -> std::io::Result<Self> {
        let threads = pool.max_size().saturating_sub(RESERVED_CONNECTIONS).max(1);
        let (tasks, queue) = channel::<Task>();
        let queue = Arc::new(Mutex::new(queue));
        for index in 0..threads {
            let queue = Arc::clone(&queue);
            let pool = pool.clone();
            std::thread::Builder::new()
                .name(format!("db-{index}"))
                .spawn(move || work(&queue, &pool))?;
        }
        Ok(Self {
            tasks,
            threads: usize::try_from(threads).unwrap_or(1),
        })
    }

    /// How many tasks run at once.
    #[must_use]
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// Queues `task`; `false` when the threads have stopped.
    #[must_use]
    pub fn submit(&self, task: Task) -> bool {
        self.tasks.send(task).is_ok()
    }
}

/// A database thread: runs tasks until every [`Executor`] handle is gone.
fn work(queue: &Mutex<Receiver<Task>>, pool: &Pool) {
    let mut held: Option<(PooledConnection, Instant)> = None;
    loop {
        let task = {
            // A panic never happens while the lock is held (only the receive runs under it).
            let receiver = queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            receiver.recv_timeout(HOLD_IDLE)
        };
        let task = match task {
            Ok(task) => task,
            Err(RecvTimeoutError::Timeout) => {
                held = None;
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => return,
        };
        // Waiting for the lock counts as idle too: a connection idle too long goes back to the
        // pool (before another is asked for) and is tested there before its next use.
        let fresh = held.take().filter(|(_, since)| since.elapsed() < HOLD_IDLE);
        let conn = match fresh {
            Some((conn, _)) => Ok(conn),
            None => pool.get().map_err(PersistenceError::from),
        };
        match conn {
            Ok(mut conn) => {
                let succeeded = catch_unwind(AssertUnwindSafe(|| task(Ok(&mut conn))));
                if matches!(succeeded, Ok(true)) {
                    held = Some((conn, Instant::now()));
                }
            }
            Err(err) => {
                let _ = catch_unwind(AssertUnwindSafe(|| task(Err(err))));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use diesel::Connection;
    use diesel::connection::SimpleConnection;
    use solvo_persistence::DatabaseUrl;
    use solvo_persistence::pool::build_pool;

    use crate::db::Db;
    use crate::error::AppError;

    /// A database with one database thread (a pool of three less the reserve).
    fn one_thread() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::parse(dir.path().join("executor.db").to_str().unwrap()).unwrap();
        let db = Db::new(build_pool(&url, 3).unwrap()).unwrap();
        (dir, db)
    }

    #[tokio::test]
    async fn the_thread_keeps_its_connection_from_one_task_to_the_next() {
        let (_dir, db) = one_thread();
        db.read(|conn| Ok(conn.batch_execute("CREATE TEMP TABLE mark (x INTEGER)")?))
            .await
            .unwrap();
        // A temporary table exists only on the connection that made it.
        db.read(|conn| Ok(conn.batch_execute("INSERT INTO mark VALUES (1)")?))
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn a_task_that_panics_in_a_transaction_leaves_no_transaction_behind() {
        let (_dir, db) = one_thread();
        let panicked = db
            .read(|conn| {
                conn.transaction::<(), diesel::result::Error, _>(|_| {
                    panic!("a bug in the middle of a transaction")
                })?;
                Ok(())
            })
            .await;
        assert!(
            matches!(panicked, Err(AppError::Internal(_))),
            "{panicked:?}"
        );
        // A connection still inside the transaction would refuse to begin another.
        db.read(|conn| Ok(conn.batch_execute("BEGIN; ROLLBACK")?))
            .await
            .unwrap();
    }
}
