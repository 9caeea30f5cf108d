//! Login throttling: after [`MAX_FAILURES`] wrong passwords for one email within [`WINDOW`],
//! further attempts for that email are refused with 429 until the oldest failure leaves the
//! window, whether or not the password is right, so that guessing a password costs hours
//! instead of seconds. A success clears the email's record.
//!
//! The record is kept in memory per server process: a restart forgets it, and installations
//! with several API nodes throttle per node. Keyed by email, not by address: an attacker can
//! change addresses more easily than the account they are after, and a proxy would make every
//! client share one address.

use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Wrong passwords allowed per email within [`WINDOW`].
pub const MAX_FAILURES: usize = 10;
/// How long a failure counts.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// Emails tracked before expired records are swept, bounding memory under a spray of emails.
const SWEEP_ABOVE: usize = 10_000;

/// Failure times per email.
#[derive(Debug, Default)]
pub struct LoginThrottle {
    failures: Mutex<HashMap<String, VecDeque<Instant>>>,
}

impl LoginThrottle {
    /// `Err(wait)` when `email` has used up its failures: try again after `wait`.
    ///
    /// # Errors
    /// The time until the oldest counted failure expires.
    pub fn check(&self, email: &str, now: Instant) -> Result<(), Duration> {
        let mut failures = self.lock();
        let Some(times) = failures.get_mut(&key(email)) else {
            return Ok(());
        };
        expire(times, now);
        match times.front() {
            Some(oldest) if times.len() >= MAX_FAILURES => {
                Err(WINDOW.saturating_sub(now.saturating_duration_since(*oldest)))
            }
            _ => Ok(()),
        }
    }

    /// Counts a wrong password (or unknown email, or disabled account) for `email`.
    pub fn record_failure(&self, email: &str, now: Instant) {
        let mut failures = self.lock();
        if failures.len() > SWEEP_ABOVE {
            failures.retain(|_, times| {
                expire(times, now);
                !times.is_empty()
            });
        }
        let times = failures.entry(key(email)).or_default();
        expire(times, now);
        times.push_back(now);
        while times.len() > MAX_FAILURES {
            times.pop_front();
        }
    }

    /// Forgets `email`'s failures after a successful login.
    pub fn record_success(&self, email: &str) {
        self.lock().remove(&key(email));
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, VecDeque<Instant>>> {
        // A panic while holding the lock cannot leave the map inconsistent (every update is a
        // single insert or removal), so a poisoned lock is still usable.
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Emails are compared as logins are: trimmed and case-insensitively.
fn key(email: &str) -> String {
    email.trim().to_lowercase()
}

fn expire(times: &mut VecDeque<Instant>, now: Instant) {
    while times
        .front()
        .is_some_and(|oldest| now.saturating_duration_since(*oldest) >= WINDOW)
    {
        times.pop_front();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tenth_failure_locks_the_email_until_the_oldest_expires() {
        let throttle = LoginThrottle::default();
        let start = Instant::now();
        for minute in 0..10 {
            assert!(throttle.check("a@x.example", start).is_ok());
            throttle.record_failure("a@x.example", start + Duration::from_secs(minute * 60));
        }
        let later = start + Duration::from_secs(10 * 60);
        assert_eq!(
            throttle.check("A@X.example ", later),
            Err(Duration::from_secs(5 * 60)),
            "case and spaces do not make another account"
        );
        assert!(throttle.check("b@x.example", later).is_ok());
        assert!(
            throttle.check("a@x.example", start + WINDOW).is_ok(),
            "the first failure has expired"
        );
    }

    #[test]
    fn a_success_clears_the_record() {
        let throttle = LoginThrottle::default();
        let now = Instant::now();
        for _ in 0..MAX_FAILURES {
            throttle.record_failure("a@x.example", now);
        }
        assert!(throttle.check("a@x.example", now).is_err());
        throttle.record_success("a@x.example");
        assert!(throttle.check("a@x.example", now).is_ok());
    }

    #[test]
    fn expired_records_are_swept_when_many_emails_are_tracked() {
        let throttle = LoginThrottle::default();
        let start = Instant::now();
        for index in 0..=SWEEP_ABOVE {
            throttle.record_failure(&format!("{index}@x.example"), start);
        }
        throttle.record_failure("last@x.example", start + WINDOW);
        assert_eq!(throttle.lock().len(), 1);
    }
}
