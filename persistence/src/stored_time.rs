//! Reading stored timestamps without diesel's general parser.
//!
//! SQLite keeps a timestamp as text. Diesel reads it with chrono's `parse_from_str`, which
//! interprets the format string anew for every value and tries up to eighteen formats: a `perf`
//! profile of the case list (taken beside the test suite) put 39 % of its CPU time there, two
//! timestamps on each of fifty rows. What Solvo writes has one shape (diesel writes
//! `%F %T%.f`, SQL defaults `%F %T`), so
//! [`StoredTimestamp`] reads that shape by hand and leaves anything else to diesel, which still
//! decides what counts as valid. A row field keeps its `NaiveDateTime` type and names this one
//! as `#[diesel(deserialize_as = StoredTimestamp)]`. PostgreSQL sends timestamps as binary
//! microseconds and goes straight to diesel. Nullable timestamps still take diesel's way: a
//! `deserialize_as` type for them would need a conversion into `Option<NaiveDateTime>`, which
//! the orphan rule forbids outside chrono and std.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use diesel::deserialize::{self, FromSql, FromSqlRow};
use diesel::pg::Pg;
use diesel::sql_types::Timestamp;
use diesel::sqlite::Sqlite;
use diesel::{Connection, backend};

use crate::connection::AnyConnection;

type Multi = <AnyConnection as Connection>::Backend;

/// A `NaiveDateTime` read from a `Timestamp` column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, FromSqlRow)]
pub struct StoredTimestamp(pub NaiveDateTime);

impl From<StoredTimestamp> for NaiveDateTime {
    fn from(stored: StoredTimestamp) -> Self {
        stored.0
    }
}

impl FromSql<Timestamp, Sqlite> for StoredTimestamp {
    fn from_sql(
        mut value: <Sqlite as backend::Backend>::RawValue<'_>,
    ) -> deserialize::Result<Self> {
        let read = (value.value_type() == Some(diesel::sqlite::SqliteType::Text))
            .then(|| parse_plain(value.read_text()))
            .flatten();
        match read {
            Some(at) => Ok(Self(at)),
            None => <NaiveDateTime as FromSql<Timestamp, Sqlite>>::from_sql(value).map(Self),
        }
    }
}

impl FromSql<Timestamp, Pg> for StoredTimestamp {
    fn from_sql(value: <Pg as backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        <NaiveDateTime as FromSql<Timestamp, Pg>>::from_sql(value).map(Self)
    }
}

impl FromSql<Timestamp, Multi> for StoredTimestamp {
    fn from_sql(value: <Multi as backend::Backend>::RawValue<'_>) -> deserialize::Result<Self> {
        value.from_sql::<Self, Timestamp>()
    }
}

/// `YYYY-MM-DD HH:MM:SS` with an optional fraction of one to nine digits; `None` for any other
/// text, including impossible dates and times.
fn parse_plain(text: &str) -> Option<NaiveDateTime> {
    let bytes = text.as_bytes();
    if bytes.len() < 19
        || bytes[4] != b'-'
        || bytes[7] != b'-'
        || bytes[10] != b' '
        || bytes[13] != b':'
        || bytes[16] != b':'
    {
        return None;
    }
    let nanos = match &bytes[19..] {
        [] => 0,
        [b'.', fraction @ ..] if (1..=9).contains(&fraction.len()) => {
            let digits = number(fraction)?;
            // Nine digits are nanoseconds; fewer are scaled up.
            let scale = 10_u32.pow(9 - u32::try_from(fraction.len()).ok()?);
            digits.checked_mul(scale)?
        }
        _ => return None,
    };
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(number(&bytes[0..4])?).ok()?,
        number(&bytes[5..7])?,
        number(&bytes[8..10])?,
    )?;
    let time = NaiveTime::from_hms_nano_opt(
        number(&bytes[11..13])?,
        number(&bytes[14..16])?,
        number(&bytes[17..19])?,
        nanos,
    )?;
    Some(date.and_time(time))
}

/// The value of ASCII digits (at most nine), or `None` if any byte is not one.
fn number(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0_u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

#[cfg(test)]
mod tests {
    use chrono::{Duration, NaiveDateTime};

    use super::parse_plain;

    fn chrono_reads(text: &str) -> Option<NaiveDateTime> {
        NaiveDateTime::parse_from_str(text, "%F %T%.f").ok()
    }

    #[test]
    fn reads_what_diesel_writes_as_chrono_does() {
        let mut at = NaiveDateTime::parse_from_str("1999-12-31 23:59:58", "%F %T").unwrap();
        // Steps that are prime in microseconds and nanoseconds, to land on every digit count
        // of the fraction diesel writes (none, 3, 6 or 9) and cross a leap day.
        for _ in 0..20_000 {
            at += Duration::seconds(9_973) + Duration::nanoseconds(7_919_013);
            let written = at.format("%F %T%.f").to_string();
            assert_eq!(parse_plain(&written), Some(at), "{written}");
            assert_eq!(parse_plain(&written), chrono_reads(&written), "{written}");
            let micros = at.format("%F %T%.6f").to_string();
            assert_eq!(parse_plain(&micros), chrono_reads(&micros), "{micros}");
        }
    }

    #[test]
    fn leaves_every_other_shape_to_diesel() {
        for text in [
            "2024-02-30 00:00:00",
            "2023-02-29 12:00:00",
            "2024-01-01 24:00:00",
            "2024-01-01 23:60:00",
            "2024-13-01 00:00:00",
            "2024-01-01T00:00:00",
            "2024-01-01 00:00:00Z",
            "2024-01-01 00:00:00+01:00",
            "2024-01-01 00:00:00.",
            "2024-01-01 00:00:00.1234567890",
            "2024-01-01 00:00",
            "2024-1-01 00:00:00",
            "+024-01-01 00:00:00",
            "2024-01-01 00:00:0x",
            "",
        ] {
            assert_eq!(parse_plain(text), None, "{text}");
        }
    }

    #[test]
    fn reads_a_short_fraction_as_its_value() {
        let read = parse_plain("2024-06-30 08:15:00.5").unwrap();
        assert_eq!(read, chrono_reads("2024-06-30 08:15:00.5").unwrap());
        assert_eq!(read.and_utc().timestamp_subsec_millis(), 500);
    }
}
