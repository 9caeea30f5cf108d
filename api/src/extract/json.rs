//! `ApiJson<T>`: a JSON body checked for media type, size, syntax, field types (every wrong field
//! at once, named by its path: [`super::schema_errors`]) and `validator` rules, in that order.

use std::future::Future;
use std::pin::Pin;

use actix_web::dev::Payload;
use actix_web::http::header;
use actix_web::{FromRequest, HttpRequest};
use serde::de::DeserializeOwned;
use utoipa::ToSchema;
use validator::{Validate, ValidationErrors, ValidationErrorsKind};

use super::body::{declared_length, read_stream};
use crate::error::{ApiError, FieldError};

/// Largest JSON body accepted unless a route configures its own [`BodyLimit`].
pub const DEFAULT_BODY_LIMIT: usize = 1024 * 1024;

/// Per-app or per-route limit on JSON bodies, as `app_data`.
#[derive(Debug, Clone, Copy)]
pub struct BodyLimit(pub usize);

/// A validated JSON request body, with a fingerprint of its content for idempotency checks.
#[derive(Debug)]
pub struct ApiJson<T> {
    value: T,
    fingerprint: String,
}

impl<T> ApiJson<T> {
    /// The inner value.
    pub fn into_inner(self) -> T {
        self.value
    }

    /// SHA-256 of the body's canonical JSON (object keys sorted, whitespace dropped), so that a
    /// replay that only reorders keys still counts as the same request.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }
}

impl<T: DeserializeOwned + Validate + ToSchema + 'static> FromRequest for ApiJson<T> {
    type Error = ApiError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, ApiError>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let limit = req
            .app_data::<BodyLimit>()
            .map_or(DEFAULT_BODY_LIMIT, |limit| limit.0);
        let media_type = check_media_type(req);
        let declared = declared_length(req);
        let payload = payload.take();
        Box::pin(async move {
            media_type?;
            let body = read_stream(payload, declared, limit).await?;
            // One parse serves the fingerprint and the typed value.
            let parsed = parse_value(&body)?;
            let fingerprint = fingerprint_of(&parsed);
            let value: T = typed_or_every_error(parsed)?;
            value
                .validate()
                .map_err(|errors| ApiError::Validation(flatten(&errors)))?;
            Ok(Self { value, fingerprint })
        })
    }
}

fn check_media_type(req: &HttpRequest) -> Result<(), ApiError> {
    let Some(raw) = req.headers().get(header::CONTENT_TYPE) else {
        return Err(ApiError::UnsupportedMediaType(
            "Send the body as application/json.".into(),
        ));
    };
    let essence = raw
        .to_str()
        .unwrap_or_default()
        .split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase();
    if essence == "application/json"
        || (essence.starts_with("application/") && essence.ends_with("+json"))
    {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType(format!(
            "Expected application/json, got `{essence}`."
        )))
    }
}

/// Hex SHA-256 of the canonical form of a JSON body that has already parsed.
#[must_use]
pub fn fingerprint(body: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    match serde_json::from_slice::<serde_json::Value>(body) {
        Ok(value) => fingerprint_of(&value),
        Err(_) => hex::encode(Sha256::digest(body)),
    }
}

/// Hex SHA-256 of a parsed body's canonical form (`serde_json` keeps object keys sorted).
fn fingerprint_of(value: &serde_json::Value) -> String {
    use sha2::{Digest, Sha256};
    hex::encode(Sha256::digest(value.to_string().as_bytes()))
}

/// Deserialises with the path of the failing field, so a wrong type is a 422 that names it.
///
/// A number with a zero fraction (`9.0`) is read as the integer it equals: JSON has one number
/// type (RFC 8259 s.6) and JSON Schema's `integer` is any number whose fraction is zero (JSON
/// Schema Validation 2020-12 s.6.1.1), so a client may send `9.0` where the document says
/// `integer`; serde alone would refuse it for an integer field.
pub fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, ApiError> {
    typed(parse_value(body)?)
}

