//! The scheduler's jobs, run exactly once per due item however many nodes run the scheduler.
//!
//! A pass first finds what is due (paused cases whose `resume_on` came, cases whose promises or
//! payment plan fall due for judgement, cases whose earliest claim prescribes within 90 or 30
//! days or has prescribed) and stores one job per item and day; the unique key
//! makes a second node's find a no-op. Each job then runs in one write transaction that first
//! marks it done and then does its work: a second node reaching the same job waits for the
//! first's commit (PostgreSQL row lock; on SQLite the write transaction holds the database) and
//! finds it done. A job whose work fails is rolled back and recorded as failed with the error,
//! and retried with backoff ([`backoff::retry_at`]) until it succeeds or gives up; agency
//! administrators read failed jobs with `GET /v1/jobs?status=failed`.

pub mod backoff;
pub mod read;

use std::sync::atomic::{AtomicBool, Ordering};

use chrono::{Days, NaiveDateTime};
use solvo_domain::prescription::DEFAULT_WARNING_HORIZONS_DAYS;
use solvo_persistence::AnyConnection;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::jobs::{self, JobRow};
use solvo_persistence::repositories::{cases, invoices};

use crate::arrangements::review;
use crate::cases::{prescription, resume};
use crate::clock::Clock;
use crate::error::AppError;

/// Items found due per kind and pass, and jobs run per pass: what is left waits for the next.
const BATCH: i64 = 500;

/// What a kind of job does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Resume a paused case on its `resume_on` date.
    ResumeCase,
    /// Judge a case's promises and payment plan.
    ReviewArrangements,
    /// Warn on the timeline that a case's earliest claim prescribes in 90 or 30 days, or has.
    PrescriptionWarning,
}

impl JobKind {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ResumeCase => "resume_case",
            Self::ReviewArrangements => "review_arrangements",
            Self::PrescriptionWarning => "prescription_warning",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [
            Self::ResumeCase,
            Self::ReviewArrangements,
            Self::PrescriptionWarning,
        ]
        .into_iter()
        .find(|kind| kind.as_str() == raw)
    }
}

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct JobsPass {
    /// Paused cases resumed.
    pub resumed: usize,
    /// Cases whose arrangements were judged.
    pub arrangements_reviewed: usize,
    /// Prescription warnings given.
    pub prescription_warnings: usize,
    /// Jobs that failed this pass (retried later).
    pub failed: usize,
}

/// Finds what is due on the clock's today, then runs every job that may run now, stopping
/// before the next job once `stop` is set. Failures are recorded on their job, never raised.
pub fn run_due(conn: &mut AnyConnection, clock: &Clock, stop: &AtomicBool) -> JobsPass {
    if let Err(err) = discover(conn, clock) {
        tracing::warn!(error = %err, "scheduler: cannot find the work due; will retry");
    }
    let mut pass = JobsPass::default();
    let runnable = match jobs::runnable(conn, clock.now(), BATCH) {
        Ok(runnable) => runnable,
        Err(err) => {
            tracing::warn!(error = %err, "scheduler: cannot list jobs; will retry");
            return pass;
        }
    };
    for job in runnable {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        match run_one(conn, &job, clock) {
            Ok(Some(JobKind::ResumeCase)) => pass.resumed += 1,
            Ok(Some(JobKind::ReviewArrangements)) => pass.arrangements_reviewed += 1,
            Ok(Some(JobKind::PrescriptionWarning)) => pass.prescription_warnings += 1,
            Ok(None) => {}
            Err(err) => {
                pass.failed += 1;
                fail(conn, &job, &err, clock.now());
            }
        }
    }
    pass
}

