//! Warnings as a prescription deadline approaches.

use chrono::NaiveDate;
use serde::Serialize;

/// The horizons, in days before the deadline, at which a case warns by default.
pub const DEFAULT_WARNING_HORIZONS_DAYS: [u32; 2] = [90, 30];

/// How close the deadline is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum WarningLevel {
    /// The deadline is within `horizon_days`.
    Approaching {
        /// The horizon that was reached.
        horizon_days: u32,
    },
    /// The deadline has passed: the claim is prescribed unless an event not recorded stopped it.
    Expired,
}

/// One warning for a deadline on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PrescriptionWarning {
    /// The deadline warned about.
    pub deadline: NaiveDate,
    /// Days from `as_of` to the deadline; 0 on the last day, negative once expired.
    pub days_left: i64,
    /// The level reached.
    pub level: WarningLevel,
}

/// The warnings due on `as_of` for `deadline`: one per horizon reached (widest first), so a
/// scheduler can send each warning once, or a single `Expired` after the deadline.
#[must_use]
pub fn warnings(
    deadline: NaiveDate,
    as_of: NaiveDate,
    horizons_days: &[u32],
) -> Vec<PrescriptionWarning> {
    let days_left = (deadline - as_of).num_days();
    if days_left < 0 {
        return vec![PrescriptionWarning {
            deadline,
            days_left,
            level: WarningLevel::Expired,
        }];
    }
    let mut horizons: Vec<u32> = horizons_days.to_vec();
    horizons.sort_unstable_by(|a, b| b.cmp(a));
    horizons.dedup();
    horizons
        .into_iter()
        .filter(|horizon| days_left <= i64::from(*horizon))
        .map(|horizon_days| PrescriptionWarning {
            deadline,
            days_left,
            level: WarningLevel::Approaching { horizon_days },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn nothing_is_due_before_the_widest_horizon() {
        let result = warnings(
            day(2027, 12, 31),
            day(2027, 10, 1),
            &DEFAULT_WARNING_HORIZONS_DAYS,
        );

        assert!(result.is_empty());
    }

    #[test]
    fn ninety_days_before_the_deadline_the_first_warning_is_due() {
        let result = warnings(
            day(2027, 12, 31),
            day(2027, 10, 2),
            &DEFAULT_WARNING_HORIZONS_DAYS,
        );

        assert_eq!(result.len(), 1);
        assert_eq!(
            result[0].level,
            WarningLevel::Approaching { horizon_days: 90 }
        );
        assert_eq!(result[0].days_left, 90);
    }

    #[test]
    fn within_thirty_days_both_horizons_are_reached_widest_first() {
        let result = warnings(day(2027, 12, 31), day(2027, 12, 31), &[30, 90, 30]);

        let levels: Vec<WarningLevel> = result.iter().map(|w| w.level).collect();
        assert_eq!(
            levels,
            vec![
                WarningLevel::Approaching { horizon_days: 90 },
                WarningLevel::Approaching { horizon_days: 30 }
            ]
        );
    }

    #[test]
    fn the_day_after_the_deadline_the_claim_is_expired() {
        let result = warnings(
            day(2027, 12, 31),
            day(2028, 1, 1),
            &DEFAULT_WARNING_HORIZONS_DAYS,
        );

        assert_eq!(result.len(), 1);
        assert_eq!(result[0].level, WarningLevel::Expired);
        assert_eq!(result[0].days_left, -1);
    }
}
