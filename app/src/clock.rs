//! The API's one reading of the clock, in the UTC naive form the database stores.

use chrono::{NaiveDateTime, Timelike, Utc};

/// Now, UTC, truncated to microseconds (PostgreSQL's precision) so that a timestamp reads the
/// same before and after a round trip through either database.
#[must_use]
pub fn now() -> NaiveDateTime {
    let now = Utc::now().naive_utc();
    now.with_nanosecond(now.nanosecond() / 1_000 * 1_000)
        .unwrap_or(now)
}

/// A stored timestamp as RFC 3339 UTC with a `Z`.
#[must_use]
pub fn rfc3339(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Micros, true)
}