/// The body as JSON, or 400 `malformed_json`.
fn parse_value(body: &[u8]) -> Result<serde_json::Value, ApiError> {
    serde_json::from_slice(body).map_err(|err| ApiError::MalformedJson(err.to_string()))
}

/// A parsed body as `T`, naming the field that does not fit.
fn typed<T: DeserializeOwned>(mut value: serde_json::Value) -> Result<T, ApiError> {
    integral_numbers_as_integers(&mut value);
    serde_path_to_error::deserialize(&value).map_err(|err| {
        misfit(err).map_or_else(|other| other, |first| ApiError::Validation(vec![first]))
    })
}

/// A parsed body as `T`; if it does not fit, every field that does not, from `T`'s schema in
/// the document, and at least the one serde stopped at.
pub fn typed_or_every_error<T: DeserializeOwned + ToSchema>(
    mut value: serde_json::Value,
) -> Result<T, ApiError> {
    integral_numbers_as_integers(&mut value);
    let err = match serde_path_to_error::deserialize(&value) {
        Ok(typed) => return Ok(typed),
        Err(err) => err,
    };
    let first = misfit(err)?;
    let mut every = super::schema_errors::of(&T::name(), &value);
    if !every
        .iter()
        .any(|found| related(&found.field, &first.field))
    {
        every.push(first);
    }
    Err(ApiError::Validation(every))
}

/// The field serde stopped at; a failure that is not about the data is malformed JSON.
fn misfit(err: serde_path_to_error::Error<serde_json::Error>) -> Result<FieldError, ApiError> {
    let path = err.path().to_string();
    let inner = err.into_inner();
    match inner.classify() {
        serde_json::error::Category::Data => {
            Ok(data_error(&path, &strip_position(&inner.to_string())))
        }
        _ => Err(ApiError::MalformedJson(inner.to_string())),
    }
}

/// Whether two field paths name the same value or one holds the other.
fn related(one: &str, other: &str) -> bool {
    let holds = |outer: &str, inner: &str| {
        outer == "body"
            || inner.strip_prefix(outer).is_some_and(|rest| {
                rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')
            })
    };
    holds(one, other) || holds(other, one)
}

/// Rewrites every float whose fraction is zero, within the range where a float holds integers
/// exactly (below 2^53), as that integer.
fn integral_numbers_as_integers(value: &mut serde_json::Value) {
    /// 2^53: up to here every integer has an exact float.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    match value {
        serde_json::Value::Number(number) if number.is_f64() => {
            if let Some(float) = number.as_f64()
                && float.fract() == 0.0
                && float.abs() < EXACT
            {
                #[expect(
                    clippy::cast_possible_truncation,
                    reason = "the float is integral and below 2^53, so the integer is exact"
                )]
                let integer = float as i64;
                *number = integer.into();
            }
        }
        serde_json::Value::Array(items) => {
            items.iter_mut().for_each(integral_numbers_as_integers);
        }
        serde_json::Value::Object(fields) => {
            fields.values_mut().for_each(integral_numbers_as_integers);
        }
        _ => {}
    }
}

/// A body that parsed as JSON but not as the request: the field by its JSON path, with what
/// to send. serde reports a missing member at the object holding it, so its name is taken
/// from the message and joined to that path.
fn data_error(path: &str, message: &str) -> FieldError {
    let at = |name: &str| {
        if path == "." {
            name.to_owned()
        } else {
            format!("{path}.{name}")
        }
    };
    let quoted = |prefix: &str| {
        message
            .strip_prefix(prefix)
            .and_then(|rest| rest.split('`').next())
            .map(ToOwned::to_owned)
    };
    if let Some(name) = quoted("missing field `") {
        return FieldError::new(
            at(&name),
            "required",
            format!("Send `{name}`: it is required."),
        );
    }
    if let Some(name) = quoted("unknown field `") {
        let expected = message
            .split_once(", expected ")
            .map(|(_, rest)| format!(" Known here: {}.", rest.replace("one of ", "")))
            .unwrap_or_default();
        // The path already ends in the unknown member.
        let field = if path == "." {
            name.clone()
        } else {
            path.to_owned()
        };
        return FieldError::new(
            field,
            "unknown_field",
            format!("`{name}` is not a field of this request; remove it.{expected}"),
        );
    }
    let field = if path == "." { "body" } else { path };
    FieldError::new(field, "invalid_type", message.to_owned())
}

