//! The result of an interest computation and the reasons one can fail.

use crate::money::{Money, MoneyError};
use crate::rates::RateSeries;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// One stretch of days with one base and one rate.
///
/// Periods are half-open: interest accrues for every day `d` with `from <= d < to`, so one line's
/// `to` is the next line's `from` and `days = to - from`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterestLine {
    /// First day of the line.
    pub from: NaiveDate,
    /// First day after the line.
    pub to: NaiveDate,
    /// Number of interest days, `to - from`.
    pub days: i64,
    /// The amount interest runs on: the principal, plus capitalised interest where the law
    /// compounds.
    pub base: Money,
    /// The yearly rate applied, in percent.
    pub rate_percent: Decimal,
    /// The interest of the line, rounded to the currency's minor unit by the money rounding rule.
    pub amount: Money,
    /// Why this rate: the statute, or that the parties agreed it.
    pub legal_basis: String,
    /// True when the rate rests on a reference rate carried forward past its confirmed range.
    pub provisional: bool,
}

/// Interest over a period, line by line, and the days at its end that could not be priced.
///
/// Rounding happens once per line (base x rate x days / 36 500, rounded half away from zero by
/// `Money::rounded`), and `total` is the sum of the rounded lines, so the lines add up to the
/// total to the cent, as a debtor checking the statement expects.
///
/// When a rate is not known for some days, the lines stop before the first such day and `gap`
/// names the rest: `total` is then the interest that is certainly owed up to `gap.from`, not the
/// interest of the whole period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterestBreakdown {
    /// The lines, in date order, one per change of base or rate. Days on which the base is zero
    /// produce no line.
    pub lines: Vec<InterestLine>,
    /// The sum of the lines' amounts.
    pub total: Money,
    /// The days, after the last line, whose interest is not computed because a rate is not known;
    /// `None` when the whole period is priced.
    pub gap: Option<InterestGap>,
}

impl InterestBreakdown {
    /// True when any line rests on a carried-forward reference rate.
    #[must_use]
    pub fn is_provisional(&self) -> bool {
        self.lines.iter().any(|line| line.provisional)
    }

    /// True when every day of the period is priced (there is no [`InterestBreakdown::gap`]).
    #[must_use]
    pub fn is_complete(&self) -> bool {
        self.gap.is_none()
    }
}

/// Days whose interest is not computed because the rate for them is not known.
///
/// Half-open like [`InterestLine`]: the gap covers every day `d` with `from <= d < to`. A gap
/// always runs from the first day that bears interest at an unknown rate to the last day that may
/// bear interest at all (for compounding rules, the end of the period), so the lines before it
/// stay exact and nothing after it is guessed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterestGap {
    /// First day not computed.
    pub from: NaiveDate,
    /// First day after the gap.
    pub to: NaiveDate,
    /// Number of days not computed, `to - from`.
    pub days: i64,
    /// Which rate is missing for `from`.
    pub reason: MissingRate,
}

/// The rate an [`InterestGap`] lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum MissingRate {
    /// No rate of `series` is known for `observed_on` (before the history starts, after the data
    /// set's horizon, or the series is not loaded).
    Reference {
        /// The series that is needed.
        series: RateSeries,
        /// The observation day that has no rate.
        observed_on: NaiveDate,
    },
    /// A fixed statutory rate is not known to apply on `day`.
    Fixed {
        /// The first day without a known rate.
        day: NaiveDate,
    },
    /// Which reference rate applies from `day` is not established by a text read (see the
    /// rule's [`super::RateFixing::DueHalfYearOnly`] and the jurisdiction's interest gap).
    NotEstablished {
        /// The first day without an established rate.
        day: NaiveDate,
    },
}

impl MissingRate {
    /// The reason of a rate lookup that failed, or `None` for an error that is not a missing rate.
    pub(super) fn from_error(error: &InterestError) -> Option<MissingRate> {
        match *error {
            InterestError::RateUnavailable {
                series,
                observed_on,
            } => Some(MissingRate::Reference {
                series,
                observed_on,
            }),
            InterestError::FixedRateUnknown { day } => Some(MissingRate::Fixed { day }),
            InterestError::RateNotEstablished { day } => Some(MissingRate::NotEstablished { day }),
            _ => None,
        }
    }
}

/// The error that the computation returned for a missing rate before gaps existed, so callers can
/// keep one message for both.
impl From<MissingRate> for InterestError {
    fn from(missing: MissingRate) -> InterestError {
        match missing {
            MissingRate::Reference {
                series,
                observed_on,
            } => InterestError::RateUnavailable {
                series,
                observed_on,
            },
            MissingRate::Fixed { day } => InterestError::FixedRateUnknown { day },
            MissingRate::NotEstablished { day } => InterestError::RateNotEstablished { day },
        }
    }
}

/// Why interest could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InterestError {
    /// `to` lies before `from`.
    #[error("period ends ({to}) before it starts ({from})")]
    InvertedPeriod {
        /// First day of the period.
        from: NaiveDate,
        /// First day after the period.
        to: NaiveDate,
    },
    /// The period is longer than [`super::MAX_PERIOD_DAYS`].
    #[error("period of {days} days is longer than supported")]
    PeriodTooLong {
        /// The requested number of days.
        days: i64,
    },
    /// No rate of `series` is known for `observed_on` (before the history starts, after the data
    /// set's horizon, or the series is not loaded).
    ///
    /// [`super::statutory_interest`] no longer returns this: it reports the days concerned as an
    /// [`InterestGap`] with [`MissingRate::Reference`]. The variant stays for callers that match on
    /// it and as the `From<MissingRate>` form of a gap's reason.
    #[error("no {series:?} rate available for {observed_on}")]
    RateUnavailable {
        /// The series that was needed.
        series: RateSeries,
        /// The observation day that has no rate.
        observed_on: NaiveDate,
    },
    /// A fixed statutory rate is not known to apply on `day`.
    ///
    /// Like [`InterestError::RateUnavailable`], now reported as an [`InterestGap`] with
    /// [`MissingRate::Fixed`] rather than returned.
    #[error("the statutory rate is not known for {day}")]
    FixedRateUnknown {
        /// The first day without a known rate.
        day: NaiveDate,
    },
    /// Which reference rate applies from `day` is not established by the statute's text as read;
    /// reported as an [`InterestGap`] with [`MissingRate::NotEstablished`] rather than returned.
    #[error("which reference rate applies from {day} is not established")]
    RateNotEstablished {
        /// The first day without an established rate.
        day: NaiveDate,
    },
    /// The resulting rate is negative, which no statute in the data provides for.
    #[error("negative interest rate from {from}")]
    NegativeRate {
        /// First day of the period with the negative rate.
        from: NaiveDate,
    },
    /// The contractual rate is negative.
    #[error("contractual rate must not be negative")]
    NegativeContractualRate,
    /// The rule combines settings that have no meaning together.
    #[error("inconsistent interest rule: {0}")]
    InconsistentRule(&'static str),
    /// A date computation left chrono's range.
    #[error("date out of range")]
    DateOutOfRange,
    /// Decimal arithmetic overflowed.
    #[error("interest amount out of range")]
    Overflow,
    /// Money arithmetic failed (mixed currencies or overflow).
    #[error(transparent)]
    Money(#[from] MoneyError),
}
