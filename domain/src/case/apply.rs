//! The transition function.

use super::step::step;
use super::table::{allowed_commands, rule};
use super::{CaseEvent, CaseState, Command, Facts, Refusal, RefusalReason};
use serde::{Deserialize, Serialize};

/// An accepted command: the new state and the events to record, in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transition {
    /// The state after the command (possibly the same state).
    pub state: CaseState,
    /// The command's own event, then `state_changed` if the state changed, then `closed` if the
    /// case closed.
    pub events: Vec<CaseEvent>,
}

/// Applies `command` to a case in `state`, given `facts`.
///
/// # Errors
/// A [`Refusal`] naming the state, the command, the reason and the commands allowed in the state.
pub fn apply(state: &CaseState, command: &Command, facts: &Facts) -> Result<Transition, Refusal> {
    let refuse = |reason| Refusal {
        state: state.name(),
        command: command.name(),
        reason,
        allowed: allowed_commands(state),
    };
    let Some(rule) = rule(state.name(), command.name()) else {
        return Err(refuse(RefusalReason::NotAllowedHere));
    };
    let (next, own_event) = step(*state, command, facts).map_err(refuse)?;
    debug_assert!(
        rule.to.contains(&next.name()),
        "{rule:?} does not allow {next:?}"
    );
    let mut events: Vec<CaseEvent> = own_event.into_iter().collect();
    if next != *state {
        events.push(CaseEvent::StateChanged {
            from: state.name(),
            to: next.name(),
        });
    }
    if let CaseState::Closed { outcome } = next {
        events.push(CaseEvent::Closed { outcome });
    }
    Ok(Transition {
        state: next,
        events,
    })
}
