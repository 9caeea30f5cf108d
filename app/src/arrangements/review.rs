//! The scheduler's arrangement job: a case with an open promise past its day or an active plan
//! due for review is judged, under the case's lock, inside the transaction that marks the job
//! done (`crate::jobs`). A promise or plan changes only from open/active, so judging a case
//! twice changes nothing the second time.

use chrono::{NaiveDate, NaiveDateTime};
use std::collections::BTreeSet;

use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::{cases, payment_plans, promises};

use super::judge::judge;
use crate::error::AppError;

/// The cases whose arrangements are due for judgement on `today`, at most `limit` of each kind.
///
/// # Errors
/// Database errors only.
pub fn due_cases(
    conn: &mut AnyConnection,
    today: NaiveDate,
    limit: i64,
) -> Result<BTreeSet<String>, AppError> {
    let mut due: BTreeSet<String> = promises::cases_with_overdue(conn, today, limit)?
        .into_iter()
        .collect();
    due.extend(payment_plans::cases_due_for_review(conn, today, limit)?);
    Ok(due)
}

/// Judges the arrangements of case `case_id` on `today`, in the caller's transaction.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for unreadable stored rows.
pub fn review_case(
    conn: &mut AnyConnection,
    case_id: &str,
    today: NaiveDate,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    cases::lock_for_change(conn, case_id, now)?;
    let case = cases::find(conn, None, case_id)?;
    judge(conn, case, today, now)?;
    Ok(())
}
