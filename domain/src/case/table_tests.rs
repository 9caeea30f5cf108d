//! The table test: every (state, command) pair, against an expected table written out by hand,
//! and against the rules published as data.

use super::fixtures::{assessment, states};
use super::*;
use crate::money::{Currency, Money};

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

/// One valid example of each command, in `CommandName::ALL` order.
fn commands() -> Vec<Command> {
    let text = |t: &str| t.to_owned();
    vec![
        Command::Assign {
            collector: text("usr_1"),
        },
        Command::StartAmicable,
        Command::AgreePaymentPlan,
        Command::DefaultPaymentPlan,
        Command::EndPaymentPlan,
        Command::RaiseDispute {
            reason: text("goods not delivered"),
        },
        Command::ResolveDispute {
            resolution: DisputeResolution::Rejected,
        },
        Command::Pause {
            reason: text("creditor talks to debtor"),
        },
        Command::Resume,
        Command::EscalatePreLegal {
            assessment: assessment(),
        },
        Command::ApproveLegal {
            approved_by: text("usr_2"),
        },
        Command::DeclineLegal {
            reason: text("too costly"),
        },
        Command::DeclareInsolvency,
        Command::RecordPayment { amount: eur(1_000) },
        Command::Close {
            outcome: Outcome::Uncollectable,
        },
        Command::Withdraw,
        Command::Reopen {
            reason: text("payment bounced"),
        },
    ]
}

/// What each state does with each example command when facts allow everything: a balance of
/// 100.00 is owed, 10.00 was paid, an assessment is recorded. Pairs not listed are refused.
const EXPECTED: &str = "
submitted: assign>assessment raise_dispute>disputed pause>paused declare_insolvency>insolvency record_payment>submitted close>closed withdraw>closed
assessment: assign>assessment start_amicable>amicable raise_dispute>disputed pause>paused declare_insolvency>insolvency record_payment>assessment close>closed withdraw>closed
amicable: assign>amicable agree_payment_plan>payment_plan raise_dispute>disputed pause>paused escalate_pre_legal>pre_legal declare_insolvency>insolvency record_payment>amicable close>closed withdraw>closed
payment_plan: assign>payment_plan default_payment_plan>amicable end_payment_plan>amicable raise_dispute>disputed pause>paused declare_insolvency>insolvency record_payment>payment_plan close>closed withdraw>closed
disputed: assign>disputed resolve_dispute>amicable declare_insolvency>insolvency record_payment>disputed close>closed withdraw>closed
paused: assign>paused resume>legal declare_insolvency>insolvency record_payment>paused close>closed withdraw>closed
pre_legal: assign>pre_legal agree_payment_plan>payment_plan raise_dispute>disputed pause>paused escalate_pre_legal>pre_legal approve_legal>legal decline_legal>amicable declare_insolvency>insolvency record_payment>pre_legal close>closed withdraw>closed
legal: assign>legal raise_dispute>disputed pause>paused declare_insolvency>insolvency record_payment>legal close>closed withdraw>closed
insolvency: assign>insolvency record_payment>insolvency close>closed withdraw>closed
closed: reopen>assessment
";

fn expected(state: StateName, command: CommandName) -> Option<String> {
    let line = EXPECTED
        .lines()
        .find(|l| l.starts_with(&format!("{state}:")))?;
    line.split_whitespace()
        .skip(1)
        .find_map(|pair| pair.strip_prefix(&format!("{command}>")).map(str::to_owned))
}

#[test]
fn every_state_and_command_pair_does_what_the_expected_table_says() {
    let mut facts = Facts::owing(eur(10_000));
    facts.paid_to_date = eur(1_000);
    facts.legal_assessment = Some(assessment());
    for state in states() {
        for command in commands() {
            let result = apply(&state, &command, &facts);
            let got = result.as_ref().ok().map(|t| t.state.name().to_string());
            let want = expected(state.name(), command.name());
            assert_eq!(
                got,
                want,
                "{} + {}: {result:?}",
                state.name(),
                command.name()
            );
            if let Err(refusal) = result {
                assert_eq!(refusal.reason, RefusalReason::NotAllowedHere);
                assert_eq!(refusal.state, state.name());
                assert_eq!(refusal.allowed, allowed_commands(&state));
            }
        }
    }
}

#[test]
fn the_published_table_lists_exactly_the_pairs_apply_accepts() {
    let table = transition_table();
    for state in states() {
        let mut accepted: Vec<CommandName> = commands().iter().map(Command::name).collect();
        accepted.retain(|c| expected(state.name(), *c).is_some());
        assert_eq!(allowed_commands(&state), accepted, "{}", state.name());
        for command in &accepted {
            let rule = table
                .iter()
                .find(|r| r.from == state.name() && r.command == *command);
            let to = expected(state.name(), *command).unwrap();
            assert!(
                rule.unwrap().to.iter().any(|s| s.as_str() == to),
                "{state:?} {command}"
            );
        }
    }
    assert_eq!(
        table.iter().filter(|r| r.from == StateName::Closed).count(),
        1
    );
}

#[test]
fn the_table_serialises_with_snake_case_names() {
    let json = serde_json::to_string(&transition_table()).unwrap();
    assert!(json.contains(r#"{"from":"pre_legal","command":"approve_legal","to":["legal"]"#));
}

#[test]
fn a_dispute_upheld_in_part_returns_to_every_state_it_was_raised_from() {
    let facts = Facts::owing(eur(10_000));
    for resume_to in ResumableState::ALL.iter().copied() {
        let before = resume_to.state();
        let disputed = apply(
            &before,
            &Command::RaiseDispute {
                reason: "part of the goods missing".to_owned(),
            },
            &facts,
        )
        .unwrap();
        assert_eq!(disputed.state, CaseState::Disputed { resume_to });
        let resolved = apply(
            &disputed.state,
            &Command::ResolveDispute {
                resolution: DisputeResolution::UpheldInPart,
            },
            &facts,
        )
        .unwrap();
        assert_eq!(resolved.state, before, "back to {}", before.name());
        assert!(resolved.events.contains(&CaseEvent::DisputeResolved {
            resolution: DisputeResolution::UpheldInPart
        }));
    }
}

#[test]
fn a_dispute_upheld_in_part_is_refused_where_nothing_is_disputed() {
    let facts = Facts::owing(eur(10_000));
    for state in states() {
        if state.name() == StateName::Disputed {
            continue;
        }
        let refusal = apply(
            &state,
            &Command::ResolveDispute {
                resolution: DisputeResolution::UpheldInPart,
            },
            &facts,
        )
        .unwrap_err();
        assert_eq!(refusal.reason, RefusalReason::NotAllowedHere, "{state:?}");
    }
}

#[test]
fn the_published_rule_names_the_partial_outcome() {
    let rule = transition_table()
        .into_iter()
        .find(|r| r.from == StateName::Disputed && r.command == CommandName::ResolveDispute)
        .unwrap();
    assert!(rule.guard.contains("upheld_in_part"));
}
