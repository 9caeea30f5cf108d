//! What the caller knows about a case when it applies a command.

use super::LegalAssessment;
use crate::money::Money;
use serde::{Deserialize, Serialize};

/// Facts the guards need, gathered by the caller from the ledger and the case's records at the
/// moment of the command. The state machine reads them; it never stores them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// The case balance before the command (principal, interest, costs, less payments), in the
    /// case currency. Zero or less means nothing is owed.
    pub outstanding: Money,
    /// Everything received on the case so far, before the command.
    pub paid_to_date: Money,
    /// The latest legal assessment recorded on the case, if any.
    pub legal_assessment: Option<LegalAssessment>,
    /// Whether the claim is time-barred on the command's date, as the prescription rules decided.
    pub prescribed: bool,
}

impl Facts {
    /// Facts for a case that owes `outstanding` and has received nothing, with no assessment and
    /// no prescription; a starting point for callers and tests.
    #[must_use]
    pub fn owing(outstanding: Money) -> Facts {
        Facts {
            outstanding,
            paid_to_date: Money::zero(outstanding.currency()),
            legal_assessment: None,
            prescribed: false,
        }
    }
}
