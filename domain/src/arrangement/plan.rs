//! Where a payment plan stands: paid off, in default, or running.
//!
//! Payments recorded since the plan was agreed count onto the instalments in turn: instalment
//! `n` is covered once what was received reaches the first `n` amounts. An
//! instalment still not covered when its grace period has run (`grace_days` after its due
//! date) defaults the plan the day after.

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::paid::{Received, minor, received_between};
use super::schedule::Instalment;
use crate::money::Money;

/// The standing of a plan on a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlanStanding {
    /// Running; this many instalments are covered so far.
    Active {
        /// Instalments covered, from the first.
        covered: u32,
    },
    /// Everything agreed is paid.
    Completed,
    /// This instalment was not covered within its grace period.
    Defaulted {
        /// Its number.
        instalment: u32,
    },
}

/// Judges a plan of `instalments` agreed at `since` on `today`.
#[must_use]
pub fn plan_standing(
    instalments: &[Instalment],
    since: NaiveDateTime,
    received: &[Received],
    grace_days: u32,
    today: NaiveDate,
) -> PlanStanding {
    let paid = received_between(received, since, today);
    let mut required: i128 = 0;
    let mut covered = 0;
    let mut missed = None;
    for instalment in instalments {
        required += minor(instalment.amount);
        if paid >= required {
            covered = instalment.number;
        }
        let deadline = instalment
            .due_date
            .checked_add_days(Days::new(u64::from(grace_days)))
            .unwrap_or(NaiveDate::MAX);
        if missed.is_none()
            && today > deadline
            && received_between(received, since, deadline) < required
        {
            missed = Some(instalment.number);
        }
    }
    if paid >= required {
        PlanStanding::Completed
    } else if let Some(instalment) = missed {
        PlanStanding::Defaulted { instalment }
    } else {
        PlanStanding::Active { covered }
    }
}

/// What each instalment has received so far: the payments recorded since `since` and
/// value-dated through `today`, laid onto the instalments in turn, so the first are full and one
/// may be partly paid.
#[must_use]
pub fn instalment_cover(
    instalments: &[Instalment],
    since: NaiveDateTime,
    received: &[Received],
    today: NaiveDate,
) -> Vec<Money> {
    let mut left = received_between(received, since, today);
    instalments
        .iter()
        .map(|instalment| {
            let due = minor(instalment.amount);
            let paid = left.clamp(0, due);
            left -= paid;
            // `paid` is at most the instalment's own minor units, which fit an i64.
            Money::from_minor(
                i64::try_from(paid).unwrap_or(i64::MAX),
                instalment.amount.currency(),
            )
        })
        .collect()
}

/// The first day a plan with `covered` instalments covered can have defaulted: the day after
/// the grace period of the next instalment. `None` when every instalment is covered.
#[must_use]
pub fn next_review(instalments: &[Instalment], covered: u32, grace_days: u32) -> Option<NaiveDate> {
    let next = instalments.iter().find(|i| i.number > covered)?;
    next.due_date
        .checked_add_days(Days::new(u64::from(grace_days) + 1))
        .or(Some(NaiveDate::MAX))
}
