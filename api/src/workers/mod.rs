//! Background work beside the HTTP server: the scheduler, which runs the jobs that fell due
//! (`solvo_app::jobs`: paused cases resumed on their `resume_on` date, promises broken and
//! payment plans defaulted) and reloads the reference rates the agency entered, so a rate
//! entered on one node is used by every node within one interval.
//!
//! [`Scheduler::start`] spawns the loop on the current tokio runtime (the server's); the
//! [`SchedulerHandle`] it returns stops it when the server has stopped. Every node of an
//! installation may run the scheduler: each due item is one job, done once by the transaction
//! that marks it done, so two nodes never do it twice.

pub mod webhooks;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use solvo_persistence::Pool;
use tokio::task::JoinHandle;
use tokio::time::MissedTickBehavior;

use solvo_app::clock::Clock;
use solvo_app::jobs;
use solvo_app::rates::LiveRates;
use solvo_persistence::AnyConnection;

/// The scheduler's settings, not yet running.
#[derive(Clone)]
pub struct Scheduler {
    pool: Pool,
    rates: LiveRates,
    clock: Clock,
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
    pub fn new(pool: Pool, rates: LiveRates, clock: Clock, interval_seconds: u64) -> Option<Self> {
        (interval_seconds > 0).then(|| Self {
            pool,
            rates,
            clock,
            period: Duration::from_secs(interval_seconds),
        })
    }

    /// Spawns the loop on the current tokio runtime. The first pass runs at once, so cases that
    /// fell due while the server was down resume on start.
    #[must_use]
    pub fn start(self) -> SchedulerHandle {
        let stop = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(run(self, Arc::clone(&stop)));
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

async fn run(scheduler: Scheduler, stop: Arc<AtomicBool>) {
    let mut ticks = tokio::time::interval(scheduler.period);
    // After a slow pass, wait a full period rather than running the missed ones back to back.
    ticks.set_missed_tick_behavior(MissedTickBehavior::Delay);
    while !stop.load(Ordering::Relaxed) {
        ticks.tick().await;
        let pool = scheduler.pool.clone();
        let stop = Arc::clone(&stop);
        let rates = scheduler.rates.clone();
        let clock = scheduler.clock.clone();
        let pass = tokio::task::spawn_blocking(move || match pool.get() {
            Ok(mut conn) => run_pass(&mut conn, &rates, &clock, &stop),
            Err(err) => {
                tracing::warn!(error = %err, "scheduler: no database connection; will retry");
                Pass::default()
            }
        });
        match pass.await {
            Ok(pass) if pass.is_empty() => tracing::debug!("scheduler: nothing was due"),
            Ok(pass) => tracing::info!(
                resumed = pass.resumed,
                arrangements_reviewed = pass.arrangements_reviewed,
                prescription_warnings = pass.prescription_warnings,
                failed = pass.failed,
                "scheduler: pass done"
            ),
            Err(err) => tracing::warn!(error = %err, "scheduler: the pass failed"),
        }
    }
}

/// What one scheduler pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    /// Paused cases resumed.
    pub resumed: usize,
    /// Cases whose promises or plan were judged (broken, defaulted, rescheduled).
    pub arrangements_reviewed: usize,
    /// Prescription warnings put on case timelines.
    pub prescription_warnings: usize,
    /// Jobs that failed (retried with backoff; `GET /v1/jobs?status=failed`).
    pub failed: usize,
}

impl Pass {
    /// Whether nothing was due.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.resumed == 0
            && self.arrangements_reviewed == 0
            && self.prescription_warnings == 0
            && self.failed == 0
    }
}

/// One pass of every scheduled job, as of the clock's time: reloads the reference rates, then
/// resumes paused cases that fell due and judges promises and payment plans that fell due
/// (`solvo_app::arrangements::review`). The scheduler calls it every interval; moving the test
/// clock calls it at once, so what fell due in the skipped time has happened when the move is
/// answered.
pub fn run_pass(
    conn: &mut AnyConnection,
    rates: &LiveRates,
    clock: &Clock,
    stop: &AtomicBool,
) -> Pass {
    if let Err(err) = rates.reload(conn) {
        tracing::warn!(error = %err, "scheduler: reference rates not reloaded; will retry");
    }
    let done = jobs::run_due(conn, clock, stop);
    Pass {
        resumed: done.resumed,
        arrangements_reviewed: done.arrangements_reviewed,
        prescription_warnings: done.prescription_warnings,
        failed: done.failed,
    }
}
