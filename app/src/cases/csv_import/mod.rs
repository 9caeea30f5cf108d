//! CSV intake: one row per invoice, grouped into cases by `creditor_reference` in order of first
//! appearance, read as spreadsheets save it. `,` or `;` separated (detected from the header),
//! quoted fields, UTF-8 with or without BOM, UTF-16 with BOM or Windows-1252 ([`decode`]), any
//! line end; amounts with a decimal comma or point and thousands separators ([`number`]);
//! dates in four forms, one per column ([`dates`]). Every problem of a row is reported at once,
//! with its column and what to write instead.

pub mod dates;
pub mod decode;
pub mod number;

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::input::{InvoiceInput, PlaceCase};
use crate::debtors::{AddressInput, ContactInput, DebtorInput, DebtorKind};
use crate::error::AppError;

/// Columns every file must have.
pub const REQUIRED_COLUMNS: [&str; 8] = [
    "creditor_reference",
    "debtor_legal_name",
    "debtor_country",
    "currency",
    "invoice_number",
    "issue_date",
    "due_date",
    "amount",
];

/// Columns a file may have.
pub const OPTIONAL_COLUMNS: [&str; 15] = [
    "debtor_vat_id",
    "debtor_registration_number",
    "debtor_language",
    "debtor_address_line1",
    "debtor_address_line2",
    "debtor_postal_code",
    "debtor_city",
    "debtor_region",
    "debtor_contact_name",
    "debtor_contact_email",
    "debtor_contact_phone",
    "jurisdiction",
    "contractual_interest_rate",
    "notes",
    "quote_id",
];

/// Columns that describe one invoice; every other column describes the case, and all rows of a
/// case must agree on those.
const INVOICE_COLUMNS: [&str; 4] = ["invoice_number", "issue_date", "due_date", "amount"];

/// One data row: its line in the file and its trimmed fields in header order.
#[derive(Debug, Clone)]
pub struct CsvRow {
    /// 1-based line number (the header is line 1), whichever line ends the file uses.
    pub line: u64,
    /// The file's header, shared by its rows (a file has a few dozen columns at most, so a
    /// lookup walks it instead of giving every row a map of its own).
    headers: Arc<[String]>,
    /// The row's values, one per header.
    values: Vec<String>,
}

impl CsvRow {
    /// The value of `column`, when the file has the column and the row a non-empty value.
    #[must_use]
    pub fn get(&self, column: &str) -> Option<&str> {
        let index = self.headers.iter().position(|header| header == column)?;
        self.values
            .get(index)
            .map(String::as_str)
            .filter(|value| !value.is_empty())
    }
}

/// The rows of one case.
#[derive(Debug, Clone)]
pub struct CsvGroup {
    /// The shared `creditor_reference`.
    pub reference: String,
    /// Its rows in file order.
    pub rows: Vec<CsvRow>,
}

/// A problem with one cell or row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// Line in the file.
    pub line: u64,
    /// Column, or `row` for the row as a whole.
    pub column: String,
    /// What is wrong.
    pub message: String,
}

/// Something in the file that was read past, not refused: a column Solvo does not know, or a
/// column named twice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportWarning {
    /// The column as the header names it.
    pub column: String,
    /// What was done with it.
    pub message: String,
}

/// How the file was read, for the import's report.
#[derive(Debug, Clone)]
pub struct FileFormat {
    /// The text encoding.
    pub encoding: decode::TextEncoding,
    /// `,` or `;`.
    pub delimiter: char,
    /// `CRLF`, `LF` or `CR`.
    pub line_ending: &'static str,
    /// Each date column's format, for the columns with a date.
    pub date_formats: Vec<(&'static str, dates::DateFormat)>,
}

/// A parsed file: groups to place and rows refused before grouping.
#[derive(Debug, Clone)]
pub struct ParsedCsv {
    /// Cases in order of first appearance.
    pub groups: Vec<CsvGroup>,
    /// Rows that could not be read at all (wrong field count, no reference).
    pub unreadable: Vec<CellError>,
    /// How the file was read.
    pub format: FileFormat,
    /// Columns read past.
    pub warnings: Vec<ImportWarning>,
    /// Data rows seen (rows with no value at all, as spreadsheets leave at the end, are not
    /// rows).
    pub rows: usize,
}

impl ParsedCsv {
    /// How decimals are written in the file, for the examples in messages.
    #[must_use]
    pub fn convention(&self) -> number::Convention {
        if self.format.delimiter == ';' {
            number::Convention::DecimalComma
        } else {
            number::Convention::DecimalPoint
        }
    }

