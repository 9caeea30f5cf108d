//! The result of a prescription computation: the status, the steps that led to it, and errors.

use super::PrescriptionEventKind;
use chrono::NaiveDate;
use serde::Serialize;

/// Where the claim stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PrescriptionStatus {
    /// Prescription runs; the claim must be brought on or before `deadline`.
    Running {
        /// The last day on which the claim can still be brought.
        deadline: NaiveDate,
    },
    /// A court filing on `since`, before the deadline, brought the claim in time.
    Halted {
        /// The day of the filing.
        since: NaiveDate,
    },
}

/// What one step of the computation did, for the case history and the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum StepOutcome {
    /// The period starts.
    PeriodStarts,
    /// The event started a new period.
    Restarted,
    /// The event brought the claim; prescription no longer runs.
    Halted,
    /// The law gives the event no effect.
    NoEffect,
    /// The effect is not established in the reference material; ignored.
    NotEstablished,
    /// The event came after the deadline; a prescribed claim is not revived.
    AfterDeadline,
    /// The event came before the period started.
    BeforeStart,
    /// The long-stop period cut the deadline.
    CappedByLongStop,
}

/// One step: what happened on a day and the deadline after it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PrescriptionStep {
    /// The day of the step.
    pub on: NaiveDate,
    /// The event, or `None` for the start of the period and the long stop.
    pub event: Option<PrescriptionEventKind>,
    /// What it did.
    pub outcome: StepOutcome,
    /// The deadline after the step.
    pub deadline: NaiveDate,
    /// The statute behind the step, where there is one.
    pub legal_basis: Option<&'static str>,
}

/// The result of [`deadline`]: the status and how it was reached.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PrescriptionOutcome {
    /// Running with a deadline, or halted by a filing.
    pub status: PrescriptionStatus,
    /// The steps, in date order.
    pub steps: Vec<PrescriptionStep>,
}

impl PrescriptionOutcome {
    /// The deadline while prescription runs; `None` once a filing halted it.
    #[must_use]
    pub fn deadline(&self) -> Option<NaiveDate> {
        match self.status {
            PrescriptionStatus::Running { deadline } => Some(deadline),
            PrescriptionStatus::Halted { .. } => None,
        }
    }
}

/// Why a deadline could not be computed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum PrescriptionError {
    /// The rule counts from the day the claim arose and `ClaimDates::arose_on` is missing.
    #[error("this rule counts from the day the claim arose, which was not given")]
    MissingArisingDate,
}
