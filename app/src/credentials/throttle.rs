//! The login throttle: every attempt is counted before its password is checked, under three
//! keys, and each key makes the next attempt wait exponentially longer once its free failures
//! are used up:
//!
//! | key | free failures | applies |
//! | --- | --- | --- |
//! | the account from one address | [`PAIR_FREE`] | always |
//! | the client address, any account | [`ADDRESS_FREE`] | always (password spraying) |
//! | the account, any address | [`ACCOUNT_FREE`] | only to addresses that have failed before |
//!
//! The wait after `n` counted failures with `free` free ones is `2^(n - free)` seconds, capped
//! at [`MAX_WAIT`]; counts are forgotten [`WINDOW`] after their last failure, and a success
//! clears the account's keys. Because an attempt is counted in the same transaction that admits
//! it (the key's row held, see `solvo_persistence::repositories::login_throttle::hold`), a burst
//! of concurrent guesses is admitted one count at a time: no more guesses are checked than the
//! back-off allows. No key is a hard lock, and the account key does not apply to an address
//! with no failures, so nobody can keep the owner out by failing on purpose from elsewhere.
//! Refused attempts are not counted: they checked nothing.
//!
//! The counts are rows of the database, so every node on one PostgreSQL throttles alike; keys
//! are stored as SHA-256 digests, never the email or address itself.

use std::net::IpAddr;
use std::time::Duration;

use chrono::NaiveDateTime;
use sha2::{Digest, Sha256};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::login_throttle::{self, ThrottleRow};

use crate::error::AppError;

/// Failures of one account from one address before attempts wait.
pub const PAIR_FREE: i32 = 3;
/// Failures of one account from any address before attempts from failing addresses wait.
pub const ACCOUNT_FREE: i32 = 10;
/// Failures from one address, any account, before its attempts wait.
pub const ADDRESS_FREE: i32 = 20;
/// The longest wait between two attempts of one key.
pub const MAX_WAIT: Duration = Duration::from_mins(15);
/// How long after its last failure a key's count is forgotten.
pub const WINDOW: Duration = Duration::from_hours(1);

/// Who is trying to log in: the email as typed and the client's address.
#[derive(Debug, Clone)]
pub struct Attempt {
    email: String,
    address: String,
}

impl Attempt {
    /// An attempt for `email` from `address` (`None` when the connection has none, e.g. a Unix
    /// socket: all such clients then share one address key). IPv6 addresses count by their
    /// /64, which one subscriber usually holds whole.
    #[must_use]
    pub fn new(email: &str, address: Option<IpAddr>) -> Self {
        let address = match address {
            Some(IpAddr::V6(v6)) if v6.to_ipv4_mapped().is_none() => {
                let segments = v6.segments();
                format!(
                    "{:x}:{:x}:{:x}:{:x}::/64",
                    segments[0], segments[1], segments[2], segments[3]
                )
            }
            Some(IpAddr::V6(v6)) => v6.to_canonical().to_string(),
            Some(IpAddr::V4(v4)) => v4.to_string(),
            None => "unknown".to_owned(),
        };
        Self {
            email: email.trim().to_lowercase(),
            address,
        }
    }

    /// The email, trimmed and in lower case as logins compare it.
    #[must_use]
    pub fn email(&self) -> &str {
        &self.email
    }

    fn pair_key(&self) -> String {
        digest("pair", &format!("{}\n{}", self.email, self.address))
    }

    fn account_key(&self) -> String {
        digest("account", &self.email)
    }

    fn address_key(&self) -> String {
        digest("address", &self.address)
    }
}

/// The wait after `failures` counted failures of which `free` cost nothing.
#[must_use]
pub fn back_off(failures: i32, free: i32) -> Duration {
    if failures < free {
        return Duration::ZERO;
    }
    let doublings = u32::try_from(failures - free).unwrap_or(0);
    // 2^10 s is already beyond the cap; larger exponents only risk overflow.
    let seconds = 1_u64 << doublings.min(10);
    Duration::from_secs(seconds).min(MAX_WAIT)
}

