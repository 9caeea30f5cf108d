//! The one table that turns every failure into an HTTP status, a stable code and an RFC 9457
//! `application/problem+json` body. Handlers return [`ApiError`]; use cases return
//! [`AppError`], which becomes an [`ApiError`] through the one `From` impl below.
//!
//! [`ErrorCode`] is the table: each code with its status and title, documented in OpenAPI as an
//! enum on [`Problem`] so a client can branch on it (meilisearch's error-code table is the model).
//! Unknown failures get a fixed 500 body; their cause goes to the log with the request id, never
//! to the client, and no database text reaches any body.

use actix_web::http::StatusCode;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{HttpResponse, ResponseError};
use serde::Serialize;
pub use solvo_app::FieldError;
use solvo_app::error::{AppError, Refused};
use utoipa::ToSchema;

/// The media type of every error body.
pub const PROBLEM_JSON: &str = "application/problem+json";
/// Base of the `type` URIs; each error code is documented under it.
pub const PROBLEM_TYPE_BASE: &str = "https://solvo.dev/problems/";

/// Declares the error codes with their HTTP status and title, once.
macro_rules! error_codes {
    ($($variant:ident => $code:literal, $status:ident, $title:literal;)+) => {
        /// A stable, machine-readable error code: the `code` of every problem body and the last
        /// segment of its `type`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
        #[serde(rename_all = "snake_case")]
        pub enum ErrorCode {
            $(
                #[doc = $title]
                $variant,
            )+
        }

        impl ErrorCode {
            /// Every code, in table order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The code as it appears in bodies.
            #[must_use]
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $code,)+
                }
            }

            /// The HTTP status the code is answered with.
            #[must_use]
            pub fn status(self) -> StatusCode {
                match self {
                    $(Self::$variant => StatusCode::$status,)+
                }
            }

            /// A short summary of the kind of problem.
            #[must_use]
            pub fn title(self) -> &'static str {
                match self {
                    $(Self::$variant => $title,)+
                }
            }
        }
    };
}

error_codes! {
    MalformedJson => "malformed_json", BAD_REQUEST, "Malformed JSON";
    NotXml => "not_xml", BAD_REQUEST, "Not XML";
    SignatureInvalid => "signature_invalid", BAD_REQUEST, "Signature invalid";
    Unauthenticated => "unauthenticated", UNAUTHORIZED, "Authentication required";
    TokenExpired => "token_expired", UNAUTHORIZED, "Access token expired";
    TokenRevoked => "token_revoked", UNAUTHORIZED, "Credentials revoked";
    TokenInvalid => "token_invalid", UNAUTHORIZED, "Invalid credentials";
    Forbidden => "forbidden", FORBIDDEN, "Forbidden";
    NotFound => "not_found", NOT_FOUND, "Not found";
    MethodNotAllowed => "method_not_allowed", METHOD_NOT_ALLOWED, "Method not allowed";
    TransitionRefused => "transition_refused", CONFLICT, "Transition refused";
    DuplicateCase => "duplicate_case", CONFLICT, "Duplicate case";
    DebtorConflict => "debtor_conflict", CONFLICT, "Debtor conflict";
    Conflict => "conflict", CONFLICT, "Conflict";
    CaseClosed => "case_closed", CONFLICT, "Case closed";
    ArrangementEnded => "arrangement_ended", CONFLICT, "Arrangement ended";
    CreditRefunded => "credit_refunded", CONFLICT, "Credit refunded";
    DisputeResolved => "dispute_resolved", CONFLICT, "Dispute already resolved";
    InvoiceCredited => "invoice_credited", CONFLICT, "Invoice already credited";
    AssessmentChanged => "assessment_changed", CONFLICT, "Assessment changed";
    StatementAlreadyImported => "statement_already_imported", CONFLICT, "Statement already imported";
    CardPaymentsOff => "card_payments_off", CONFLICT, "Card payment switched off";
    PortalRequestRefused => "portal_request_refused", CONFLICT, "Not possible on this case now";
    StaleVersion => "stale_version", PRECONDITION_FAILED, "Stale version";
    PayloadTooLarge => "payload_too_large", PAYLOAD_TOO_LARGE, "Payload too large";
    UnsupportedMediaType => "unsupported_media_type", UNSUPPORTED_MEDIA_TYPE, "Unsupported media type";
    ValidationFailed => "validation_failed", UNPROCESSABLE_ENTITY, "Validation failed";
    StatementUnreadable => "statement_unreadable", UNPROCESSABLE_ENTITY, "Statement not understood";
    RateLimited => "rate_limited", TOO_MANY_REQUESTS, "Too many requests";
    Internal => "internal", INTERNAL_SERVER_ERROR, "Internal server error";
    Unavailable => "unavailable", SERVICE_UNAVAILABLE, "Service unavailable";
    PaymentProviderUnavailable => "payment_provider_unavailable", BAD_GATEWAY, "Payment provider unavailable";
}

