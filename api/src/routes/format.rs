//! Choosing between JSON and a document form of one resource (a statement's CSV, an invoice's
//! PDF): `?format=` wins, then the `Accept` header, then JSON.

use actix_web::HttpRequest;
use actix_web::http::header;

use utoipa::ToSchema;

use crate::error::ApiError;

/// `?format=` of a resource that also has a PDF form.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a query parameter the handler reads as text"
)]
pub enum JsonOrPdf {
    /// The JSON view (the default).
    Json,
    /// The PDF document.
    Pdf,
}

/// `?format=` of a resource that also has a CSV form.
#[derive(ToSchema)]
#[schema(rename_all = "snake_case")]
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a query parameter the handler reads as text"
)]
pub enum JsonOrCsv {
    /// The JSON view (the default).
    Json,
    /// The CSV file.
    Csv,
}

/// Whether the caller asked for the form named `name` (`?format=<name>`, or `Accept:
/// <media_type>` without a `format`) rather than JSON.
///
/// # Errors
/// 422 naming `format` when it is neither `json` nor `name`.
pub fn wants(
    request: &HttpRequest,
    format: Option<&str>,
    name: &str,
    media_type: &str,
) -> Result<bool, ApiError> {
    match format {
        Some("json") => Ok(false),
        Some(given) if given == name => Ok(true),
        Some(_) => Err(ApiError::invalid(
            "format",
            "unknown_format",
            format!("format is `json` or `{name}`."),
        )),
        None => Ok(request
            .headers()
            .get(header::ACCEPT)
            .and_then(|value| value.to_str().ok())
            .is_some_and(|accept| accept.contains(media_type))),
    }
}
