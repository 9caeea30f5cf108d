//! Commands: what a collector, a creditor or the system asks the case to do.

use super::{CommandName, Outcome};
use crate::money::Money;
use serde::{Deserialize, Serialize};

/// What the assessor recommends the creditor does about legal action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LegalRecommendation {
    /// Start proceedings.
    Proceed,
    /// Offer or accept a settlement before going to court.
    Settle,
    /// Legal action is not worth it.
    DoNotProceed,
}

/// A legal assessment: the creditor may approve legal action only on one of these, because cost
/// and chance are what the decision turns on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalAssessment {
    /// The assessor's recommendation.
    pub recommendation: LegalRecommendation,
    /// Estimated cost of the proceedings to the creditor, in the case currency.
    pub cost_estimate: Money,
    /// Estimated chance of recovering, in whole percent (0 to 100).
    pub success_probability_pct: u8,
    /// The reasoning in a few sentences.
    pub summary: String,
}

/// How a dispute ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeResolution {
    /// The debtor is right: the case closes as `dispute_upheld`.
    Upheld,
    /// The claim stands: collection resumes where it was.
    Rejected,
    /// The debtor is right in part: the claim is reduced (a credit note on the ledger, booked by
    /// the caller) and collection of the rest resumes where it was.
    UpheldInPart,
}

/// A command with its data. Serialised with a `command` tag, e.g.
/// `{"command":"close","outcome":"paid_in_full"}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "command", rename_all = "snake_case")]
pub enum Command {
    /// Assign (or reassign) a collector, by opaque id.
    Assign {
        /// The collector's id.
        collector: String,
    },
    /// Start amicable collection.
    StartAmicable,
    /// Record an agreed payment plan (the plan itself lives in its own resource).
    AgreePaymentPlan,
    /// Record that the debtor defaulted on the plan.
    DefaultPaymentPlan,
    /// End the plan without a default: cancelled, or paid off with a balance still owed.
    EndPaymentPlan,
    /// Record the debtor's dispute.
    RaiseDispute {
        /// What the debtor contests.
        reason: String,
    },
    /// Resolve the dispute.
    ResolveDispute {
        /// Upheld or rejected.
        resolution: DisputeResolution,
    },
    /// Put the case on hold.
    Pause {
        /// Why.
        reason: String,
    },
    /// Take the case off hold.
    Resume,
    /// Propose legal action, with the assessment the creditor decides on.
    EscalatePreLegal {
        /// The assessment.
        assessment: LegalAssessment,
    },
    /// The creditor approves legal action on the recorded assessment.
    ApproveLegal {
        /// Who approved, by opaque user id.
        approved_by: String,
    },
    /// The creditor declines legal action; amicable collection continues.
    DeclineLegal {
        /// Why, if given.
        reason: String,
    },
    /// Record the debtor's insolvency.
    DeclareInsolvency,
    /// Record a payment received.
    RecordPayment {
        /// The amount, positive, in the case currency.
        amount: Money,
    },
    /// Close with an outcome (`withdrawn` and `dispute_upheld` have their own commands).
    Close {
        /// How the case ended.
        outcome: Outcome,
    },
    /// The creditor withdraws the case.
    Withdraw,
    /// Reopen a closed case.
    Reopen {
        /// Why.
        reason: String,
    },
}

impl Command {
    /// The command's name.
    #[must_use]
    pub fn name(&self) -> CommandName {
        match self {
            Self::Assign { .. } => CommandName::Assign,
            Self::StartAmicable => CommandName::StartAmicable,
            Self::AgreePaymentPlan => CommandName::AgreePaymentPlan,
            Self::DefaultPaymentPlan => CommandName::DefaultPaymentPlan,
            Self::EndPaymentPlan => CommandName::EndPaymentPlan,
            Self::RaiseDispute { .. } => CommandName::RaiseDispute,
            Self::ResolveDispute { .. } => CommandName::ResolveDispute,
            Self::Pause { .. } => CommandName::Pause,
            Self::Resume => CommandName::Resume,
            Self::EscalatePreLegal { .. } => CommandName::EscalatePreLegal,
            Self::ApproveLegal { .. } => CommandName::ApproveLegal,
            Self::DeclineLegal { .. } => CommandName::DeclineLegal,
            Self::DeclareInsolvency => CommandName::DeclareInsolvency,
            Self::RecordPayment { .. } => CommandName::RecordPayment,
            Self::Close { .. } => CommandName::Close,
            Self::Withdraw => CommandName::Withdraw,
            Self::Reopen { .. } => CommandName::Reopen,
        }
    }
}
