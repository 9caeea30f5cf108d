//! The bound on concurrent password hashing. Argon2id with the parameters of [`password`] takes
//! [`MIB_PER_HASH`] MiB for each computation, and every login (unknown emails included) runs
//! one, so without a bound a burst of logins is a burst of memory: the gate admits as many
//! computations at once as fit in the configured budget; the others wait at most
//! [`HashGate::wait`] for a turn and are then refused with [`AppError::Busy`], which asks the
//! client to retry. Waiting costs a parked task, not memory.
//!
//! [`password`]: crate::credentials::password

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::Semaphore;

use crate::error::AppError;

/// Memory one argon2id computation takes with `Argon2::default()` (m = 19 456 KiB), rounded up.
pub const MIB_PER_HASH: u64 = 19;
/// How long a login waits for a turn by default before it is refused as busy.
pub const DEFAULT_WAIT: Duration = Duration::from_secs(2);
/// What a refused client is told to wait before retrying.
pub const RETRY_AFTER: Duration = Duration::from_secs(1);

/// Admits a bounded number of concurrent password hashes.
#[derive(Debug, Clone)]
pub struct HashGate {
    permits: Arc<Semaphore>,
    capacity: usize,
    wait: Duration,
}

impl HashGate {
    /// A gate admitting as many computations as fit in `budget_mib` (at least one), whose
    /// waiters give up after `wait`.
    #[must_use]
    pub fn with_budget(budget_mib: u64, wait: Duration) -> Self {
        let capacity = usize::try_from(budget_mib / MIB_PER_HASH)
            .unwrap_or(usize::MAX)
            .clamp(1, Semaphore::MAX_PERMITS);
        Self {
            permits: Arc::new(Semaphore::new(capacity)),
            capacity,
            wait,
        }
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

    /// Runs `work` (a hash or a verification) on the blocking pool once a turn is free. The
    /// turn is held by the blocking task itself, so a client that disconnects meanwhile does
    /// not free it before the computation ends.
    ///
    /// # Errors
    /// [`AppError::Busy`] when no turn came within the wait; an internal error when the
    /// blocking task panicked.
    pub async fn run<T, F>(&self, work: F) -> Result<T, AppError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let permit = match tokio::time::timeout(
            self.wait,
            Arc::clone(&self.permits).acquire_owned(),
        )
        .await
        {
            Ok(Ok(permit)) => permit,
            // The semaphore is never closed; a closed one would mean no hashing at all.
            Ok(Err(_)) | Err(_) => return Err(AppError::Busy(RETRY_AFTER)),
        };
        tokio::task::spawn_blocking(move || {
            let _turn = permit;
            work()
        })
        .await
        .map_err(|err| AppError::internal(format!("password hashing task failed: {err}")))
    }
}

impl Default for HashGate {
    /// The default budget of the server's configuration.
    fn default() -> Self {
        Self::with_budget(DEFAULT_BUDGET_MIB, DEFAULT_WAIT)
    }
}

/// The memory budget for password hashing by default: three computations at once.
pub const DEFAULT_BUDGET_MIB: u64 = 64;

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_budget_gives_whole_computations_and_at_least_one() {
        assert_eq!(HashGate::with_budget(64, DEFAULT_WAIT).capacity(), 3);
        assert_eq!(HashGate::with_budget(19, DEFAULT_WAIT).capacity(), 1);
        assert_eq!(HashGate::with_budget(0, DEFAULT_WAIT).capacity(), 1);
    }

    #[tokio::test]
    async fn a_caller_beyond_the_bound_is_refused_after_the_wait() {
        let gate = HashGate::with_budget(19, Duration::from_millis(50));
        let (release, held) = std::sync::mpsc::channel::<()>();
        let busy = gate.clone();
        let first = tokio::spawn(async move { busy.run(move || held.recv().is_ok()).await });
        // Let the first computation take the only turn.
        while gate.permits.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        let second = gate.run(|| true).await;
        assert!(matches!(second, Err(AppError::Busy(wait)) if wait == RETRY_AFTER));
        release.send(()).unwrap();
        assert!(first.await.unwrap().unwrap());
        assert!(gate.run(|| true).await.unwrap(), "the turn is free again");
    }
}
