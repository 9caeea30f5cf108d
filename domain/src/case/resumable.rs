//! The working states a paused or disputed case can return to.

use super::{CaseState, StateName};
use serde::{Deserialize, Serialize};

/// A state a paused or disputed case returns to. Only working states qualify: a case is never
/// paused or disputed from `paused`, `disputed`, `insolvency` or `closed`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResumableState {
    /// Back to `submitted`.
    Submitted,
    /// Back to `assessment`.
    Assessment,
    /// Back to `amicable`.
    Amicable,
    /// Back to `payment_plan`.
    PaymentPlan,
    /// Back to `pre_legal`.
    PreLegal,
    /// Back to `legal`.
    Legal,
}

impl ResumableState {
    /// Every resumable state.
    pub const ALL: &'static [ResumableState] = &[
        Self::Submitted,
        Self::Assessment,
        Self::Amicable,
        Self::PaymentPlan,
        Self::PreLegal,
        Self::Legal,
    ];

    /// The state this stands for.
    #[must_use]
    pub fn state(self) -> CaseState {
        match self {
            Self::Submitted => CaseState::Submitted,
            Self::Assessment => CaseState::Assessment,
            Self::Amicable => CaseState::Amicable,
            Self::PaymentPlan => CaseState::PaymentPlan,
            Self::PreLegal => CaseState::PreLegal,
            Self::Legal => CaseState::Legal,
        }
    }

    /// Its name.
    #[must_use]
    pub fn name(self) -> StateName {
        self.state().name()
    }
}
