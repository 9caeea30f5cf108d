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
//! - Day count is actual/365 for every rule ([`DayCount::Actual365Fixed`]); none of the encoded
//!   statutes prescribes another (`docs/law.md`).
//! - Rounding: each line is rounded to the currency by `Money::rounded`, the total is the sum of
//!   the rounded lines.
//! - A rate that needs a reference value the tables do not have is never guessed, and it does not
//!   discard what is known either: the result holds the lines up to the first day that bears
//!   interest at an unknown rate and an [`InterestGap`] from that day on, naming the missing
//!   [`crate::rates::RateSeries`] and observation day (or the day a fixed rate is not known for,
//!   [`MissingRate`]). So a German balance as of 31 March 2027, before the Basiszinssatz of
//!   1 January 2027 is loaded, shows the interest to 31 December 2026 and a gap for 2027, instead
//!   of nothing. The gap runs to the end of the period: later days are not priced even where their
//!   rate is known, because under yearly compounding (NL) their base includes the unpriced interest,
//!   and for simple interest one trailing gap keeps "interest to a later day is never less" true.
//!   Under simple interest it stops after the last day with principal, since unpaid days after a
//!   full payment owe nothing at any rate.
//! - A series with no history at all is the same case, not an error: the gap covers the whole
//!   period and names the series, so a balance shows which rate is missing for which days rather
//!   than a failure; whether the series is loaded at all is `RateTables::get(series).is_none()`.
//!   `Err` stays for what cannot be partly computed: an inverted or too long period, a negative
//!   contractual rate, an inconsistent rule, a negative statutory rate, or overflow.
//! - A carried-forward value is flagged `provisional` on the line.
//! - Yearly compounding (NL) adds each year's interest still owed to the base: what the schedule
//!   records as paid towards interest stays out of it (BW 6:119(2), see [`statutory_interest`]).

mod breakdown;
mod compute;
mod fixing;
mod rule;
mod schedule;

#[cfg(test)]
mod availability;
#[cfg(test)]
mod compounding_tests;
#[cfg(test)]
mod examples;
#[cfg(test)]
mod ie_tests;
#[cfg(test)]
mod pl_tests;
#[cfg(test)]
mod proptests;

pub use breakdown::{InterestBreakdown, InterestError, InterestGap, InterestLine, MissingRate};
pub use compute::{MAX_PERIOD_DAYS, statutory_interest};
pub use rule::{
    Applicability, Compounding, ContractualRatePolicy, DayCount, InterestRule, RateFixing,
    RateFormula, RateRounding, ReferenceDay,
};
pub use schedule::{BalanceChange, BalanceSchedule, ScheduleError};
