//! The bound on concurrent password hashing. Argon2id with the parameters of [`password`] takes
//! [`MIB_PER_HASH`] MiB for each computation, and every login (unknown emails included) runs
//! one, so without a bound a burst of logins is a burst of memory: the gate admits as many
//! computations at once as fit in the configured budget; the others wait at most
//! [`HashGate::wait`] for a turn and are then refused with [`AppError::Busy`], which asks the
//! client to retry. Waiting costs a parked task, not memory.
//!
//! The computations run on the gate's own threads, one per turn. Each computation allocates its
//! [`Memory`] and frees it when done, so the budget is resident only while logins are being
//! checked: the server's allocator (mimalloc, see the `solvo` binary) gives a block this large
//! back to the operating system shortly after it is freed (its purge delay, 10 ms by default).
//! When each thread kept one, the three threads held 57 MiB for the life of the process, a
//! third of the server's memory, although most minutes see no login. Allocating costs about
//! 4,900 page faults per computation, small beside the hash itself.
//! Under glibc's malloc the same pattern raises the mmap threshold (it follows the largest block
//! freed) and lets ordinary allocations stay in per-thread heaps, which is one reason the binary
//! does not use it.
//!
//! [`password`]: crate::credentials::password

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::{Semaphore, oneshot};

use crate::credentials::password::Memory;
use crate::error::AppError;

/// Memory one argon2id computation takes with `Argon2::default()` (m = 19 456 KiB), rounded up.
pub const MIB_PER_HASH: u64 = 19;
/// How long a login waits for a turn by default before it is refused as busy.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(2);
/// What a refused client is told to wait before retrying.
pub const RETRY_AFTER: Duration = Duration::from_secs(1);
/// The memory budget for password hashing by default: three computations at once.
pub const DEFAULT_BUDGET_MIB: u64 = 64;

type Job = Box<dyn FnOnce(&mut Memory) + Send>;

/// Admits a bounded number of concurrent password hashes and runs them on its own threads.
#[derive(Debug, Clone)]
pub struct HashGate {
    permits: Arc<Semaphore>,
    jobs: Sender<Job>,
    capacity: usize,
    wait: Duration,
}

impl HashGate {
    /// A gate admitting as many computations as fit in `budget_mib` (at least one), whose
    /// waiters give up after `wait`, with one hashing thread per turn.
    ///
    /// # Errors
    /// When the operating system refuses to start a thread.
    pub fn with_budget(budget_mib: u64, wait: Duration) -> std::io::Result<Self> {
        let capacity = usize::try_from(budget_mib / MIB_PER_HASH)
            .unwrap_or(usize::MAX)
            .clamp(1, 1024);
        let (jobs, queue) = channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for index in 0..capacity {
            let queue = Arc::clone(&queue);
            std::thread::Builder::new()
                .name(format!("password-hash-{index}"))
                .spawn(move || work(&queue))?;
        }
        Ok(Self {
            permits: Arc::new(Semaphore::new(capacity)),
            jobs,
            capacity,
            wait,
        })
    }

    /// How many hashes may run at once.
    #[must_use]
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// How long a caller waits for a turn.
    #[must_use]
    pub fn wait(&self) -> Duration {
        self.wait
    }

    /// Runs `work` (a hash or a verification) on a hashing thread once a turn is free. The turn
    /// is held by the job itself, so a client that disconnects meanwhile does not free it before
    /// the computation ends; there are as many threads as turns, so an admitted job never
    /// queues.
    ///
    /// # Errors
    /// [`AppError::Busy`] when no turn came within the wait; an internal error when the
    /// computation panicked.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Memory) -> T + Send + 'static,
    {
        // The semaphore is never closed; a closed one would mean no hashing at all.
        let Ok(Ok(permit)) =
            tokio::time::timeout(self.wait, Arc::clone(&self.permits).acquire_owned()).await
        else {
            return Err(AppError::Busy(RETRY_AFTER));
        };
        let (done, result) = oneshot::channel();
        self.jobs
            .send(Box::new(move |memory: &mut Memory| {
                let _turn = permit;
                // The caller may have gone; the result is then dropped.
                let _ = done.send(work(memory));
            }))
            .map_err(|_| AppError::internal("the password hashing threads have stopped"))?;
        result
            .await
            .map_err(|_| AppError::internal("a password hashing job failed"))
    }
}

/// A hashing thread: runs jobs until the gate is dropped. A job that panics is the caller's
/// error (its result channel closes), not the end of the thread.
fn work(queue: &Mutex<Receiver<Job>>) {
    loop {
        let job = {
            // A panic never happens while the lock is held (only `recv` runs under it).
            let receiver = queue
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            receiver.recv()
        };
        match job {
            Ok(job) => {
                let mut memory = Memory::new();
                let _ = catch_unwind(AssertUnwindSafe(|| job(&mut memory)));
            }
            Err(_) => return,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_gives_whole_computations_and_at_least_one() {
        assert_eq!(
            HashGate::with_budget(64, DEFAULT_WAIT).unwrap().capacity(),
            3
        );
        assert_eq!(
            HashGate::with_budget(19, DEFAULT_WAIT).unwrap().capacity(),
            1
        );
        assert_eq!(
            HashGate::with_budget(0, DEFAULT_WAIT).unwrap().capacity(),
            1
        );
    }

    #[tokio::test]
    async fn a_caller_beyond_the_bound_is_refused_after_the_wait() {
        let gate = HashGate::with_budget(19, Duration::from_millis(50)).unwrap();
        let (release, held) = std::sync::mpsc::channel::<()>();
        let busy = gate.clone();
        let first = tokio::spawn(async move { busy.run(move |_| held.recv().is_ok()).await });
        // Let the first computation take the only turn.
        while gate.permits.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let second = gate.run(|_| true).await;
        assert!(matches!(second, Err(AppError::Busy(wait)) if wait == RETRY_AFTER));
        release.send(()).unwrap();
        assert!(first.await.unwrap().unwrap());
        assert!(gate.run(|_| true).await.unwrap(), "the turn is free again");
    }

    #[tokio::test]
    async fn a_panicking_job_fails_alone() {
        let gate = HashGate::with_budget(19, DEFAULT_WAIT).unwrap();
        let failed = gate.run(|_| -> bool { panic!("boom") }).await;
        assert!(matches!(failed, Err(AppError::Internal(_))));
        assert!(gate.run(|_| true).await.unwrap(), "the thread still works");
    }
}
