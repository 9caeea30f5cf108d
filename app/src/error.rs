//! What a use case can refuse or fail with. The api crate maps each variant to an HTTP status and
//! a stable error code in its one table (`api/src/error.rs`); nothing here knows about HTTP.
//!
//! Storage failures arrive as [`PersistenceError`] and are translated once, in the `From` impl
//! below: a missing row is [`AppError::NotFound`], an unreachable database
//! [`AppError::Unavailable`], and a unique-index refusal that no use case anticipated is a plain
//! [`AppError::Conflict`] whose text never names the constraint (it goes to the log instead).

use serde::Serialize;
use solvo_persistence::PersistenceError;
use utoipa::ToSchema;

/// One invalid field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, ToSchema)]
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

/// A command the case state machine refused, with what it would accept instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The command sent, e.g. `pause`.
    pub command: String,
    /// The case's state when it was refused.
    pub state: String,
    /// Why, in a sentence.
    pub reason: String,
    /// The commands the state allows now.
    pub allowed: Vec<String>,
}

/// Every way a use case can end without its result.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The input is well-formed but a field fails a rule; every invalid field at once.
    #[error("validation failed")]
    Validation(Vec<FieldError>),
    /// No such resource, or one of another tenant (indistinguishable by design).
    #[error("not found")]
    NotFound,
    /// The caller is known but may not do this; the text says what was refused.
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The state machine refused the command in the case's current state.
    #[error("transition refused: {}", .0.reason)]
    TransitionRefused(Box<Refused>),
    /// The case, or one of its invoices, was placed before.
    #[error("duplicate case: {detail}")]
    DuplicateCase {
        /// The case that holds the reference or invoice.
        existing_case_id: String,
        /// What is duplicated, in a sentence.
        detail: String,
    },
    /// A debtor with this VAT id or registration number exists with other details.
    #[error("debtor conflict with {debtor_id}")]
    DebtorConflict {
        /// The existing debtor.
        debtor_id: String,
    },
    /// The resource changed since the caller read it (optimistic concurrency).
    #[error("stale version")]
    StaleVersion,
    /// The case is closed: nothing more can be agreed or arranged on it until it is reopened.
    #[error("case closed")]
    CaseClosed,
    /// A payment cannot be reversed because the credit it left has been refunded; the text says
    /// how much.
    #[error("credit refunded: {0}")]
    CreditRefunded(String),
    /// The arrangement (a payment plan) has already ended; the text says how.
    #[error("arrangement ended: {0}")]
    ArrangementEnded(String),
    /// The dispute has been resolved already; a dispute is decided once.
    #[error("dispute resolved: {0}")]
    DisputeResolved(String),
    /// The fee invoice has been cancelled by a credit note already, or is one; the text says
    /// which.
    #[error("invoice credited: {0}")]
    InvoiceCredited(String),
    /// A decision names other figures than the legal assessment on record (it was revised, or
    /// the decision was taken on an old copy); the text gives the figures on record.
    #[error("assessment changed: {0}")]
    AssessmentChanged(String),
    /// An uploaded file is not XML at all; the text says why.
    #[error("not XML: {0}")]
    NotXml(String),
    /// A well-formed bank statement this server does not understand.
    #[error("statement unreadable at {element}: {problem}")]
    StatementUnreadable {
        /// The element, as a path (`Ntry[3]/CdtDbtInd`).
        element: String,
        /// What is wrong with it.
        problem: String,
    },
    /// This statement of this account was imported before; nothing was booked again.
    #[error("statement imported before as {statement_id}")]
    StatementAlreadyImported {
        /// The earlier import.
        statement_id: String,
    },
    /// The portal refuses what a debtor asks on a case in its present state (a plan on a
    /// disputed or closed case, a second claim while one is checked); the detail is in the
    /// debtor's language.
    #[error("portal request refused: {reason}")]
    PortalRefused {
        /// Stable code (`solvo_domain::portal::wording::Refusal::as_str`).
        reason: &'static str,
        /// One sentence in the debtor's language.
        detail: String,
    },
    /// Any other clash with existing data; the text is safe to show.
    #[error("conflict: {0}")]
    Conflict(String),
    /// The database cannot serve now; worth retrying.
    #[error("unavailable")]
    Unavailable,
    /// The server is at its bound for this kind of work (password hashing); retry after the
    /// duration.
    #[error("busy")]
    Busy(std::time::Duration),
    /// Too many failed attempts (logins); the next is accepted after the duration.
    #[error("rate limited")]
    RateLimited(std::time::Duration),
    /// A stored row cannot be read back into the domain (logged with its id; a 500 to clients).
    #[error("corrupt {entity} {id}: {detail}")]
    Corrupt {
        /// What kind of row, e.g. `case`.
        entity: &'static str,
        /// Its id.
        id: String,
        /// What is wrong with it.
        detail: String,
    },
    /// A bug or an unexpected failure; the cause is logged, never shown.
    #[error("internal error: {0:#}")]
    Internal(#[from] anyhow::Error),
}

impl AppError {
    /// A validation error naming one field.
    pub fn invalid(
        field: impl Into<String>,
        code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Self::Validation(vec![FieldError::new(field, code, message)])
    }

    /// A corrupt stored row.
    #[expect(
        clippy::needless_pass_by_value,
        reason = "callers hand over an error or a message they no longer need"
    )]
    pub fn corrupt(entity: &'static str, id: impl Into<String>, detail: impl ToString) -> Self {
        Self::Corrupt {
            entity,
            id: id.into(),
            detail: detail.to_string(),
        }
    }

    /// An internal failure described by `message`.
    pub fn internal(message: impl std::fmt::Display) -> Self {
        Self::Internal(anyhow::anyhow!("{message}"))
    }
}

impl From<PersistenceError> for AppError {
    fn from(err: PersistenceError) -> Self {
        match err {
            PersistenceError::NotFound => Self::NotFound,
            PersistenceError::Conflict(constraint) => {
                tracing::info!(%constraint, "write refused by a unique index");
                Self::Conflict("The request conflicts with an existing record.".to_owned())
            }
            PersistenceError::Unavailable(why) => {
                tracing::warn!(%why, "database unavailable");
                Self::Unavailable
            }
            // A list cannot say which of its rows a typed column was read from; the value it
            // names and the request's log line (with its path) find the row. A lookup by id
            // names it (`CorruptRow`).
            PersistenceError::Corrupt(detail) => Self::Corrupt {
                entity: "row",
                id: String::new(),
                detail,
            },
            PersistenceError::CorruptRow { table, id, detail } => Self::Corrupt {
                entity: table,
                id,
                detail,
            },
            other => Self::Internal(anyhow::Error::new(other)),
        }
    }
}

impl From<diesel::result::Error> for AppError {
    fn from(err: diesel::result::Error) -> Self {
        PersistenceError::from(err).into()
    }
}

impl From<serde_json::Error> for AppError {
    fn from(err: serde_json::Error) -> Self {
        Self::Internal(err.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_constraint_name_never_reaches_the_conflict_text() {
        let err = AppError::from(PersistenceError::Conflict("users_email_key".into()));
        let AppError::Conflict(text) = err else {
            panic!("expected a conflict, got {err:?}");
        };
        assert!(!text.contains("users_email"), "{text}");
    }

    #[test]
    fn a_missing_row_is_not_found_and_a_closed_pool_unavailable() {
        assert!(matches!(
            AppError::from(PersistenceError::NotFound),
            AppError::NotFound
        ));
        assert!(matches!(
            AppError::from(PersistenceError::Unavailable("pool".into())),
            AppError::Unavailable
        ));
    }
}
