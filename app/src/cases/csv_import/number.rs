//! Amounts as spreadsheets write them: `1250.50`, `1250,50`, `1.250,50`, `1 250,50`,
//! `1'250.50`, `1,250.50`, with the currency's sign or ISO code before or after
//! (`1.250,00 €`, `EUR 1,250.00`). The digits are read into a `Decimal` exactly; a form whose
//! meaning depends on the reader's locale (`1,250` or `1.250`: a thousand and more, or one and
//! a quarter?) is refused with what to write instead.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Signs that stand for a currency beside an amount, and the codes each may mean.
const SIGNS: [(&str, &[&str]); 14] = [
    ("€", &["EUR"]),
    ("£", &["GBP"]),
    ("$", &["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"]),
    ("US$", &["USD"]),
    ("¥", &["JPY", "CNY"]),
    ("zł", &["PLN"]),
    ("Kč", &["CZK"]),
    ("Ft", &["HUF"]),
    ("kr", &["SEK", "NOK", "DKK", "ISK"]),
    ("kr.", &["SEK", "NOK", "DKK", "ISK"]),
    ("Fr.", &["CHF"]),
    ("SFr.", &["CHF"]),
    ("lei", &["RON"]),
    ("₹", &["INR"]),
];

/// How the file writes decimals, for the examples in a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Convention {
    /// `;` files: `1.250,00`.
    DecimalComma,
    /// `,` files: `1250.00`.
    DecimalPoint,
}

impl Convention {
    fn example(self) -> &'static str {
        match self {
            Self::DecimalComma => "1.250,00 or 1250,00",
            Self::DecimalPoint => "1250.00 or \"1,250.00\"",
        }
    }
}

/// An amount cell: its value, after checking a currency written beside it against the row's
/// `currency`.
///
/// # Errors
/// A message saying what is wrong and what to write.
pub fn amount(raw: &str, currency: &str, convention: Convention) -> Result<Decimal, String> {
    if raw.trim_matches(is_space).is_empty() {
        return Err(format!(
            "The amount is empty: write the invoice's open amount, as {}.",
            convention.example()
        ));
    }
    let (number, token) = split_currency(raw);
    if !number.contains(|c: char| c.is_ascii_digit()) {
        return Err(Problem::NotANumber.message(raw, convention));
    }
    if let Some(token) = token {
        check_currency(raw, token, currency, convention)?;
    }
    parse_number(number, true).map_err(|problem| problem.message(raw, convention))
}

/// A percentage cell (`9,5`, `9.5`, `9,5 %`): one decimal separator, never thousands.
///
/// # Errors
/// A message saying what to write.
pub fn rate(raw: &str) -> Result<Decimal, String> {
    let number = raw.trim().trim_end_matches('%').trim_end();
    parse_number(number, false).map_err(|_| {
        format!(
            "`{raw}` is not a percentage: write it as a number with at most 4 decimals, e.g. 9,5 or 9.5."
        )
    })
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{a0}' || c == '\u{202f}'
}

/// The amount without a currency written before or after it, and that currency.
fn split_currency(raw: &str) -> (&str, Option<&str>) {
    let raw = raw.trim_matches(is_space);
    let start = raw
        .find(|c: char| c.is_ascii_digit() || c == '-' || c == '+')
        .unwrap_or(raw.len());
    let end = raw
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(start, |at| at + 1)
        .max(start);
    let before = raw[..start].trim_matches(is_space);
    let after = raw[end..].trim_matches(is_space);
    let number = &raw[start..end];
    match (before.is_empty(), after.is_empty()) {
        (true, true) => (number, None),
        (false, true) => (number, Some(before)),
        (true, false) => (number, Some(after)),
        // Something on both sides is no amount; the number parser reports it with the raw text.
        (false, false) => (raw, None),
    }
}

