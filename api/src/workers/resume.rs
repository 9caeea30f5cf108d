//! The scheduler's one job so far: `resume` every paused case whose `resume_on` date has come,
//! as the system actor, through the same state machine and timeline as a person's `resume`.

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::NaiveDate;
use serde_json::json;
use solvo_domain::case::{Command, Facts};
use solvo_domain::money::{Currency, Money};
use solvo_persistence::AnyConnection;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::repositories::cases;

use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::clock;
use crate::error::ApiError;

/// Cases read per query.
const BATCH: i64 = 500;
/// Queries per pass at most, so a pass always ends; what is left waits for the next one.
const MAX_BATCHES: usize = 20;

/// Resumes every paused case whose `resume_on` is on or before `today`, one write transaction
/// per case; returns how many it resumed. Failures are logged and skipped: the next pass tries
/// again, and a version conflict means another node resumed the case first.
pub fn resume_due(conn: &mut AnyConnection, today: NaiveDate) -> usize {
    resume_due_until(conn, today, &AtomicBool::new(false))
}

/// [`resume_due`], stopping before the next case once `stop` is set (shutdown).
pub(crate) fn resume_due_until(
    conn: &mut AnyConnection,
    today: NaiveDate,
    stop: &AtomicBool,
) -> usize {
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
            match resume_one(conn, &case.id, today) {
                Ok(true) => resumed += 1,
                Ok(false) => {}
                Err(ApiError::PreconditionFailed(_)) => {
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

/// Resumes one case if it is still paused and due; `false` when someone got there first.
fn resume_one(conn: &mut AnyConnection, id: &str, today: NaiveDate) -> Result<bool, ApiError> {
    write_transaction(conn, |conn| {
        // Read again inside the transaction: since the listing, a person may have resumed,
        // closed or re-paused the case with another date.
        let case = cases::find(conn, None, id)?;
        let due = case.state == "paused" && case.resume_on.is_some_and(|date| date <= today);
        if !due {
            return Ok(false);
        }
        let currency = Currency::parse(&case.currency).map_err(|err| {
            ApiError::Internal(anyhow::anyhow!(
                "case {id} has currency {}: {err}",
                case.currency
            ))
        })?;
        // `resume` has no guard that reads the facts, so the ledger is not consulted.
        let facts = Facts::owing(Money::zero(currency));
        let extras = Extras {
            resume_on: None,
            detail: json!({"automatic": true, "resume_on": case.resume_on}),
        };
        apply_command(
            conn,
            &case,
            &Command::Resume,
            &facts,
            &ActorRef::system(),
            extras,
            clock::now(),
        )?;
        Ok(true)
    })
}
