//! Dates as spreadsheets write them: `YYYY-MM-DD`, `DD.MM.YYYY`, `DD/MM/YYYY`, `DD-MM-YYYY`.
//!
//! A column's format is detected once, from all its values, and applies to every row. With `/`
//! or `-` the day could come first or second (`05/01/2026`); the day-first order is taken only
//! when some date of the file written that way proves it (a first number above 12), since a
//! swapped day and month moves a due date by months and the interest with it. A column that
//! proves nothing, or reads as month first, refuses the file.

use chrono::NaiveDate;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::FieldError;

/// The format of a date column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
pub enum DateFormat {
    /// ISO 8601, `2026-01-31`.
    #[serde(rename = "YYYY-MM-DD")]
    Iso,
    /// `31.01.2026` (German, Swiss, Austrian, Nordic).
    #[serde(rename = "DD.MM.YYYY")]
    Dotted,
    /// `31/01/2026` (British, French, Spanish, Italian).
    #[serde(rename = "DD/MM/YYYY")]
    Slashed,
    /// `31-01-2026` (Dutch).
    #[serde(rename = "DD-MM-YYYY")]
    Dashed,
}

impl DateFormat {
    /// How the format is written, e.g. `DD.MM.YYYY`.
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::Iso => "YYYY-MM-DD",
            Self::Dotted => "DD.MM.YYYY",
            Self::Slashed => "DD/MM/YYYY",
            Self::Dashed => "DD-MM-YYYY",
        }
    }

    fn write(self, date: NaiveDate) -> String {
        let pattern = match self {
            Self::Iso => "%Y-%m-%d",
            Self::Dotted => "%d.%m.%Y",
            Self::Slashed => "%d/%m/%Y",
            Self::Dashed => "%d-%m-%Y",
        };
        date.format(pattern).to_string()
    }

    fn example(self) -> String {
        NaiveDate::from_ymd_opt(2026, 1, 31).map_or_else(String::new, |date| self.write(date))
    }
}

/// What a date cell looks like before its column's format is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// The format it is written in; `None` for a form no format here takes.
    format: Option<DateFormat>,
    /// The two numbers besides the year, in writing order.
    first: u32,
    second: u32,
    year: i32,
}

/// Reads the numbers of `raw` (a time after the date, as Excel adds to date-time cells, is
/// dropped).
fn shape(raw: &str) -> Option<Shape> {
    let date = raw
        .trim()
        .split_once(' ')
        .map_or(raw.trim(), |(date, time)| {
            if time
                .trim()
                .split(':')
                .all(|part| part.chars().all(|c| c.is_ascii_digit()))
            {
                date
            } else {
                raw.trim()
            }
        });
    let separator = date.chars().find(|c| !c.is_ascii_digit())?;
    let parts: Vec<&str> = date.split(separator).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|part| part.is_empty() || !part.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let number = |part: &str| part.parse::<u32>().ok();
    let short = |part: &str| part.len() <= 2;
    let (format, first, second, year) = if parts[0].len() == 4 && short(parts[1]) && short(parts[2])
    {
        let format = (separator == '-').then_some(DateFormat::Iso);
        (format, parts[1], parts[2], parts[0])
    } else if short(parts[0]) && short(parts[1]) && parts[2].len() == 4 {
        let format = match separator {
            '.' => Some(DateFormat::Dotted),
            '/' => Some(DateFormat::Slashed),
            '-' => Some(DateFormat::Dashed),
            _ => None,
        };
        (format, parts[0], parts[1], parts[2])
    } else if short(parts[0]) && short(parts[1]) && parts[2].len() == 2 {
        (None, parts[0], parts[1], parts[2])
    } else {
        return None;
    };
    Some(Shape {
        format,
        first: number(first)?,
        second: number(second)?,
        year: i32::try_from(number(year)?).ok()?,
    })
}

/// A date column's name and its values, each with its line.
pub type DateColumn<'a> = (&'static str, Vec<(u64, &'a str)>);

/// The values of a column that look like dates, with their lines and shapes.
type Shaped<'a> = Vec<(u64, &'a str, Shape)>;

