//! Statutory late-payment interest on a balance that changes over time.
//!
//! Call [`statutory_interest`] with a jurisdiction's [`InterestRule`] (from
//! `jurisdiction::Jurisdiction::interest_rule_for`), the [`crate::rates::RateTables`], a
//! [`BalanceSchedule`] and the period; it returns an [`InterestBreakdown`] whose lines are split at
//! every rate change and balance change and carry their legal basis.
//!
//! Decisions made here, once:
//! - Periods are half-open (`from` inclusive, `to` exclusive), so consecutive periods never count
//!   a day twice.
//! - Day count is actual/365 for every rule ([`DayCount::Actual365Fixed`]); no statute in the
//!   reference material prescribes another.
//! - Rounding: each line is rounded to the currency by `Money::rounded`, the total is the sum of
//!   the rounded lines.
//! - A rate that needs a reference value the tables do not have is an error
//!   ([`InterestError::RateUnavailable`]), never a guess; a carried-forward value is flagged
//!   `provisional` on the line.

mod breakdown;
mod compute;
mod fixing;
mod rule;
mod schedule;

#[cfg(test)]
mod availability;
#[cfg(test)]
mod examples;
#[cfg(test)]
mod proptests;

pub use breakdown::{InterestBreakdown, InterestError, InterestLine};
pub use compute::{MAX_PERIOD_DAYS, statutory_interest};
pub use rule::{
    Applicability, Compounding, ContractualRatePolicy, DayCount, InterestRule, RateFixing,
    RateFormula, RateRounding, ReferenceDay,
};
pub use schedule::{BalanceChange, BalanceSchedule, ScheduleError};