/// Admits the attempt and counts it as a failure (until [`succeeded`] clears it), or refuses
/// it with the wait. Run it in a write transaction, before the password is checked.
///
/// # Errors
/// [`AppError::RateLimited`] with the wait; database errors.
pub fn admit(
    conn: &mut AnyConnection,
    attempt: &Attempt,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let window = chrono::Duration::from_std(WINDOW).unwrap_or(chrono::Duration::MAX);
    login_throttle::sweep(conn, now - window)?;
    let held: Vec<_> = hold_all(conn, attempt)?
        .into_iter()
        .map(|(key, free, row)| {
            let row = row.filter(|row| row.failures > 0 && row.last_failure_at + window > now);
            (key, free, row)
        })
        .collect();
    // `now` was read before the rows were held; an attempt that held them meanwhile may have
    // counted a later time, which must not read as a wait.
    let now = held
        .iter()
        .filter_map(|(_, _, row)| row.as_ref().map(|row| row.last_failure_at))
        .fold(now, NaiveDateTime::max);
    let address_has_failed = held
        .iter()
        .any(|(key, _, row)| *key == attempt.address_key() && row.is_some());
    let account_key = attempt.account_key();
    let wait = held
        .iter()
        .filter(|(key, ..)| address_has_failed || *key != account_key)
        .filter_map(|(_, free, row)| row.as_ref().map(|row| (*free, row)))
        .map(|(free, row)| {
            let until = row.last_failure_at
                + chrono::Duration::from_std(back_off(row.failures, free))
                    .unwrap_or(chrono::Duration::MAX);
            (until - now).to_std().unwrap_or(Duration::ZERO)
        })
        .max()
        .unwrap_or(Duration::ZERO);
    if !wait.is_zero() {
        return Err(AppError::RateLimited(wait));
    }
    for (key, _, row) in held {
        login_throttle::store(
            conn,
            &ThrottleRow {
                key,
                failures: row.map_or(0, |row| row.failures).saturating_add(1),
                last_failure_at: now,
            },
        )?;
    }
    Ok(())
}

/// The password was right: the account's counts are cleared, and the address's count loses the
/// one [`admit`] added (other accounts' failures from that address still count).
///
/// # Errors
/// Database errors only.
pub fn succeeded(conn: &mut AnyConnection, attempt: &Attempt) -> Result<(), AppError> {
    let address_key = attempt.address_key();
    for (key, _, row) in hold_all(conn, attempt)? {
        match row {
            Some(mut row) if key == address_key => {
                row.failures = (row.failures - 1).max(0);
                login_throttle::store(conn, &row)?;
            }
            _ => login_throttle::clear(conn, &key)?,
        }
    }
    Ok(())
}

/// Forgets the account's failures from every address (after a password reset: the owner
/// starts afresh).
///
/// # Errors
/// Database errors only.
pub fn forget_account(conn: &mut AnyConnection, email: &str) -> Result<(), AppError> {
    let attempt = Attempt::new(email, None);
    login_throttle::clear(conn, &attempt.account_key())?;
    Ok(())
}

/// The attempt's three keys with their free failures and rows, held in one fixed order so that
/// two attempts never wait on each other's rows crosswise (a deadlock on PostgreSQL).
fn hold_all(
    conn: &mut AnyConnection,
    attempt: &Attempt,
) -> Result<Vec<(String, i32, Option<ThrottleRow>)>, AppError> {
    let mut keys = [
        (attempt.pair_key(), PAIR_FREE),
        (attempt.account_key(), ACCOUNT_FREE),
        (attempt.address_key(), ADDRESS_FREE),
    ];
    keys.sort();
    let mut held = Vec::with_capacity(keys.len());
    for (key, free) in keys {
        let row = login_throttle::hold(conn, &key)?;
        held.push((key, free, row));
    }
    Ok(held)
}

fn digest(kind: &str, value: &str) -> String {
    hex::encode(Sha256::digest(format!("{kind}\n{value}").as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_wait_doubles_after_the_free_failures_and_stops_at_the_cap() {
        assert_eq!(back_off(0, 3), Duration::ZERO);
        assert_eq!(back_off(2, 3), Duration::ZERO);
        assert_eq!(back_off(3, 3), Duration::from_secs(1));
        assert_eq!(back_off(4, 3), Duration::from_secs(2));
        assert_eq!(back_off(12, 3), Duration::from_secs(512));
        assert_eq!(back_off(13, 3), MAX_WAIT);
        assert_eq!(back_off(i32::MAX, 3), MAX_WAIT);
    }

    #[test]
    fn emails_are_keyed_as_logins_compare_them_and_ipv6_by_its_64() {
        let first = Attempt::new(" A@X.example", "2001:db8:1:2:3:4:5:6".parse().ok());
        let second = Attempt::new("a@x.example", "2001:db8:1:2:ffff::1".parse().ok());
        assert_eq!(first.pair_key(), second.pair_key());
        let mapped = Attempt::new("a@x.example", "::ffff:192.0.2.1".parse().ok());
        let v4 = Attempt::new("a@x.example", "192.0.2.1".parse().ok());
        assert_eq!(mapped.address_key(), v4.address_key());
        assert_ne!(v4.address_key(), first.address_key());
        assert_ne!(v4.pair_key(), v4.account_key());
    }
}
