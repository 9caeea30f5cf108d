//! CSV intake: one row per invoice, grouped into cases by `creditor_reference` in order of first
//! appearance. `,` or `;` separated (detected from the header), UTF-8 with or without BOM,
//! quoted fields. With `;` a decimal comma in `amount` is accepted (`1250,50`), as European ERPs
//! write it; thousands separators never are.

use std::collections::HashMap;
use std::sync::Arc;

use chrono::NaiveDate;

use super::input::{InvoiceInput, PlaceCase};
use crate::debtors::{AddressInput, ContactInput, DebtorInput};
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
    /// 1-based line number (the header is line 1).
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

/// A parsed file: groups to place and rows refused before grouping.
#[derive(Debug, Clone)]
pub struct ParsedCsv {
    /// Cases in order of first appearance.
    pub groups: Vec<CsvGroup>,
    /// Rows that could not be read at all (wrong field count, no reference).
    pub unreadable: Vec<CellError>,
    /// Whether `;` separated (decimal commas allowed).
    pub semicolon: bool,
    /// Data rows seen.
    pub rows: usize,
}

/// Most data rows one import takes.
pub const MAX_ROWS: usize = 100_000;

/// Parses a whole file.
///
/// # Errors
/// 422 naming the header when a required column is missing, the header is unreadable, or the
/// file has more than [`MAX_ROWS`] rows.
pub fn parse(bytes: &[u8]) -> Result<ParsedCsv, AppError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let header_line = bytes
        .split(|byte| *byte == b'\n')
        .next()
        .unwrap_or_default();
    let semicolon = header_line.iter().filter(|b| **b == b';').count()
        > header_line.iter().filter(|b| **b == b',').count();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(if semicolon { b';' } else { b',' })
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(bytes);
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
        .map(|name| name.trim().to_ascii_lowercase())
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
            format!("Required columns missing: {}.", missing.join(", ")),
        ));
    }
    let mut groups: Vec<CsvGroup> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    let mut unreadable = Vec::new();
    let mut rows = 0;
    for record in reader.records() {
        rows += 1;
        if rows > MAX_ROWS {
            return Err(AppError::invalid(
                "body",
                "too_many_rows",
                format!("At most {MAX_ROWS} rows per import."),
            ));
        }
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, csv::Position::line);
                unreadable.push(CellError {
                    line,
                    column: "row".into(),
                    message: format!("Unreadable row: {err}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if record.len() != headers.len() {
            unreadable.push(CellError {
                line,
                column: "row".into(),
                message: format!("Expected {} fields, found {}.", headers.len(), record.len()),
            });
            continue;
        }
        let row = CsvRow {
            line,
            headers: Arc::clone(&headers),
            values: record.iter().map(ToOwned::to_owned).collect(),
        };
        let Some(reference) = row.get("creditor_reference").map(ToOwned::to_owned) else {
            unreadable.push(CellError {
                line,
                column: "creditor_reference".into(),
                message: "creditor_reference is empty.".into(),
            });
            continue;
        };
        match index_of.get(&reference) {
            Some(&index) => groups[index].rows.push(row),
            None => {
                index_of.insert(reference.clone(), groups.len());
                groups.push(CsvGroup {
                    reference,
                    rows: vec![row],
                });
            }
        }
    }
    Ok(ParsedCsv {
        groups,
        unreadable,
        semicolon,
        rows,
    })
}

impl CsvGroup {
    /// The case the rows describe.
    ///
    /// # Errors
    /// Cell errors when rows of the case disagree on case columns or a date does not parse.
    pub fn to_place_case(&self, semicolon: bool) -> Result<PlaceCase, Vec<CellError>> {
        let mut errors = Vec::new();
        let Some(first) = self.rows.first() else {
            return Err(errors);
        };
        let case_columns = REQUIRED_COLUMNS
            .iter()
            .chain(OPTIONAL_COLUMNS.iter())
            .filter(|column| !INVOICE_COLUMNS.contains(column));
        for row in &self.rows[1..] {
            for column in case_columns.clone() {
                if row.get(column) != first.get(column) {
                    errors.push(CellError {
                        line: row.line,
                        column: (*column).to_owned(),
                        message: format!("Differs from line {} of the same creditor_reference; a case has one debtor and terms.", first.line),
                    });
                }
            }
        }
        let invoices: Vec<InvoiceInput> = self
            .rows
            .iter()
            .map(|row| InvoiceInput {
                number: row.get("invoice_number").unwrap_or_default().to_owned(),
                issue_date: date(row, "issue_date", &mut errors),
                due_date: date(row, "due_date", &mut errors),
                amount: amount(row.get("amount").unwrap_or_default(), semicolon),
            })
            .collect();
        if !errors.is_empty() {
            return Err(errors);
        }
        let text = |column: &str| first.get(column).map(ToOwned::to_owned);
        let address_fields = [
            "debtor_address_line1",
            "debtor_address_line2",
            "debtor_postal_code",
            "debtor_city",
            "debtor_region",
        ];
        let address = address_fields
            .iter()
            .any(|column| first.get(column).is_some())
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
        Ok(PlaceCase {
            debtor: Some(DebtorInput {
                kind: Default::default(),
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
            contractual_interest_rate: text("contractual_interest_rate")
                .map(|rate| amount(&rate, semicolon)),
            notes: text("notes"),
            quote_id: text("quote_id"),
        })
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

fn date(row: &CsvRow, column: &str, errors: &mut Vec<CellError>) -> NaiveDate {
    let raw = row.get(column).unwrap_or_default();
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").unwrap_or_else(|_| {
        errors.push(CellError {
            line: row.line,
            column: column.to_owned(),
            message: format!("`{raw}` is not a date in YYYY-MM-DD form."),
        });
        NaiveDate::MIN
    })
}

/// A decimal comma becomes a point in `;` files (`1250,50`); anything else passes through to
/// the strict money parser unchanged.
fn amount(raw: &str, semicolon: bool) -> String {
    let decimal_comma = semicolon
        && raw.matches(',').count() == 1
        && !raw.contains('.')
        && raw.split(',').all(|part| {
            !part.is_empty()
                && part
                    .trim_start_matches('-')
                    .bytes()
                    .all(|b| b.is_ascii_digit())
        });
    if decimal_comma {
        raw.replace(',', ".")
    } else {
        raw.to_owned()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
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
        let case = parsed.groups[0].to_place_case(parsed.semicolon).unwrap();
        assert_eq!(case.invoices.len(), 2);
    }

    #[test]
    fn semicolons_bom_quotes_and_decimal_commas_are_understood() {
        let file = "\u{feff}creditor_reference;debtor_legal_name;debtor_country;currency;invoice_number;issue_date;due_date;amount\n\"R;1\";\"Müller; Söhne GmbH\";DE;EUR;I1;2026-01-01;2026-01-31;1250,50\n";
        let parsed = parse(file.as_bytes()).unwrap();
        assert!(parsed.semicolon);
        let case = parsed.groups[0].to_place_case(true).unwrap();
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
        let errors = parsed.groups[0].to_place_case(false).unwrap_err();
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
}
