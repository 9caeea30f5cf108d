//! Events a transition emits; the use case records them in the detail of the case's timeline
//! event.

use super::{DisputeResolution, LegalAssessment, Outcome, StateName};
use crate::money::Money;
use serde::{Deserialize, Serialize};

/// Something that happened to a case. Serialised with a `type` tag, e.g.
/// `{"type":"state_changed","from":"amicable","to":"paused"}`. A transition that changes the state
/// emits `state_changed` after the command's own event, so a consumer interested only in states
/// reads one kind of event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum CaseEvent {
    /// The state changed.
    StateChanged {
        /// The state before.
        from: StateName,
        /// The state after.
        to: StateName,
    },
    /// A collector was assigned.
    CollectorAssigned {
        /// The collector's id.
        collector: String,
    },
    /// Amicable collection started.
    AmicableStarted,
    /// A payment plan was agreed.
    PaymentPlanAgreed,
    /// The debtor defaulted on the plan.
    PaymentPlanDefaulted,
    /// The plan ended without a default: cancelled, or paid off with a balance still owed.
    PaymentPlanEnded,
    /// The debtor disputed the claim.
    DisputeRaised {
        /// What is contested.
        reason: String,
    },
    /// The dispute was resolved.
    DisputeResolved {
        /// Upheld or rejected.
        resolution: DisputeResolution,
    },
    /// The case was put on hold.
    Paused {
        /// Why.
        reason: String,
    },
    /// The case came off hold.
    Resumed,
    /// A legal assessment was recorded (store it: `approve_legal` needs it later).
    LegalAssessmentRecorded {
        /// The assessment.
        assessment: LegalAssessment,
    },
    /// The creditor approved legal action.
    LegalApproved {
        /// Who approved.
        approved_by: String,
        /// The assessment approved, as recorded at that moment.
        assessment: LegalAssessment,
    },
    /// The creditor declined legal action.
    LegalDeclined {
        /// Why, if given.
        reason: String,
    },
    /// The debtor was declared insolvent.
    InsolvencyDeclared,
    /// A payment was recorded.
    PaymentRecorded {
        /// The amount paid.
        amount: Money,
        /// The balance after it (negative for an overpayment to refund).
        outstanding_after: Money,
    },
    /// The creditor withdrew the case.
    Withdrawn,
    /// The case was closed.
    Closed {
        /// How it ended.
        outcome: Outcome,
    },
    /// The case was reopened.
    Reopened {
        /// Why.
        reason: String,
    },
}
