//! Tests for the guards on payments and closing, and for the serde forms.

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
fn paid_in_full_is_only_recorded_at_a_zero_balance() {
    let close = Command::Close {
        outcome: Outcome::PaidInFull,
    };
    let reason = refusal(CaseState::Amicable, &close, &owing(1));
    assert_eq!(reason, RefusalReason::BalanceNotSettled);
    let t = apply(&CaseState::Amicable, &close, &owing(0)).unwrap();
    assert_eq!(
        t.state,
        CaseState::Closed {
            outcome: Outcome::PaidInFull
        }
    );
}

#[test]
fn a_payment_that_settles_the_balance_closes_the_case_and_a_partial_one_keeps_the_state() {
    let pay = |minor| Command::RecordPayment { amount: eur(minor) };
    let partial = apply(&CaseState::PaymentPlan, &pay(40), &owing(100)).unwrap();
    assert_eq!(partial.state, CaseState::PaymentPlan);
    assert_eq!(
        partial.events,
        [CaseEvent::PaymentRecorded {
            amount: eur(40),
            outstanding_after: eur(60)
        }]
    );
    let last = apply(&CaseState::PaymentPlan, &pay(100), &owing(100)).unwrap();
    assert_eq!(
        last.state,
        CaseState::Closed {
            outcome: Outcome::PaidInFull
        }
    );
    assert_eq!(last.events.len(), 3);
}

#[test]
fn a_payment_must_be_positive_and_in_the_case_currency() {
    for amount in [eur(0), eur(-5), Money::from_minor(5, Currency::GBP)] {
        let reason = refusal(
            CaseState::Amicable,
            &Command::RecordPayment { amount },
            &owing(100),
        );
        assert!(matches!(reason, RefusalReason::Invalid(_)), "{amount}");
    }
}

#[test]
fn a_closed_case_accepts_nothing_but_reopen() {
    let closed = CaseState::Closed {
        outcome: Outcome::PaidInFull,
    };
    let refused = apply(&closed, &Command::Withdraw, &owing(0)).unwrap_err();
    assert_eq!(
        (refused.reason, refused.allowed),
        (RefusalReason::NotAllowedHere, vec![CommandName::Reopen])
    );
    let reopened = apply(
        &closed,
        &Command::Reopen {
            reason: "bounced".into(),
        },
        &owing(100),
    );
    assert_eq!(reopened.unwrap().state, CaseState::Assessment);
}

#[test]
fn outcomes_with_their_own_command_or_condition_are_guarded() {
    let close = |outcome| Command::Close { outcome };
    let facts = owing(100);
    let use_withdraw = RefusalReason::UseCommand {
        outcome: Outcome::Withdrawn,
        command: CommandName::Withdraw,
    };
    assert_eq!(
        refusal(CaseState::Amicable, &close(Outcome::Withdrawn), &facts),
        use_withdraw
    );
    assert!(matches!(
        refusal(CaseState::Amicable, &close(Outcome::DisputeUpheld), &facts),
        RefusalReason::UseCommand { .. }
    ));
    assert_eq!(
        refusal(CaseState::Amicable, &close(Outcome::Insolvent), &facts),
        RefusalReason::NotInInsolvency
    );
    assert_eq!(
        refusal(CaseState::Amicable, &close(Outcome::Prescribed), &facts),
        RefusalReason::NotPrescribed
    );
    assert_eq!(
        refusal(CaseState::Amicable, &close(Outcome::PartiallyPaid), &facts),
        RefusalReason::NothingPaid
    );
    assert_eq!(
        refusal(
            CaseState::Amicable,
            &close(Outcome::Uncollectable),
            &owing(0)
        ),
        RefusalReason::NothingOwed
    );
    assert!(apply(&CaseState::Insolvency, &close(Outcome::Insolvent), &facts).is_ok());
    assert!(apply(&CaseState::Legal, &close(Outcome::PaidDirect), &facts).is_ok());
}

#[test]
fn states_and_commands_serialise_with_snake_case_tags_and_rebuild_from_parts() {
    let paused = CaseState::Paused {
        resume_to: ResumableState::PreLegal,
    };
    assert_eq!(
        serde_json::to_string(&paused).unwrap(),
        r#"{"state":"paused","resume_to":"pre_legal"}"#
    );
    let close: Command =
        serde_json::from_str(r#"{"command":"close","outcome":"paid_in_full"}"#).unwrap();
    assert_eq!(
        close,
        Command::Close {
            outcome: Outcome::PaidInFull
        }
    );
    for state in super::fixtures::states() {
        assert_eq!(
            CaseState::from_parts(state.name(), state.resume_to(), state.outcome()),
            Ok(state)
        );
    }
    assert!(CaseState::from_parts(StateName::Paused, None, None).is_err());
    assert!(CaseState::from_parts(StateName::Legal, None, Some(Outcome::PaidInFull)).is_err());
}
