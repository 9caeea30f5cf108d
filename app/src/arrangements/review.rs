//! The scheduler's arrangement job: every case with an open promise past its day or an active
//! plan due for review is judged once, in its own write transaction under the case's lock. A
//! promise or plan changes only from open/active, so a second node judging the same case
//! finds nothing left to do: each change and its event happen exactly once.

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicBool, Ordering};

use solvo_persistence::AnyConnection;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::repositories::{cases, payment_plans, promises};

use super::judge::judge;
use crate::clock::Clock;
use crate::error::AppError;

/// Cases read per query, and so per pass: what is left waits for the next pass.
const BATCH: i64 = 500;

/// Judges every case whose arrangements are due on the clock's today; returns how many cases it
/// judged. Failures are logged and skipped: the next pass tries again.
pub fn review_due(conn: &mut AnyConnection, clock: &Clock, stop: &AtomicBool) -> usize {
    let today = clock.today();
    let due = promises::cases_with_overdue(conn, today, BATCH).and_then(|mut due| {
        due.extend(payment_plans::cases_due_for_review(conn, today, BATCH)?);
        Ok(due)
    });
    let due: BTreeSet<String> = match due {
        Ok(due) => due.into_iter().collect(),
        Err(err) => {
            tracing::warn!(error = %err, "scheduler: cannot list arrangements due");
            return 0;
        }
    };
    let mut judged = 0;
    for case_id in due {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let now = clock.now();
        let result = write_transaction(conn, |conn| -> Result<(), AppError> {
            cases::lock_for_change(conn, &case_id, now)?;
            let case = cases::find(conn, None, &case_id)?;
            judge(conn, case, today, now)?;
            Ok(())
        });
        match result {
            Ok(()) => judged += 1,
            Err(err) => {
                tracing::warn!(case_id = %case_id, error = %err, "scheduler: cannot judge the case's arrangements; skipped");
            }
        }
    }
    judged
}
