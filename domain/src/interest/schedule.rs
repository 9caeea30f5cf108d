//! The principal on which interest runs, as it changes over time, and what was paid towards the
//! interest itself (which keeps it out of a compounding base).

use crate::money::{Money, MoneyError};
use chrono::NaiveDate;
use serde::Serialize;

/// A change of the interest-bearing balance, effective from the start of `on`
/// (a part payment applied to principal is a negative `delta`, a further invoice a positive one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BalanceChange {
    /// First day the new balance bears interest.
    pub on: NaiveDate,
    /// The change, in the schedule's currency.
    pub delta: Money,
}

/// The principal on which interest runs: an opening balance and dated changes, and the amounts
/// paid towards the interest of this debt, each from its value date.
///
/// The ledger decides what a payment does to the principal and to the interest (see
/// `allocation`); this schedule only records the result, so interest and allocation stay separate
/// rules. Interest payments change nothing under simple interest; under yearly compounding they
/// keep the interest they paid out of the base (NL BW 6:119(2) adds "de over dat jaar
/// verschuldigde rente", the interest still owed, see `statutory_interest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BalanceSchedule {
    opening: Money,
    changes: Vec<BalanceChange>,
    interest_paid: Vec<BalanceChange>,
}

/// Why a balance schedule was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ScheduleError {
    /// A change is in another currency than the opening balance.
    #[error("balance change in another currency: {0}")]
    Currency(#[from] MoneyError),
    /// The opening balance is negative; interest on a credit is not a claim.
    #[error("opening balance is negative")]
    NegativeOpening,
    /// The balance would drop below zero on the given day.
    #[error("balance negative from {0}")]
    NegativeBalance(NaiveDate),
    /// An amount paid towards interest is negative.
    #[error("interest payment on {0} is negative")]
    NegativeInterestPayment(NaiveDate),
}

impl BalanceSchedule {
    /// A balance that never changes.
    #[must_use]
    pub fn constant(principal: Money) -> BalanceSchedule {
        BalanceSchedule {
            opening: principal,
            changes: Vec::new(),
            interest_paid: Vec::new(),
        }
    }

    /// A schedule from an opening balance and changes in any order (sorted here by date, keeping
    /// the given order for changes on the same day).
    ///
    /// # Errors
    /// [`ScheduleError::Currency`] for a change in another currency, and
    /// [`ScheduleError::NegativeBalance`] when the balance would go below zero.
    pub fn new(
        opening: Money,
        mut changes: Vec<BalanceChange>,
    ) -> Result<BalanceSchedule, ScheduleError> {
        changes.sort_by_key(|change| change.on);
        if opening.is_negative() {
            return Err(ScheduleError::NegativeOpening);
        }
        let mut balance = opening;
        for change in &changes {
            balance = balance.checked_add(change.delta)?;
            if balance.is_negative() {
                return Err(ScheduleError::NegativeBalance(change.on));
            }
        }
        Ok(BalanceSchedule {
            opening,
            changes,
            interest_paid: Vec::new(),
        })
    }

    /// The same schedule with `payments` paid towards its interest, each `delta` the (positive)
    /// amount paid and `on` its value date, in any order (sorted here by date).
    ///
    /// # Errors
    /// [`ScheduleError::Currency`] for a payment in another currency, and
    /// [`ScheduleError::NegativeInterestPayment`] for a negative one.
    pub fn with_interest_paid(
        mut self,
        mut payments: Vec<BalanceChange>,
    ) -> Result<BalanceSchedule, ScheduleError> {
        payments.sort_by_key(|payment| payment.on);
        for payment in &payments {
            self.opening.checked_add(payment.delta)?;
            if payment.delta.is_negative() {
                return Err(ScheduleError::NegativeInterestPayment(payment.on));
            }
        }
        self.interest_paid = payments;
        Ok(self)
    }

    /// The balance before any change.
    #[must_use]
    pub fn opening(&self) -> Money {
        self.opening
    }

    /// The changes, by date.
    #[must_use]
    pub fn changes(&self) -> &[BalanceChange] {
        &self.changes
    }

    /// The amounts paid towards interest, by value date.
    #[must_use]
    pub fn interest_paid(&self) -> &[BalanceChange] {
        &self.interest_paid
    }

    /// The balance bearing interest on `day`: the opening balance plus every change dated on or
    /// before `day`.
    ///
    /// # Errors
    /// Only on overflow, as currencies were checked in [`BalanceSchedule::new`].
    pub fn balance_on(&self, day: NaiveDate) -> Result<Money, MoneyError> {
        self.changes
            .iter()
            .take_while(|change| change.on <= day)
            .try_fold(self.opening, |balance, change| {
                balance.checked_add(change.delta)
            })
    }
}
