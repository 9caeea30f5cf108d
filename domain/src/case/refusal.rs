//! A refused command: which state, which command, why, and what would have been allowed.

use super::{CommandName, Outcome, StateName};
use serde::{Deserialize, Serialize};

/// Why a command was refused.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[serde(tag = "reason", rename_all = "snake_case")]
pub enum RefusalReason {
    /// The command has no transition from this state.
    #[error("not allowed in this state")]
    NotAllowedHere,
    /// `paid_in_full` while something is still owed.
    #[error("the balance is not settled")]
    BalanceNotSettled,
    /// An outcome that implies a balance (partially paid, uncollectable) while nothing is owed.
    #[error("nothing is owed; close as paid_in_full")]
    NothingOwed,
    /// `partially_paid` while nothing was ever received.
    #[error("nothing has been paid")]
    NothingPaid,
    /// `prescribed` while the claim is not time-barred.
    #[error("the claim is not prescribed")]
    NotPrescribed,
    /// `insolvent` outside insolvency.
    #[error("the case is not in insolvency")]
    NotInInsolvency,
    /// This outcome has its own command, which records what it needs.
    #[error("use the {command} command for outcome {outcome}")]
    UseCommand {
        /// The outcome asked for.
        outcome: Outcome,
        /// The command to use instead.
        command: CommandName,
    },
    /// Legal action without a recorded assessment to approve.
    #[error("no legal assessment is recorded")]
    NoLegalAssessment,
    /// The command's data is unusable; the text says which field.
    #[error("invalid command: {0}")]
    Invalid(String),
}

/// A refused command. It names the state and the commands allowed there, so an API error and a
/// UI can say what to do instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
#[error("{command} refused in state {state}: {reason}")]
pub struct Refusal {
    /// The state the case is in.
    pub state: StateName,
    /// The command refused.
    pub command: CommandName,
    /// Why.
    pub reason: RefusalReason,
    /// The commands the state accepts (some may still be refused by their guards).
    pub allowed: Vec<CommandName>,
}
