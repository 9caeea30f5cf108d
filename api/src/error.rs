//! The one table that turns every failure into an HTTP status, a stable code and an RFC 9457
//! `application/problem+json` body. Handlers return [`ApiError`]; nothing else writes errors.
//!
//! Unknown failures get a fixed 500 body; their cause goes to the log with the request id, never
//! to the client.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
use solvo_persistence::PersistenceError;
use utoipa::ToSchema;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";
/// Base of the `type` URIs; each error code is documented under it.
pub const PROBLEM_TYPE_BASE: &str = "https://solvo.dev/problems/";

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct FieldError {
    /// Path of the field, e.g. `email` or `invoices[2].amount`.
    pub field: String,
    /// Stable machine code, e.g. `required`, `invalid_type`, `too_short`.
    pub code: String,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl FieldError {
    /// A field error from its parts.
    pub fn new(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

/// An RFC 9457 problem details body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// Stable machine-readable code (the last segment of `type`).
    pub code: String,
    /// One entry per invalid field (validation errors only).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<FieldError>,
}

/// Every error an endpoint can answer with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not JSON at all (syntax error, truncated).
    #[error("malformed JSON: {0}")]
    MalformedJson(String),
    /// The body or query is well-formed but a field has the wrong type or fails validation.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// The request's `Content-Type` is not one the endpoint accepts.
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    /// The body exceeds the endpoint's limit (bytes).
    #[error("payload larger than {0} bytes")]
    PayloadTooLarge(usize),
    /// Credentials are missing, malformed, expired, revoked or wrong.
    #[error("unauthenticated: {0}")]
    Unauthenticated(&'static str),
    /// The caller is known but its role may not do this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// No such resource, or one of another tenant (indistinguishable by design).
    #[error("not found")]
    NotFound,
    /// The request conflicts with the current state (duplicate, refused transition).
    #[error("conflict: {0}")]
    Conflict(String),
    /// `If-Match` named a version that is no longer current.
    #[error("precondition failed: {0}")]
    PreconditionFailed(String),
    /// Too many failed logins for one email; retry after the duration.
    #[error("too many requests")]
    TooManyRequests(std::time::Duration),
    /// The database cannot be reached now; retry later.
    #[error("service unavailable")]
    Unavailable,
    /// A bug or an unexpected failure; the cause is logged, not returned.
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl ApiError {
    /// A 422 naming one field.
    pub fn invalid(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    /// The table: status, stable code and title of each variant.
    fn descriptor(&self) -> (StatusCode, &'static str, &'static str) {
        match self {
            Self::MalformedJson(_) => (StatusCode::BAD_REQUEST, "malformed_json", "Malformed JSON"),
            Self::Validation(_) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation_failed",
                "Validation failed",
            ),
            Self::UnsupportedMediaType(_) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                "Unsupported media type",
            ),
            Self::PayloadTooLarge(_) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                "Payload too large",
            ),
            Self::Unauthenticated(_) => (
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "Authentication required",
            ),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, "forbidden", "Forbidden"),
            Self::NotFound => (StatusCode::NOT_FOUND, "not_found", "Not found"),
            Self::Conflict(_) => (StatusCode::CONFLICT, "conflict", "Conflict"),
            Self::PreconditionFailed(_) => (
                StatusCode::PRECONDITION_FAILED,
                "precondition_failed",
                "Precondition failed",
            ),
            Self::TooManyRequests(_) => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                "Too many requests",
            ),
            Self::Unavailable => (
                StatusCode::SERVICE_UNAVAILABLE,
                "unavailable",
                "Service unavailable",
            ),
            Self::Internal(_) => (
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                "Internal server error",
            ),
        }
    }

    /// The client-facing detail; internal causes are replaced by a fixed sentence.
    fn detail(&self) -> String {
        match self {
            Self::MalformedJson(why) => format!("The request body is not valid JSON: {why}"),
            Self::Validation(errors) => {
                format!("{} field(s) are invalid; see `errors`.", errors.len())
            }
            Self::UnsupportedMediaType(why) => why.clone(),
            Self::PayloadTooLarge(limit) => {
                format!("The request body exceeds the limit of {limit} bytes.")
            }
            Self::Unauthenticated(why) => (*why).to_owned(),
            Self::Forbidden(why) | Self::Conflict(why) | Self::PreconditionFailed(why) => {
                why.clone()
            }
            Self::NotFound => "The resource does not exist.".to_owned(),
            Self::TooManyRequests(wait) => format!(
                "Too many failed logins for this email; try again in {} seconds.",
                retry_after_seconds(*wait)
            ),
            Self::Unavailable => "The database is unavailable; retry later.".to_owned(),
            Self::Internal(_) => "An unexpected error occurred; it has been logged.".to_owned(),
        }
    }

    /// The problem body of this error.
    #[must_use]
    pub fn problem(&self) -> Problem {
        let (status, code, title) = self.descriptor();
        let errors = match self {
            Self::Validation(errors) => errors.clone(),
            _ => Vec::new(),
        };
        Problem {
            problem_type: format!("{PROBLEM_TYPE_BASE}{code}"),
            title: title.to_owned(),
            status: status.as_u16(),
            detail: self.detail(),
            code: code.to_owned(),
            errors,
        }
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.descriptor().0
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error = format!("{cause:#}"), "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        if matches!(self, Self::Unauthenticated(_)) {
            response.insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
        }
        if let Self::TooManyRequests(wait) = self {
            response.insert_header((header::RETRY_AFTER, retry_after_seconds(*wait)));
        }
        response.json(self.problem())
    }
}

/// Whole seconds to wait, rounded up and at least one (`Retry-After` has no fractions).
fn retry_after_seconds(wait: std::time::Duration) -> u64 {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    seconds.max(1)
}

impl From<PersistenceError> for ApiError {
    fn from(err: PersistenceError) -> Self {
        match err {
            PersistenceError::NotFound => Self::NotFound,
            PersistenceError::Conflict(what) => {
                Self::Conflict(format!("conflicts with an existing record ({what})"))
            }
            PersistenceError::Unavailable(why) => {
                tracing::warn!(%why, "database unavailable");
                Self::Unavailable
            }
            other => Self::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<diesel::result::Error> for ApiError {
    fn from(err: diesel::result::Error) -> Self {
        PersistenceError::from(err).into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_never_reveal_their_cause() {
        let err = ApiError::Internal(anyhow::anyhow!("SELECT secret FROM users failed"));
        let problem = err.problem();
        assert_eq!(problem.status, 500);
        assert!(!problem.detail.contains("SELECT"));
    }

    #[test]
    fn validation_problems_list_each_field() {
        let err = ApiError::Validation(vec![FieldError::new(
            "email",
            "invalid_email",
            "not an email",
        )]);
        let problem = err.problem();
        assert_eq!(problem.status, 422);
        assert_eq!(
            problem.problem_type,
            "https://solvo.dev/problems/validation_failed"
        );
        assert_eq!(problem.errors.len(), 1);
    }

    #[test]
    fn a_unique_violation_is_a_conflict_and_a_missing_row_is_not_found() {
        assert_eq!(
            ApiError::from(PersistenceError::Conflict("users_email".into())).status_code(),
            StatusCode::CONFLICT
        );
        assert_eq!(
            ApiError::from(PersistenceError::NotFound).status_code(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            ApiError::from(PersistenceError::Unavailable("pool".into())).status_code(),
            StatusCode::SERVICE_UNAVAILABLE
        );
    }
}