    /// The detected format of the date column `column`.
    #[must_use]
    pub fn date_format(&self, column: &str) -> Option<dates::DateFormat> {
        self.format
            .date_formats
            .iter()
            .find(|(name, _)| *name == column)
            .map(|(_, format)| *format)
    }
}

/// Most data rows one import takes.
pub const MAX_ROWS: usize = 100_000;

/// The date columns, whose format is detected once per file.
const DATE_COLUMNS: [&str; 2] = ["issue_date", "due_date"];

/// A header cell as a column name: spreadsheets capitalise and write spaces (`Due date`).
fn column_name(raw: &str) -> String {
    raw.trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

fn known(column: &str) -> bool {
    REQUIRED_COLUMNS.contains(&column) || OPTIONAL_COLUMNS.contains(&column)
}

/// The known column a misspelt header most likely means, if one is close.
fn closest(column: &str) -> Option<&'static str> {
    REQUIRED_COLUMNS
        .iter()
        .chain(OPTIONAL_COLUMNS.iter())
        .map(|candidate| (edit_distance(column, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 5))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// Parses a whole file.
///
/// # Errors
/// 422 naming the header when a required column is missing or the header is unreadable, the
/// body when the file is no text in an encoding read here or has more than [`MAX_ROWS`] rows,
/// and each date column whose format is ambiguous.
pub fn parse(bytes: &[u8]) -> Result<ParsedCsv, AppError> {
    let (text, encoding) = decode::decode(bytes)?;
    let lines = decode::LineIndex::new(&text);
    let header_line = text.split(['\r', '\n']).next().unwrap_or_default();
    let semicolon = header_line.matches(';').count() > header_line.matches(',').count();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolon { b';' } else { b',' })
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = header(&mut reader)?;
    let mut warnings = column_warnings(&headers);
    let mut groups: Vec<CsvGroup> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut unreadable = Vec::new();
    let mut rows = 0;
    let mut unnamed_values = false;
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                rows += 1;
                let line = err
                    .position()
                    .map_or(0, |position| lines.line(start(&text, position)));
                unreadable.push(CellError {
                    line,
                    column: "row".into(),
                    message: format!("Unreadable row: {err}"),
                });
                continue;
            }
        };
        if record.iter().all(str::is_empty) {
            continue;
        }
        rows += 1;
        if rows > MAX_ROWS {
            return Err(AppError::invalid(
                "body",
                "too_many_rows",
                format!("At most {MAX_ROWS} rows per import; split the file."),
            ));
        }
        let line = record
            .position()
            .map_or(0, |position| lines.line(start(&text, position)));
        if let Some(error) = width_error(&record, headers.len(), line) {
            unreadable.push(error);
            continue;
        }
        let values: Vec<String> = record
            .iter()
            .take(headers.len())
            .map(ToOwned::to_owned)
            .collect();
        unnamed_values |= headers
            .iter()
            .zip(&values)
            .any(|(header, value)| header.is_empty() && !value.is_empty());
        let row = CsvRow {
            line,
            headers: Arc::clone(&headers),
            values,
        };
        let Some(reference) = row.get("creditor_reference").map(ToOwned::to_owned) else {
            unreadable.push(CellError {
                line,
                column: "creditor_reference".into(),
                message: "creditor_reference is empty: give the creditor's reference of the case, the same on every row of one case.".into(),
            });
            continue;
        };
        if let Some(&index) = index_of.get(&reference) {
            groups[index].rows.push(row);
        } else {
            index_of.insert(reference.clone(), groups.len());
            groups.push(CsvGroup {
                reference,
                rows: vec![row],
            });
        }
    }
    if unnamed_values {
        warnings.push(ImportWarning {
            column: String::new(),
            message: "A column without a name in the header holds values; they were ignored."
                .into(),
        });
    }
    let date_formats = date_formats(&groups)?;
    Ok(ParsedCsv {
        groups,
        unreadable,
        format: FileFormat {
            encoding,
            delimiter: if semicolon { ';' } else { ',' },
            line_ending: decode::LineIndex::line_ending(&text),
            date_formats,
        },
        warnings,
        rows,
    })
}

