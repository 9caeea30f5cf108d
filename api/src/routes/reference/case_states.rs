//! `/v1/case-states`: the case state machine as data, from the same table the transition function
//! enforces (`solvo_domain::case::transition_table`), so clients never hard-code it.
//!
//! The domain documents its names in doc comments only; the descriptions below are the API's
//! wording of them. The matches are exhaustive, so a new state, command or outcome does not
//! compile until it is described here.

use actix_web::{HttpResponse, get};
use serde::Serialize;
use solvo_domain::case::{CommandName, Outcome, ResumableState, StateName, transition_table};
use utoipa::ToSchema;

use crate::auth::Caller;
use crate::error::ApiError;

/// A case state.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseStateDefinition {
    /// The state's name.
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "amicable")]
    pub name: String,
    /// What it means.
    pub description: String,
    /// What the state carries besides its name: `resume_to` for `paused` and `disputed` (where
    /// the case returns), `outcome` for `closed`; absent otherwise.
    pub carries: Option<String>,
    /// Whether a paused or disputed case can return to this state.
    pub resumable: bool,
    /// The commands the state accepts (each may still be refused by its guard).
    #[schema(value_type = Vec<solvo_app::wire_names::CaseCommandName>)]
    pub commands: Vec<String>,
}

/// A command, an outcome or another named value with its meaning.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseNameDefinition {
    /// The `snake_case` name.
    pub name: String,
    /// What it means.
    pub description: String,
}

/// One row of the transition table.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseTransitionRule {
    /// The state the command applies in.
    #[schema(value_type = solvo_app::wire_names::CaseStateName, example = "pre_legal")]
    pub from: String,
    /// The command.
    #[schema(value_type = solvo_app::wire_names::CaseCommandName, example = "approve_legal")]
    pub command: String,
    /// The states it can lead to (more than one when a guard or the data decides).
    #[schema(value_type = Vec<solvo_app::wire_names::CaseStateName>)]
    pub to: Vec<String>,
    /// The guard in a sentence; absent when there is none.
    pub guard: Option<String>,
}

/// The case state machine.
#[derive(Debug, Serialize, ToSchema)]
pub struct CaseStateMachine {
    /// The state a newly placed case is in.
    #[schema(example = "submitted")]
    pub initial: String,
    /// Every state.
    pub states: Vec<CaseStateDefinition>,
    /// How a closed case can end.
    pub outcomes: Vec<CaseNameDefinition>,
    /// Every command.
    pub commands: Vec<CaseNameDefinition>,
    /// Every allowed (state, command) pair, state by state.
    pub transitions: Vec<CaseTransitionRule>,
}

fn state_description(state: StateName) -> &'static str {
    match state {
        StateName::Submitted => "Placed by the creditor, not yet assigned to a collector.",
        StateName::Assessment => "Assigned to a collector, who checks the claim and the debtor.",
        StateName::Amicable => "Amicable collection: letters, calls and e-mails.",
        StateName::PaymentPlan => "The debtor pays by agreed instalments.",
        StateName::Disputed => {
            "The debtor contests the claim; collection waits for the resolution."
        }
        StateName::Paused => "On hold at the creditor's or the agency's request.",
        StateName::PreLegal => "Legal action is assessed and awaits the creditor's decision.",
        StateName::Legal => "Court or enforcement proceedings, approved by the creditor.",
        StateName::Insolvency => {
            "The debtor is in insolvency proceedings; the claim is filed with the administrator."
        }
        StateName::Closed => "Finished, with an outcome.",
    }
}