/// The date columns' formats, detected from every row of the file.
///
/// `columns` gives each date column with its values and their lines.
///
/// # Errors
/// One field error per column whose day and month order is unknown or month first.
pub fn detect(
    columns: &[DateColumn<'_>],
) -> Result<Vec<(&'static str, DateFormat)>, Vec<FieldError>> {
    let shapes: Vec<(&str, Shaped<'_>)> = columns
        .iter()
        .map(|(column, values)| {
            let shaped = values
                .iter()
                .filter_map(|(line, raw)| shape(raw).map(|shape| (*line, *raw, shape)))
                .collect();
            (*column, shaped)
        })
        .collect();
    let mut formats = Vec::new();
    let mut errors = Vec::new();
    for (column, values) in &shapes {
        let Some(format) = majority(values) else {
            continue;
        };
        if matches!(format, DateFormat::Slashed | DateFormat::Dashed) {
            let same = || {
                shapes
                    .iter()
                    .flat_map(|(_, values)| values.iter())
                    .filter(|(_, _, shape)| shape.format == Some(format))
            };
            let day_first = same().any(|(_, _, shape)| shape.first > 12);
            let month_first = values
                .iter()
                .filter(|(_, _, shape)| shape.format == Some(format))
                .find(|(_, _, shape)| shape.second > 12 && shape.first <= 12);
            let sample = values
                .iter()
                .find(|(_, _, shape)| shape.format == Some(format));
            if let Some((line, raw, _)) = month_first {
                errors.push(FieldError::new(
                    *column,
                    "month_first_dates",
                    format!(
                        "`{raw}` in row {line} of {column} reads only month first (MM{sep}DD{sep}YYYY), which is not accepted: write the dates as YYYY-MM-DD, or day first as {label}.",
                        sep = &format.label()[2..3],
                        label = format.label()
                    ),
                ));
                continue;
            }
            if !day_first {
                let (line, raw) = sample.map_or((0, ""), |(line, raw, _)| (*line, *raw));
                errors.push(FieldError::new(
                    *column,
                    "ambiguous_dates",
                    format!(
                        "Every date in {column} (e.g. `{raw}` in row {line}) could be day first ({label}) or month first: write the dates as YYYY-MM-DD or DD.MM.YYYY, so that day and month cannot be swapped.",
                        label = format.label()
                    ),
                ));
                continue;
            }
        }
        formats.push((*column, format));
    }
    if errors.is_empty() {
        Ok(formats)
    } else {
        Err(errors)
    }
}

/// The format most values of a column are written in; on a tie, the one seen first.
fn majority(values: &[(u64, &str, Shape)]) -> Option<DateFormat> {
    let mut counts: Vec<(DateFormat, usize)> = Vec::new();
    for format in values.iter().filter_map(|(_, _, shape)| shape.format) {
        match counts.iter_mut().find(|(seen, _)| *seen == format) {
            Some((_, count)) => *count += 1,
            None => counts.push((format, 1)),
        }
    }
    let best = counts.iter().map(|(_, count)| *count).max()?;
    counts
        .into_iter()
        .find(|(_, count)| *count == best)
        .map(|(format, _)| format)
}

/// A date cell in its column's format.
///
/// # Errors
/// A message saying what to write.
pub fn parse(raw: &str, format: Option<DateFormat>) -> Result<NaiveDate, String> {
    let shown = format.unwrap_or(DateFormat::Iso);
    let Some(found) = shape(raw) else {
        return Err(format!(
            "`{raw}` is not a date: write it as {} (e.g. {}).",
            shown.label(),
            shown.example()
        ));
    };
    let Some(written) = found.format else {
        let hint = if found.year < 100 {
            "write the year with four digits"
        } else {
            "write it"
        };
        return Err(format!(
            "`{raw}` is not a date form read here: {hint}, as {} (e.g. {}).",
            shown.label(),
            shown.example()
        ));
    };
    let day_first = |shape: Shape| {
        if shape.format == Some(DateFormat::Iso) {
            NaiveDate::from_ymd_opt(shape.year, shape.first, shape.second)
        } else {
            NaiveDate::from_ymd_opt(shape.year, shape.second, shape.first)
        }
    };
    let Some(expected) = format else {
        return day_first(found).ok_or_else(|| no_such_day(raw, written));
    };
    if written != expected {
        let rewrite = day_first(found)
            .map(|date| format!(": write {}", expected.write(date)))
            .unwrap_or_default();
        return Err(format!(
            "`{raw}` is written {} but the column is {} (as in its other rows){rewrite}.",
            written.label(),
            expected.label()
        ));
    }
    day_first(found).ok_or_else(|| no_such_day(raw, written))
}

fn no_such_day(raw: &str, format: DateFormat) -> String {
    format!(
        "`{raw}` is no day of the calendar read as {}: correct the day or the month.",
        format.label()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn each_format_reads_day_month_and_year() {
        assert_eq!(
            parse("2026-01-31", Some(DateFormat::Iso)),
            Ok(date(2026, 1, 31))
        );
        assert_eq!(
            parse("31.01.2026", Some(DateFormat::Dotted)),
            Ok(date(2026, 1, 31))
        );
        assert_eq!(
            parse("1.2.2026", Some(DateFormat::Dotted)),
            Ok(date(2026, 2, 1))
        );
        assert_eq!(
            parse("31/01/2026", Some(DateFormat::Slashed)),
            Ok(date(2026, 1, 31))
        );
        assert_eq!(
            parse("05-01-2026", Some(DateFormat::Dashed)),
            Ok(date(2026, 1, 5))
        );
        assert_eq!(
            parse("31.01.2026 00:00:00", Some(DateFormat::Dotted)),
            Ok(date(2026, 1, 31))
        );
    }

    #[test]
    fn wrong_cells_say_what_to_write() {
        let other = parse("2026-01-31", Some(DateFormat::Dotted)).unwrap_err();
        assert!(other.contains("write 31.01.2026"), "{other}");
        assert!(
            parse("31.01.26", Some(DateFormat::Dotted))
                .unwrap_err()
                .contains("four digits")
        );
        assert!(
            parse("31.02.2026", Some(DateFormat::Dotted))
                .unwrap_err()
                .contains("no day")
        );
        assert!(
            parse("01.13.2026", Some(DateFormat::Dotted))
                .unwrap_err()
                .contains("no day")
        );
        assert!(
            parse("morgen", Some(DateFormat::Dotted))
                .unwrap_err()
                .contains("31.01.2026")
        );
        assert!(
            parse("2026/01/31", None)
                .unwrap_err()
                .contains("YYYY-MM-DD")
        );
    }

    fn column(values: &[&'static str]) -> Vec<(u64, &'static str)> {
        (2..).zip(values.iter().copied()).collect()
    }

    #[test]
    fn a_column_takes_the_format_most_of_it_is_written_in() {
        let formats = detect(&[
            (
                "issue_date",
                column(&["31.01.2026", "2026-01-05", "01.02.2026"]),
            ),
            ("due_date", column(&["2026-02-28", "", "x"])),
        ])
        .unwrap();
        assert_eq!(
            formats,
            [
                ("issue_date", DateFormat::Dotted),
                ("due_date", DateFormat::Iso)
            ]
        );
    }

    #[test]
    fn the_day_first_order_needs_proof_in_the_file() {
        let proved = detect(&[
            ("issue_date", column(&["05/01/2026", "10/02/2026"])),
            ("due_date", column(&["04/02/2026", "25/02/2026"])),
        ])
        .unwrap();
        assert_eq!(proved[0], ("issue_date", DateFormat::Slashed));
        let errors = detect(&[
            ("issue_date", column(&["05/01/2026"])),
            ("due_date", column(&["04/02/2026"])),
        ])
        .unwrap_err();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].code, "ambiguous_dates");
        assert!(errors[0].message.contains("YYYY-MM-DD or DD.MM.YYYY"));
        let american = detect(&[("due_date", column(&["01/31/2026", "13/01/2026"]))]).unwrap_err();
        assert_eq!(american[0].code, "month_first_dates");
        assert!(
            american[0].message.contains("row 2"),
            "{}",
            american[0].message
        );
    }
}
