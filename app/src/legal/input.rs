//! The legal assessment and the creditor's decision as callers send them, their wire enums
//! (the domain crate has no utoipa), and the checks that need the case.

use serde::{Deserialize, Serialize};
use solvo_domain::case::{CourtRoute, LegalAssessment, LegalRecommendation};
use solvo_domain::money::Currency;
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};
use crate::money::MoneyInput;
use crate::payments::input::text;

/// Longest summary of an assessment.
pub const MAX_SUMMARY_CHARS: usize = 4_000;
/// Longest reason given with a decision.
pub const MAX_REASON_CHARS: usize = 2_000;

/// What the assessor recommends the creditor does about legal action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegalRecommendationName {
    /// Start proceedings.
    Proceed,
    /// Offer or accept a settlement before going to court.
    Settle,
    /// Legal action is not worth it.
    DoNotProceed,
}

/// The court procedure proposed (see `solvo_domain::case::CourtRoute` for the law behind each).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum CourtRouteName {
    /// A summary order for payment of an uncontested money claim, without a hearing unless the
    /// debtor objects (German Mahnverfahren, ZPO ss.688 ff.; European order for payment,
    /// Regulation (EC) No 1896/2006).
    PaymentOrder,
    /// The simplified procedure for low-value claims (European Small Claims Procedure,
    /// Regulation (EC) No 861/2007, up to EUR 5,000; or a national one).
    SmallClaims,
    /// A full action before the competent civil court: a contested or larger claim, or after an
    /// objection to a payment order.
    OrdinaryProceedings,
    /// A creditor's petition to open insolvency proceedings against a debtor who cannot pay
    /// (in Germany `InsO` s.14).
    InsolvencyFiling,
    /// The creditor holds an enforceable title already (judgment, enforceable order, notarial
    /// deed): only enforcement remains.
    EnforcementOfTitle,
}

/// The creditor's decision on a legal assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum LegalDecision {
    /// Approve legal action on the estimate on record: the case moves to `legal`.
    Approve,
    /// Decline it: amicable collection continues (the case moves to `amicable`).
    Decline,
}

/// A legal assessment an agency user records on a case: it proposes legal action to the
/// creditor, who decides on exactly these figures.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLegalAssessment {
    /// The recommendation.
    pub recommendation: LegalRecommendationName,
    /// The expected cost of the proceedings to the creditor, in the case currency.
    #[validate(nested)]
    pub cost_estimate: MoneyInput,
    /// The chance of recovering, in whole percent: 0 to 100.
    #[validate(range(max = 100))]
    #[schema(maximum = 100, example = 75)]
    pub success_probability_pct: u8,
    /// The procedure proposed.
    pub court_route: CourtRouteName,
    /// How long the route is expected to take, in months: 1 to 120.
    #[validate(range(min = 1, max = 120))]
    #[schema(minimum = 1, maximum = 120, example = 4)]
    pub expected_duration_months: u8,
    /// The reasoning, up to 4,000 characters.
    #[validate(length(min = 1, max = 4000))]
    #[schema(
        min_length = 1,
        max_length = 4000,
        example = "Undisputed invoices, debtor trading; a payment order is likely to go unopposed."
    )]
    pub summary: String,
}

/// The creditor's decision on the legal assessment on record.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct NewLegalDecision {
    /// Approve or decline.
    pub decision: LegalDecision,
    /// With `approve`, required: the cost estimate the creditor approves, which must be the
    /// estimate on record (otherwise `409 assessment_changed`), so nobody approves figures they
    /// did not see.
    #[validate(nested)]
    pub approved_cost_estimate: Option<MoneyInput>,
    /// Why, up to 2,000 characters; recorded on the timeline.
    #[validate(length(max = 2000))]
    #[schema(
        max_length = 2000,
        example = "Costs too high for the amount; keep trying amicably."
    )]
    pub reason: Option<String>,
}

/// A legal assessment as a use case takes it: from the legal-assessment endpoint, or from the
/// `escalate` instruction, which asks for neither a court route nor a duration.
#[derive(Debug, Clone)]
pub struct AssessmentCommand {
    /// Proceed, settle or do not proceed.
    pub recommendation: LegalRecommendation,
    /// Expected legal costs, in the case currency.
    pub cost_estimate: MoneyInput,
    /// Chance of success, 0 to 100.
    pub success_probability_pct: u8,
    /// The procedure proposed, if stated.
    pub court_route: Option<CourtRoute>,
    /// Expected months, if stated.
    pub expected_duration_months: Option<u8>,
    /// Reasoning.
    pub summary: String,
}

impl AssessmentCommand {
    /// The domain assessment, its estimate in `currency` (the case's); fields are named under
    /// `prefix` (`assessment.` in an instruction, nothing on the endpoint). The state machine's
    /// guard checks the ranges once more.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming every invalid field.
    pub fn parse(&self, currency: Currency, prefix: &str) -> Result<LegalAssessment, AppError> {
        let mut errors = Vec::new();
        let cost = self
            .cost_estimate
            .parse(currency, &format!("{prefix}cost_estimate"), true)
            .map_err(|fields| errors.extend(fields))
            .ok();
        if self.summary.trim().is_empty() {
            errors.push(FieldError::new(
                format!("{prefix}summary"),
                "blank",
                "Give the reasoning of the assessment.",
            ));
        }
        match cost {
            Some(cost_estimate) if errors.is_empty() => Ok(LegalAssessment {
                recommendation: self.recommendation,
                cost_estimate,
                success_probability_pct: self.success_probability_pct,
                court_route: self.court_route,
                expected_duration_months: self.expected_duration_months,
                summary: self.summary.clone(),
            }),
            _ => Err(AppError::Validation(errors)),
        }
    }
}