/// An RFC 9457 problem details body.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Problem {
    /// A URI naming the kind of problem.
    #[serde(rename = "type")]
    pub type_uri: String,
    /// Short summary of the kind of problem.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong in this occurrence.
    pub detail: String,
    /// Stable machine-readable code (the last segment of `type`).
    pub code: ErrorCode,
    /// One entry per invalid field (`validation_failed` only).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub errors: Vec<FieldError>,
    /// The case's state when a command was refused (`transition_refused` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<solvo_app::wire_names::CaseStateName>)]
    pub state: Option<String>,
    /// The commands that state allows (`transition_refused` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub allowed_commands: Option<Vec<String>>,
    /// The case that already holds the reference or invoice (`duplicate_case` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_case_id: Option<String>,
    /// The existing debtor with other details (`debtor_conflict` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub debtor_id: Option<String>,
    /// The element of the bank statement not understood, as a path such as
    /// `Ntry[3]/CdtDbtInd` (`statement_unreadable` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
    /// The earlier import of the statement (`statement_already_imported` only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub existing_statement_id: Option<String>,
    /// Why the portal refused (`portal_request_refused` only): `disputed`, `closed`,
    /// `legal_proceedings`, `payment_plan`, `not_available`, `request_pending` or
    /// `claim_pending`; `detail` says it in the debtor's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<PortalRefusal>)]
    pub reason: Option<String>,
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
    /// A payment provider's webhook whose signature does not verify.
    #[error("signature invalid: {0}")]
    SignatureInvalid(String),
    /// Card payment is not configured on this server.
    #[error("card payments are switched off")]
    CardPaymentsOff,
    /// The payment provider could not be reached or refused the request.
    #[error("payment provider unavailable: {0}")]
    ProviderUnavailable(String),
    /// An uploaded file is not XML.
    #[error("not XML: {0}")]
    NotXml(String),
    /// A well-formed bank statement not understood; names the element.
    #[error("statement unreadable at {element}: {problem}")]
    StatementUnreadable {
        /// The element.
        element: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The statement was imported before.
    #[error("statement imported before as {0}")]
    StatementAlreadyImported(String),
    /// The request's `Content-Type` is not one the endpoint accepts.
    #[error("unsupported media type: {0}")]
    UnsupportedMediaType(String),
    /// The body exceeds the endpoint's limit (bytes).
    #[error("payload larger than {0} bytes")]
    PayloadTooLarge(usize),
    /// Credentials are missing, or a login was refused.
    #[error("unauthenticated: {0}")]
    Unauthenticated(&'static str),
    /// A bearer token was sent and refused: expired, revoked or invalid (RFC 6750 `invalid_token`).
    #[error("token refused: {0:?}")]
    TokenRefused(TokenProblem),
    /// The caller is known but its role may not do this.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// No such resource, or one of another tenant (indistinguishable by design).
    #[error("not found")]
    NotFound,
    /// The resource named exists, but what the path asks of it does not (a case's QR code when
    /// it has none), with why.
    #[error("not found: {0}")]
    NotFoundBecause(&'static str),
    /// The path exists, but not with this method; carries the `Allow` header's value.
    #[error("method not allowed; allowed: {0}")]
    MethodNotAllowed(String),
    /// The state machine refused the command in the case's current state.
    #[error("transition refused: {}", .0.reason)]
    TransitionRefused(Box<Refused>),
    /// The case or one of its invoices was placed before.
    #[error("duplicate case: {detail}")]
    DuplicateCase {
        /// The case holding it.
        existing_case_id: String,
        /// What is duplicated.
        detail: String,
    },
    /// A debtor with the same identifier exists with other details.
    #[error("debtor conflict with {0}")]
    DebtorConflict(String),
    /// Any other conflict with existing data; the text is safe to show.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The portal refused a debtor's request in the case's present state; the detail is in the
    /// debtor's language.
    #[error("portal request refused: {reason}")]
    PortalRefused {
        /// Stable code.
        reason: &'static str,
        /// The debtor's-language sentence.
        detail: String,
    },
    /// The case is closed.
    #[error("case closed")]
    CaseClosed,
    /// The arrangement has ended; the text says how.
    #[error("arrangement ended: {0}")]
    ArrangementEnded(String),
    /// The payment's credit was refunded; the text says how much.
    #[error("credit refunded: {0}")]
    CreditRefunded(String),
    /// The dispute was decided before; the text says how.
    #[error("dispute resolved: {0}")]
    DisputeResolved(String),
    /// The fee invoice was credited before, or is a credit note.
    #[error("invoice credited: {0}")]
    InvoiceCredited(String),
    /// A legal decision names other figures than the assessment on record; the text gives them.
    #[error("assessment changed: {0}")]
    AssessmentChanged(String),
    /// `If-Match` named a version that is no longer current, or the resource changed meanwhile.
    #[error("stale version: {0}")]
    StaleVersion(String),
    /// Too many attempts; retry after the duration.
    #[error("too many requests")]
    TooManyRequests(std::time::Duration),
    /// The database cannot be reached now; retry later.
    #[error("service unavailable")]
    Unavailable,
    /// The server is at its bound for password hashing or uploads; retry after the duration.
    #[error("busy")]
    Busy(std::time::Duration),
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

    /// The code of this error, from which status and title follow.
    #[must_use]
    pub fn code(&self) -> ErrorCode {
        match self {
            Self::MalformedJson(_) => ErrorCode::MalformedJson,
            Self::Validation(_) => ErrorCode::ValidationFailed,
            Self::NotXml(_) => ErrorCode::NotXml,
            Self::SignatureInvalid(_) => ErrorCode::SignatureInvalid,
            Self::CardPaymentsOff => ErrorCode::CardPaymentsOff,
            Self::ProviderUnavailable(_) => ErrorCode::PaymentProviderUnavailable,
            Self::StatementUnreadable { .. } => ErrorCode::StatementUnreadable,
            Self::StatementAlreadyImported(_) => ErrorCode::StatementAlreadyImported,
            Self::UnsupportedMediaType(_) => ErrorCode::UnsupportedMediaType,
            Self::PayloadTooLarge(_) => ErrorCode::PayloadTooLarge,
            Self::Unauthenticated(_) => ErrorCode::Unauthenticated,
            Self::TokenRefused(TokenProblem::Expired) => ErrorCode::TokenExpired,
            Self::TokenRefused(TokenProblem::Revoked) => ErrorCode::TokenRevoked,
            Self::TokenRefused(TokenProblem::Invalid) => ErrorCode::TokenInvalid,
            Self::Forbidden(_) => ErrorCode::Forbidden,
            Self::NotFound | Self::NotFoundBecause(_) => ErrorCode::NotFound,
            Self::MethodNotAllowed(_) => ErrorCode::MethodNotAllowed,
            Self::TransitionRefused(_) => ErrorCode::TransitionRefused,
            Self::DuplicateCase { .. } => ErrorCode::DuplicateCase,
            Self::DebtorConflict(_) => ErrorCode::DebtorConflict,
            Self::Conflict(_) => ErrorCode::Conflict,
            Self::PortalRefused { .. } => ErrorCode::PortalRequestRefused,
            Self::CaseClosed => ErrorCode::CaseClosed,
            Self::ArrangementEnded(_) => ErrorCode::ArrangementEnded,
            Self::CreditRefunded(_) => ErrorCode::CreditRefunded,
            Self::DisputeResolved(_) => ErrorCode::DisputeResolved,
            Self::InvoiceCredited(_) => ErrorCode::InvoiceCredited,
            Self::AssessmentChanged(_) => ErrorCode::AssessmentChanged,
            Self::StaleVersion(_) => ErrorCode::StaleVersion,
            Self::TooManyRequests(_) => ErrorCode::RateLimited,
            Self::Unavailable | Self::Busy(_) => ErrorCode::Unavailable,
            Self::Internal(_) => ErrorCode::Internal,
        }
    }

    /// The client-facing detail; internal causes are replaced by a fixed sentence.
    fn detail(&self) -> String {
        match self {
            Self::MalformedJson(why) => format!("The request body is not valid JSON: {why}"),
            Self::Validation(errors) => {
                format!("{} field(s) are invalid; see `errors`.", errors.len())
            }
            Self::NotXml(why) => format!("The file is not XML: {why}"),
            Self::SignatureInvalid(why) => format!("The webhook's signature does not verify: {why}."),
            Self::CardPaymentsOff => "Card payment is switched off on this server (no payment provider is configured); pay by bank transfer (`payment-instructions`).".to_owned(),
            Self::ProviderUnavailable(why) => format!("The payment provider did not take the payment: {why}. Nothing was charged; try again later or pay by bank transfer."),
            Self::StatementUnreadable { element, problem } => format!(
                "The file is XML, but not a bank statement this server reads: `{element}`: {problem}"
            ),
            Self::StatementAlreadyImported(existing) => format!(
                "This statement of this account was imported before ({existing}); nothing was booked again."
            ),
            Self::PayloadTooLarge(limit) => {
                format!("The request body exceeds the limit of {limit} bytes.")
            }
            Self::TokenRefused(problem) => problem.description().to_owned(),
            Self::Forbidden(why)
            | Self::UnsupportedMediaType(why)
            | Self::Conflict(why)
            | Self::ArrangementEnded(why)
            | Self::CreditRefunded(why)
            | Self::DisputeResolved(why)
            | Self::InvoiceCredited(why)
            | Self::AssessmentChanged(why)
            | Self::StaleVersion(why)
            | Self::DuplicateCase { detail: why, .. }
            | Self::PortalRefused { detail: why, .. } => why.clone(),
            Self::TransitionRefused(refused) => format!(
                "`{}` is not possible in state `{}`: {}. Allowed now: {}.",
                refused.command,
                refused.state,
                refused.reason,
                if refused.allowed.is_empty() {
                    "none".to_owned()
                } else {
                    refused.allowed.join(", ")
                }
            ),
            Self::DebtorConflict(debtor_id) => solvo_app::debtors::conflict_detail(debtor_id),
            Self::NotFound => "The resource does not exist.".to_owned(),
            Self::NotFoundBecause(why) | Self::Unauthenticated(why) => (*why).to_owned(),
            Self::MethodNotAllowed(allow) => format!("This path answers {allow} only."),
            Self::CaseClosed => {
                "The case is closed; reopen it before arranging anything on it.".to_owned()
            }
            Self::TooManyRequests(wait) => format!(
                "Too many failed logins; try again in {} seconds.",
                retry_after_seconds(*wait)
            ),
            Self::Unavailable => "The database is unavailable; retry later.".to_owned(),
            Self::Busy(wait) => format!(
                "The server is doing as much of this work (password checks, uploads) at once as it allows; retry in {} seconds.",
                retry_after_seconds(*wait)
            ),
            Self::Internal(_) => "An unexpected error occurred; it has been logged.".to_owned(),
        }
    }

    /// The problem body of this error.
    #[must_use]
    pub fn problem(&self) -> Problem {
        let code = self.code();
        let mut problem = Problem {
            type_uri: format!("{PROBLEM_TYPE_BASE}{}", code.as_str()),
            title: code.title().to_owned(),
            status: code.status().as_u16(),
            detail: self.detail(),
            code,
            errors: Vec::new(),
            state: None,
            allowed_commands: None,
            existing_case_id: None,
            debtor_id: None,
            element: None,
            existing_statement_id: None,
            reason: None,
        };
        match self {
            Self::Validation(errors) => problem.errors.clone_from(errors),
            Self::TransitionRefused(refused) => {
                problem.state = Some(refused.state.clone());
                problem.allowed_commands = Some(refused.allowed.clone());
            }
            Self::DuplicateCase {
                existing_case_id, ..
            } => problem.existing_case_id = Some(existing_case_id.clone()),
            Self::DebtorConflict(debtor_id) => problem.debtor_id = Some(debtor_id.clone()),
            Self::StatementUnreadable { element, .. } => problem.element = Some(element.clone()),
            Self::StatementAlreadyImported(existing) => {
                problem.existing_statement_id = Some(existing.clone());
            }
            Self::PortalRefused { reason, .. } => problem.reason = Some((*reason).to_owned()),
            _ => {}
        }
        problem
    }
}

impl ResponseError for ApiError {
    fn status_code(&self) -> StatusCode {
        self.code().status()
    }

    fn error_response(&self) -> HttpResponse {
        if let Self::Internal(cause) = self {
            tracing::error!(error = format!("{cause:#}"), "request failed");
        }
        let mut response = HttpResponse::build(self.status_code());
        response.insert_header((header::CONTENT_TYPE, HeaderValue::from_static(PROBLEM_JSON)));
        // RFC 6750 s.3: no error attribute when no credentials came, `invalid_token` with a
        // description when a token came and was refused, so a client knows to refresh (expired)
        // or to log in again (revoked, invalid).
        match self {
            Self::Unauthenticated(_) => {
                response
                    .insert_header((header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer")));
            }
            Self::TokenRefused(problem) => {
                response.insert_header((
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(problem.challenge()),
                ));
            }
            _ => {}
        }
        // RFC 9110 s.15.5.6: a 405 must say which methods the resource supports.
        if let Self::MethodNotAllowed(allow) = self
            && let Ok(value) = HeaderValue::from_str(allow)
        {
            response.insert_header((header::ALLOW, value));
        }
        if let Self::TooManyRequests(wait) | Self::Busy(wait) = self {
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

impl From<AppError> for ApiError {
    fn from(err: AppError) -> Self {
        match err {
            AppError::Validation(errors) => Self::Validation(errors),
            AppError::NotFound => Self::NotFound,
            AppError::Forbidden(why) => Self::Forbidden(why),
            AppError::TransitionRefused(refused) => Self::TransitionRefused(refused),
            AppError::DuplicateCase {
                existing_case_id,
                detail,
            } => Self::DuplicateCase {
                existing_case_id,
                detail,
            },
            AppError::DebtorConflict { debtor_id } => Self::DebtorConflict(debtor_id),
            AppError::StaleVersion => Self::StaleVersion(
                "The resource changed meanwhile; read it again and retry.".into(),
            ),
            AppError::Conflict(why) => Self::Conflict(why),
            AppError::PortalRefused { reason, detail } => Self::PortalRefused { reason, detail },
            AppError::NotXml(why) => Self::NotXml(why),
            AppError::StatementUnreadable { element, problem } => {
                Self::StatementUnreadable { element, problem }
            }
            AppError::StatementAlreadyImported { statement_id } => {
                Self::StatementAlreadyImported(statement_id)
            }
            AppError::CaseClosed => Self::CaseClosed,
            AppError::ArrangementEnded(why) => Self::ArrangementEnded(why),
            AppError::CreditRefunded(why) => Self::CreditRefunded(why),
            AppError::DisputeResolved(why) => Self::DisputeResolved(why),
            AppError::InvoiceCredited(why) => Self::InvoiceCredited(why),
            AppError::AssessmentChanged(why) => Self::AssessmentChanged(why),
            AppError::Unavailable => Self::Unavailable,
            AppError::Busy(wait) => Self::Busy(wait),
            AppError::RateLimited(wait) => Self::TooManyRequests(wait),
            AppError::Corrupt { entity, id, detail } => {
                tracing::error!(entity, id = %id, %detail, "corrupt stored row");
                Self::Internal(anyhow::anyhow!("corrupt {entity} {id}: {detail}"))
            }
            AppError::Internal(cause) => Self::Internal(cause),
        }
    }
}

impl From<solvo_persistence::PersistenceError> for ApiError {
    fn from(err: solvo_persistence::PersistenceError) -> Self {
        AppError::from(err).into()
    }
}

crate::closed_sets::closed_set!(
    /// Why the portal refused.
    PortalRefusal,
    "Why the portal refused.",
    ["disputed", "closed", "legal_proceedings", "payment_plan", "not_available", "request_pending", "claim_pending"]
);

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
            problem.type_uri,
            "https://solvo.dev/problems/validation_failed"
        );
        assert_eq!(problem.errors.len(), 1);
    }

    #[test]
    fn every_code_serialises_as_its_table_spelling() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_value(code).ok();
            assert_eq!(
                json.as_ref().and_then(serde_json::Value::as_str),
                Some(code.as_str())
            );
        }
    }

    #[test]
    fn a_refused_transition_names_the_state_and_the_allowed_commands() {
        let err = ApiError::from(AppError::TransitionRefused(Box::new(Refused {
            command: "resume".into(),
            state: "amicable".into(),
            reason: "not paused".into(),
            allowed: vec!["pause".into()],
        })));
        let problem = err.problem();
        assert_eq!(problem.status, 409);
        assert_eq!(problem.code, ErrorCode::TransitionRefused);
        assert_eq!(problem.state.as_deref(), Some("amicable"));
        assert_eq!(problem.allowed_commands, Some(vec!["pause".to_owned()]));
    }

    #[test]
    fn a_unique_violation_is_a_conflict_without_the_constraint_and_a_missing_row_not_found() {
        let conflict = ApiError::from(solvo_persistence::PersistenceError::Conflict(
            "users_email".into(),
        ));
        assert_eq!(conflict.status_code(), StatusCode::CONFLICT);
        assert!(!conflict.problem().detail.contains("users_email"));
        assert_eq!(
            ApiError::from(solvo_persistence::PersistenceError::NotFound).status_code(),
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            ApiError::from(solvo_persistence::PersistenceError::Unavailable(
                "pool".into()
            ))
            .status_code(),
            StatusCode::SERVICE_UNAVAILABLE
        );
    }
}

/// Why a bearer token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenProblem {
    /// An access token past its `exp`: refresh it.
    Expired,
    /// The session ended (logged out, password changed, lifetime over) or the user was disabled:
    /// log in again.
    Revoked,
    /// Not a token this server issued: malformed, a bad signature, an unknown or revoked API key.
    Invalid,
}

impl TokenProblem {
    /// The problem's `detail`.
    #[must_use]
    pub fn description(self) -> &'static str {
        match self {
            Self::Expired => "The access token expired: get a new one with POST /v1/auth/refresh.",
            Self::Revoked => "The session was ended or the user disabled: log in again.",
            Self::Invalid => {
                "The token is malformed, not signed by this server, or an unknown or revoked API key."
            }
        }
    }

    /// The `WWW-Authenticate` challenge (RFC 6750 s.3).
    #[must_use]
    pub fn challenge(self) -> &'static str {
        match self {
            Self::Expired => {
                r#"Bearer error="invalid_token", error_description="The access token expired""#
            }
            Self::Revoked => {
                r#"Bearer error="invalid_token", error_description="The session was revoked""#
            }
            Self::Invalid => {
                r#"Bearer error="invalid_token", error_description="The token is malformed or invalid""#
            }
        }
    }
}
