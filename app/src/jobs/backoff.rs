//! When a failed job runs again: one minute after the first failure, four times longer after
//! each further one (1, 4, 16, 64 minutes, about 4 hours, then 6 hours at most), and no more
//! after the eighth attempt, when it needs a person.

use chrono::{Duration, NaiveDateTime};

/// Attempts after which a job is given up.
pub const MAX_ATTEMPTS: u32 = 8;
/// The longest wait between attempts.
const MAX_WAIT_MINUTES: i64 = 360;

/// When to retry a job that has now failed `attempts` times; `None` once it has given up.
#[must_use]
pub fn retry_at(attempts: u32, now: NaiveDateTime) -> Option<NaiveDateTime> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let exponent = attempts.saturating_sub(1).min(10);
    let minutes = 4_i64.pow(exponent).min(MAX_WAIT_MINUTES);
    Some(now + Duration::minutes(minutes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn waits_grow_fourfold_to_six_hours_and_stop_after_eight_attempts() {
        let now = NaiveDate::from_ymd_opt(2030, 1, 7)
            .and_then(|day| day.and_hms_opt(12, 0, 0))
            .unwrap_or_default();
        let waits: Vec<Option<i64>> = (1..=8)
            .map(|attempts| retry_at(attempts, now).map(|at| (at - now).num_minutes()))
            .collect();
        assert_eq!(
            waits,
            [
                Some(1),
                Some(4),
                Some(16),
                Some(64),
                Some(256),
                Some(360),
                Some(360),
                None
            ]
        );
    }
}
