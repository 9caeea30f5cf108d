//! The case events that can interrupt, restart or halt prescription.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A kind of event recorded on a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrescriptionEventKind {
    /// The debtor acknowledged the debt in writing (signed letter, e-mail, payment plan).
    WrittenAcknowledgement,
    /// The debtor acknowledged the debt orally or by conduct other than paying.
    OralAcknowledgement,
    /// The debtor paid part of the debt.
    PartPayment,
    /// The creditor or its agent demanded payment in writing.
    WrittenDemand,
    /// The creditor filed a claim or payment-order application with a court.
    CourtFiling,
    /// A court gave judgment on the claim.
    Judgment,
}

/// An event on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PrescriptionEvent {
    /// What happened.
    pub kind: PrescriptionEventKind,
    /// The day it happened.
    pub on: NaiveDate,
}

/// The dates of the claim that a prescription start can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimDates {
    /// The day payment was due.
    pub due_date: NaiveDate,
    /// The day the claim arose (delivery or performance), where known.
    pub arose_on: Option<NaiveDate>,
}

impl ClaimDates {
    /// A claim known only by its due date.
    #[must_use]
    pub fn due(due_date: NaiveDate) -> ClaimDates {
        ClaimDates {
            due_date,
            arose_on: None,
        }
    }
}
