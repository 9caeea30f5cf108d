//! Optimistic concurrency on the wire: resources carry a `version`, sent as a strong `ETag`, and
//! updates may name it in `If-Match` (a stale one is a 412 decided by the caller).

use actix_web::HttpRequest;
use actix_web::http::header;

use crate::error::ApiError;

/// The `ETag` of a resource version: `"3"`.
#[must_use]
pub fn version_etag(version: i64) -> String {
    format!("\"{version}\"")
}

/// Reads `If-Match: "3"` (or `W/"3"`, or `3`); `*` or no header means unconditional.
///
/// # Errors
/// 422 naming `If-Match` when it is not a version.
pub fn if_match_version(request: &HttpRequest) -> Result<Option<i64>, ApiError> {
    let Some(raw) = request.headers().get(header::IF_MATCH) else {
        return Ok(None);
    };
    let text = raw.to_str().unwrap_or_default().trim();
    if text == "*" {
        return Ok(None);
    }
    text.trim_start_matches("W/")
        .trim_matches('"')
        .parse::<i64>()
        .map(Some)
        .map_err(|_| {
            ApiError::invalid(
                "If-Match",
                "invalid_etag",
                "If-Match must be a version ETag such as \"3\".",
            )
        })
}

#[cfg(test)]
mod tests {
    use actix_web::test::TestRequest;

    use super::*;

    #[test]
    fn versions_round_trip_through_etag_and_if_match() {
        let request = TestRequest::default()
            .insert_header((header::IF_MATCH, version_etag(7)))
            .to_http_request();
        assert_eq!(if_match_version(&request).ok(), Some(Some(7)));
        let any = TestRequest::default()
            .insert_header((header::IF_MATCH, "*"))
            .to_http_request();
        assert_eq!(if_match_version(&any).ok(), Some(None));
        let junk = TestRequest::default()
            .insert_header((header::IF_MATCH, "\"abc\""))
            .to_http_request();
        assert!(if_match_version(&junk).is_err());
    }
}
