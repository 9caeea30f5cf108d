//! Instructions: what a creditor or agency user asks of a case through the instructions endpoint,
//! and the one mapping from an instruction to the state machine's command and to the permission
//! it needs.

use super::{CaseState, CommandName, StateName, allowed_commands};
use crate::identity::Role;
use crate::permission::Permission;
use serde::{Deserialize, Serialize};
use std::fmt;

/// An instruction a user sends to a case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Instruction {
    /// Put the case on hold.
    Pause,
    /// Take it off hold.
    Resume,
    /// Take it one step further: propose legal action, or approve it once proposed.
    Escalate,
    /// Close it.
    Close,
    /// Withdraw it from collection (the creditor pays the withdrawal fee).
    Withdraw,
}

impl Instruction {
    /// Every instruction, in the order the api lists them.
    pub const ALL: [Instruction; 5] = [
        Instruction::Pause,
        Instruction::Resume,
        Instruction::Escalate,
        Instruction::Close,
        Instruction::Withdraw,
    ];

    /// The `snake_case` name, as serialised.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pause => "pause",
            Self::Resume => "resume",
            Self::Escalate => "escalate",
            Self::Close => "close",
            Self::Withdraw => "withdraw",
        }
    }

    /// Reads a `snake_case` name; `None` for anything else.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|instruction| instruction.as_str() == raw)
    }

    /// The command the instruction sends in `state`. `escalate` approves legal action when the
    /// case waits in `pre_legal` for the creditor's decision, and proposes it (escalates to
    /// `pre_legal`) anywhere else, so one button means "the next step".
    #[must_use]
    pub fn command_name(self, state: StateName) -> CommandName {
        match self {
            Self::Pause => CommandName::Pause,
            Self::Resume => CommandName::Resume,
            Self::Escalate if state == StateName::PreLegal => CommandName::ApproveLegal,
            Self::Escalate => CommandName::EscalatePreLegal,
            Self::Close => CommandName::Close,
            Self::Withdraw => CommandName::Withdraw,
        }
    }

    /// The permission sending the instruction in `state` needs: approving legal action and
    /// withdrawing are the creditor's own decisions, everything else is instructing the case.
    #[must_use]
    pub fn permission(self, state: StateName) -> Permission {
        match self.command_name(state) {
            CommandName::ApproveLegal => Permission::ApproveLegalAction,
            CommandName::Withdraw => Permission::WithdrawCases,
            _ => Permission::InstructCases,
        }
    }

    /// Whether `role` may send the instruction in `state` at all (the state machine may still
    /// refuse it there). The grid makes every role that approves or withdraws one that instructs
    /// as well, so one permission decides.
    #[must_use]
    pub fn may_send(self, role: Role, state: StateName) -> bool {
        role.may(self.permission(state))
    }
}