/// The header's column names, every required one present.
fn header(reader: &mut csv::Reader<&[u8]>) -> Result<Arc<[String]>, AppError> {
    let headers: Arc<[String]> = reader
        .headers()
        .map_err(|err| {
            AppError::invalid(
                "header",
                "unreadable_header",
                format!("The header line cannot be read: {err}"),
            )
        })?
        .iter()
        .map(column_name)
        .collect();
    let missing: Vec<&str> = REQUIRED_COLUMNS
        .iter()
        .copied()
        .filter(|column| !headers.iter().any(|h| h == column))
        .collect();
    if !missing.is_empty() {
        return Err(AppError::invalid(
            "header",
            "missing_columns",
            format!(
                "Required columns missing: {}. The first line must name the columns (in any order); GET /v1/cases/import/template gives a file with all of them.",
                missing.join(", ")
            ),
        ));
    }
    Ok(headers)
}

/// A warning for each column named twice or not read at all, the latter with the nearest name
/// Solvo reads.
fn column_warnings(headers: &[String]) -> Vec<ImportWarning> {
    let mut warnings = Vec::new();
    for (index, column) in headers.iter().enumerate() {
        if column.is_empty() {
            continue;
        }
        if headers[..index].contains(column) {
            warnings.push(ImportWarning {
                column: column.clone(),
                message: format!("{column} appears twice; only the first was read."),
            });
        } else if !known(column) {
            let hint = closest(column)
                .map(|candidate| format!(" Did you mean {candidate}?"))
                .unwrap_or_default();
            warnings.push(ImportWarning {
                column: column.clone(),
                message: format!("Not a column Solvo reads; its values were ignored.{hint}"),
            });
        }
    }
    warnings
}

/// The error of a record with another number of fields than the header.
fn width_error(record: &csv::StringRecord, columns: usize, line: u64) -> Option<CellError> {
    // Spreadsheets pad rows with empty cells past the last column; those carry nothing.
    let extra_empty = record.len() > columns && record.iter().skip(columns).all(str::is_empty);
    (record.len() != columns && !extra_empty).then(|| CellError {
        line,
        column: "row".into(),
        message: format!(
            "Expected {columns} fields as in the header, found {}: check for a separator inside an unquoted value, or a missing one.",
            record.len()
        ),
    })
}

/// The format of each date column, detected once over all its values.
fn date_formats(groups: &[CsvGroup]) -> Result<Vec<(&'static str, dates::DateFormat)>, AppError> {
    let date_columns: Vec<dates::DateColumn<'_>> = DATE_COLUMNS
        .iter()
        .map(|column| {
            let values = groups
                .iter()
                .flat_map(|group| group.rows.iter())
                .filter_map(|row| row.get(column).map(|value| (row.line, value)))
                .collect();
            (*column, values)
        })
        .collect();
    dates::detect(&date_columns).map_err(AppError::Validation)
}

/// Where a record's first field starts. The reader ends a record at the `\r` of a `\r\n` and
/// places the next one at the `\n` (which made every row of a CRLF file one line too early),
/// and at a blank line before it: its text starts after those.
fn start(text: &str, position: &csv::Position) -> usize {
    let from = usize::try_from(position.byte()).unwrap_or(usize::MAX);
    let rest = text.get(from..).unwrap_or_default();
    from + (rest.len() - rest.trim_start_matches(['\r', '\n']).len())
}