impl From<NewLegalAssessment> for AssessmentCommand {
    fn from(input: NewLegalAssessment) -> Self {
        Self {
            recommendation: input.recommendation.into(),
            cost_estimate: input.cost_estimate,
            success_probability_pct: input.success_probability_pct,
            court_route: Some(input.court_route.into()),
            expected_duration_months: Some(input.expected_duration_months),
            summary: input.summary,
        }
    }
}

/// A decision with its reason trimmed (blank is none) and within bounds.
#[derive(Debug, Clone)]
pub(crate) struct ValidDecision {
    /// Approve or decline.
    pub decision: LegalDecision,
    /// The estimate approved (approvals only).
    pub approved_cost_estimate: Option<MoneyInput>,
    /// Why.
    pub reason: Option<String>,
}

impl NewLegalDecision {
    /// Checks what fits the decision: an approval names the estimate, a refusal does not.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming every invalid field.
    pub(crate) fn validate_all(&self) -> Result<ValidDecision, AppError> {
        let mut errors = Vec::new();
        let reason = text(
            self.reason.as_deref(),
            "reason",
            MAX_REASON_CHARS,
            &mut errors,
        );
        match (self.decision, &self.approved_cost_estimate) {
            (LegalDecision::Approve, None) => errors.push(FieldError::new(
                "approved_cost_estimate",
                "required",
                "An approval names the cost estimate it approves.",
            )),
            (LegalDecision::Decline, Some(_)) => errors.push(FieldError::new(
                "approved_cost_estimate",
                "only_with_approve",
                "approved_cost_estimate goes with `approve` only.",
            )),
            _ => {}
        }
        if errors.is_empty() {
            Ok(ValidDecision {
                decision: self.decision,
                approved_cost_estimate: self.approved_cost_estimate.clone(),
                reason,
            })
        } else {
            Err(AppError::Validation(errors))
        }
    }
}

impl From<LegalRecommendationName> for LegalRecommendation {
    fn from(name: LegalRecommendationName) -> Self {
        match name {
            LegalRecommendationName::Proceed => Self::Proceed,
            LegalRecommendationName::Settle => Self::Settle,
            LegalRecommendationName::DoNotProceed => Self::DoNotProceed,
        }
    }
}

impl From<LegalRecommendation> for LegalRecommendationName {
    fn from(recommendation: LegalRecommendation) -> Self {
        match recommendation {
            LegalRecommendation::Proceed => Self::Proceed,
            LegalRecommendation::Settle => Self::Settle,
            LegalRecommendation::DoNotProceed => Self::DoNotProceed,
        }
    }
}

impl From<CourtRouteName> for CourtRoute {
    fn from(name: CourtRouteName) -> Self {
        match name {
            CourtRouteName::PaymentOrder => Self::PaymentOrder,
            CourtRouteName::SmallClaims => Self::SmallClaims,
            CourtRouteName::OrdinaryProceedings => Self::OrdinaryProceedings,
            CourtRouteName::InsolvencyFiling => Self::InsolvencyFiling,
            CourtRouteName::EnforcementOfTitle => Self::EnforcementOfTitle,
        }
    }
}

impl From<CourtRoute> for CourtRouteName {
    fn from(route: CourtRoute) -> Self {
        match route {
            CourtRoute::PaymentOrder => Self::PaymentOrder,
            CourtRoute::SmallClaims => Self::SmallClaims,
            CourtRoute::OrdinaryProceedings => Self::OrdinaryProceedings,
            CourtRoute::InsolvencyFiling => Self::InsolvencyFiling,
            CourtRoute::EnforcementOfTitle => Self::EnforcementOfTitle,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_court_route_has_its_wire_name() {
        for route in CourtRoute::ALL {
            let name = CourtRouteName::from(route);
            assert_eq!(
                serde_json::to_value(name).unwrap(),
                serde_json::to_value(route).unwrap()
            );
            assert_eq!(CourtRoute::from(name), route);
        }
    }

    #[test]
    fn an_approval_names_its_estimate_and_a_refusal_does_not() {
        let estimate = MoneyInput {
            amount: "450.00".into(),
            currency: "EUR".into(),
        };
        let decide = |decision, approved_cost_estimate| NewLegalDecision {
            decision,
            approved_cost_estimate,
            reason: Some("  ".into()),
        };
        let field = |err: AppError| match err {
            AppError::Validation(errors) => errors[0].code.clone(),
            other => panic!("{other:?}"),
        };
        assert_eq!(
            field(
                decide(LegalDecision::Approve, None)
                    .validate_all()
                    .unwrap_err()
            ),
            "required"
        );
        assert_eq!(
            field(
                decide(LegalDecision::Decline, Some(estimate.clone()))
                    .validate_all()
                    .unwrap_err()
            ),
            "only_with_approve"
        );
        let valid = decide(LegalDecision::Approve, Some(estimate))
            .validate_all()
            .unwrap();
        assert_eq!(valid.reason, None, "a blank reason is none");
    }
}
