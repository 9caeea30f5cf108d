//! Prescription (limitation) of invoice claims: the deadline and warnings before it.
//!
//! Call [`deadline`] with one of a jurisdiction's [`PrescriptionRule`]s (from
//! `jurisdiction::Jurisdiction::prescription`), the invoice's [`ClaimDates`] and the case's
//! [`PrescriptionEvent`]s; the [`PrescriptionOutcome`] gives the deadline (or that a court filing
//! halted prescription) and the steps that led to it. Call [`warnings`] with that deadline, the
//! `as_of` day and the horizons ([`DEFAULT_WARNING_HORIZONS_DAYS`] = 90 and 30 days).
//!
//! The deadline is the last day on which the claim can still be brought. Where the reference
//! material does not establish what an event does, the event is ignored and reported as
//! [`StepOutcome::NotEstablished`]: that keeps the deadline on the early, safe side.

mod deadline;
mod events;
mod outcome;
mod rule;
mod warnings;

#[cfg(test)]
mod tests;

pub use deadline::deadline;
pub use events::{ClaimDates, PrescriptionEvent, PrescriptionEventKind};
pub use outcome::{
    PrescriptionError, PrescriptionOutcome, PrescriptionStatus, PrescriptionStep, StepOutcome,
};
pub use rule::{EventEffect, EventEffects, PrescriptionRule, PrescriptionStart};
pub use warnings::{DEFAULT_WARNING_HORIZONS_DAYS, PrescriptionWarning, WarningLevel, warnings};
