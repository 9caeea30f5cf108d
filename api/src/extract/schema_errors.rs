//! Every wrong field of a body at once. serde stops at the first field it cannot read, so a body
//! with three mistakes took three round trips to fix. When a body does not deserialise, it is
//! checked against its schema in the served OpenAPI document (JSON Schema 2020-12, which
//! OpenAPI 3.1 uses), and each failure of its *shape* is reported with its JSON path: a missing
//! member (`required`), an unknown one (`unknown_field`), a wrong JSON type, enum value or date
//! (`invalid_type`), which is what serde checks.
//!
//! The rules on a well-shaped value (lengths, ranges, patterns, email addresses, and the rules
//! across fields) are left to the layers after deserialisation, which report them all at once
//! under their own codes (`length`, `too_long`, `out_of_range`, `blank`, `invalid_amount`, ...):
//! taking them from the schema here would give one mistake two codes, depending on whether
//! another field was wrong.
//!
//! The document and the schemathesis runs in CI keep the schemas and the server agreeing both
//! ways (a schema-valid body is accepted, a schema-invalid one refused), so the extra failures are
//! ones the server would refuse too.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use jsonschema::error::{TypeKind, ValidationErrorKind};
use jsonschema::{Draft, JsonType, Registry, Resource, ValidationError, Validator};
use serde_json::Value;

use crate::error::FieldError;

/// Where the document's components are registered, so that each validator refers to one copy
/// of them instead of holding its own (about 2 MB each).
const DOCUMENT: &str = "urn:solvo:openapi";

/// The document's components (as `{"components": ...}`, where every `#/components/...`
/// reference points), registered once, and a validator per body schema compiled on first use.
struct Schemas {
    document: Value,
    registry: Option<Registry>,
    validators: Mutex<HashMap<String, Arc<Validator>>>,
    /// Each operation's query parameters, by lower-case method and path pattern.
    parameters: HashMap<(String, String), Vec<QueryParameter>>,
    /// Each operation's documented answers, by lower-case method and path pattern.
    responses: HashMap<(String, String), Answers>,
}

/// An operation's documented answers: by status, each media type and its schema (`None` for a
/// media type without one, such as a binary download).
type Answers = HashMap<String, HashMap<String, Option<Value>>>;

/// A documented query parameter, its schema's references pointing into [`DOCUMENT`].
struct QueryParameter {
    name: String,
    required: bool,
    schema: Value,
}

static SCHEMAS: OnceLock<Schemas> = OnceLock::new();

/// Registers the served document's schemas: start-up builds the document anyway, and a second
/// build would cost the first refused request its time and memory.
pub fn prepare(document: &utoipa::openapi::OpenApi) {
    SCHEMAS.get_or_init(|| Schemas::of(document));
}

fn schemas() -> &'static Schemas {
    SCHEMAS.get_or_init(|| Schemas::of(&crate::openapi::document()))
}

impl Schemas {
    fn of(openapi: &utoipa::openapi::OpenApi) -> Self {
        let components = serde_json::to_value(&openapi.components).unwrap_or(Value::Null);
        let document = serde_json::json!({ "components": components });
        let registry = Registry::options()
            .draft(Draft::Draft202012)
            .build([(DOCUMENT, Resource::from_contents(document.clone()))])
            .inspect_err(|error| {
                tracing::error!(%error, "the document's components do not register as schemas");
            })
            .ok();
        let paths = serde_json::to_value(&openapi.paths).unwrap_or(Value::Null);
        Self {
            document,
            registry,
            validators: Mutex::new(HashMap::new()),
            parameters: query_parameters(&paths),
            responses: documented_answers(&paths),
        }
    }
}

/// The query parameters of every operation of the document's `paths`.
fn query_parameters(paths: &Value) -> HashMap<(String, String), Vec<QueryParameter>> {
    let mut found = HashMap::new();
    for (pattern, item) in paths.as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let parameters: Vec<QueryParameter> = operation
                .get("parameters")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
                .filter(|parameter| parameter.get("in").and_then(Value::as_str) == Some("query"))
                .filter_map(|parameter| {
                    Some(QueryParameter {
                        name: parameter.get("name")?.as_str()?.to_owned(),
                        required: parameter.get("required").and_then(Value::as_bool) == Some(true),
                        schema: into_document(parameter.get("schema")?.clone()),
                    })
                })
                .collect();
            if !parameters.is_empty() {
                found.insert((method.clone(), pattern.clone()), parameters);
            }
        }
    }
    found
}

