//! The storage layer's error type. The API maps it to HTTP in its one error table.

use diesel::result::{DatabaseErrorKind, Error as DieselError};

/// What can go wrong below the API.
#[derive(Debug, thiserror::Error)]
pub enum PersistenceError {
    /// The row asked for does not exist (or belongs to another tenant: callers cannot tell).
    #[error("not found")]
    NotFound,
    /// A unique constraint refused the write; the payload names the constraint or column.
    #[error("conflict on {0}")]
    Conflict(String),
    /// The database cannot be reached or the pool is exhausted: worth retrying later.
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The database URL or another setting is unusable.
    #[error("configuration: {0}")]
    Configuration(String),
    /// Applying the embedded migrations failed.
    #[error("migration failed: {0}")]
    Migration(String),
    /// A stored value the domain does not know (a currency, state, role, … column holding text
    /// its parser refuses): the row is corrupt. The payload says which value.
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// [`PersistenceError::Corrupt`] read by a lookup that knows which row it asked for.
    #[error("corrupt {table} row {id}: {detail}")]
    CorruptRow {
        /// The table, e.g. `cases`.
        table: &'static str,
        /// The row's id.
        id: String,
        /// Which value the domain refused.
        detail: String,
    },
    /// Any other database error: a bug, logged with its cause.
    #[error("database error: {0}")]
    Database(#[source] DieselError),
}

impl From<DieselError> for PersistenceError {
    fn from(err: DieselError) -> Self {
        match err {
            DieselError::NotFound => Self::NotFound,
            DieselError::DatabaseError(DatabaseErrorKind::UniqueViolation, info) => {
                Self::Conflict(info.constraint_name().unwrap_or(info.message()).to_owned())
            }
            DieselError::DatabaseError(DatabaseErrorKind::ClosedConnection, info) => {
                Self::Unavailable(info.message().to_owned())
            }
            // SQLite's lock is still held by a long writer after the busy timeout: the request can
            // be retried, so it is a 503, not a 500.
            DieselError::DatabaseError(_, info)
                if info.message().contains("database is locked")
                    || info.message().contains("database is busy") =>
            {
                Self::Unavailable(info.message().to_owned())
            }
            DieselError::DeserializationError(cause) => Self::Corrupt(with_sources(&*cause)),
            other => Self::Database(other),
        }
    }
}

/// An error's message followed by its causes': diesel names only the field, its cause the value.
fn with_sources(err: &(dyn std::error::Error + 'static)) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

impl PersistenceError {
    /// Names the row a corrupt value came from, so that the log says which row to mend; any
    /// other error is returned as it is.
    #[must_use]
    pub fn in_row(self, table: &'static str, id: &str) -> Self {
        match self {
            Self::Corrupt(detail) => Self::CorruptRow {
                table,
                id: id.to_owned(),
                detail,
            },
            other => other,
        }
    }
}

/// Reads a diesel result of a lookup by id into [`PersistenceError`], naming the row when a
/// typed column of it is corrupt.
pub trait OfRow<T> {
    /// The result, with a corrupt value reported as [`PersistenceError::CorruptRow`].
    ///
    /// # Errors
    /// The diesel error, translated.
    fn of_row(self, table: &'static str, id: &str) -> Result<T, PersistenceError>;
}

impl<T> OfRow<T> for Result<T, DieselError> {
    fn of_row(self, table: &'static str, id: &str) -> Result<T, PersistenceError> {
        self.map_err(|err| PersistenceError::from(err).in_row(table, id))
    }
}

impl From<r2d2::Error> for PersistenceError {
    fn from(err: r2d2::Error) -> Self {
        Self::Unavailable(err.to_string())
    }
}
