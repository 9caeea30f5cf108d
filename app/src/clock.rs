//! The one clock: every reading of the time a rule depends on (interest to today, a promise's due
//! date, a plan's grace period, the scheduler, timestamps on records) goes through a [`Clock`], so
//! a sandbox can move time forward with the test clock and see scheduled work happen in seconds.
//!
//! A server runs on the system clock unless it was started with `--test-clock`. The test clock
//! starts at the system time and runs with it; [`Clock::advance_to`] moves it forward, never back,
//! as Stripe's test clocks and Kill Bill's clock do. It lives in the process: a sandbox is one node.
//!
//! Two readings stay on the system clock on purpose, through [`system_now`]: the expiry of tokens
//! and sessions (a token's `exp` is checked by the JWT library against real time, and a moved
//! clock must not log a sandbox out or keep a revoked session alive), and the retention of
//! idempotency keys and the leases of chunked requests' claims on them (retries happen in real
//! time).

use std::sync::{Arc, RwLock};

use chrono::{NaiveDate, NaiveDateTime, TimeDelta, Timelike, Utc};

/// A clock: the system's, or a test clock that can be moved forward.
#[derive(Debug, Clone)]
pub struct Clock {
    /// How far the test clock is ahead of the system clock; `None` for the system clock.
    ahead: Option<Arc<RwLock<TimeDelta>>>,
}

/// Why the test clock was not moved.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// The server runs on the system clock.
    #[error("the test clock is not enabled on this server")]
    NotEnabled,
    /// The requested time is before the clock's current time.
    #[error("the test clock only moves forward: it is already {now}")]
    Backwards {
        /// The clock's time when the request came.
        now: String,
    },
}

impl Clock {
    /// The system clock.
    #[must_use]
    pub fn system() -> Self {
        Self { ahead: None }
    }

    /// A test clock, starting at the system time.
    #[must_use]
    pub fn test() -> Self {
        Self {
            ahead: Some(Arc::new(RwLock::new(TimeDelta::zero()))),
        }
    }

    /// Whether this is a test clock.
    #[must_use]
    pub fn is_test(&self) -> bool {
        self.ahead.is_some()
    }

    /// Now, UTC, to the microsecond.
    #[must_use]
    pub fn now(&self) -> NaiveDateTime {
        let system = system_now();
        match &self.ahead {
            None => system,
            Some(ahead) => system + read(ahead),
        }
    }

    /// Today's date, UTC.
    #[must_use]
    pub fn today(&self) -> NaiveDate {
        self.now().date()
    }

    /// Moves the test clock to `to` (truncated to microseconds) and returns the new time.
    ///
    /// # Errors
    /// [`ClockError::NotEnabled`] on the system clock; [`ClockError::Backwards`] when `to` is
    /// before the clock's current time.
    pub fn advance_to(&self, to: NaiveDateTime) -> Result<NaiveDateTime, ClockError> {
        let ahead = self.ahead.as_ref().ok_or(ClockError::NotEnabled)?;
        let to = truncate(to);
        let mut guard = ahead
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let system = system_now();
        let now = system + *guard;
        if to < now {
            return Err(ClockError::Backwards { now: rfc3339(now) });
        }
        *guard = to - system;
        Ok(to)
    }
}

impl Default for Clock {
    fn default() -> Self {
        Self::system()
    }
}

fn read(ahead: &RwLock<TimeDelta>) -> TimeDelta {
    *ahead
        .read()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The system time, UTC, truncated to microseconds (PostgreSQL's precision) so that a timestamp
/// reads the same before and after a round trip through either database. Only for token and
/// session expiry and idempotency retention; everything else reads a [`Clock`].
#[must_use]
pub fn system_now() -> NaiveDateTime {
    truncate(Utc::now().naive_utc())
}

fn truncate(at: NaiveDateTime) -> NaiveDateTime {
    at.with_nanosecond(at.nanosecond() / 1_000 * 1_000)
        .unwrap_or(at)
}

/// A stored timestamp as RFC 3339 UTC with a `Z`.
#[must_use]
pub fn rfc3339(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S").unwrap()
    }

    #[test]
    fn the_system_clock_cannot_be_moved() {
        let clock = Clock::system();
        assert_eq!(
            clock.advance_to(at("2999-01-01T00:00:00")),
            Err(ClockError::NotEnabled)
        );
    }

    #[test]
    fn a_test_clock_moves_forward_and_keeps_running() {
        let clock = Clock::test();
        let target = at("2031-03-01T09:00:00");

        assert_eq!(clock.advance_to(target), Ok(target));

        let read = clock.now();
        assert!(
            read >= target && read - target < TimeDelta::minutes(1),
            "{read}"
        );
        assert_eq!(clock.today(), target.date());
    }

    #[test]
    fn a_test_clock_refuses_to_go_back() {
        let clock = Clock::test();
        clock.advance_to(at("2031-03-01T09:00:00")).unwrap();

        let refused = clock.advance_to(at("2031-02-28T09:00:00"));

        assert!(
            matches!(refused, Err(ClockError::Backwards { .. })),
            "{refused:?}"
        );
    }

    #[test]
    fn clones_share_one_test_clock() {
        let clock = Clock::test();
        let other = clock.clone();

        clock.advance_to(at("2031-03-01T09:00:00")).unwrap();

        assert_eq!(other.today(), at("2031-03-01T09:00:00").date());
    }
}