/// The documented answers of every operation of the document's `paths`.
fn documented_answers(paths: &Value) -> HashMap<(String, String), Answers> {
    let mut found = HashMap::new();
    for (pattern, item) in paths.as_object().into_iter().flatten() {
        for (method, operation) in item.as_object().into_iter().flatten() {
            let Some(responses) = operation.get("responses").and_then(Value::as_object) else {
                continue;
            };
            let answers = responses
                .iter()
                .map(|(status, response)| {
                    let media = response
                        .get("content")
                        .and_then(Value::as_object)
                        .into_iter()
                        .flatten()
                        .map(|(media_type, content)| {
                            let schema = content.get("schema").cloned().map(into_document);
                            (media_type.clone(), schema)
                        })
                        .collect();
                    (status.clone(), media)
                })
                .collect();
            found.insert((method.clone(), pattern.clone()), answers);
        }
    }
    found
}

/// A schema taken out of the document, its local references made to point into it.
fn into_document(mut schema: Value) -> Value {
    match &mut schema {
        Value::Object(fields) => {
            for (key, value) in fields.iter_mut() {
                if key == "$ref"
                    && let Value::String(reference) = value
                    && reference.starts_with('#')
                {
                    *reference = format!("{DOCUMENT}{reference}");
                } else {
                    *value = into_document(std::mem::take(value));
                }
            }
        }
        Value::Array(items) => {
            for item in items.iter_mut() {
                *item = into_document(std::mem::take(item));
            }
        }
        _ => {}
    }
    schema
}

/// The reference to component `name`: the root of its schema.
fn reference_to(name: &str) -> Value {
    serde_json::json!({ "$ref": format!("{DOCUMENT}#/components/schemas/{name}") })
}

/// The validator cached under `key`, compiled from `schema` on first use.
fn validator_for(key: &str, schema: &Value) -> Option<Arc<Validator>> {
    let schemas = schemas();
    let registry = schemas.registry.as_ref()?;
    let mut validators = schemas
        .validators
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    if let Some(validator) = validators.get(key) {
        return Some(Arc::clone(validator));
    }
    let built = jsonschema::options()
        .with_draft(Draft::Draft202012)
        .with_registry(registry.clone())
        .should_validate_formats(true)
        // The formats as the server reads them, not as the JSON Schema defaults define them.
        .with_format("date", |text: &str| {
            text.parse::<chrono::NaiveDate>().is_ok()
        })
        .with_format("date-time", |text: &str| {
            text.parse::<chrono::DateTime<chrono::Utc>>().is_ok()
        })
        .build(schema);
    match built {
        Ok(validator) => {
            let validator = Arc::new(validator);
            validators.insert(key.to_owned(), Arc::clone(&validator));
            Some(validator)
        }
        Err(error) => {
            tracing::error!(schema = key, %error, "a schema of the document does not compile");
            None
        }
    }
}

/// The failures of `body` against component schema `name`, each named by its JSON path. Empty
/// when the schema is unknown or the body fits it.
pub fn of(name: &str, body: &Value) -> Vec<FieldError> {
    let start = reference_to(name);
    let Some(validator) = validator_for(name, &start) else {
        return Vec::new();
    };
    let root = Root {
        start,
        document: &schemas().document,
        base: "",
    };
    let mut out = Vec::new();
    for error in validator.iter_errors(body) {
        describe(&error, body, &root, &mut out);
    }
    out.dedup();
    out
}

