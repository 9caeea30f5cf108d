//! Shared test data for the case tests.

use super::*;
use crate::money::{Currency, Money};

/// One representative of each state; paused and disputed remember different states.
pub(super) fn states() -> Vec<CaseState> {
    vec![
        CaseState::Submitted,
        CaseState::Assessment,
        CaseState::Amicable,
        CaseState::PaymentPlan,
        CaseState::Disputed {
            resume_to: ResumableState::Amicable,
        },
        CaseState::Paused {
            resume_to: ResumableState::Legal,
        },
        CaseState::PreLegal,
        CaseState::Legal,
        CaseState::Insolvency,
        CaseState::Closed {
            outcome: Outcome::Uncollectable,
        },
    ]
}

pub(super) fn assessment() -> LegalAssessment {
    LegalAssessment {
        recommendation: LegalRecommendation::Proceed,
        cost_estimate: Money::from_minor(120_000, Currency::EUR),
        success_probability_pct: 70,
        court_route: Some(CourtRoute::PaymentOrder),
        expected_duration_months: Some(4),
        summary: "Solvent debtor, undisputed invoices.".to_owned(),
    }
}
