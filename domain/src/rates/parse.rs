//! Reading a rate history from the CSV files in `domain/data/rates/` (date, rate, source).

use super::{RateEntry, RateSeries, RateTable};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The header every rate file starts with (after `#` comment lines).
const HEADER: &str = "effective_from,rate_percent,source";

/// Why a rate file was refused. Each variant names the series and, where it applies, the
/// 1-based line, so a bad edit to a data file fails the build's tests with a precise message.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RateDataError {
    /// The first non-comment line is not `effective_from,rate_percent,source`.
    #[error("{series:?}: missing header {HEADER:?}")]
    MissingHeader {
        /// The series being read.
        series: RateSeries,
    },
    /// A row does not have a valid date, a valid decimal rate and a source.
    #[error("{series:?} line {line}: {reason}")]
    BadRow {
        /// The series being read.
        series: RateSeries,
        /// The 1-based line number.
        line: usize,
        /// What was wrong.
        reason: String,
    },
    /// The rows are empty, out of date order, or the confirmation dates do not fit them.
    #[error("{series:?}: rows empty or not in strictly ascending date order")]
    NotOrdered {
        /// The series being read.
        series: RateSeries,
    },
}

/// Parses `text` (`effective_from,rate_percent,source` rows, `#` comments and blank lines
/// ignored) into the table of `series`.
///
/// The `source` column may be quoted with `"` when it contains commas, as in the reference files.
///
/// # Errors
/// [`RateDataError`] naming the first problem found.
pub fn parse_rate_csv(
    series: RateSeries,
    text: &str,
    confirmed_through: NaiveDate,
    carried_forward_through: NaiveDate,
) -> Result<RateTable, RateDataError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'));
    match lines.next() {
        Some((_, header)) if header == HEADER => {}
        _ => return Err(RateDataError::MissingHeader { series }),
    }
    let entries = lines
        .map(|(line, row)| {
            parse_row(row).map_err(|reason| RateDataError::BadRow {
                series,
                line,
                reason,
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    RateTable::new(series, entries, confirmed_through, carried_forward_through)
        .ok_or(RateDataError::NotOrdered { series })
}

fn parse_row(row: &str) -> Result<RateEntry, String> {
    let (date, rest) = row.split_once(',').ok_or("expected three columns")?;
    let (rate, source) = rest.split_once(',').ok_or("expected three columns")?;
    let effective_from = NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .map_err(|e| format!("bad date {date:?}: {e}"))?;
    let rate_percent: Decimal = rate
        .trim()
        .parse()
        .map_err(|e| format!("bad rate {rate:?}: {e}"))?;
    let source = unquote(source.trim());
    if source.is_empty() {
        return Err("empty source".to_owned());
    }
    Ok(RateEntry {
        effective_from,
        rate_percent,
        source,
    })
}

/// Removes CSV quoting from a field: surrounding quotes, and `""` inside them.
fn unquote(field: &str) -> String {
    match field
        .strip_prefix('"')
        .and_then(|inner| inner.strip_suffix('"'))
    {
        Some(inner) => inner.replace("\"\"", "\""),
        None => field.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn comments_quotes_and_negative_rates_are_read() {
        let text = "# note\neffective_from,rate_percent,source\n2013-01-01,-0.13,\"a, b\"\n2013-07-01,-0.38,x\n";

        let table = parse_rate_csv(
            RateSeries::DeBasiszinssatz,
            text,
            day(2013, 12, 31),
            day(2013, 12, 31),
        )
        .unwrap();

        assert_eq!(table.entries().len(), 2);
        assert_eq!(table.entries()[0].rate_percent, dec!(-0.13));
        assert_eq!(table.entries()[0].source, "a, b");
    }

    #[test]
    fn a_file_without_header_is_refused() {
        let result = parse_rate_csv(
            RateSeries::BoeBankRate,
            "2013-01-01,1,x",
            day(2013, 1, 1),
            day(2013, 1, 1),
        );

        assert_eq!(
            result,
            Err(RateDataError::MissingHeader {
                series: RateSeries::BoeBankRate
            })
        );
    }

    #[test]
    fn a_bad_rate_names_its_line() {
        let text = "effective_from,rate_percent,source\n2013-01-01,one,x";

        let result = parse_rate_csv(
            RateSeries::BoeBankRate,
            text,
            day(2013, 1, 1),
            day(2013, 1, 1),
        );

        assert!(matches!(result, Err(RateDataError::BadRow { line: 2, .. })));
    }

    #[test]
    fn rows_out_of_order_are_refused() {
        let text = "effective_from,rate_percent,source\n2013-07-01,1,x\n2013-01-01,2,y";

        let result = parse_rate_csv(
            RateSeries::BoeBankRate,
            text,
            day(2013, 7, 1),
            day(2013, 7, 1),
        );

        assert_eq!(
            result,
            Err(RateDataError::NotOrdered {
                series: RateSeries::BoeBankRate
            })
        );
    }
}