/// serde's data errors end in "at line L column C", which means little to a client that sent a
/// one-line body; the field path says more.
fn strip_position(message: &str) -> String {
    message
        .split(" at line ")
        .next()
        .unwrap_or(message)
        .to_owned()
}

/// Turns nested `validator` errors into one flat list with dotted/indexed paths.
#[must_use]
pub fn flatten(errors: &ValidationErrors) -> Vec<FieldError> {
    let mut out = Vec::new();
    collect(errors, "", &mut out);
    out
}

fn collect(errors: &ValidationErrors, prefix: &str, out: &mut Vec<FieldError>) {
    for (field, kind) in errors.errors() {
        let path = if prefix.is_empty() {
            field.to_string()
        } else {
            format!("{prefix}.{field}")
        };
        match kind {
            ValidationErrorsKind::Field(list) => {
                for error in list {
                    let message = error
                        .message
                        .as_ref()
                        .map_or_else(|| expected_form(&path, error), ToString::to_string);
                    out.push(FieldError::new(
                        path.clone(),
                        error.code.to_string(),
                        message,
                    ));
                }
            }
            ValidationErrorsKind::Struct(inner) => collect(inner, &path, out),
            ValidationErrorsKind::List(items) => {
                for (index, inner) in items {
                    collect(inner, &format!("{path}[{index}]"), out);
                }
            }
        }
    }
}