/// Stores a job for every item due today that has none.
fn discover(conn: &mut AnyConnection, clock: &Clock) -> Result<(), AppError> {
    let (today, now) = (clock.today(), clock.now());
    let job = |kind, case_id, due_on| new_job(kind, case_id, due_on, now);
    let mut due: Vec<JobRow> = cases::due_to_resume(conn, today, BATCH)?
        .into_iter()
        .map(|(case_id, resume_on)| job(JobKind::ResumeCase, case_id, resume_on.unwrap_or(today)))
        .collect();
    due.extend(
        review::due_cases(conn, today, BATCH)?
            .into_iter()
            .map(|case_id| job(JobKind::ReviewArrangements, case_id, today)),
    );
    // Resuming and judging do not wait on the prescription watch: a failure there is its own.
    jobs::enqueue(conn, &due)?;
    let warnings = prescription_warnings(conn, clock)?;
    Ok(jobs::enqueue(conn, &warnings)?)
}

/// The prescription warnings due today. Deadlines are worked out once per case, a batch per
/// pass, then found by their index.
fn prescription_warnings(conn: &mut AnyConnection, clock: &Clock) -> Result<Vec<JobRow>, AppError> {
    let (today, now) = (clock.today(), clock.now());
    for case in cases::prescription_unchecked(conn, BATCH)? {
        let invoices = invoices::of_case(conn, &case.id)?;
        let events = prescription::events_of(conn, &case.id)?;
        let deadline = prescription::summarise(&case, &invoices, &events, today).deadline;
        cases::set_prescription(conn, &case.id, deadline, now)?;
    }
    let horizon = DEFAULT_WARNING_HORIZONS_DAYS
        .iter()
        .copied()
        .max()
        .unwrap_or(0);
    let until = today
        .checked_add_days(Days::new(u64::from(horizon)))
        .unwrap_or(today);
    // An expiry is warned the day after the deadline; a week back lets a scheduler that was
    // down catch up, and nothing older is looked at again.
    let from = today.checked_sub_days(Days::new(8)).unwrap_or(today);
    let mut due = Vec::new();
    for (case_id, deadline) in cases::prescribing_between(conn, from, until, BATCH)? {
        if let Some(on) = prescription::warning_day(deadline, today) {
            due.push(new_job(JobKind::PrescriptionWarning, case_id, on, now));
        }
    }
    Ok(due)
}

/// A job found due at `now`, to run at once.
fn new_job(
    kind: JobKind,
    case_id: String,
    due_on: chrono::NaiveDate,
    now: NaiveDateTime,
) -> JobRow {
    JobRow {
        id: new_id("job"),
        kind: kind.as_str().to_owned(),
        case_id,
        due_on,
        status: "pending".to_owned(),
        attempts: 0,
        last_error: None,
        next_attempt_at: Some(now),
        created_at: now,
        finished_at: None,
    }
}

/// Runs one job in one transaction; the kind when this node did it, `None` when another had.
fn run_one(
    conn: &mut AnyConnection,
    job: &JobRow,
    clock: &Clock,
) -> Result<Option<JobKind>, AppError> {
    let kind = JobKind::parse(&job.kind)
        .ok_or_else(|| AppError::corrupt("job", &job.id, format!("kind `{}`", job.kind)))?;
    let (today, now) = (clock.today(), clock.now());
    write_transaction(conn, |conn| {
        if !jobs::claim(conn, &job.id, now)? {
            return Ok(None);
        }
        match kind {
            JobKind::ResumeCase => {
                resume::resume_if_due(conn, &job.case_id, today, now)?;
            }
            JobKind::ReviewArrangements => review::review_case(conn, &job.case_id, today, now)?,
            JobKind::PrescriptionWarning => {
                prescription::warn(conn, &job.case_id, job.due_on, today, now)?;
            }
        }
        Ok(Some(kind))
    })
}

/// Records a failed attempt and when to retry.
fn fail(conn: &mut AnyConnection, job: &JobRow, err: &AppError, now: NaiveDateTime) {
    let attempts = u32::try_from(job.attempts)
        .unwrap_or(u32::MAX)
        .saturating_add(1);
    let retry_at = backoff::retry_at(attempts, now);
    tracing::warn!(job_id = %job.id, kind = %job.kind, case_id = %job.case_id, attempts, error = %err, "scheduler: job failed");
    if let Err(store) = jobs::record_failure(conn, &job.id, &err.to_string(), retry_at, now) {
        tracing::warn!(job_id = %job.id, error = %store, "scheduler: cannot record the failure");
    }
}
