//! Background work beside the HTTP server. Today that is the scheduler, which resumes paused
//! cases on their `resume_on` date ([`resume`]) and reloads the reference rates the agency
//! entered, so a rate entered on one node is used by every node within one interval.
//!
//! [`Scheduler::start`] spawns the loop on the current tokio runtime (the server's); the
//! [`SchedulerHandle`] it returns stops it when the server has stopped. Every node of an
//! installation may run the scheduler: each case is resumed in its own write transaction
//! guarded by the case's version, so two nodes never resume a case twice.

pub mod resume;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use solvo_persistence::Pool;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

pub use resume::resume_due;

use solvo_app::clock;
use solvo_app::rates::LiveRates;

/// The scheduler's settings, not yet running.
#[derive(Clone)]
pub struct Scheduler {
    pool: Pool,
    rates: LiveRates,
    period: Duration,
}

/// A running scheduler.
pub struct SchedulerHandle {
    stop: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

impl Scheduler {
    /// A scheduler that runs a pass every `interval_seconds`, reloading `rates` on each;
    /// `None` when that is 0 (turned off).
    #[must_use]
    pub fn new(pool: Pool, rates: LiveRates, interval_seconds: u64) -> Option<Self> {
        (interval_seconds > 0).then(|| Self {
            pool,
            rates,
            period: Duration::from_secs(interval_seconds),
        })
    }

    /// Spawns the loop on the current tokio runtime. The first pass runs at once, so cases that
    /// fell due while the server was down resume on start.
    #[must_use]
    pub fn start(self) -> SchedulerHandle {
        let stop = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(run(self.pool, self.rates, self.period, Arc::clone(&stop)));
        SchedulerHandle { stop, task }
    }
}

impl SchedulerHandle {
    /// Stops the loop. A pass in progress finishes the case it is on (each case is its own
    /// transaction) and leaves the rest for the next start.
    pub async fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        self.task.abort();
        if let Err(err) = self.task.await
            && !err.is_cancelled()
        {
            tracing::warn!(error = %err, "the scheduler ended with an error");
        }
    }
}

async fn run(pool: Pool, rates: LiveRates, period: Duration, stop: Arc<AtomicBool>) {
    let mut ticks = tokio::time::interval(period);
    // After a slow pass, wait a full period rather than running the missed ones back to back.
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    while !stop.load(Ordering::Relaxed) {
        ticks.tick().await;
        let pool = pool.clone();
        let stop = Arc::clone(&stop);
        let rates = rates.clone();
        let today = clock::now().date();
        let pass = tokio::task::spawn_blocking(move || match pool.get() {
            Ok(mut conn) => {
                if let Err(err) = rates.reload(&mut conn) {
                    tracing::warn!(error = %err, "scheduler: reference rates not reloaded; will retry");
                }
                resume::resume_due_until(&mut conn, today, &stop)
            }
            Err(err) => {
                tracing::warn!(error = %err, "scheduler: no database connection; will retry");
                0
            }
        });
        match pass.await {
            Ok(0) => tracing::debug!("scheduler: no paused case due"),
            Ok(resumed) => tracing::info!(resumed, "scheduler: resumed paused cases"),
            Err(err) => tracing::warn!(error = %err, "scheduler: the pass failed"),
        }
    }
}