impl fmt::Display for Instruction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The instructions `role` may send to a case in `state` now: those whose command the state
/// machine allows there and whose permission the role has, in [`Instruction::ALL`] order. The
/// case view shows them and the instructions endpoint accepts them.
#[must_use]
pub fn allowed_instructions(role: Role, state: &CaseState) -> Vec<Instruction> {
    let allowed = allowed_commands(state);
    let name = state.name();
    Instruction::ALL
        .into_iter()
        .filter(|instruction| {
            allowed.contains(&instruction.command_name(name)) && instruction.may_send(role, name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{Instruction, allowed_instructions};
    use crate::case::{CaseState, CommandName, Outcome, ResumableState, StateName};
    use crate::identity::{ALL_ROLES, Role};
    use crate::permission::Permission;

    use Instruction::{Close, Escalate, Pause, Resume, Withdraw};

    #[test]
    fn escalate_approves_legal_action_in_pre_legal_and_proposes_it_elsewhere() {
        assert_eq!(
            Escalate.command_name(StateName::PreLegal),
            CommandName::ApproveLegal
        );
        for state in StateName::ALL.iter().filter(|s| **s != StateName::PreLegal) {
            assert_eq!(Escalate.command_name(*state), CommandName::EscalatePreLegal);
        }
    }

    #[test]
    fn the_other_instructions_send_their_namesake_in_every_state() {
        for state in StateName::ALL.iter().copied() {
            assert_eq!(Pause.command_name(state), CommandName::Pause);
            assert_eq!(Resume.command_name(state), CommandName::Resume);
            assert_eq!(Close.command_name(state), CommandName::Close);
            assert_eq!(Withdraw.command_name(state), CommandName::Withdraw);
        }
    }

    #[test]
    fn approving_legal_action_and_withdrawing_need_the_creditors_permissions() {
        assert_eq!(
            Escalate.permission(StateName::PreLegal),
            Permission::ApproveLegalAction
        );
        assert_eq!(
            Escalate.permission(StateName::Amicable),
            Permission::InstructCases
        );
        assert_eq!(
            Withdraw.permission(StateName::Amicable),
            Permission::WithdrawCases
        );
        assert_eq!(
            Pause.permission(StateName::Amicable),
            Permission::InstructCases
        );
    }

    #[test]
    fn a_creditor_member_in_amicable_may_pause_escalate_close_and_withdraw() {
        assert_eq!(
            allowed_instructions(Role::CreditorMember, &CaseState::Amicable),
            [Pause, Escalate, Close, Withdraw]
        );
    }

    #[test]
    fn a_collector_in_amicable_may_not_withdraw_for_the_creditor() {
        assert_eq!(
            allowed_instructions(Role::Collector, &CaseState::Amicable),
            [Pause, Escalate, Close]
        );
    }

    #[test]
    fn in_pre_legal_only_the_creditor_may_escalate_as_that_approves_legal_action() {
        assert_eq!(
            allowed_instructions(Role::CreditorAdmin, &CaseState::PreLegal),
            [Pause, Escalate, Close, Withdraw]
        );
        assert_eq!(
            allowed_instructions(Role::AgencyAdmin, &CaseState::PreLegal),
            [Pause, Close]
        );
    }

    #[test]
    fn a_paused_case_may_be_resumed_closed_or_withdrawn_but_not_paused_again() {
        let paused = CaseState::Paused {
            resume_to: ResumableState::Amicable,
        };
        assert_eq!(
            allowed_instructions(Role::CreditorAdmin, &paused),
            [Resume, Close, Withdraw]
        );
        assert_eq!(
            allowed_instructions(Role::Collector, &paused),
            [Resume, Close]
        );
    }

    #[test]
    fn a_submitted_case_may_be_paused_or_closed_by_the_agency() {
        assert_eq!(
            allowed_instructions(Role::AgencyAdmin, &CaseState::Submitted),
            [Pause, Close]
        );
    }

    #[test]
    fn a_closed_case_takes_no_instruction() {
        let closed = CaseState::Closed {
            outcome: Outcome::Withdrawn,
        };
        for role in ALL_ROLES {
            assert!(allowed_instructions(role, &closed).is_empty());
        }
    }

    #[test]
    fn viewers_and_debtors_may_send_nothing_in_any_state() {
        let states = [
            CaseState::Submitted,
            CaseState::Assessment,
            CaseState::Amicable,
            CaseState::PaymentPlan,
            CaseState::PreLegal,
            CaseState::Legal,
            CaseState::Insolvency,
            CaseState::Paused {
                resume_to: ResumableState::Legal,
            },
            CaseState::Disputed {
                resume_to: ResumableState::Amicable,
            },
        ];
        for state in states {
            assert!(allowed_instructions(Role::CreditorViewer, &state).is_empty());
            assert!(allowed_instructions(Role::Debtor, &state).is_empty());
        }
    }

    /// The api's checks before this module, written out: instructing at all for agency staff
    /// and the creditor's admins and members, approving legal action and withdrawing for the
    /// creditor only.
    fn api_allowed_before(role: Role, state: CaseState) -> Vec<Instruction> {
        let instructs = matches!(
            role,
            Role::CreditorAdmin | Role::CreditorMember | Role::AgencyAdmin | Role::Collector
        );
        let creditor = matches!(role, Role::CreditorAdmin | Role::CreditorMember);
        if !instructs {
            return Vec::new();
        }
        let allowed = crate::case::allowed_commands(&state);
        Instruction::ALL
            .into_iter()
            .filter(|instruction| {
                let command = instruction.command_name(state.name());
                let may_send = match command {
                    CommandName::ApproveLegal | CommandName::Withdraw => creditor,
                    _ => true,
                };
                allowed.contains(&command) && may_send
            })
            .collect()
    }

    #[test]
    fn every_role_in_every_state_gets_the_instructions_the_api_allowed_before() {
        let mut states = vec![
            CaseState::Submitted,
            CaseState::Assessment,
            CaseState::Amicable,
            CaseState::PaymentPlan,
            CaseState::PreLegal,
            CaseState::Legal,
            CaseState::Insolvency,
            CaseState::Closed {
                outcome: Outcome::Withdrawn,
            },
        ];
        for resume_to in ResumableState::ALL.iter().copied() {
            states.push(CaseState::Paused { resume_to });
            states.push(CaseState::Disputed { resume_to });
        }
        for role in ALL_ROLES {
            for state in &states {
                assert_eq!(
                    allowed_instructions(role, state),
                    api_allowed_before(role, *state),
                    "{} in {}",
                    role.as_str(),
                    state.name()
                );
            }
        }
    }

    #[test]
    fn names_read_back_and_serialise_the_same() {
        let names: Vec<&str> = Instruction::ALL.iter().map(|i| i.as_str()).collect();
        assert_eq!(names, ["pause", "resume", "escalate", "close", "withdraw"]);
        for instruction in Instruction::ALL {
            assert_eq!(Instruction::parse(instruction.as_str()), Some(instruction));
            assert_eq!(
                serde_json::to_string(&instruction).unwrap(),
                format!("\"{}\"", instruction.as_str())
            );
        }
        assert_eq!(Instruction::parse("approve_legal"), None);
    }
}
