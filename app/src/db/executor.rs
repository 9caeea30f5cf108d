//! The threads that run database work: a fixed set, shared by every server worker, reusing
//! each other's connections while work keeps coming.
//!
//! Before, each task went to the async runtime's blocking pool. Every actix worker has a runtime
//! of its own, so a burst started threads in each (two workers, eight connections: sixteen
//! threads and more), and each thread that allocated during a request kept its allocator pages
//! until it exited ten idle seconds later. And every task checked a connection out of the pool,
//! which on PostgreSQL is a `SELECT 1` round trip to test it: one of the seven a case read took.
//!
//! Here there are as many threads as the pool's connections less [`RESERVED_CONNECTIONS`] for
//! the scheduler and the webhook dispatcher, which take connections of their own. A connection
//! that served a task without error is put on a shelf for the next task, for at most [`HOLD`]
//! from its checkout; then it goes back to the pool, where waiting workers get their turn and
//! PostgreSQL tests it before its next use. The thread that waits for work empties the shelf
//! each [`HOLD`] it waits, so an idle server holds no connection outside the pool. A task that
//! failed or panicked gives its connection back at once, and the pool drops one whose
//! transaction could not be ended. After a PostgreSQL restart a shelved connection can fail one
//! task before it is dropped, where the checkout's test would have caught it.
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::Connection;
use diesel::connection::TransactionManager;
use solvo_persistence::{AnyConnection, PersistenceError, Pool, PooledConnection};

/// How long a connection may serve tasks after its checkout before it returns to the pool.
pub const HOLD: Duration = Duration::from_secs(1);
/// Connections left in the pool for the work that does not come through [`Executor`].
pub const RESERVED_CONNECTIONS: u32 = 2;

/// One task: given a connection (or why there is none), it reports whether it succeeded, which
/// decides whether the connection is shelved for the next task.
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
        let shelf = Arc::new(Shelf::default());
        for index in 0..threads {
            let queue = Arc::clone(&queue);
            let shelf = Arc::clone(&shelf);
            let pool = pool.clone();
            std::thread::Builder::new()
                .name(format!("db-{index}"))
                .spawn(move || work(&queue, &shelf, &pool))?;
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

/// Connections that served a task without error, with the time of their checkout.
#[derive(Default)]
struct Shelf(Mutex<Vec<(PooledConnection, Instant)>>);

impl Shelf {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(PooledConnection, Instant)>> {
        // Only pushes, pops and drops of connections run under the lock; none panics.
        self.0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// A connection checked out less than [`HOLD`] ago; older ones go back to the pool.
    fn take(&self) -> Option<(PooledConnection, Instant)> {
        let mut shelved = self.lock();
        shelved.retain(|(_, since)| since.elapsed() < HOLD);
        shelved.pop()
    }

    fn put(&self, conn: PooledConnection, since: Instant) {
        if since.elapsed() < HOLD {
            self.lock().push((conn, since));
        }
    }

    /// Gives every shelved connection back to the pool.
    fn clear(&self) {
        let emptied = std::mem::take(&mut *self.lock());
        drop(emptied);
    }
}

/// A database thread: runs tasks until every [`Executor`] handle is gone.
fn work(queue: &Mutex<Receiver<Task>>, shelf: &Shelf, pool: &Pool) {
    loop {
        let task = {
            // A panic never happens while the lock is held (only the receive runs under it).
            let receiver = queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            receiver.recv_timeout(HOLD)
        };
        let task = match task {
            Ok(task) => task,
            Err(RecvTimeoutError::Timeout) => {
                shelf.clear();
                continue;
            }
            Err(RecvTimeoutError::Disconnected) => {
                shelf.clear();
                return;
            }
        };
        let conn = match shelf.take() {
            Some(shelved) => Ok(shelved),
            None => pool
                .get()
                .map(|conn| (conn, Instant::now()))
                .map_err(PersistenceError::from),
        };
        match conn {
            Ok((mut conn, since)) => {
                let succeeded = catch_unwind(AssertUnwindSafe(|| task(Ok(&mut conn))));
                let intact = !<AnyConnection as Connection>::TransactionManager::is_broken_transaction_manager(&mut conn);
                if matches!(succeeded, Ok(true)) && intact {
                    shelf.put(conn, since);
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

    use super::HOLD;
    use crate::db::Db;
    use crate::error::AppError;

    /// A database with one database thread (a pool of three less the reserve).
    fn one_thread() -> (tempfile::TempDir, Db) {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::parse(dir.path().join("executor.db").to_str().unwrap()).unwrap();
        let db = Db::new(build_pool(&url, 3).unwrap()).unwrap();
        (dir, db)
    }

    /// Connections of the pool that are out of it (shelved or in use).
    fn out_of_the_pool(db: &Db) -> u32 {
        let state = db.pool().state();
        state.connections - state.idle_connections
    }

    #[tokio::test]
    async fn a_connection_is_shelved_for_the_next_task_and_back_in_the_pool_when_idle() {
        let (_dir, db) = one_thread();
        db.read(|conn| Ok(conn.batch_execute("CREATE TEMP TABLE mark (x INTEGER)")?))
            .await
            .unwrap();
        assert_eq!(out_of_the_pool(&db), 1);
        // A temporary table exists only on the connection that made it.
        db.read(|conn| Ok(conn.batch_execute("INSERT INTO mark VALUES (1)")?))
            .await
            .unwrap();
        // The waiting thread empties the shelf after one HOLD without work; two leave margin.
        tokio::time::sleep(HOLD * 2).await;
        assert_eq!(out_of_the_pool(&db), 0);
    }

    #[tokio::test]
    async fn a_failed_task_gives_its_connection_back_at_once() {
        let (_dir, db) = one_thread();
        let failed = db.read(|_| Err::<(), _>(AppError::Unavailable)).await;
        assert!(matches!(failed, Err(AppError::Unavailable)));
        // The answer is sent before the thread lets go of the connection; well under a HOLD.
        let mut waited = 0;
        while out_of_the_pool(&db) > 0 && waited < 50 {
            tokio::time::sleep(std::time::Duration::from_millis(2)).await;
            waited += 1;
        }
        assert_eq!(out_of_the_pool(&db), 0);
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
