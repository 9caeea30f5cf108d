//! Raw bodies for endpoints with their own media type or size limit (bulk JSON, CSV): the media
//! type checked, the size bounded while streaming (413), never buffered without limit.

use actix_web::HttpRequest;
use actix_web::error::PayloadError;
use actix_web::http::header;
use actix_web::web::{self, Bytes, BytesMut};
use futures_util::{Stream, StreamExt};

use crate::error::ApiError;

/// The request's media type without parameters, lowercased (`text/csv`).
#[must_use]
pub fn media_type(req: &HttpRequest) -> Option<String> {
    let raw = req.headers().get(header::CONTENT_TYPE)?.to_str().ok()?;
    Some(
        raw.split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase(),
    )
}

/// Refuses the request unless its media type is one of `accepted` (415).
///
/// # Errors
/// 415 naming the accepted types.
pub fn require_media_type(req: &HttpRequest, accepted: &[&str]) -> Result<String, ApiError> {
    match media_type(req) {
        Some(essence) if accepted.contains(&essence.as_str()) => Ok(essence),
        other => Err(ApiError::UnsupportedMediaType(format!(
            "Expected {}, got `{}`.",
            accepted.join(" or "),
            other.unwrap_or_else(|| "no Content-Type".to_owned())
        ))),
    }
}

/// Reads the whole body, failing with 413 as soon as it exceeds `limit` bytes.
///
/// # Errors
/// 413 when too large; 400 when the body cannot be read.
pub async fn read_limited(
    req: &HttpRequest,
    payload: web::Payload,
    limit: usize,
) -> Result<Bytes, ApiError> {
    read_stream(payload, declared_length(req), limit).await
}

/// The `Content-Length` the client declared, when it is a number.
pub(crate) fn declared_length(req: &HttpRequest) -> Option<usize> {
    req.headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok())
}

/// Reads `payload` whole: 413 before reading when `declared` is over `limit`, and as soon as
/// the bytes received pass it (a client may send more than it declared, or declare nothing).
///
/// # Errors
/// 413 when too large; 400 when the body cannot be read.
pub(crate) async fn read_stream<S>(
    mut payload: S,
    declared: Option<usize>,
    limit: usize,
) -> Result<Bytes, ApiError>
where
    S: Stream<Item = Result<Bytes, PayloadError>> + Unpin,
{
    if declared.is_some_and(|length| length > limit) {
        return Err(ApiError::PayloadTooLarge(limit));
    }
    let mut body = BytesMut::with_capacity(declared.unwrap_or(0).min(limit));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|err| match err {
            PayloadError::Overflow => ApiError::PayloadTooLarge(limit),
            other => ApiError::MalformedJson(format!("the body could not be read ({other})")),
        })?;
        if body.len() + chunk.len() > limit {
            return Err(ApiError::PayloadTooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body.freeze())
}
