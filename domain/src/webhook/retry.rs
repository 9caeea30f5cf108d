//! When a failed delivery is tried again, and what an answer means (Standard Webhooks,
//! "Retry schedule" and "Delivery success and failure").

use std::time::Duration;

/// The default waits before the 2nd, 3rd, … attempt: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h,
/// about 27.6 hours from the first attempt to the last.
pub const DEFAULT_SCHEDULE: [u64; 7] = [5, 300, 1_800, 7_200, 18_000, 36_000, 36_000];

/// How long an endpoint may fail every delivery before it is disabled.
pub const DISABLE_AFTER: Duration = Duration::from_hours(120);

/// The waits between attempts; the first attempt is immediate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetrySchedule(Vec<Duration>);

/// A schedule that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a retry schedule is a comma-separated list of 1 to 20 waits in seconds, each 1 to 86400")]
pub struct ScheduleError;

impl Default for RetrySchedule {
    fn default() -> Self {
        Self(
            DEFAULT_SCHEDULE
                .iter()
                .map(|s| Duration::from_secs(*s))
                .collect(),
        )
    }
}

impl RetrySchedule {
    /// Reads `5,300,1800` (seconds).
    ///
    /// # Errors
    /// [`ScheduleError`] for anything else, or waits outside 1 s to a day.
    pub fn parse(text: &str) -> Result<Self, ScheduleError> {
        let waits = text
            .split(',')
            .map(|part| match part.trim().parse::<u64>() {
                Ok(seconds) if (1..=86_400).contains(&seconds) => Ok(Duration::from_secs(seconds)),
                _ => Err(ScheduleError),
            })
            .collect::<Result<Vec<_>, _>>()?;
        if waits.is_empty() || waits.len() > 20 {
            return Err(ScheduleError);
        }
        Ok(Self(waits))
    }

    /// The most attempts one event gets on one endpoint: the first and one per wait.
    #[must_use]
    pub fn attempts(&self) -> u32 {
        u32::try_from(self.0.len() + 1).unwrap_or(u32::MAX)
    }

    /// The wait before the attempt after attempt `made` (1 for the first), spread by
    /// `jitter_permille` (0 to 200: 90 % to 110 % of the wait) so endpoints that failed together
    /// are not retried together; at least `retry_after` when the receiver asked for it. `None`
    /// when the attempts are used up.
    #[must_use]
    pub fn wait_after(
        &self,
        made: u32,
        jitter_permille: u16,
        retry_after: Option<Duration>,
    ) -> Option<Duration> {
        let index = usize::try_from(made.checked_sub(1)?).ok()?;
        let base = *self.0.get(index)?;
        let spread = u32::from(jitter_permille.min(200)) + 900;
        let jittered = base * spread / 1_000;
        // A receiver may ask for a later retry, never hold us beyond the next scheduled wait.
        let ceiling = self.0.get(index + 1).copied().unwrap_or(base).max(base);
        Some(match retry_after {
            Some(asked) => jittered.max(asked.min(ceiling)),
            None => jittered,
        })
    }
}

/// What an attempt's answer means for the delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Any 2xx: delivered.
    Delivered,
    /// 410 Gone: the receiver wants no more; the endpoint is disabled at once.
    Gone,
    /// Anything else, a redirect included: tried again on the schedule.
    Failed,
}

impl Verdict {
    /// The verdict on an HTTP status (`None`: no answer, a timeout or a refused connection).
    #[must_use]
    pub fn of(status: Option<u16>) -> Self {
        match status {
            Some(200..=299) => Self::Delivered,
            Some(410) => Self::Gone,
            _ => Self::Failed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{RetrySchedule, Verdict};
    use std::time::Duration;

    #[test]
    fn the_default_schedule_spans_about_a_day_and_a_quarter() {
        let schedule = RetrySchedule::default();
        assert_eq!(schedule.attempts(), 8);
        let total: Duration = (1..8)
            .map(|made| schedule.wait_after(made, 100, None).unwrap())
            .sum();
        // 5 + 300 + 1800 + 7200 + 18000 + 36000 + 36000 = 99,305 s = 27 h 35 min 5 s.
        assert_eq!(total, Duration::from_secs(99_305));
        assert_eq!(schedule.wait_after(8, 100, None), None);
        assert_eq!(schedule.wait_after(0, 100, None), None);
    }

    #[test]
    fn jitter_spreads_a_wait_by_ten_percent_either_way() {
        let schedule = RetrySchedule::default();
        assert_eq!(
            schedule.wait_after(2, 0, None),
            Some(Duration::from_secs(270))
        );
        assert_eq!(
            schedule.wait_after(2, 200, None),
            Some(Duration::from_secs(330))
        );
        assert_eq!(
            schedule.wait_after(2, 999, None),
            Some(Duration::from_secs(330))
        );
    }

    #[test]
    fn retry_after_is_honoured_up_to_the_next_wait() {
        let schedule = RetrySchedule::default();
        let asked = Some(Duration::from_mins(1));
        assert_eq!(
            schedule.wait_after(1, 100, asked),
            Some(Duration::from_mins(1))
        );
        let greedy = Some(Duration::from_hours(24));
        assert_eq!(
            schedule.wait_after(1, 100, greedy),
            Some(Duration::from_mins(5))
        );
    }

    #[test]
    fn a_configured_schedule_reads_seconds() {
        let schedule = RetrySchedule::parse("1, 2,3").unwrap();
        assert_eq!(schedule.attempts(), 4);
        assert_eq!(
            schedule.wait_after(3, 100, None),
            Some(Duration::from_secs(3))
        );
        assert!(RetrySchedule::parse("").is_err());
        assert!(RetrySchedule::parse("0").is_err());
        assert!(RetrySchedule::parse("5,x").is_err());
        assert!(RetrySchedule::parse("86401").is_err());
    }

    #[test]
    fn only_2xx_is_delivered_and_410_is_gone() {
        assert_eq!(Verdict::of(Some(200)), Verdict::Delivered);
        assert_eq!(Verdict::of(Some(204)), Verdict::Delivered);
        assert_eq!(Verdict::of(Some(299)), Verdict::Delivered);
        assert_eq!(Verdict::of(Some(301)), Verdict::Failed);
        assert_eq!(Verdict::of(Some(410)), Verdict::Gone);
        assert_eq!(Verdict::of(Some(500)), Verdict::Failed);
        assert_eq!(Verdict::of(None), Verdict::Failed);
    }
}
