//! The scheduler's resume job as a use case: `resume` a paused case whose `resume_on` date has
//! come, as the system actor, through the same state machine and timeline as a person's
//! `resume`. The job runner (`crate::jobs`) calls it once per due case, inside the transaction
//! that marks the job done.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;
use solvo_domain::case::StateName;
use solvo_domain::case::{Command, Facts};
use solvo_domain::money::Money;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases;

use super::events::ActorRef;
use super::transition::{Extras, apply_command};
use crate::arrangements::judge::judge;
use crate::error::AppError;

/// Resumes the case `id`, in the caller's write transaction, if it is still paused and due on
/// `today`; `false` when someone got there first.
///
/// # Errors
/// [`AppError::StaleVersion`] when another node changed it meanwhile; database errors.
pub fn resume_if_due(
    conn: &mut AnyConnection,
    id: &str,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    {
        // Read again inside the transaction: since the listing, a person may have resumed,
        // closed or re-paused the case with another date.
        let case = cases::find(conn, None, id)?;
        let due =
            case.state == StateName::Paused && case.resume_on.is_some_and(|date| date <= today);
        if !due {
            return Ok(false);
        }
        let currency = case.currency;
        // `resume` has no guard that reads the facts, so the ledger is not consulted.
        let facts = Facts::owing(Money::zero(currency));
        let extras = Extras {
            resume_on: None,
            detail: json!({"automatic": true, "resume_on": case.resume_on}),
        };
        let resumed = apply_command(
            conn,
            &case,
            &Command::Resume,
            &facts,
            &ActorRef::system(),
            extras,
            now,
        )?;
        // Back under a payment plan: judged, and its review rescheduled.
        judge(conn, resumed, today, now)?;
        Ok(true)
    }
}