/// The failures of a query string's parameters (`sent`, as decoded) against the parameters the
/// document gives operation `method` `pattern`, each named by its parameter. Parameters the
/// operation does not document are not looked at here.
pub fn of_query(method: &str, pattern: &str, sent: &[(String, String)]) -> Vec<FieldError> {
    let schemas = schemas();
    let key = (method.to_ascii_lowercase(), pattern.to_owned());
    let Some(parameters) = schemas.parameters.get(&key) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for parameter in parameters {
        let values: Vec<&str> = sent
            .iter()
            .filter(|(name, _)| *name == parameter.name)
            .map(|(_, value)| value.as_str())
            .collect();
        if values.is_empty() {
            if parameter.required {
                out.push(FieldError::new(
                    parameter.name.clone(),
                    "required",
                    format!("Send `{}`: it is required.", parameter.name),
                ));
            }
            continue;
        }
        let cache_key = format!("{} {} ?{}", key.0, key.1, parameter.name);
        let Some(validator) = validator_for(&cache_key, &parameter.schema) else {
            continue;
        };
        let instance = as_json(&parameter.schema, &values);
        let root = Root {
            start: parameter.schema.clone(),
            document: &schemas.document,
            base: &parameter.name,
        };
        for error in validator.iter_errors(&instance) {
            describe(&error, &instance, &root, &mut out);
        }
    }
    out.dedup();
    out
}

/// How an answer breaks what the document promises operation `method` `pattern`: a status or
/// media type it does not document, or a JSON body that does not fit the documented schema.
/// Empty when the answer keeps the promise, or when the document has no such operation (the
/// docs, the document itself, unknown paths).
pub fn of_response(
    method: &str,
    pattern: &str,
    status: u16,
    media_type: Option<&str>,
    body: &[u8],
) -> Vec<String> {
    let schemas = schemas();
    let key = (method.to_ascii_lowercase(), pattern.to_owned());
    let Some(answers) = schemas.responses.get(&key) else {
        return Vec::new();
    };
    let Some(media) = answers.get(&status.to_string()) else {
        return vec![format!("status {status} is not documented")];
    };
    let Some(media_type) = media_type.filter(|_| !body.is_empty()) else {
        return Vec::new();
    };
    let Some(schema) = media.get(media_type) else {
        let documented: Vec<&str> = media.keys().map(String::as_str).collect();
        return vec![format!(
            "media type {media_type} is not documented for status {status} (documented: {documented:?})"
        )];
    };
    let Some(schema) = schema.as_ref().filter(|_| media_type.ends_with("json")) else {
        return Vec::new();
    };
    let instance: Value = match serde_json::from_slice(body) {
        Ok(instance) => instance,
        Err(error) => return vec![format!("the body is not JSON: {error}")],
    };
    let cache_key = format!("{} {} {status} {media_type}", key.0, key.1);
    let Some(validator) = validator_for(&cache_key, schema) else {
        return vec![format!("the schema of status {status} does not compile")];
    };
    validator
        .iter_errors(&instance)
        .take(10)
        .map(|error| format!("at `{}`: {error}", error.instance_path().as_str()))
        .collect()
}

/// A query parameter's text as the JSON value its schema describes: a number or a boolean where
/// the schema's type is one and the text reads as one, a list where it is an array, else text.
fn as_json(schema: &Value, values: &[&str]) -> Value {
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(one)) => vec![one.as_str()],
        Some(Value::Array(many)) => many.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if types.contains(&"array") {
        let items = schema.get("items").unwrap_or(&Value::Null);
        return Value::Array(
            values
                .iter()
                .map(|value| as_json(items, &[value]))
                .collect(),
        );
    }
    let text = values.last().copied().unwrap_or_default();
    let read = serde_json::from_str::<Value>(text).ok();
    match read {
        Some(number @ Value::Number(_))
            if types.contains(&"integer") || types.contains(&"number") =>
        {
            number
        }
        Some(flag @ Value::Bool(_)) if types.contains(&"boolean") => flag,
        _ => Value::String(text.to_owned()),
    }
}

