//! The case state, with the data `paused`, `disputed` and `closed` carry.

use super::{Outcome, ResumableState, StateName};
use serde::{Deserialize, Serialize};

/// Where a case stands. Serialised as `{"state":"paused","resume_to":"amicable"}`,
/// `{"state":"closed","outcome":"paid_in_full"}` or `{"state":"legal"}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum CaseState {
    /// Placed, not yet assigned.
    Submitted,
    /// Assigned; the collector checks the claim.
    Assessment,
    /// Amicable collection.
    Amicable,
    /// Paying by instalments.
    PaymentPlan,
    /// Contested by the debtor; returns to `resume_to` if the dispute is rejected.
    Disputed {
        /// The state before the dispute.
        resume_to: ResumableState,
    },
    /// On hold; returns to `resume_to` on resume.
    Paused {
        /// The state before the pause.
        resume_to: ResumableState,
    },
    /// Legal action assessed, awaiting the creditor's decision.
    PreLegal,
    /// Legal proceedings.
    Legal,
    /// Debtor insolvent.
    Insolvency,
    /// Finished.
    Closed {
        /// How it ended.
        outcome: Outcome,
    },
}

/// Why stored parts do not make a state.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StateError {
    /// `paused` or `disputed` without a state to return to, or another state with one.
    #[error("state {0} needs resume_to exactly when it is paused or disputed")]
    ResumeTo(StateName),
    /// `closed` without an outcome, or another state with one.
    #[error("state {0} needs an outcome exactly when it is closed")]
    Outcome(StateName),
}

impl CaseState {
    /// The state's name.
    #[must_use]
    pub fn name(&self) -> StateName {
        match self {
            Self::Submitted => StateName::Submitted,
            Self::Assessment => StateName::Assessment,
            Self::Amicable => StateName::Amicable,
            Self::PaymentPlan => StateName::PaymentPlan,
            Self::Disputed { .. } => StateName::Disputed,
            Self::Paused { .. } => StateName::Paused,
            Self::PreLegal => StateName::PreLegal,
            Self::Legal => StateName::Legal,
            Self::Insolvency => StateName::Insolvency,
            Self::Closed { .. } => StateName::Closed,
        }
    }

    /// Where a paused or disputed case returns to.
    #[must_use]
    pub fn resume_to(&self) -> Option<ResumableState> {
        match self {
            Self::Paused { resume_to } | Self::Disputed { resume_to } => Some(*resume_to),
            _ => None,
        }
    }

    /// How a closed case ended.
    #[must_use]
    pub fn outcome(&self) -> Option<Outcome> {
        match self {
            Self::Closed { outcome } => Some(*outcome),
            _ => None,
        }
    }

    /// This state as a resumable one, if it is a working state that can be paused or disputed.
    #[must_use]
    pub fn as_resumable(&self) -> Option<ResumableState> {
        ResumableState::ALL
            .iter()
            .copied()
            .find(|r| r.state() == *self)
    }

    /// Rebuilds a state from its stored columns (`name`, `resume_to`, `outcome`).
    ///
    /// # Errors
    /// [`StateError`] when the optional parts do not fit the name.
    pub fn from_parts(
        name: StateName,
        resume_to: Option<ResumableState>,
        outcome: Option<Outcome>,
    ) -> Result<CaseState, StateError> {
        let needs_resume = matches!(name, StateName::Paused | StateName::Disputed);
        if needs_resume != resume_to.is_some() {
            return Err(StateError::ResumeTo(name));
        }
        if (name == StateName::Closed) != outcome.is_some() {
            return Err(StateError::Outcome(name));
        }
        let state = match (name, resume_to, outcome) {
            (StateName::Paused, Some(resume_to), _) => Self::Paused { resume_to },
            (StateName::Disputed, Some(resume_to), _) => Self::Disputed { resume_to },
            (StateName::Closed, _, Some(outcome)) => Self::Closed { outcome },
            (StateName::Submitted, ..) => Self::Submitted,
            (StateName::Assessment, ..) => Self::Assessment,
            (StateName::Amicable, ..) => Self::Amicable,
            (StateName::PaymentPlan, ..) => Self::PaymentPlan,
            (StateName::PreLegal, ..) => Self::PreLegal,
            (StateName::Legal, ..) => Self::Legal,
            (StateName::Insolvency, ..) => Self::Insolvency,
            // The checks above make the remaining combinations unreachable.
            (StateName::Paused | StateName::Disputed, ..) => {
                return Err(StateError::ResumeTo(name));
            }
            (StateName::Closed, ..) => return Err(StateError::Outcome(name)),
        };
        Ok(state)
    }
}