/// What a field must be, from the rule it fails and the rule's bounds.
fn expected_form(path: &str, error: &validator::ValidationError) -> String {
    let bound = |name: &str| error.params.get(name).map(ToString::to_string);
    // A list's length counts its items; a text's, its characters.
    let unit = if error
        .params
        .get("value")
        .is_some_and(serde_json::Value::is_array)
    {
        "items"
    } else {
        "characters"
    };
    let of = |count: &str| {
        if count == "1" {
            format!("{count} {}", unit.trim_end_matches('s'))
        } else {
            format!("{count} {unit}")
        }
    };
    match (
        error.code.as_ref(),
        bound("min"),
        bound("max"),
        bound("equal"),
    ) {
        ("length", _, _, Some(equal)) => format!("`{path}` has exactly {}.", of(&equal)),
        ("length", Some(min), Some(max), _) => {
            format!("`{path}` has {min} to {}.", of(&max))
        }
        ("length", Some(min), None, _) => format!("`{path}` has at least {}.", of(&min)),
        ("length", None, Some(max), _) => format!("`{path}` has at most {}.", of(&max)),
        ("range", Some(min), Some(max), _) => format!("`{path}` is from {min} to {max}."),
        ("range", Some(min), None, _) => format!("`{path}` is at least {min}."),
        ("range", None, Some(max), _) => format!("`{path}` is at most {max}."),
        ("email", ..) => format!("`{path}` is an email address, such as name@example.com."),
        ("url", ..) => format!("`{path}` is an absolute URL, such as https://erp.example/hooks."),
        ("required", ..) => format!("Send `{path}`: it is required."),
        (code, ..) => format!("`{path}` does not have the expected form ({code})."),
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::*;

    #[derive(Debug, Deserialize)]
    struct Body {
        #[expect(
            dead_code,
            reason = "read through Debug only: the test checks the error"
        )]
        name: String,
        #[expect(
            dead_code,
            reason = "read through Debug only: the test checks the error"
        )]
        count: u32,
    }

    #[test]
    fn a_wrong_type_names_the_field() {
        let err = parse::<Body>(br#"{"name":"x","count":"three"}"#).unwrap_err();
        let ApiError::Validation(errors) = err else {
            panic!("expected validation")
        };
        assert_eq!(errors[0].field, "count");
        assert_eq!(errors[0].code, "invalid_type");
    }

    #[test]
    fn an_integral_float_is_read_as_an_integer() {
        #[derive(Debug, serde::Deserialize)]
        struct Limits {
            count: u32,
            nested: Vec<i64>,
        }
        let limits: Limits = parse(br#"{"count": 9.0, "nested": [-2.0, 3]}"#).unwrap();
        assert_eq!(limits.count, 9);
        assert_eq!(limits.nested, vec![-2, 3]);
        assert!(parse::<Limits>(br#"{"count": 9.5, "nested": []}"#).is_err());
    }

    #[test]
    fn broken_syntax_is_malformed_json() {
        assert!(matches!(
            parse::<Body>(br#"{"name":"#),
            Err(ApiError::MalformedJson(_))
        ));
        assert!(matches!(
            parse::<Body>(br#"{"name":"x","count":1} trailing"#),
            Err(ApiError::MalformedJson(_))
        ));
    }

    #[test]
    fn a_missing_field_is_named_by_its_path() {
        let err = parse::<Body>(br#"{"name":"x"}"#).unwrap_err();
        let ApiError::Validation(errors) = err else {
            panic!("expected validation")
        };
        assert_eq!(errors[0].field, "count");
        assert_eq!(errors[0].code, "required");
        assert_eq!(errors[0].message, "Send `count`: it is required.");
    }

    #[derive(Debug, Deserialize)]
    struct Outer {
        #[expect(
            dead_code,
            reason = "read through Debug only: the test checks the error"
        )]
        inner: Vec<Strict>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Strict {
        #[expect(
            dead_code,
            reason = "read through Debug only: the test checks the error"
        )]
        amount: String,
    }

    #[test]
    fn nested_missing_and_unknown_fields_are_named_by_their_path() {
        let ApiError::Validation(missing) =
            parse::<Outer>(br#"{"inner":[{"amount":"1"},{}]}"#).unwrap_err()
        else {
            panic!("expected validation")
        };
        assert_eq!(missing[0].field, "inner[1].amount");
        let ApiError::Validation(unknown) =
            parse::<Outer>(br#"{"inner":[{"amount":"1","amout":"2"}]}"#).unwrap_err()
        else {
            panic!("expected validation")
        };
        assert_eq!(unknown[0].field, "inner[0].amout");
        assert_eq!(unknown[0].code, "unknown_field");
        assert_eq!(
            unknown[0].message,
            "`amout` is not a field of this request; remove it. Known here: `amount`."
        );
    }

    #[derive(Debug, Deserialize, Validate)]
    struct Bounded {
        #[validate(length(min = 1, max = 200))]
        name: String,
        #[validate(length(min = 1))]
        tags: Vec<String>,
        #[validate(range(min = 1, max = 100))]
        percent: u32,
        #[validate(email)]
        email: String,
    }

    #[test]
    fn a_rule_without_its_own_message_says_what_the_field_must_be() {
        let bounded = Bounded {
            name: String::new(),
            tags: Vec::new(),
            percent: 0,
            email: "nobody".into(),
        };
        let mut errors = flatten(&bounded.validate().unwrap_err());
        errors.sort_by(|a, b| a.field.cmp(&b.field));
        let messages: Vec<&str> = errors.iter().map(|error| error.message.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`email` is an email address, such as name@example.com.",
                "`name` has 1 to 200 characters.",
                "`percent` is from 1 to 100.",
                "`tags` has at least 1 item.",
            ]
        );
    }
}