impl CsvGroup {
    /// The case the rows describe, and every problem the file's form shows in them: rows of
    /// the case disagreeing on case columns, dates, amounts and rates that do not read. A
    /// cell that does not read holds a stand-in in the case, so that the case's own checks
    /// still run and report the row's other problems in the same answer.
    #[must_use]
    pub fn to_place_case(&self, file: &ParsedCsv) -> (PlaceCase, Vec<CellError>) {
        let mut errors = Vec::new();
        let first = self.rows.first();
        let case_columns = REQUIRED_COLUMNS
            .iter()
            .chain(OPTIONAL_COLUMNS.iter())
            .filter(|column| !INVOICE_COLUMNS.contains(column));
        if let Some(first) = first {
            for row in &self.rows[1..] {
                for column in case_columns.clone() {
                    if row.get(column) != first.get(column) {
                        errors.push(CellError {
                            line: row.line,
                            column: (*column).to_owned(),
                            message: format!(
                                "Differs from line {} of the same creditor_reference; a case has one debtor and terms: make the rows agree, or give the invoice its own creditor_reference.",
                                first.line
                            ),
                        });
                    }
                }
            }
        }
        let currency = first
            .and_then(|row| row.get("currency"))
            .unwrap_or_default();
        let invoices: Vec<InvoiceInput> = self
            .rows
            .iter()
            .map(|row| {
                let issue = date(row, "issue_date", file, &mut errors);
                let due = date(row, "due_date", file, &mut errors);
                // A stand-in equal to the other date keeps "due before issue" from being
                // reported for a date that did not read.
                let (issue_date, due_date) = match (issue, due) {
                    (Some(issue), Some(due)) => (issue, due),
                    (Some(day), None) | (None, Some(day)) => (day, day),
                    (None, None) => (NaiveDate::MIN, NaiveDate::MIN),
                };
                let raw = row.get("amount").unwrap_or_default();
                let amount = match number::amount(raw, currency, file.convention()) {
                    Ok(value) => value.to_string(),
                    Err(message) => {
                        errors.push(CellError {
                            line: row.line,
                            column: "amount".into(),
                            message,
                        });
                        raw.to_owned()
                    }
                };
                InvoiceInput {
                    number: row.get("invoice_number").unwrap_or_default().to_owned(),
                    issue_date,
                    due_date,
                    amount,
                }
            })
            .collect();
        let text = |column: &str| first.and_then(|row| row.get(column)).map(ToOwned::to_owned);
        let contractual_interest_rate =
            text("contractual_interest_rate").map(|raw| match number::rate(&raw) {
                Ok(rate) => rate.to_string(),
                Err(message) => {
                    errors.push(CellError {
                        line: first.map_or(0, |row| row.line),
                        column: "contractual_interest_rate".into(),
                        message,
                    });
                    raw
                }
            });
        let address_fields = [
            "debtor_address_line1",
            "debtor_address_line2",
            "debtor_postal_code",
            "debtor_city",
            "debtor_region",
        ];
        let address = address_fields
            .iter()
            .any(|column| text(column).is_some())
            .then(|| AddressInput {
                line1: text("debtor_address_line1"),
                line2: text("debtor_address_line2"),
                postal_code: text("debtor_postal_code"),
                city: text("debtor_city"),
                region: text("debtor_region"),
                country: None,
            });
        let contacts = text("debtor_contact_name")
            .map(|name| ContactInput {
                name,
                email: text("debtor_contact_email"),
                phone: text("debtor_contact_phone"),
                role: None,
            })
            .into_iter()
            .collect();
        let case = PlaceCase {
            debtor: Some(DebtorInput {
                kind: DebtorKind::default(),
                legal_name: text("debtor_legal_name").unwrap_or_default(),
                registration_number: text("debtor_registration_number"),
                vat_id: text("debtor_vat_id"),
                country: text("debtor_country").unwrap_or_default(),
                address,
                contacts,
                preferred_language: text("debtor_language"),
            }),
            debtor_id: None,
            currency: text("currency").unwrap_or_default(),
            creditor_reference: self.reference.clone(),
            jurisdiction: text("jurisdiction"),
            invoices,
            contractual_interest_rate,
            notes: text("notes"),
            quote_id: text("quote_id"),
        };
        (case, errors)
    }