/// Turns one schema failure into field errors, descending into the alternative a `oneOf` means.
fn describe(error: &ValidationError<'_>, body: &Value, root: &Root<'_>, out: &mut Vec<FieldError>) {
    let pointer = error.instance_path().as_str();
    let path = join(root.base, &dotted(pointer, body));
    let field = |name: &str| join(&path, name);
    match error.kind() {
        ValidationErrorKind::Required { property } => {
            let name = property.as_str().unwrap_or_default();
            out.push(FieldError::new(
                field(name),
                "required",
                format!("Send `{name}`: it is required."),
            ));
        }
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            let known = known_members(root, error.schema_path().as_str());
            for name in unexpected {
                out.push(FieldError::new(
                    field(name),
                    "unknown_field",
                    format!("`{name}` is not a field of this request; remove it.{known}"),
                ));
            }
        }
        ValidationErrorKind::Type { kind } => out.push(FieldError::new(
            at(&path),
            "invalid_type",
            format!("`{}` is {}.", at(&path), expected_types(kind)),
        )),
        ValidationErrorKind::Enum { options }
            if !listed_in_other_case(error.instance(), options) =>
        {
            out.push(FieldError::new(
                at(&path),
                "invalid_type",
                format!("`{}` is one of {}.", at(&path), listed(options)),
            ));
        }
        ValidationErrorKind::Constant { expected_value } => out.push(FieldError::new(
            at(&path),
            "invalid_type",
            format!("`{}` is {}.", at(&path), listed(expected_value)),
        )),
        ValidationErrorKind::Format { format } if format == "date" || format == "date-time" => {
            out.push(format_error(&at(&path), format));
        }
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            alternatives(pointer, &path, context, body, root, out);
        }
        // The rules on a well-shaped value are the later layers' (see the module comment).
        _ => {}
    }
}

/// A `oneOf` fails as a whole; what the client meant is the one alternative whose shape fits
/// (the right JSON type, the right tag of a tagged union), and its failures are the ones to
/// report. `null` beside an object (an optional member) is such a pair.
fn alternatives(
    pointer: &str,
    path: &str,
    context: &[Vec<ValidationError<'static>>],
    body: &Value,
    root: &Root<'_>,
    out: &mut Vec<FieldError>,
) {
    let misfits = |errors: &Vec<ValidationError<'static>>| {
        errors.iter().any(|error| {
            let at = error.instance_path().as_str();
            match error.kind() {
                ValidationErrorKind::Type { .. } => at == pointer,
                // A tag: a member right below the union whose value is fixed per alternative.
                ValidationErrorKind::Enum { .. } | ValidationErrorKind::Constant { .. } => at
                    .strip_prefix(pointer)
                    .is_some_and(|rest| rest.matches('/').count() == 1),
                _ => false,
            }
        })
    };
    let fitting: Vec<&Vec<ValidationError<'static>>> =
        context.iter().filter(|errors| !misfits(errors)).collect();
    if let [only] = fitting.as_slice() {
        for error in *only {
            describe(error, body, root, out);
        }
        return;
    }
    let tags = tag_values(pointer, context);
    let message = match tags {
        Some((tag, values)) => {
            let field = join(path, &tag);
            out.push(FieldError::new(
                field.clone(),
                "invalid_type",
                format!("`{field}` is one of {}.", values.join(", ")),
            ));
            return;
        }
        None => format!("`{}` does not have any of the accepted forms.", at(path)),
    };
    out.push(FieldError::new(at(path), "invalid_type", message));
}

