//! Query-string errors as 422 problems that name the parameter serde complained about.
//!
//! serde's query errors carry no path: a bad value is reported as ``unknown variant `bogus` ``
//! or `invalid digit found in string`. The parameter is found by matching what the message
//! quotes against the names and values the request sent, or, when only one was sent, it is
//! that one.

use actix_web::web::QueryConfig;

use crate::error::ApiError;

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
        let field = parameter(detail, &sent).unwrap_or_else(|| "query".to_owned());
        ApiError::invalid(field.clone(), "invalid_query", sentence(&field, detail)).into()
    })
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