fn check_currency(
    raw: &str,
    token: &str,
    currency: &str,
    convention: Convention,
) -> Result<(), String> {
    let currency = currency.trim().to_ascii_uppercase();
    let codes: Vec<String> = if token.len() == 3 && token.chars().all(|c| c.is_ascii_alphabetic()) {
        vec![token.to_ascii_uppercase()]
    } else if let Some((_, codes)) = SIGNS
        .iter()
        .find(|(sign, _)| sign.eq_ignore_ascii_case(token))
    {
        codes.iter().map(|code| (*code).to_owned()).collect()
    } else {
        return Err(format!(
            "`{raw}`: `{token}` is neither a currency code nor a currency sign; write the amount alone, as {}.",
            convention.example()
        ));
    };
    // An empty or invalid currency column is reported on that column; the sign cannot be
    // checked against it.
    if currency.len() != 3 || codes.contains(&currency) {
        return Ok(());
    }
    Err(format!(
        "`{raw}` is in {} but the row's currency is {currency}; amounts are never converted: write the amount in {currency}, or correct the currency column.",
        codes.join(" or ")
    ))
}

/// Why a number was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Problem {
    /// Not digits and separators.
    NotANumber,
    /// One `,` or `.` followed by exactly three digits.
    Ambiguous { integer: String, fraction: String },
    /// Thousands groups not of three digits, or two kinds of grouping.
    BadGrouping,
    /// More digits than a decimal holds.
    TooLarge,
}

impl Problem {
    fn message(&self, raw: &str, convention: Convention) -> String {
        match self {
            Self::NotANumber => format!(
                "`{raw}` is not an amount: write digits with one decimal separator, as {}, optionally with the currency (1.250,00 EUR).",
                convention.example()
            ),
            Self::Ambiguous { integer, fraction } => {
                let small = format!("{integer}.{}", fraction.trim_end_matches('0'));
                let small = small.trim_end_matches('.');
                let (thousands, quarter) = match convention {
                    Convention::DecimalComma => {
                        (format!("{integer}.{fraction},00"), small.replace('.', ","))
                    }
                    Convention::DecimalPoint => {
                        (format!("{integer}{fraction}.00"), small.to_owned())
                    }
                };
                format!(
                    "`{raw}` is ambiguous: {integer}{fraction} or {small}? Write the decimals: {thousands} for {integer}{fraction}, or {quarter} for {small}."
                )
            }
            Self::BadGrouping => format!(
                "`{raw}`: thousands separators must split the digits into groups of three, with one kind of separator; write {}.",
                convention.example()
            ),
            Self::TooLarge => format!("`{raw}` has more digits than any amount."),
        }
    }
}

/// Separators that group thousands and never mark decimals.
fn is_group_only(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'' | '\u{2019}')
}