    /// Where a validation error's field points in this group: (line, column).
    #[must_use]
    pub fn locate(&self, field: &str) -> (u64, String) {
        let first_line = self.rows.first().map_or(0, |row| row.line);
        if let Some(rest) = field.strip_prefix("invoices[")
            && let Some((index, column)) = rest.split_once("].")
            && let Ok(index) = index.parse::<usize>()
        {
            let line = self.rows.get(index).map_or(first_line, |row| row.line);
            let column = if column == "number" {
                "invoice_number"
            } else {
                column
            };
            return (line, column.to_owned());
        }
        let column = match field {
            "debtor.kind" | "debtor" | "debtor_id" => "debtor_legal_name".to_owned(),
            "debtor.address.country" => "debtor_country".to_owned(),
            "debtor.preferred_language" => "debtor_language".to_owned(),
            other => match other.strip_prefix("debtor.address.") {
                Some(part) if part.starts_with("line") => format!("debtor_address_{part}"),
                Some(part) => format!("debtor_{part}"),
                None => match other.strip_prefix("debtor.contacts[0].") {
                    Some(part) => format!("debtor_contact_{part}"),
                    None => other.replace("debtor.", "debtor_"),
                },
            },
        };
        (first_line, column)
    }
}

fn date(
    row: &CsvRow,
    column: &str,
    file: &ParsedCsv,
    errors: &mut Vec<CellError>,
) -> Option<NaiveDate> {
    let format = file.date_format(column);
    let Some(raw) = row.get(column) else {
        let example = format.unwrap_or(dates::DateFormat::Iso).label();
        errors.push(CellError {
            line: row.line,
            column: column.to_owned(),
            message: format!("{column} is empty: write the date, as {example}."),
        });
        return None;
    };
    dates::parse(raw, format)
        .map_err(|message| {
            errors.push(CellError {
                line: row.line,
                column: column.to_owned(),
                message,
            });
        })
        .ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEADER: &str = "creditor_reference,debtor_legal_name,debtor_country,debtor_vat_id,currency,invoice_number,issue_date,due_date,amount";

    #[test]
    fn rows_group_by_reference_in_order_of_appearance() {
        let file = format!(
            "{HEADER}\nB,Globex GmbH,DE,DE123456789,EUR,I1,2026-01-01,2026-01-31,10.00\nA,Acme,NL,NL123456789B01,EUR,I2,2026-01-01,2026-01-31,5.00\nB,Globex GmbH,DE,DE123456789,EUR,I3,2026-01-01,2026-01-31,7.50\n"
        );
        let parsed = parse(file.as_bytes()).unwrap();
        let references: Vec<&str> = parsed
            .groups
            .iter()
            .map(|group| group.reference.as_str())
            .collect();
        assert_eq!(references, ["B", "A"]);
        assert_eq!(
            parsed.groups[0]
                .rows
                .iter()
                .map(|row| row.line)
                .collect::<Vec<_>>(),
            [2, 4]
        );
        let (case, errors) = parsed.groups[0].to_place_case(&parsed);
        assert_eq!((case.invoices.len(), errors.len()), (2, 0));
    }

    #[test]
    fn semicolons_bom_quotes_and_decimal_commas_are_understood() {
        let file = "\u{feff}creditor_reference;debtor_legal_name;debtor_country;currency;invoice_number;issue_date;due_date;amount\n\"R;1\";\"Müller; Söhne GmbH\";DE;EUR;I1;2026-01-01;2026-01-31;1250,50\n";
        let parsed = parse(file.as_bytes()).unwrap();
        assert_eq!(parsed.format.delimiter, ';');
        assert_eq!(parsed.format.encoding, decode::TextEncoding::Utf8Bom);
        let (case, errors) = parsed.groups[0].to_place_case(&parsed);
        assert_eq!(errors, []);
        assert_eq!(case.creditor_reference, "R;1");
        assert_eq!(
            case.debtor.as_ref().unwrap().legal_name,
            "Müller; Söhne GmbH"
        );
        assert_eq!(case.invoices[0].amount, "1250.50");
    }

    #[test]
    fn a_missing_column_refuses_the_file_and_a_short_row_only_itself() {
        assert!(parse(b"creditor_reference,amount\nA,1\n").is_err());
        let file = format!("{HEADER}\nA,Acme,NL\n");
        let parsed = parse(file.as_bytes()).unwrap();
        assert_eq!(parsed.unreadable.len(), 1);
        assert_eq!(parsed.unreadable[0].line, 2);
    }

    #[test]
    fn rows_of_one_case_must_agree_on_the_debtor() {
        let file = format!(
            "{HEADER}\nA,Acme,NL,NL123456789B01,EUR,I1,2026-01-01,2026-01-31,1.00\nA,Acme BV,NL,NL123456789B01,EUR,I2,2026-01-01,2026-01-31,1.00\n"
        );
        let parsed = parse(file.as_bytes()).unwrap();
        let (_, errors) = parsed.groups[0].to_place_case(&parsed);
        assert_eq!(
            (errors[0].line, errors[0].column.as_str()),
            (3, "debtor_legal_name")
        );
    }

    #[test]
    fn validation_fields_map_back_to_cells() {
        let file = format!(
            "{HEADER}\nA,Acme,NL,NL123456789B01,EUR,I1,2026-01-01,2026-01-31,1.00\nA,Acme,NL,NL123456789B01,EUR,I2,2026-01-01,2026-01-31,x\n"
        );
        let parsed = parse(file.as_bytes()).unwrap();
        let group = &parsed.groups[0];
        assert_eq!(group.locate("invoices[1].amount"), (3, "amount".to_owned()));
        assert_eq!(
            group.locate("invoices[0].number"),
            (2, "invoice_number".to_owned())
        );
        assert_eq!(
            group.locate("debtor.vat_id"),
            (2, "debtor_vat_id".to_owned())
        );
        assert_eq!(group.locate("currency"), (2, "currency".to_owned()));
    }

    /// The header and two rows of a case, each line ended by `end`.
    fn two_rows(end: &str) -> String {
        [
            HEADER,
            "A,Acme,NL,NL123456789B01,EUR,I1,2026-01-01,2026-01-31,1.00",
            "A,Acme,NL,NL123456789B01,EUR,I2,2026-01-01,2026-01-31,1.00",
            "B,Acme,NL,NL123456789B01,EUR,I3,2026-01-01,2026-01-31,1.00",
        ]
        .iter()
        .fold(String::new(), |mut text, line| {
            text.push_str(line);
            text.push_str(end);
            text
        })
    }

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_shows_them_for_every_line_end() {
        for end in ["\n", "\r\n", "\r"] {
            let parsed = parse(two_rows(end).as_bytes()).unwrap();
            let lines: Vec<u64> = parsed
                .groups
                .iter()
                .flat_map(|group| group.rows.iter().map(|row| row.line))
                .collect();
            assert_eq!(lines, [2, 3, 4], "line end {end:?}");
            assert_eq!(parsed.rows, 3);
        }
        let short = format!("{HEADER}\r\nA,Acme,NL\r\n\r\nB,Acme\r\n");
        let parsed = parse(short.as_bytes()).unwrap();
        let lines: Vec<u64> = parsed.unreadable.iter().map(|error| error.line).collect();
        assert_eq!(lines, [2, 4], "a blank line still counts as a line");
        assert_eq!(
            parse(two_rows("\r\n").as_bytes())
                .unwrap()
                .format
                .line_ending,
            "CRLF"
        );
    }

    #[test]
    fn a_line_break_inside_a_quoted_cell_moves_the_rows_below_it() {
        let file = format!(
            "{HEADER},notes\r\nA,Acme,NL,NL123456789B01,EUR,I1,2026-01-01,2026-01-31,1.00,\"first\r\nsecond\"\r\nB,Acme,NL,NL123456789B01,EUR,I2,2026-01-01,2026-01-31,1.00,\r\n"
        );
        let parsed = parse(file.as_bytes()).unwrap();
        let lines: Vec<u64> = parsed
            .groups
            .iter()
            .map(|group| group.rows[0].line)
            .collect();
        assert_eq!(lines, [2, 4]);
        assert_eq!(
            parsed.groups[0].rows[0].get("notes"),
            Some("first\r\nsecond")
        );
    }

    /// The bytes Excel (German locale) writes for "CSV (Trennzeichen-getrennt)": Windows-1252,
    /// `;`, CRLF, decimal commas with thousands dots, the euro sign, DD.MM.YYYY, and the empty
    /// rows it leaves after formatted cells.
    fn excel_german() -> Vec<u8> {
        let mut bytes = Vec::new();
        for line in [
            "Creditor_Reference;Debtor_Legal_Name;Debtor_Country;Debtor_VAT_ID;Currency;Invoice_Number;Issue_Date;Due_Date;Amount;Bemerkung",
            "R-1;M\u{e4}ller GmbH;DE;DE123456789;EUR;RE-1;31.01.2026;28.02.2026;1.250,00 \u{20ac};bitte mahnen",
            "R-1;M\u{e4}ller GmbH;DE;DE123456789;EUR;RE-2;05.02.2026;07.03.2026;\"12.345,67\";",
            ";;;;;;;;;",
        ] {
            let (encoded, _, _) = encoding_rs::WINDOWS_1252.encode(line);
            bytes.extend_from_slice(&encoded);
            bytes.extend_from_slice(b"\r\n");
        }
        bytes
    }

    #[test]
    fn an_excel_file_of_a_german_clerk_reads_in_full() {
        let bytes = excel_german();
        assert!(
            bytes.contains(&0xe4) && bytes.contains(&0x80),
            "ä and € as 1252 bytes"
        );
        let parsed = parse(&bytes).unwrap();
        assert_eq!(parsed.format.encoding, decode::TextEncoding::Windows1252);
        assert_eq!(
            parsed.format.date_formats,
            [
                ("issue_date", dates::DateFormat::Dotted),
                ("due_date", dates::DateFormat::Dotted)
            ]
        );
        assert_eq!(parsed.rows, 2, "the trailing empty row is no row");
        assert_eq!(parsed.unreadable, []);
        assert_eq!(parsed.warnings.len(), 1);
        assert_eq!(parsed.warnings[0].column, "bemerkung");
        let (case, errors) = parsed.groups[0].to_place_case(&parsed);
        assert_eq!(errors, []);
        assert_eq!(case.debtor.unwrap().legal_name, "M\u{e4}ller GmbH");
        let invoices: Vec<(String, String, String)> = case
            .invoices
            .iter()
            .map(|invoice| {
                (
                    invoice.issue_date.to_string(),
                    invoice.due_date.to_string(),
                    invoice.amount.clone(),
                )
            })
            .collect();
        assert_eq!(
            invoices,
            [
                ("2026-01-31".into(), "2026-02-28".into(), "1250.00".into()),
                ("2026-02-05".into(), "2026-03-07".into(), "12345.67".into())
            ]
        );
    }

    #[test]
    fn every_problem_of_a_row_is_reported_at_once() {
        let file = format!(
            "{HEADER},contractual_interest_rate,amout\nA,Acme,NL,NL123456789B01,EUR,I1,31.02.2026,,\"1,250\",x,1\n"
        );
        let parsed = parse(file.as_bytes()).unwrap();
        let (_, errors) = parsed.groups[0].to_place_case(&parsed);
        let columns: Vec<&str> = errors.iter().map(|error| error.column.as_str()).collect();
        assert_eq!(
            columns,
            [
                "issue_date",
                "due_date",
                "amount",
                "contractual_interest_rate"
            ]
        );
        assert!(errors.iter().all(|error| error.line == 2));
        assert!(errors[2].message.contains("ambiguous"));
        assert_eq!(parsed.warnings[0].column, "amout");
        assert!(parsed.warnings[0].message.contains("Did you mean amount?"));
    }

    #[test]
    fn an_ambiguous_date_column_refuses_the_file_and_says_how_to_fix_it() {
        let file =
            format!("{HEADER}\nA,Acme,NL,NL123456789B01,EUR,I1,05/01/2026,04/02/2026,1.00\n");
        let Err(AppError::Validation(errors)) = parse(file.as_bytes()) else {
            panic!("refused");
        };
        assert_eq!(errors.len(), 2);
        assert!(errors[0].message.contains("YYYY-MM-DD"));
    }
}
