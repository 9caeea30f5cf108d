//! Property test: random command sequences with random facts never reach a state the table does
//! not allow, and `paused` and `disputed` return exactly where they came from.

use super::fixtures::assessment;
use super::*;
use crate::money::{Currency, Money};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), Just("why".to_owned())]
}

fn command() -> impl Strategy<Value = Command> {
    let outcome = prop::sample::select(Outcome::ALL.to_vec());
    let resolution = prop_oneof![
        Just(DisputeResolution::Upheld),
        Just(DisputeResolution::Rejected),
        Just(DisputeResolution::UpheldInPart)
    ];
    let pct = prop_oneof![Just(0_u8), Just(55), Just(100), Just(101)];
    prop_oneof![
        text().prop_map(|collector| Command::Assign { collector }),
        Just(Command::StartAmicable),
        Just(Command::AgreePaymentPlan),
        Just(Command::DefaultPaymentPlan),
        Just(Command::EndPaymentPlan),
        text().prop_map(|reason| Command::RaiseDispute { reason }),
        resolution.prop_map(|resolution| Command::ResolveDispute { resolution }),
        text().prop_map(|reason| Command::Pause { reason }),
        Just(Command::Resume),
        pct.prop_map(|p| Command::EscalatePreLegal {
            assessment: LegalAssessment {
                success_probability_pct: p,
                ..assessment()
            }
        }),
        text().prop_map(|approved_by| Command::ApproveLegal { approved_by }),
        text().prop_map(|reason| Command::DeclineLegal { reason }),
        Just(Command::DeclareInsolvency),
        (-100_i64..20_000).prop_map(|m| Command::RecordPayment {
            amount: Money::from_minor(m, Currency::EUR)
        }),
        outcome.prop_map(|outcome| Command::Close { outcome }),
        Just(Command::Withdraw),
        text().prop_map(|reason| Command::Reopen { reason }),
    ]
}

fn facts() -> impl Strategy<Value = Facts> {
    (-500_i64..20_000, 0_i64..5_000, any::<bool>(), any::<bool>()).prop_map(
        |(outstanding, paid, has_assessment, prescribed)| Facts {
            outstanding: Money::from_minor(outstanding, Currency::EUR),
            paid_to_date: Money::from_minor(paid, Currency::EUR),
            legal_assessment: has_assessment.then(assessment),
            prescribed,
        },
    )
}

/// Checks one accepted step against the guards a creditor relies on.
fn check_step(before: CaseState, command: &Command, facts: &Facts, after: CaseState) {
    let rule = transition_table()
        .into_iter()
        .find(|r| r.from == before.name() && r.command == command.name())
        .unwrap();
    assert!(rule.to.contains(&after.name()));
    assert!(
        !allowed_commands(&after).is_empty(),
        "{after:?} is a dead end"
    );
    if before.name() == StateName::Closed {
        assert_eq!(command.name(), CommandName::Reopen);
    }
    let resumed = matches!(command, Command::Resume | Command::ResolveDispute { .. });
    if after == CaseState::Legal && before != CaseState::Legal && !resumed {
        assert!(
            matches!(command, Command::ApproveLegal { .. }) && facts.legal_assessment.is_some()
        );
    }
    if after
        == (CaseState::Closed {
            outcome: Outcome::PaidInFull,
        })
    {
        let paid = match command {
            Command::RecordPayment { amount } => *amount,
            _ => Money::zero(Currency::EUR),
        };
        assert!(!facts.outstanding.checked_sub(paid).unwrap().is_positive());
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_command_sequences_stay_inside_the_table_and_return_where_they_came_from(
        steps in prop::collection::vec((command(), facts()), 1..60)
    ) {
        let mut state = CaseState::Submitted;
        // The state a paused or disputed case must come back to, tracked independently.
        let mut return_to: Option<CaseState> = None;
        for (command, facts) in &steps {
            match apply(&state, command, facts) {
                Ok(transition) => {
                    let next = transition.state;
                    check_step(state, command, facts, next);
                    let leaving_hold = matches!(
                        (command, state.name()),
                        (Command::Resume, StateName::Paused)
                            | (Command::ResolveDispute { resolution: DisputeResolution::Rejected | DisputeResolution::UpheldInPart }, StateName::Disputed)
                    );
                    if leaving_hold {
                        prop_assert_eq!(Some(next), return_to);
                    }
                    if matches!(next.name(), StateName::Paused | StateName::Disputed) {
                        if !matches!(state.name(), StateName::Paused | StateName::Disputed) {
                            return_to = Some(state);
                        }
                        prop_assert_eq!(next.resume_to().map(ResumableState::state), return_to);
                    }
                    prop_assert!(!transition.events.is_empty());
                    state = next;
                }
                Err(refusal) => {
                    prop_assert_eq!(refusal.state, state.name());
                    prop_assert_eq!(&refusal.allowed, &allowed_commands(&state));
                    let listed = refusal.allowed.contains(&command.name());
                    prop_assert_eq!(listed, refusal.reason != RefusalReason::NotAllowedHere);
                }
            }
        }
    }
}
