//! The scheduler's one job so far: `resume` every paused case whose `resume_on` date has come,
//! as the system actor, through the same state machine and timeline as a person's `resume`.

use solvo_app::AppError;
use std::sync::atomic::{AtomicBool, Ordering};

use solvo_app::cases::resume;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases;

use solvo_app::clock::Clock;

/// Cases read per query.
const BATCH: i64 = 500;
/// Queries per pass at most, so a pass always ends; what is left waits for the next one.
const MAX_BATCHES: usize = 20;

/// Resumes every paused case whose `resume_on` is on or before the clock's today, one write transaction
/// per case; returns how many it resumed. Failures are logged and skipped: the next pass tries
/// again, and a version conflict means another node resumed the case first.
pub fn resume_due(conn: &mut AnyConnection, clock: &Clock) -> usize {
    resume_due_until(conn, clock, &AtomicBool::new(false))
}

/// [`resume_due`], stopping before the next case once `stop` is set (shutdown).
pub(crate) fn resume_due_until(
    conn: &mut AnyConnection,
    clock: &Clock,
    stop: &AtomicBool,
) -> usize {
    let today = clock.today();
    let mut resumed = 0;
    for _ in 0..MAX_BATCHES {
        let due = match cases::due_to_resume(conn, today, BATCH) {
            Ok(due) => due,
            Err(err) => {
                tracing::warn!(error = %err, "scheduler: cannot list paused cases due");
                return resumed;
            }
        };
        let full = i64::try_from(due.len()).is_ok_and(|count| count >= BATCH);
        let before = resumed;
        for case in due {
            if stop.load(Ordering::Relaxed) {
                return resumed;
            }
            match resume::resume_if_due(conn, &case.id, today, clock.now()) {
                Ok(true) => resumed += 1,
                Ok(false) => {}
                Err(AppError::StaleVersion) => {
                    tracing::debug!(case_id = %case.id, "scheduler: the case changed meanwhile (another node?)");
                }
                Err(err) => {
                    tracing::warn!(case_id = %case.id, error = %err, "scheduler: cannot resume the case; skipped")
                }
            }
        }
        // Another batch only when this one was full and moved on; otherwise the same failing
        // cases would come back.
        if !full || resumed == before {
            break;
        }
    }
    resumed
}