/// The tag member of a tagged union and every value it may take, if the alternatives are tagged.
fn tag_values(
    pointer: &str,
    context: &[Vec<ValidationError<'static>>],
) -> Option<(String, Vec<String>)> {
    let mut tag = None;
    let mut values = Vec::new();
    for errors in context {
        let found = errors.iter().find_map(|error| {
            let name = error
                .instance_path()
                .as_str()
                .strip_prefix(pointer)?
                .strip_prefix('/')?;
            if name.contains('/') {
                return None;
            }
            match error.kind() {
                ValidationErrorKind::Enum { options } => Some((name.to_owned(), listed(options))),
                ValidationErrorKind::Constant { expected_value } => {
                    Some((name.to_owned(), listed(expected_value)))
                }
                _ => None,
            }
        })?;
        if tag.as_ref().is_some_and(|known| *known != found.0) {
            return None;
        }
        tag = Some(found.0);
        values.push(found.1);
    }
    tag.map(|tag| (tag, values))
}

fn format_error(field: &str, format: &str) -> FieldError {
    let example = if format == "date" {
        "a date, such as 2026-01-31"
    } else {
        "a date and time with its offset, such as 2026-01-31T09:30:00Z"
    };
    FieldError::new(field, "invalid_type", format!("`{field}` is {example}."))
}

fn expected_types(kind: &TypeKind) -> String {
    let one = |json: JsonType| match json {
        JsonType::Array => "an array",
        JsonType::Boolean => "true or false",
        JsonType::Integer => "a whole number",
        JsonType::Null => "null",
        JsonType::Number => "a number",
        JsonType::Object => "an object",
        JsonType::String => "a string",
    };
    match kind {
        TypeKind::Single(json) => one(*json).to_owned(),
        TypeKind::Multiple(set) => set.iter().map(one).collect::<Vec<_>>().join(" or "),
    }
}

/// Country codes are read in either case (ISO 3166 codes are case-insensitive; the document lists
/// the upper-case form), so `de` is not a wrong value of a list that holds `DE`.
fn listed_in_other_case(value: &Value, options: &Value) -> bool {
    let (Value::String(text), Value::Array(options)) = (value, options) else {
        return false;
    };
    options
        .iter()
        .filter_map(Value::as_str)
        .any(|option| option.eq_ignore_ascii_case(text))
}

/// `` `a` ``, or `` `a`, `b` `` for a list of allowed values; a long list (249 countries) by its
/// first few, as the document holds it whole.
fn listed(options: &Value) -> String {
    /// More than this many values are not written out.
    const SHOWN: usize = 10;
    let one = |value: &Value| match value {
        Value::String(text) => format!("`{text}`"),
        other => format!("`{other}`"),
    };
    match options {
        Value::Array(values) if values.len() > SHOWN => {
            let first: Vec<String> = values.iter().take(3).map(one).collect();
            format!(
                "the {} values the API document lists ({}, ...)",
                values.len(),
                first.join(", ")
            )
        }
        Value::Array(values) => values.iter().map(one).collect::<Vec<_>>().join(", "),
        other => one(other),
    }
}

/// " Known here: `a`, `b`." from the object schema holding the failed `additionalProperties`.
fn known_members(root: &Root<'_>, keyword_location: &str) -> String {
    let holder = keyword_location
        .rsplit_once('/')
        .map_or("", |(holder, _)| holder);
    let Some(schema) = resolve(root, holder) else {
        return String::new();
    };
    let Some(properties) = schema.get("properties").and_then(Value::as_object) else {
        return String::new();
    };
    let names: Vec<String> = properties.keys().map(|name| format!("`{name}`")).collect();
    format!(" Known here: {}.", names.join(", "))
}

/// Where a body's schema starts, and the components its references point into.
struct Root<'a> {
    start: Value,
    document: &'a Value,
    /// The query parameter the value is, or empty for a body.
    base: &'a str,
}

/// Walks a keyword location (a JSON pointer through the schema that passes each `$ref` as a
/// `$ref` token) to the schema it names, following each reference into the components.
fn resolve<'a>(root: &'a Root<'_>, keyword_location: &str) -> Option<&'a Value> {
    let mut here = &root.start;
    for token in keyword_location.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        if token == "$ref" {
            let reference = here.get("$ref")?.as_str()?;
            let target = reference
                .split_once('#')
                .map_or(reference, |(_, pointer)| pointer);
            here = root.document.pointer(target)?;
        } else {
            here = match here {
                Value::Array(items) => items.get(token.parse::<usize>().ok()?)?,
                other => other.get(token.as_str())?,
            };
        }
    }
    Some(here)
}

/// A JSON pointer into `body` (`/invoices/1/amount`) as the API names fields
/// (`invoices[1].amount`): an index only where the value there is an array.
fn dotted(pointer: &str, body: &Value) -> String {
    let mut out = String::new();
    let mut here = Some(body);
    for token in pointer.split('/').skip(1) {
        let token = token.replace("~1", "/").replace("~0", "~");
        match here {
            Some(Value::Array(items)) => {
                out.push('[');
                out.push_str(&token);
                out.push(']');
                here = token
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| items.get(index));
            }
            other => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(&token);
                here = other.and_then(|value| value.get(token.as_str()));
            }
        }
    }
    out
}