/// Reads `sign? digits (separators digits)*` into a decimal. With `grouping`, `.` or `,` may
/// separate thousands; the last of two different ones, or a lone one not followed by exactly
/// three digits, is the decimal separator.
fn parse_number(number: &str, grouping: bool) -> Result<Decimal, Problem> {
    let (negative, body) = match number.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, number.strip_prefix('+').unwrap_or(number)),
    };
    if body.is_empty()
        || !body
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',' || is_group_only(c))
        || !body.starts_with(|c: char| c.is_ascii_digit())
        || !body.ends_with(|c: char| c.is_ascii_digit())
    {
        return Err(Problem::NotANumber);
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    let spaced = body.contains(is_group_only);
    if !grouping && (spaced || dots + commas > 1) {
        return Err(Problem::NotANumber);
    }
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let separator = if dots > 0 { '.' } else { ',' };
            let (integer, fraction) = body.rsplit_once(separator).unwrap_or((body, ""));
            if dots + commas > 1 {
                None
            } else if !grouping || spaced {
                Some(separator)
            } else if fraction.len() == 3
                && (1..=3).contains(&integer.len())
                && !integer.starts_with('0')
            {
                return Err(Problem::Ambiguous {
                    integer: integer.to_owned(),
                    fraction: fraction.to_owned(),
                });
            } else {
                Some(separator)
            }
        }
        _ => {
            let last = body.rfind(['.', ',']).map(|at| &body[at..]);
            match last {
                Some(rest) if rest.starts_with('.') && dots == 1 => Some('.'),
                Some(rest) if rest.starts_with(',') && commas == 1 => Some(','),
                _ => return Err(Problem::BadGrouping),
            }
        }
    };
    let (integer, fraction) = match decimal {
        Some(separator) => body.rsplit_once(separator).unwrap_or((body, "")),
        None => (body, ""),
    };
    let groups: Vec<&str> = integer.split(|c: char| !c.is_ascii_digit()).collect();
    if groups.len() > 1 {
        let kinds: Vec<char> = integer
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .map(|c| {
                if is_group_only(c) && c != '\'' && c != '\u{2019}' {
                    ' '
                } else {
                    c
                }
            })
            .collect();
        let one_kind = kinds.windows(2).all(|pair| pair[0] == pair[1]);
        let sized = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups[1..].iter().all(|g| g.len() == 3);
        if !one_kind || !sized {
            return Err(Problem::BadGrouping);
        }
    }
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(Problem::BadGrouping);
    }
    let digits: String = groups.concat();
    let text = if fraction.is_empty() {
        digits
    } else {
        format!("{digits}.{fraction}")
    };
    let value = Decimal::from_str(&text).map_err(|_| Problem::TooLarge)?;
    Ok(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str, currency: &str) -> String {
        amount(raw, currency, Convention::DecimalComma)
            .unwrap_or_else(|err| panic!("{raw}: {err}"))
            .to_string()
    }

    fn refused(raw: &str, currency: &str) -> String {
        amount(raw, currency, Convention::DecimalComma).unwrap_err()
    }

    #[test]
    fn spreadsheet_forms_read_exactly() {
        for (raw, expected) in [
            ("1250", "1250"),
            ("1250,5", "1250.5"),
            ("1250,50", "1250.50"),
            ("1250.50", "1250.50"),
            ("1.250,00", "1250.00"),
            ("1 250,00", "1250.00"),
            ("1\u{a0}250,00", "1250.00"),
            ("1\u{202f}250,00", "1250.00"),
            ("1'250.00", "1250.00"),
            ("1'250,00", "1250.00"),
            ("1,250.00", "1250.00"),
            ("12.345.678,91", "12345678.91"),
            ("1,250,000", "1250000"),
            ("1.250.000", "1250000"),
            ("1 250", "1250"),
            ("0,125", "0.125"),
            ("1250,000", "1250.000"),
            ("1.250,00 €", "1250.00"),
            ("€1.250,00", "1250.00"),
            ("EUR 1,250.00", "1250.00"),
            ("1.250,00 eur", "1250.00"),
            ("-5,00", "-5.00"),
            ("0.1", "0.1"),
            ("99999999999999.99", "99999999999999.99"),
        ] {
            assert_eq!(ok(raw, "EUR"), expected, "{raw}");
        }
        assert_eq!(ok("$1,250.00", "USD"), "1250.00");
        assert_eq!(ok("1.250,00 kr", "DKK"), "1250.00");
        assert_eq!(ok("CHF 1'250.50", "chf"), "1250.50");
    }

    #[test]
    fn locale_dependent_forms_are_refused_with_both_readings() {
        let message = refused("1,250", "EUR");
        assert!(message.contains("ambiguous"), "{message}");
        assert!(message.contains("1.250,00 for 1250"), "{message}");
        assert!(message.contains("1,25 for 1.25"), "{message}");
        assert!(refused("1.250", "EUR").contains("ambiguous"));
        assert!(refused("12,500 €", "EUR").contains("12.500,00 for 12500"));
        let point = amount("1,250", "EUR", Convention::DecimalPoint).unwrap_err();
        assert!(point.contains("1250.00 for 1250"), "{point}");
        assert!(point.contains("1.25 for 1.25"), "{point}");
    }

    #[test]
    fn malformed_amounts_say_what_to_write() {
        for raw in [
            "1e3",
            "abc",
            "1.2.3,4,5",
            "12,34.56,7",
            "1,2345.6",
            "1.25.0",
            ",50",
            "1250,",
            "1 25,00",
            "1.250 000,00",
            "1..5",
        ] {
            let message = refused(raw, "EUR");
            assert!(message.contains("1.250,00"), "{raw}: {message}");
        }
        assert!(refused("1.250,00 $", "EUR").contains("the row's currency is EUR"));
        assert!(refused("USD 5", "EUR").contains("in USD"));
        assert!(refused("5 ducats", "EUR").contains("neither a currency code"));
        assert!(refused("99999999999999999999999999999999", "EUR").contains("more digits"));
    }

    #[test]
    fn rates_take_one_decimal_separator() {
        assert_eq!(rate("9,5").unwrap().to_string(), "9.5");
        assert_eq!(rate("9.125 %").unwrap().to_string(), "9.125");
        assert_eq!(rate("8%").unwrap().to_string(), "8");
        assert!(rate("1.000,5").is_err());
        assert!(rate("x").is_err());
    }
}
