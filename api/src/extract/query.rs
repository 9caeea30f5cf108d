//! Query-string errors as 422 problems that name each parameter that does not fit, all at once.
//!
//! serde stops at the first parameter it cannot read, and its query errors carry no path: a bad
//! value is reported as ``unknown variant `bogus` `` or `invalid digit found in string`. So every
//! parameter sent is checked against the operation's parameters in the served document
//! ([`super::schema_errors::of_query`]: a wrong type, enum value or date). The one serde stopped
//! at is added if that check missed it: found by matching what its message quotes against the
//! names and values sent, or, when only one was sent, it is that one.

use actix_web::web::QueryConfig;

use super::schema_errors;
use crate::error::{ApiError, FieldError};

/// The app-wide query extractor configuration.
#[must_use]
pub fn query_config() -> QueryConfig {
    QueryConfig::default().error_handler(|err, req| {
        let message = err.to_string();
        let detail = message
            .strip_prefix("Query deserialize error: ")
            .unwrap_or(&message);
        let sent = url::form_urlencoded::parse(req.query_string().as_bytes())
            .into_owned()
            .collect::<Vec<(String, String)>>();
        let mut every = req
            .match_pattern()
            .map(|pattern| schema_errors::of_query(req.method().as_str(), &pattern, &sent))
            .unwrap_or_default();
        let field = parameter(detail, &sent).unwrap_or_else(|| "query".to_owned());
        // serde's own error, unless the check above named it, or it names no parameter and the
        // check found what is wrong.
        let named = every.iter().any(|found| found.field == field);
        let unplaced = field == "query" && !every.is_empty();
        if !named && !unplaced {
            every.push(FieldError::new(
                field.clone(),
                code_of(detail),
                sentence(&field, detail),
            ));
        }
        ApiError::Validation(every).into()
    })
}

/// The code of a serde query error, as a body's field codes go.
fn code_of(detail: &str) -> &'static str {
    if detail.starts_with("missing field") {
        "required"
    } else if detail.starts_with("unknown field") {
        "unknown_field"
    } else {
        "invalid_type"
    }
}

/// The parameter an error is about: one the message quotes by name or by value, or the only one
/// sent.
fn parameter(detail: &str, sent: &[(String, String)]) -> Option<String> {
    let quoted: Vec<&str> = detail.split('`').skip(1).step_by(2).collect();
    quoted
        .iter()
        .find_map(|text| {
            sent.iter()
                .find(|(name, value)| name == text || value == text)
                .map(|(name, _)| name.clone())
        })
        .or_else(|| {
            detail
                .strip_prefix("missing field `")
                .and_then(|rest| rest.split('`').next())
                .map(ToOwned::to_owned)
        })
        .or_else(|| match sent {
            [(name, _)] => Some(name.clone()),
            _ => None,
        })
}

fn sentence(field: &str, detail: &str) -> String {
    if field == "query" {
        format!("The query string does not fit this operation: {detail}.")
    } else {
        format!("`{field}` is not valid here: {detail}.")
    }
}

#[cfg(test)]
mod tests {
    use super::parameter;

    fn sent(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect()
    }

    #[test]
    fn the_parameter_is_the_one_whose_value_or_name_is_quoted() {
        let query = sent(&[("limit", "10"), ("status", "bogus")]);
        assert_eq!(
            parameter(
                "unknown variant `bogus`, expected one of `open`, `closed`",
                &query
            ),
            Some("status".to_owned())
        );
        assert_eq!(
            parameter("missing field `as_of`", &query),
            Some("as_of".to_owned())
        );
    }

    #[test]
    fn an_unquoted_error_names_the_only_parameter_sent_or_none() {
        let one = sent(&[("limit", "ten")]);
        assert_eq!(
            parameter("invalid digit found in string", &one),
            Some("limit".to_owned())
        );
        let two = sent(&[("limit", "ten"), ("cursor", "x")]);
        assert_eq!(parameter("invalid digit found in string", &two), None);
    }
}