fn join(path: &str, name: &str) -> String {
    match (path.is_empty(), name.is_empty()) {
        (true, _) => name.to_owned(),
        (false, true) => path.to_owned(),
        (false, false) => format!("{path}.{name}"),
    }
}

/// The field of a failure at the body itself is `body`.
fn at(path: &str) -> String {
    if path.is_empty() {
        "body".to_owned()
    } else {
        path.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn pairs(errors: &[FieldError]) -> Vec<(&str, &str)> {
        let mut pairs: Vec<(&str, &str)> = errors
            .iter()
            .map(|error| (error.field.as_str(), error.code.as_str()))
            .collect();
        pairs.sort_unstable();
        pairs
    }

    #[test]
    fn an_answer_is_held_to_its_operation_in_the_document() {
        let live = |status, media: Option<&str>, body: &[u8]| {
            of_response("GET", "/health/live", status, media, body)
        };
        let json = Some("application/json");
        assert_eq!(live(200, json, br#"{"status":"ok"}"#), Vec::<String>::new());
        let breaks = live(200, json, br#"{"status":"fine"}"#);
        assert_eq!(breaks.len(), 1, "{breaks:?}");
        assert!(breaks[0].starts_with("at `/status`"), "{breaks:?}");
        assert_eq!(live(418, json, b"{}"), ["status 418 is not documented"]);
        assert!(live(200, Some("text/html"), b"<p>ok</p>")[0].contains("text/html"));
        assert!(live(200, json, b"ok")[0].starts_with("the body is not JSON"));
        // Paths the document does not describe (the docs, the document itself) pass.
        assert!(of_response("GET", "/docs/{_:.*}", 200, Some("text/html"), b"<p/>").is_empty());
    }

    #[test]
    fn a_tagged_union_reports_the_mistakes_of_the_alternative_its_tag_names() {
        let errors = of(
            "PlanRequestDecision",
            &json!({"decision": "counter", "instalment_count": "four"}),
        );
        assert_eq!(
            pairs(&errors),
            [
                ("first_due_date", "required"),
                ("instalment_count", "invalid_type")
            ],
            "{errors:?}"
        );
        let errors = of("PlanRequestDecision", &json!({"decision": "maybe"}));
        assert_eq!(pairs(&errors), [("decision", "invalid_type")]);
        assert_eq!(
            errors[0].message,
            "`decision` is one of `accept`, `counter`, `decline`."
        );
    }

    #[test]
    fn an_optional_object_reports_what_is_wrong_inside_it_not_that_it_is_not_null() {
        let errors = of(
            "DebtorPatch",
            &json!({"address": {"line1": 5, "country": "XX", "floor": 3}}),
        );
        assert_eq!(
            pairs(&errors),
            [
                ("address.country", "invalid_type"),
                ("address.floor", "unknown_field"),
                ("address.line1", "invalid_type"),
            ],
            "{errors:?}"
        );
        let country = errors
            .iter()
            .find(|error| error.field == "address.country")
            .map(|error| error.message.as_str());
        assert_eq!(
            country,
            Some(
                "`address.country` is one of the 249 values the API document lists (`AD`, `AE`, `AF`, ...)."
            )
        );
    }

    #[test]
    fn a_country_code_in_lower_case_is_not_a_mistake() {
        assert!(of("DebtorPatch", &json!({"address": {"country": "de"}})).is_empty());
    }

    #[test]
    fn a_pointer_becomes_the_path_the_api_names_fields_by() {
        let body = json!({"invoices": [{"amount": 1}, {"lines": {"0": {"x": 1}}}]});
        assert_eq!(
            dotted("/invoices/1/lines/0/x", &body),
            "invoices[1].lines.0.x"
        );
        assert_eq!(dotted("/invoices/0/amount", &body), "invoices[0].amount");
        assert_eq!(dotted("", &body), "");
    }

    #[test]
    fn an_unknown_schema_finds_nothing() {
        assert!(of("NoSuchSchema", &json!({"a": 1})).is_empty());
    }
}
