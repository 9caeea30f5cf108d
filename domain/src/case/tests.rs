//! Scenario tests for the case state machine's guards and events.

use super::fixtures::assessment;
use super::*;
use crate::money::{Currency, Money};

fn eur(minor: i64) -> Money {
    Money::from_minor(minor, Currency::EUR)
}

fn owing(minor: i64) -> Facts {
    Facts::owing(eur(minor))
}

fn refusal(state: CaseState, command: &Command, facts: &Facts) -> RefusalReason {
    apply(&state, command, facts).unwrap_err().reason
}

#[test]
fn assigning_a_new_case_starts_the_assessment_and_reassigning_keeps_the_state() {
    let assign = Command::Assign {
        collector: "usr_7".into(),
    };
    let t = apply(&CaseState::Submitted, &assign, &owing(100)).unwrap();
    assert_eq!(t.state, CaseState::Assessment);
    assert_eq!(
        t.events,
        [
            CaseEvent::CollectorAssigned {
                collector: "usr_7".into()
            },
            CaseEvent::StateChanged {
                from: StateName::Submitted,
                to: StateName::Assessment
            },
        ]
    );
    let t = apply(&CaseState::Legal, &assign, &owing(100)).unwrap();
    assert_eq!((t.state, t.events.len()), (CaseState::Legal, 1));
}

#[test]
fn a_paused_case_resumes_where_it_was() {
    for resumable in ResumableState::ALL {
        let pause = Command::Pause {
            reason: "creditor request".into(),
        };
        let paused = apply(&resumable.state(), &pause, &owing(100))
            .unwrap()
            .state;
        assert_eq!(
            paused,
            CaseState::Paused {
                resume_to: *resumable
            }
        );
        let resumed = apply(&paused, &Command::Resume, &owing(100)).unwrap().state;
        assert_eq!(resumed, resumable.state());
    }
}

#[test]
fn a_rejected_dispute_returns_to_where_it_was_and_an_upheld_one_closes() {
    let disputed = CaseState::Disputed {
        resume_to: ResumableState::PaymentPlan,
    };
    let resolve = |resolution| Command::ResolveDispute { resolution };
    let back = apply(
        &disputed,
        &resolve(DisputeResolution::Rejected),
        &owing(100),
    )
    .unwrap();
    assert_eq!(back.state, CaseState::PaymentPlan);
    let upheld = apply(&disputed, &resolve(DisputeResolution::Upheld), &owing(100)).unwrap();
    assert_eq!(
        upheld.state,
        CaseState::Closed {
            outcome: Outcome::DisputeUpheld
        }
    );
    assert_eq!(
        upheld.events.last(),
        Some(&CaseEvent::Closed {
            outcome: Outcome::DisputeUpheld
        })
    );
}

#[test]
fn legal_action_needs_a_recorded_assessment_to_approve() {
    let approve = Command::ApproveLegal {
        approved_by: "usr_2".into(),
    };
    let no_assessment = refusal(CaseState::PreLegal, &approve, &owing(100));
    assert_eq!(no_assessment, RefusalReason::NoLegalAssessment);
    let mut facts = owing(100);
    facts.legal_assessment = Some(assessment());
    let t = apply(&CaseState::PreLegal, &approve, &facts).unwrap();
    assert_eq!(t.state, CaseState::Legal);
    assert!(
        matches!(&t.events[0], CaseEvent::LegalApproved { assessment: a, .. } if *a == assessment())
    );
    let empty = Command::ApproveLegal {
        approved_by: " ".into(),
    };
    assert!(matches!(
        refusal(CaseState::PreLegal, &empty, &facts),
        RefusalReason::Invalid(_)
    ));
}

#[test]
fn an_assessment_must_state_a_probability_and_a_cost_in_the_case_currency() {
    let escalate = |a| Command::EscalatePreLegal { assessment: a };
    let mut too_likely = assessment();
    too_likely.success_probability_pct = 101;
    let mut foreign = assessment();
    foreign.cost_estimate = Money::from_minor(100, Currency::USD);
    let mut no_time = assessment();
    no_time.expected_duration_months = Some(0);
    let mut decades = assessment();
    decades.expected_duration_months = Some(MAX_LEGAL_DURATION_MONTHS + 1);
    for bad in [too_likely, foreign, no_time, decades] {
        let reason = refusal(CaseState::Amicable, &escalate(bad), &owing(100));
        assert!(matches!(reason, RefusalReason::Invalid(_)), "{reason:?}");
    }
    let mut unstated = assessment();
    unstated.court_route = None;
    unstated.expected_duration_months = None;
    let t = apply(&CaseState::Amicable, &escalate(unstated), &owing(100)).unwrap();
    assert_eq!(
        t.state,
        CaseState::PreLegal,
        "route and duration are optional"
    );
}

#[test]
fn an_assessment_stored_before_routes_and_durations_still_reads_and_writes_the_same() {
    let stored = r#"{"command":"escalate_pre_legal","assessment":{"recommendation":"proceed","cost_estimate":{"amount":"450.00","currency":"EUR"},"success_probability_pct":80,"summary":"Solvent, undisputed."}}"#;
    let command: Command = serde_json::from_str(stored).unwrap();
    let Command::EscalatePreLegal { assessment } = &command else {
        panic!("{command:?}");
    };
    assert_eq!(
        (assessment.court_route, assessment.expected_duration_months),
        (None, None)
    );
    assert_eq!(serde_json::to_string(&command).unwrap(), stored);
}

#[test]
fn court_routes_serialise_as_their_names() {
    for route in CourtRoute::ALL {
        assert_eq!(
            serde_json::to_string(&route).unwrap(),
            format!("\"{}\"", route.as_str())
        );
    }
}
