//! The case state machine: where a claim stands and what may happen to it next.
//!
//! - [`CaseState`] is the state, with what `paused` and `disputed` return to and the outcome of a
//!   closed case. It is stored as its serde JSON beside its name (`cases.state_detail` and
//!   `cases.state`); [`CaseState::from_parts`] rebuilds one from name, `resume_to` and outcome
//!   and refuses parts that do not fit together.
//! - [`Command`] is what a collector, a creditor or the system asks for; [`Facts`] is what the
//!   caller knows about the case at that moment (balance, paid so far, the recorded legal
//!   assessment, whether the claim is prescribed).
//! - [`apply`] is the one transition function: `(state, command, facts)` to a [`Transition`] (new
//!   state and the [`CaseEvent`]s it emits, which the use case records in the case's timeline) or
//!   a [`Refusal`] that names the state and the commands allowed there.
//! - [`transition_table`] and [`allowed_commands`] give the same rules as data, for the
//!   `case-states` endpoint, the docs and the UI.
//! - [`Instruction`] is what a user sends through the instructions endpoint; it maps to one
//!   command per state and one permission, and [`allowed_instructions`] gives what a role may send
//!   in a state, for the case view and the endpoint alike.
//!
//! Decisions worth knowing: `record_payment` keeps the state, except that a payment which brings
//! the balance to zero or below closes the case as `paid_in_full` in the same transition (a
//! creditor expects a settled case to close itself, and a second command could be forgotten).
//! A closed case accepts only `reopen`, which goes back to `assessment` so a collector looks at
//! it again. `paused` and `disputed` each remember one [`ResumableState`]; a paused case cannot be
//! disputed (nor a disputed one paused) until it is resumed, so "where to return" is never nested.

mod apply;
mod command;
mod event;
mod facts;
mod guards;
mod instruction;
mod names;
mod refusal;
mod resumable;
mod state;
mod step;
mod step_legal;
mod table;

#[cfg(test)]
mod fixtures;
#[cfg(test)]
mod guard_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod table_tests;
#[cfg(test)]
mod tests;

pub use apply::{Transition, apply};
pub use command::{
    Command, CourtRoute, DisputeResolution, LegalAssessment, LegalRecommendation,
    MAX_LEGAL_DURATION_MONTHS,
};
pub use event::CaseEvent;
pub use facts::Facts;
pub use instruction::{Instruction, allowed_instructions};
pub use names::{CommandName, Outcome, StateName};
pub use refusal::{Refusal, RefusalReason};
pub use resumable::ResumableState;
pub use state::{CaseState, StateError};
pub use table::{TransitionRule, allowed_commands, transition_table};
