//! A legal assessment and the creditor's decision as the API shows them.

use serde::Serialize;
use solvo_app::clock;
use solvo_app::legal::{
    AssessmentStatus, CourtRouteName, LegalDecision, LegalRecommendationName, RecordedAssessment,
    RecordedBy, RecordedDecision,
};
use utoipa::ToSchema;

use crate::money::MoneyView;
use crate::routes::cases::EventActor;

/// The latest legal assessment of a case: the figures the creditor decides on, where it stands
/// and the decision once taken.
#[derive(Debug, Serialize, ToSchema)]
pub struct LegalAssessmentView {
    /// The timeline event that recorded it (`evt_…`).
    pub id: String,
    /// The case.
    pub case_id: String,
    /// The recommendation.
    pub recommendation: LegalRecommendationName,
    /// The expected cost of the proceedings to the creditor; an approval must name exactly this.
    pub cost_estimate: MoneyView,
    /// The chance of recovering, in whole percent.
    #[schema(maximum = 100)]
    pub success_probability_pct: u8,
    /// The procedure proposed; `null` on an assessment sent with the `escalate` instruction,
    /// which does not ask for one.
    pub court_route: Option<CourtRouteName>,
    /// The expected duration in months; `null` as for `court_route`.
    pub expected_duration_months: Option<u8>,
    /// The reasoning.
    pub summary: String,
    /// Who recorded it.
    pub recorded_by: EventActor,
    /// RFC 3339 time it was recorded.
    #[schema(format = DateTime)]
    pub recorded_at: String,
    /// `pending` until the creditor decides, then `approved` or `declined`.
    pub status: AssessmentStatus,
    /// The creditor's decision, once taken.
    pub decision: Option<LegalDecisionView>,
    /// The case's state now (`pre_legal` while the decision is pending).
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "pre_legal")]
    pub case_state: String,
}

/// The creditor's decision on a legal assessment.
#[derive(Debug, Serialize, ToSchema)]
pub struct LegalDecisionView {
    /// `approve` (the case went to `legal`) or `decline` (back to `amicable`).
    pub decision: LegalDecision,
    /// The estimate approved (approvals only).
    pub approved_cost_estimate: Option<MoneyView>,
    /// Why, if given.
    pub reason: Option<String>,
    /// Who decided.
    pub decided_by: EventActor,
    /// RFC 3339 time of the decision.
    #[schema(format = DateTime)]
    pub decided_at: String,
}

impl From<RecordedAssessment> for LegalAssessmentView {
    fn from(recorded: RecordedAssessment) -> Self {
        let status = recorded.status();
        let assessment = recorded.assessment;
        Self {
            id: recorded.id,
            case_id: recorded.case_id,
            recommendation: assessment.recommendation.into(),
            cost_estimate: assessment.cost_estimate.into(),
            success_probability_pct: assessment.success_probability_pct,
            court_route: assessment.court_route.map(CourtRouteName::from),
            expected_duration_months: assessment.expected_duration_months,
            summary: assessment.summary,
            recorded_by: actor(recorded.recorded_by),
            recorded_at: clock::rfc3339(recorded.recorded_at),
            status,
            decision: recorded.decision.map(LegalDecisionView::from),
            case_state: recorded.case_state,
        }
    }
}

impl From<RecordedDecision> for LegalDecisionView {
    fn from(decision: RecordedDecision) -> Self {
        Self {
            decision: decision.decision,
            approved_cost_estimate: decision.approved_cost_estimate.map(MoneyView::from),
            reason: decision.reason,
            decided_by: actor(decision.decided_by),
            decided_at: clock::rfc3339(decision.decided_at),
        }
    }
}

fn actor(recorded: RecordedBy) -> EventActor {
    EventActor {
        kind: recorded.kind,
        id: recorded.id,
    }
}
