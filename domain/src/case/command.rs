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

/// The procedure through which the assessor proposes to pursue the claim in court. A small set
/// that covers what a B2B money claim goes through in the jurisdictions Solvo serves; the court
/// and the national name of the procedure go in the legal steps once the route is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CourtRoute {
    /// A summary order for payment of an uncontested money claim, issued without a hearing and
    /// enforceable unless the debtor objects: the German Mahnverfahren (ZPO ss.688 ff.), the
    /// European order for payment (Regulation (EC) No 1896/2006), the French injonction de payer.
    /// The cheapest and quickest route when the debtor does not dispute the claim.
    PaymentOrder,
    /// A simplified, mostly written procedure for low-value claims with capped costs: the
    /// European Small Claims Procedure (Regulation (EC) No 861/2007, claims up to EUR 5,000) or
    /// a national one.
    SmallClaims,
    /// A full action before the competent civil court: for a contested or larger claim, or after
    /// the debtor objected to a payment order.
    OrdinaryProceedings,
    /// A creditor's petition to open insolvency proceedings against a debtor who cannot pay
    /// (in Germany `InsO` s.14), so that the claim is lodged with the administrator.
    InsolvencyFiling,
    /// The creditor already holds an enforceable title (a judgment, an enforceable order, a
    /// notarial deed): only enforcement remains (bailiff, garnishment of accounts or receivables).
    EnforcementOfTitle,
}

impl CourtRoute {
    /// Every route, in the order the api lists them.
    pub const ALL: [CourtRoute; 5] = [
        Self::PaymentOrder,
        Self::SmallClaims,
        Self::OrdinaryProceedings,
        Self::InsolvencyFiling,
        Self::EnforcementOfTitle,
    ];

    /// The `snake_case` name, as serialised.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PaymentOrder => "payment_order",
            Self::SmallClaims => "small_claims",
            Self::OrdinaryProceedings => "ordinary_proceedings",
            Self::InsolvencyFiling => "insolvency_filing",
            Self::EnforcementOfTitle => "enforcement_of_title",
        }
    }
}

/// Longest expected duration of a legal route an assessment may state: ten years, longer than
/// any court route plus enforcement takes in practice, so a larger figure is a typing error.
pub const MAX_LEGAL_DURATION_MONTHS: u8 = 120;

/// A legal assessment: the creditor may approve legal action only on one of these, because cost
/// and chance are what the decision turns on.
///
/// `court_route` and `expected_duration_months` came later: assessments stored before them, and
/// those sent with the `escalate` instruction (which does not ask for them), have neither, so both
/// are optional and left out of the JSON when absent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LegalAssessment {
    /// The assessor's recommendation.
    pub recommendation: LegalRecommendation,
    /// Estimated cost of the proceedings to the creditor, in the case currency.
    pub cost_estimate: Money,
    /// Estimated chance of recovering, in whole percent (0 to 100).
    pub success_probability_pct: u8,
    /// The procedure proposed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub court_route: Option<CourtRoute>,
    /// How long the route is expected to take, in months (1 to
    /// [`MAX_LEGAL_DURATION_MONTHS`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_duration_months: Option<u8>,
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
