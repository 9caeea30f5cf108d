//! Which statutory rate applies to a stretch of days: reads the reference series on the day the
//! rule names and adds the margin.

use super::{InterestError, InterestRule, RateFixing, RateFormula, RateRounding, ReferenceDay};
use crate::rates::RateTables;
use chrono::{Datelike, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};

/// The statutory rate of one stretch of days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct StatutoryRate {
    pub rate_percent: Decimal,
    pub provisional: bool,
}

/// 1 January or 1 July of the half-year containing `day`.
pub(super) fn half_year_start(day: NaiveDate) -> Result<NaiveDate, InterestError> {
    let month = if day.month() <= 6 { 1 } else { 7 };
    NaiveDate::from_ymd_opt(day.year(), month, 1).ok_or(InterestError::DateOutOfRange)
}

/// The first day of the half-year after the one containing `day`.
pub(super) fn next_half_year_start(day: NaiveDate) -> Result<NaiveDate, InterestError> {
    let (year, month) = if day.month() <= 6 {
        (day.year(), 7)
    } else {
        (day.year() + 1, 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1).ok_or(InterestError::DateOutOfRange)
}

/// The days strictly inside `from..to` on which the rule's rate may change: every half-year start
/// for half-yearly fixing, none for a rate fixed once (by reference or by statute).
pub(super) fn rate_cuts(
    rule: &InterestRule,
    from: NaiveDate,
    to: NaiveDate,
) -> Result<Vec<NaiveDate>, InterestError> {
    match rule.rate {
        RateFormula::Reference {
            fixing: RateFixing::HalfYearly { .. },
            ..
        } => {
            let mut cuts = Vec::new();
            let mut cut = next_half_year_start(from)?;
            while cut < to {
                cuts.push(cut);
                cut = next_half_year_start(cut)?;
            }
            Ok(cuts)
        }
        RateFormula::Reference {
            fixing: RateFixing::DueHalfYearOnly { .. },
            ..
        } => {
            let end = due_half_year_end(from)?;
            Ok(if from < end && end < to {
                vec![end]
            } else {
                Vec::new()
            })
        }
        RateFormula::Reference {
            fixing: RateFixing::FixedAtStart { .. },
            ..
        }
        | RateFormula::Fixed { .. } => Ok(Vec::new()),
    }
}

/// The due date of a debt whose interest starts on `interest_start` (the day after).
fn due_date(interest_start: NaiveDate) -> Result<NaiveDate, InterestError> {
    interest_start
        .pred_opt()
        .ok_or(InterestError::DateOutOfRange)
}

/// The first day after the half-year of the due date.
fn due_half_year_end(interest_start: NaiveDate) -> Result<NaiveDate, InterestError> {
    next_half_year_start(due_date(interest_start)?)
}

/// The statutory rate for the days from `first` on, for a debt whose interest started on
/// `interest_start`. The caller guarantees the days lie in one half-year when fixing is
/// half-yearly (see [`rate_cuts`]).
pub(super) fn statutory_rate(
    rule: &InterestRule,
    rates: &RateTables,
    interest_start: NaiveDate,
    first: NaiveDate,
) -> Result<StatutoryRate, InterestError> {
    let rate = match rule.rate {
        RateFormula::Fixed {
            rate_percent,
            known_from,
            known_until,
        } => {
            let began_outside = known_from.is_some_and(|known_from| interest_start < known_from)
                || known_until.is_some_and(|known_until| interest_start > known_until);
            if began_outside {
                return Err(InterestError::FixedRateUnknown {
                    day: interest_start,
                });
            }
            StatutoryRate {
                rate_percent,
                provisional: false,
            }
        }
        RateFormula::Reference {
            series,
            margin_percent,
            fixing,
            rounding,
        } => {
            if matches!(fixing, RateFixing::DueHalfYearOnly { .. })
                && first >= due_half_year_end(interest_start)?
            {
                return Err(InterestError::RateNotEstablished { day: first });
            }
            let observed_on = observation_day(fixing, interest_start, first)?;
            let lookup = rates
                .get(series)
                .and_then(|table| table.rate_on(observed_on))
                .ok_or(InterestError::RateUnavailable {
                    series,
                    observed_on,
                })?;
            let sum = lookup
                .rate_percent
                .checked_add(margin_percent)
                .ok_or(InterestError::Overflow)?;
            StatutoryRate {
                rate_percent: round_rate(sum, rounding),
                provisional: lookup.provisional,
            }
        }
    };
    if rate.rate_percent.is_sign_negative() && !rate.rate_percent.is_zero() {
        return Err(InterestError::NegativeRate { from: first });
    }
    Ok(rate)
}

fn observation_day(
    fixing: RateFixing,
    interest_start: NaiveDate,
    first: NaiveDate,
) -> Result<NaiveDate, InterestError> {
    let (reference_day, half_year) = match fixing {
        RateFixing::HalfYearly { reference_day } => {
            if reference_day == ReferenceDay::DayInterestStarts {
                return Err(InterestError::InconsistentRule(
                    "half-yearly fixing needs a half-year observation day",
                ));
            }
            (reference_day, half_year_start(first)?)
        }
        RateFixing::FixedAtStart { reference_day } => {
            (reference_day, half_year_start(interest_start)?)
        }
        RateFixing::DueHalfYearOnly { reference_day } => {
            (reference_day, half_year_start(due_date(interest_start)?)?)
        }
    };
    match reference_day {
        ReferenceDay::FirstDayOfHalfYear => Ok(half_year),
        ReferenceDay::LastDayBeforeHalfYear => {
            half_year.pred_opt().ok_or(InterestError::DateOutOfRange)
        }
        ReferenceDay::DayInterestStarts => Ok(interest_start),
    }
}

/// Applies the statute's rounding of the rate. Rounding up to a half point is
/// `ceil(rate x 2) / 2`, named here because it is the only rounding of a rate in the crate.
fn round_rate(rate: Decimal, rounding: RateRounding) -> Decimal {
    match rounding {
        RateRounding::None => rate,
        RateRounding::UpToHalfPoint => {
            let halves = (rate * Decimal::TWO)
                .round_dp_with_strategy(0, RoundingStrategy::ToPositiveInfinity);
            (halves / Decimal::TWO).normalize()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn rounding_up_to_a_half_point_matches_the_belgian_publications() {
        // ECB 4.50 + 8 = 12.5 (2024-H1); ECB 2.15 + 8 = 10.15 -> 10.5 (2026-H1); 0 + 8 = 8 (2021-H1).
        assert_eq!(
            round_rate(dec!(12.50), RateRounding::UpToHalfPoint),
            dec!(12.5)
        );
        assert_eq!(
            round_rate(dec!(10.15), RateRounding::UpToHalfPoint),
            dec!(10.5)
        );
        assert_eq!(round_rate(dec!(8.00), RateRounding::UpToHalfPoint), dec!(8));
        assert_eq!(
            round_rate(dec!(8.25), RateRounding::UpToHalfPoint),
            dec!(8.5)
        );
    }
}
