//! What happens to a demo case after placement: a story is a short list of steps through the
//! state machine, picked by how old the debt is (young debts are still being worked, old ones
//! went to court, were closed or withdrawn).

use solvo_domain::case::{LegalRecommendation, Outcome, StateName};

/// One thing done to a case, by whoever would do it in real life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// The collector starts amicable collection.
    StartAmicable,
    /// The collector records an agreed payment plan of monthly instalments, the first due a
    /// week after the demo is seeded.
    AgreePlan,
    /// The collector agrees a plan whose first instalment is due that day without grace.
    AgreeShortPlan,
    /// The instalment was not paid: the plan's judgement defaults it.
    DefaultPlan,
    /// The debtor pays part of the principal into the agency's account.
    PartPayment,
    /// The creditor reports the principal paid to it directly.
    DirectPayment,
    /// The collector records the debtor's dispute.
    RaiseDispute,
    /// The collector rejects the dispute; collection resumes.
    RejectDispute,
    /// The collector upholds the dispute; the case closes.
    UpholdDispute,
    /// The creditor pauses the case.
    Pause,
    /// The collector proposes legal action with an assessment.
    Escalate(LegalRecommendation),
    /// The creditor approves legal action.
    ApproveLegal,
    /// The creditor declines legal action.
    DeclineLegal,
    /// The collector records the debtor's insolvency.
    DeclareInsolvency,
    /// The collector closes the case.
    Close(Outcome),
    /// The creditor withdraws the case.
    Withdraw,
}

/// Where a case ends up in the demo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Story {
    /// Nothing after placement: `assessment`, or `submitted` where no collector covers the debtor.
    Fresh,
    /// In amicable collection.
    Amicable,
    /// On a payment plan.
    PaymentPlan,
    /// A plan the debtor broke, back in amicable collection.
    PlanDefaulted,
    /// Disputed by the debtor.
    Disputed,
    /// A rejected dispute, back in amicable collection.
    DisputeRejected,
    /// Paused by the creditor.
    Paused,
    /// Waiting for the creditor's decision on legal action.
    PreLegal,
    /// Legal action declined, back in amicable collection.
    LegalDeclined,
    /// In court.
    Legal,
    /// The debtor is insolvent; the claim is filed.
    Insolvency,
    /// Closed after the insolvency.
    Insolvent,
    /// Closed as uncollectable after an assessment advised against court.
    Uncollectable,
    /// Closed: the debtor paid the creditor directly.
    PaidDirect,
    /// Closed: the debtor's dispute was upheld.
    DisputeUpheld,
    /// Withdrawn by the creditor.
    Withdrawn,
}

use LegalRecommendation as R;
use Step as S;

impl Story {
    /// The steps, in order.
    pub(super) fn steps(self) -> &'static [Step] {
        match self {
            Self::Fresh => &[],
            Self::Amicable => &[S::StartAmicable, S::PartPayment],
            Self::PaymentPlan => &[S::StartAmicable, S::PartPayment, S::AgreePlan],
            Self::PlanDefaulted => &[S::StartAmicable, S::AgreeShortPlan, S::DefaultPlan],
            Self::Disputed => &[S::StartAmicable, S::RaiseDispute],
            Self::DisputeRejected => &[S::StartAmicable, S::RaiseDispute, S::RejectDispute],
            Self::Paused => &[S::StartAmicable, S::Pause],
            Self::PreLegal => &[S::StartAmicable, S::Escalate(R::Proceed)],
            Self::LegalDeclined => &[S::StartAmicable, S::Escalate(R::Settle), S::DeclineLegal],
            Self::Legal => &[S::StartAmicable, S::Escalate(R::Proceed), S::ApproveLegal],
            Self::Insolvency => &[S::StartAmicable, S::DeclareInsolvency],
            Self::Insolvent => &[
                S::StartAmicable,
                S::DeclareInsolvency,
                S::Close(Outcome::Insolvent),
            ],
            Self::Uncollectable => &[
                S::StartAmicable,
                S::Escalate(R::DoNotProceed),
                S::Close(Outcome::Uncollectable),
            ],
            Self::PaidDirect => &[
                S::StartAmicable,
                S::DirectPayment,
                S::Close(Outcome::PaidDirect),
            ],
            Self::DisputeUpheld => &[S::StartAmicable, S::RaiseDispute, S::UpholdDispute],
            Self::Withdrawn => &[S::Withdraw],
        }
    }

    /// The state the story ends in; `covered` says whether a collector took the case.
    pub(super) fn final_state(self, covered: bool) -> StateName {
        match self {
            Self::Fresh if covered => StateName::Assessment,
            Self::Fresh => StateName::Submitted,
            Self::Amicable | Self::PlanDefaulted | Self::DisputeRejected | Self::LegalDeclined => {
                StateName::Amicable
            }
            Self::PaymentPlan => StateName::PaymentPlan,
            Self::Disputed => StateName::Disputed,
            Self::Paused => StateName::Paused,
            Self::PreLegal => StateName::PreLegal,
            Self::Legal => StateName::Legal,
            Self::Insolvency => StateName::Insolvency,
            Self::Insolvent
            | Self::Uncollectable
            | Self::PaidDirect
            | Self::DisputeUpheld
            | Self::Withdrawn => StateName::Closed,
        }
    }

    /// A story for a debt `age_days` past due; `roll` is any number (the case's hash).
    pub(super) fn pick(age_days: i64, roll: u64) -> Story {
        let table: &[(Story, u64)] = if age_days < 45 {
            YOUNG
        } else if age_days < 180 {
            MIDDLE
        } else {
            OLD
        };
        let total: u64 = table.iter().map(|(_, weight)| weight).sum();
        let mut left = roll % total.max(1);
        for (story, weight) in table {
            if left < *weight {
                return *story;
            }
            left -= weight;
        }
        Self::Fresh
    }
}

/// Debts under 45 days: mostly new or in first contact.
const YOUNG: &[(Story, u64)] = &[
    (Story::Fresh, 45),
    (Story::Amicable, 35),
    (Story::PaymentPlan, 4),
    (Story::Disputed, 6),
    (Story::Paused, 6),
    (Story::Withdrawn, 4),
];

/// Debts of 45 to 180 days: worked, some plans and disputes, the first escalations.
const MIDDLE: &[(Story, u64)] = &[
    (Story::Fresh, 4),
    (Story::Amicable, 26),
    (Story::PaymentPlan, 12),
    (Story::PlanDefaulted, 5),
    (Story::Disputed, 7),
    (Story::DisputeRejected, 5),
    (Story::Paused, 8),
    (Story::PreLegal, 12),
    (Story::LegalDeclined, 4),
    (Story::Insolvency, 3),
    (Story::PaidDirect, 6),
    (Story::DisputeUpheld, 3),
    (Story::Withdrawn, 5),
];

/// Debts over 180 days: in court, insolvent, closed or withdrawn.
const OLD: &[(Story, u64)] = &[
    (Story::Amicable, 8),
    (Story::PaymentPlan, 7),
    (Story::PlanDefaulted, 3),
    (Story::Disputed, 4),
    (Story::Paused, 4),
    (Story::PreLegal, 10),
    (Story::LegalDeclined, 4),
    (Story::Legal, 18),
    (Story::Insolvency, 6),
    (Story::Insolvent, 8),
    (Story::Uncollectable, 10),
    (Story::PaidDirect, 8),
    (Story::DisputeUpheld, 5),
    (Story::Withdrawn, 5),
];