fn command_description(command: CommandName) -> &'static str {
    match command {
        CommandName::Assign => "Assign or reassign the collector.",
        CommandName::StartAmicable => "Start amicable collection after the assessment.",
        CommandName::AgreePaymentPlan => "Record a payment plan agreed with the debtor.",
        CommandName::DefaultPaymentPlan => "Record that the debtor defaulted on the plan.",
        CommandName::EndPaymentPlan => {
            "End the plan without a default: cancelled, or paid off with a balance left."
        }
        CommandName::RaiseDispute => "Record the debtor's dispute.",
        CommandName::ResolveDispute => "Resolve the dispute: upheld, upheld in part or rejected.",
        CommandName::Pause => "Put the case on hold.",
        CommandName::Resume => "Take the case off hold.",
        CommandName::EscalatePreLegal => {
            "Propose legal action with an assessment of cost and success probability."
        }
        CommandName::ApproveLegal => "The creditor approves legal action.",
        CommandName::DeclineLegal => "The creditor declines legal action.",
        CommandName::DeclareInsolvency => "Record the debtor's insolvency.",
        CommandName::RecordPayment => "Record a payment received.",
        CommandName::Close => "Close the case with an outcome.",
        CommandName::Withdraw => "The creditor withdraws the case.",
        CommandName::Reopen => "Reopen a closed case for a new assessment.",
    }
}

fn outcome_description(outcome: Outcome) -> &'static str {
    match outcome {
        Outcome::PaidInFull => "The whole balance was recovered.",
        Outcome::PartiallyPaid => "Part was recovered; the rest is written off.",
        Outcome::Withdrawn => "The creditor withdrew the case.",
        Outcome::Uncollectable => "Nothing more can be recovered.",
        Outcome::DisputeUpheld => "The debtor's dispute was upheld.",
        Outcome::Prescribed => "The claim is time-barred.",
        Outcome::Insolvent => "Ended with the debtor's insolvency.",
        Outcome::PaidDirect => "The debtor paid the creditor directly.",
    }
}

fn carries(state: StateName) -> Option<String> {
    match state {
        StateName::Paused | StateName::Disputed => Some("resume_to".to_owned()),
        StateName::Closed => Some("outcome".to_owned()),
        _ => None,
    }
}

/// The state machine, built from the domain's table.
#[must_use]
pub fn state_machine() -> CaseStateMachine {
    let table = transition_table();
    let resumable: Vec<StateName> = ResumableState::ALL.iter().map(|r| r.name()).collect();
    let states = StateName::ALL
        .iter()
        .map(|state| CaseStateDefinition {
            name: state.as_str().to_owned(),
            description: state_description(*state).to_owned(),
            carries: carries(*state),
            resumable: resumable.contains(state),
            commands: table
                .iter()
                .filter(|rule| rule.from == *state)
                .map(|rule| rule.command.as_str().to_owned())
                .collect(),
        })
        .collect();
    CaseStateMachine {
        initial: StateName::Submitted.as_str().to_owned(),
        states,
        outcomes: Outcome::ALL
            .iter()
            .map(|outcome| CaseNameDefinition {
                name: outcome.as_str().to_owned(),
                description: outcome_description(*outcome).to_owned(),
            })
            .collect(),
        commands: CommandName::ALL
            .iter()
            .map(|command| CaseNameDefinition {
                name: command.as_str().to_owned(),
                description: command_description(*command).to_owned(),
            })
            .collect(),
        transitions: table
            .into_iter()
            .map(|rule| CaseTransitionRule {
                from: rule.from.as_str().to_owned(),
                command: rule.command.as_str().to_owned(),
                to: rule.to.iter().map(|to| to.as_str().to_owned()).collect(),
                guard: Some(rule.guard.to_owned()).filter(|guard| !guard.is_empty()),
            })
            .collect(),
    }
}

/// The case state machine as data: states, outcomes, commands and the transition table with its
/// guards.
#[utoipa::path(
    tag = "reference",
    operation_id = "get_case_states",
    responses((status = 200, description = "The state machine", body = CaseStateMachine)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/case-states")]
pub async fn get_case_states(_caller: Caller) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Ok().json(state_machine()))
}

#[cfg(test)]
mod tests {
    use solvo_domain::case::{CaseState, allowed_commands};

    use super::*;

    #[test]
    fn each_state_lists_the_commands_the_domain_allows() {
        let machine = state_machine();
        let submitted: Vec<String> = allowed_commands(&CaseState::Submitted)
            .into_iter()
            .map(|command| command.as_str().to_owned())
            .collect();

        assert_eq!(machine.states.len(), StateName::ALL.len());
        assert_eq!(machine.states[0].commands, submitted);
        assert_eq!(machine.transitions.len(), transition_table().len());
    }
}
