//! One story step as a command: who gives it and with what data, as
//! `POST /v1/cases/{id}/instructions` and the collectors' work would.

use chrono::NaiveDate;
use serde_json::{Value, json};
use solvo_domain::case::{
    Command, CourtRoute, DisputeResolution, LegalAssessment, LegalRecommendation,
};
use solvo_domain::money::{Currency, Money};
use solvo_persistence::repositories::cases::CaseRow;

use super::DemoError;
use super::people::CreditorPeople;
use super::plan::CaseSpec;
use super::story::Step;
use solvo_app::cases::events::ActorRef;
use solvo_app::cases::transition::Extras;

/// Disputes as a collector records them.
const DISPUTES: &[&str] = &[
    "Debtor says part of the delivery arrived damaged and refuses to pay for it.",
    "Debtor claims a 5 % volume discount was agreed and not applied.",
    "Debtor says the invoice was paid by bank transfer in the spring.",
    "Debtor contests the delivery date and the late-payment charges.",
];

/// Reasons a creditor gives for a pause.
const PAUSES: &[&str] = &[
    "We are negotiating a new supply contract with this customer.",
    "Customer asked for time until their quarterly close; we agreed.",
    "We are checking a credit note the customer mentions.",
];

/// What a step needs to know about its case.
pub(super) struct Turn<'a> {
    /// The creditor whose case it is.
    pub creditor: &'a CreditorPeople,
    /// The case as it is before the step.
    pub case: &'a CaseRow,
    /// Its plan.
    pub spec: &'a CaseSpec,
    /// This step's share of the case's variety.
    pub roll: u64,
    /// Principal owed now.
    pub principal: Money,
}

/// The command of a step, who gives it, and the timeline detail: collectors work the case, the
/// creditor's admin gives the instructions (as `POST /v1/cases/{id}/instructions` would) and
/// declines legal action (as `POST /v1/cases/{id}/legal-decision` would). An
/// escalation records its assessment in `assessment`, which a later approval is made on.
pub(super) fn command_for(
    step: Step,
    turn: &Turn<'_>,
    assessment: &mut Option<LegalAssessment>,
) -> Result<(Command, ActorRef, Extras), DemoError> {
    let by_collector = |command| (command, collector(turn.case), Extras::default());
    let by_creditor = |command, extras| (command, user(&turn.creditor.admin_id), extras);
    let roll = turn.roll;
    Ok(match step {
        Step::StartAmicable => by_collector(Command::StartAmicable),
        Step::AgreePlan
        | Step::AgreeShortPlan
        | Step::DefaultPlan
        | Step::PartPayment
        | Step::DirectPayment => {
            return Err(DemoError::Failed(format!(
                "{step:?} moves money: it goes through the money use cases"
            )));
        }
        Step::RaiseDispute => by_collector(Command::RaiseDispute {
            reason: pick(DISPUTES, roll).to_owned(),
        }),
        Step::RejectDispute => by_collector(Command::ResolveDispute {
            resolution: DisputeResolution::Rejected,
        }),
        Step::UpholdDispute => by_collector(Command::ResolveDispute {
            resolution: DisputeResolution::Upheld,
        }),
        Step::DeclareInsolvency => by_collector(Command::DeclareInsolvency),
        Step::Close(outcome) => by_collector(Command::Close { outcome }),
        Step::Escalate(recommendation) => {
            let recorded = legal_assessment(recommendation, turn.principal, roll)?;
            *assessment = Some(recorded.clone());
            by_collector(Command::EscalatePreLegal {
                assessment: recorded,
            })
        }
        Step::Pause => {
            let reason = pick(PAUSES, roll);
            by_creditor(
                Command::Pause {
                    reason: reason.to_owned(),
                },
                instruction("pause", reason, turn.spec.resume_on),
            )
        }
        Step::Withdraw => by_creditor(
            Command::Withdraw,
            instruction("withdraw", "Settled with the customer ourselves.", None),
        ),
        Step::ApproveLegal => by_creditor(
            Command::ApproveLegal {
                approved_by: turn.creditor.admin_id.clone(),
            },
            instruction("escalate", "Approved on the assessment.", None),
        ),
        Step::DeclineLegal => {
            let reason = "Costs too high for the amount; keep trying amicably.";
            by_creditor(
                Command::DeclineLegal {
                    reason: reason.to_owned(),
                },
                // As `POST /v1/cases/{id}/legal-decision` records it.
                Extras {
                    resume_on: None,
                    detail: json!({"decision": "decline", "reason": reason}),
                },
            )
        }
    })
}

/// An assessment a collector would write: costs of roughly a tenth of the claim plus court fees,
/// and a chance that fits the recommendation.
fn legal_assessment(
    recommendation: LegalRecommendation,
    principal: Money,
    roll: u64,
) -> Result<LegalAssessment, DemoError> {
    let currency: Currency = principal.currency();
    let principal_minor = principal
        .to_minor()
        .map_err(|err| DemoError::Failed(err.to_string()))?;
    let percent = 8 + i64::try_from(roll % 8).unwrap_or(0);
    let cost = Money::from_minor(principal_minor * percent / 100 + 45_000, currency);
    let (chance, route, months, summary) = match recommendation {
        LegalRecommendation::Proceed => (
            60 + (roll % 30) as u8,
            CourtRoute::PaymentOrder,
            3 + (roll % 4) as u8,
            "The claim is documented and undisputed and the debtor is trading; a payment order is likely to go unopposed.",
        ),
        LegalRecommendation::Settle => (
            45 + (roll % 20) as u8,
            CourtRoute::OrdinaryProceedings,
            9 + (roll % 9) as u8,
            "The debtor is solvent but slow and will contest; a settlement offer before filing is the cheaper route.",
        ),
        LegalRecommendation::DoNotProceed => (
            10 + (roll % 15) as u8,
            CourtRoute::InsolvencyFiling,
            18 + (roll % 12) as u8,
            "The debtor has ceased trading and holds no assets; court costs would not be recovered.",
        ),
    };
    Ok(LegalAssessment {
        recommendation,
        cost_estimate: cost,
        success_probability_pct: chance,
        court_route: Some(route),
        expected_duration_months: Some(months),
        summary: summary.to_owned(),
    })
}

/// The case's collector; placement assigned one wherever a story goes beyond placement.
fn collector(case: &CaseRow) -> ActorRef {
    ActorRef {
        kind: "user",
        id: case.collector_id.clone(),
    }
}

/// A user as the actor of a timeline event.
pub(super) fn user(id: &str) -> ActorRef {
    ActorRef {
        kind: "user",
        id: Some(id.to_owned()),
    }
}

/// Timeline detail as the instructions endpoint writes it.
fn instruction(kind: &str, reason: &str, resume_on: Option<NaiveDate>) -> Extras {
    let detail: Value = json!({"instruction": kind, "reason": reason});
    Extras { resume_on, detail }
}

fn pick(texts: &'static [&'static str], roll: u64) -> &'static str {
    texts[usize::try_from(roll % texts.len() as u64).unwrap_or(0)]
}
