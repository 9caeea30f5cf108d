//! Promises to pay: each is `amount` by `due_date`, made at `made_at`.
//!
//! A case may hold several promises ("300 by the 15th, 200 by the 20th"), so one payment must
//! not keep two of them: payments are laid onto the promises in order of their dates, each
//! taking only money recorded after it was made and value-dated by its day. A kept promise keeps
//! the money it took; a broken one takes none, so its money goes to a later promise; an open
//! one holds what it has.

use chrono::{NaiveDate, NaiveDateTime};
use serde::Serialize;

use super::paid::{Received, minor};
use crate::money::Money;

/// Where a promise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromiseStatus {
    /// Not yet covered, and its day has not passed.
    Open,
    /// Payments recorded after it was made and value-dated by its due date cover it.
    Kept,
    /// Its due date passed without that cover: broken the day after.
    Broken,
}

impl PromiseStatus {
    /// The `snake_case` name, as stored and served.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Kept => "kept",
            Self::Broken => "broken",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Open, Self::Kept, Self::Broken]
            .into_iter()
            .find(|status| status.as_str() == raw)
    }
}

/// What was promised, and how it stands as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PromiseTerms {
    /// How much.
    pub amount: Money,
    /// When it was made: money recorded from then counts.
    pub made_at: NaiveDateTime,
    /// The day promised.
    pub due_date: NaiveDate,
    /// Its status as last judged: a broken promise stays broken whatever money arrives later.
    pub settled: PromiseStatus,
}

/// Judges every promise of a case on `today`, in the order given. A payment value-dated after
/// a promise's day does not keep it, even when recorded before anyone looks: the debtor
/// promised a date.
#[must_use]
pub fn promise_statuses(
    promises: &[PromiseTerms],
    received: &[Received],
    today: NaiveDate,
) -> Vec<PromiseStatus> {
    let mut left: Vec<i128> = received
        .iter()
        .map(|payment| minor(payment.amount))
        .collect();
    let mut order: Vec<usize> = (0..promises.len()).collect();
    order.sort_by_key(|&index| (promises[index].due_date, index));
    let mut statuses = vec![PromiseStatus::Open; promises.len()];
    for index in order {
        let promise = promises[index];
        if promise.settled == PromiseStatus::Broken {
            statuses[index] = PromiseStatus::Broken;
            continue;
        }
        let mut need = minor(promise.amount);
        let mut taken = Vec::new();
        for (slot, payment) in received.iter().enumerate() {
            if need == 0 {
                break;
            }
            if !payment.counts(promise.made_at, promise.due_date) {
                continue;
            }
            let take = left[slot].min(need);
            if take > 0 {
                left[slot] -= take;
                need -= take;
                taken.push((slot, take));
            }
        }
        statuses[index] = if need == 0 || promise.settled == PromiseStatus::Kept {
            PromiseStatus::Kept
        } else if today > promise.due_date {
            for (slot, take) in taken {
                left[slot] += take;
            }
            PromiseStatus::Broken
        } else {
            PromiseStatus::Open
        };
    }
    statuses
}
