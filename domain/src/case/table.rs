//! The transition table as data: the same rules `apply` enforces, for the API and the docs.

use super::{CaseState, CommandName, ResumableState, StateName};
use serde::Serialize;

/// One row of the table: from a state, a command leads to one of some states under a guard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TransitionRule {
    /// The state the command applies in.
    pub from: StateName,
    /// The command.
    pub command: CommandName,
    /// The states it can lead to (more than one when a guard or the data decides).
    pub to: Vec<StateName>,
    /// The guard in a sentence, empty when there is none.
    pub guard: &'static str,
}

const CLOSE_GUARD: &str = "paid_in_full only when nothing is owed; partially_paid needs a \
    payment received and a balance left; uncollectable needs a balance; prescribed only when the \
    claim is time-barred; insolvent only from insolvency; withdrawn and dispute_upheld use \
    withdraw and resolve_dispute";
const PAYMENT_GUARD: &str = "a positive amount in the case currency; a payment that settles the \
    balance closes the case as paid_in_full, otherwise the state is kept";
const RESUME_GUARD: &str = "returns to the state the case was in before";

/// Every rule, state by state, commands in their declared order.
#[must_use]
pub fn transition_table() -> Vec<TransitionRule> {
    StateName::ALL
        .iter()
        .flat_map(|state| rules_for(*state))
        .collect()
}

/// The commands a state accepts (each may still be refused by its guard).
#[must_use]
pub fn allowed_commands(state: &CaseState) -> Vec<CommandName> {
    rules_for(state.name())
        .into_iter()
        .map(|rule| rule.command)
        .collect()
}

/// The rule for a command in a state, if there is one.
pub(super) fn rule(from: StateName, command: CommandName) -> Option<TransitionRule> {
    rules_for(from)
        .into_iter()
        .find(|rule| rule.command == command)
}

/// The rules of one state.
fn rules_for(from: StateName) -> Vec<TransitionRule> {
    use CommandName as C;
    use StateName as S;
    let resumable: Vec<StateName> = ResumableState::ALL.iter().map(|r| r.name()).collect();
    let mut rules: Vec<(C, Vec<S>, &'static str)> = match from {
        S::Closed => vec![(C::Reopen, vec![S::Assessment], "a reason is given")],
        S::Assessment => vec![(C::StartAmicable, vec![S::Amicable], "")],
        S::Amicable => vec![
            (C::AgreePaymentPlan, vec![S::PaymentPlan], ""),
            (
                C::EscalatePreLegal,
                vec![S::PreLegal],
                "an assessment with a cost estimate in the case currency and a success probability of 0 to 100 %",
            ),
        ],
        S::PaymentPlan => vec![
            (C::DefaultPaymentPlan, vec![S::Amicable], ""),
            (C::EndPaymentPlan, vec![S::Amicable], ""),
        ],
        S::Disputed => {
            let mut to = resumable.clone();
            to.push(S::Closed);
            vec![(
                C::ResolveDispute,
                to,
                "upheld closes as dispute_upheld; rejected, and upheld_in_part (the claim reduced by a \
                 credit note), return to the state before the dispute",
            )]
        }
        S::Paused => vec![(C::Resume, resumable.clone(), RESUME_GUARD)],
        S::PreLegal => vec![
            (C::AgreePaymentPlan, vec![S::PaymentPlan], ""),
            (
                C::EscalatePreLegal,
                vec![S::PreLegal],
                "a revised assessment replaces the previous one",
            ),
            (
                C::ApproveLegal,
                vec![S::Legal],
                "a legal assessment stating cost estimate and success probability is recorded",
            ),
            (C::DeclineLegal, vec![S::Amicable], ""),
        ],
        S::Submitted | S::Legal | S::Insolvency => vec![],
    };
    if from != S::Closed {
        let assigned_to = if from == S::Submitted {
            S::Assessment
        } else {
            from
        };
        rules.push((C::Assign, vec![assigned_to], "a collector id is given"));
        rules.push((C::RecordPayment, vec![from, S::Closed], PAYMENT_GUARD));
        rules.push((C::Close, vec![S::Closed], CLOSE_GUARD));
        rules.push((
            C::Withdraw,
            vec![S::Closed],
            "closes with outcome withdrawn",
        ));
    }
    if !matches!(from, S::Closed | S::Insolvency) {
        rules.push((C::DeclareInsolvency, vec![S::Insolvency], ""));
    }
    if resumable.contains(&from) {
        rules.push((
            C::Pause,
            vec![S::Paused],
            "remembers the current state to resume to",
        ));
        rules.push((
            C::RaiseDispute,
            vec![S::Disputed],
            "remembers the current state to return to",
        ));
    }
    rules.sort_by_key(|(command, ..)| *command);
    rules
        .into_iter()
        .map(|(command, to, guard)| TransitionRule {
            from,
            command,
            to,
            guard,
        })
        .collect()
}
