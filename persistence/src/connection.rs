//! The one connection type every repository takes, and the URL that picks its backend.

use std::fmt;

use diesel::pg::PgConnection;
use diesel::sqlite::SqliteConnection;

use crate::error::PersistenceError;

/// A connection to either supported database. Repository code is written once against it.
#[derive(diesel::MultiConnection)]
pub enum AnyConnection {
    /// PostgreSQL, for installations with several API nodes.
    Postgresql(PgConnection),
    /// SQLite, the embedded default.
    Sqlite(SqliteConnection),
}

impl AnyConnection {
    /// Which backend this connection talks to.
    #[must_use]
    pub fn backend(&self) -> Backend {
        match self {
            Self::Postgresql(_) => Backend::Postgres,
            Self::Sqlite(_) => Backend::Sqlite,
        }
    }

    /// One round trip to the database, for readiness checks.
    ///
    /// # Errors
    /// [`PersistenceError`] when the database does not answer.
    pub fn ping(&mut self) -> Result<(), PersistenceError> {
        use diesel::connection::SimpleConnection;
        self.batch_execute("SELECT 1")?;
        Ok(())
    }
}

/// Prepares the process for PostgreSQL clients; call it before the first connection.
///
/// The bundled libpq uses OpenSSL (TLS and SCRAM). Left to itself OpenSSL registers an `atexit`
/// cleanup that frees its global state while other threads may still hold TLS connections or
/// run thread-exit destructors, which aborted a test binary with "double free or corruption"
/// after every test had passed. Initialising it first with `OPENSSL_INIT_NO_ATEXIT` (what
/// `openssl_sys::init` does) leaves that memory to the operating system at exit.
pub fn init_postgres_client() {
    openssl_sys::init();
}

/// The database products Solvo runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// SQLite through the bundled libsqlite3.
    Sqlite,
    /// PostgreSQL through the bundled libpq.
    Postgres,
}

/// A database location with its backend decided from the scheme, never by trying to connect:
/// SQLite accepts any string as a file name, so trying backends in turn would hide typos.
#[derive(Clone, PartialEq, Eq)]
pub struct DatabaseUrl {
    backend: Backend,
    /// What diesel's `establish` receives: a file path for SQLite, the URL for PostgreSQL.
    target: String,
}

impl DatabaseUrl {
    /// Parses `sqlite://PATH`, `sqlite:PATH`, a bare file path, or `postgres://…` / `postgresql://…`.
    ///
    /// # Errors
    /// An empty string or an unknown `scheme://` is refused with a message naming the accepted forms.
    pub fn parse(raw: &str) -> Result<Self, PersistenceError> {
        let raw = raw.trim();
        if raw.is_empty() {
            return Err(PersistenceError::Configuration(
                "the database URL is empty".into(),
            ));
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            return Ok(Self {
                backend: Backend::Postgres,
                target: raw.to_owned(),
            });
        }
        if let Some(path) = raw
            .strip_prefix("sqlite://")
            .or_else(|| raw.strip_prefix("sqlite:"))
        {
            if path.is_empty() {
                return Err(PersistenceError::Configuration(
                    "sqlite:// needs a file path".into(),
                ));
            }
            return Ok(Self {
                backend: Backend::Sqlite,
                target: path.to_owned(),
            });
        }
        if let Some((scheme, _)) = raw.split_once("://") {
            return Err(PersistenceError::Configuration(format!(
                "unsupported database scheme `{scheme}://`; use sqlite://PATH, a file path or postgres://…"
            )));
        }
        Ok(Self {
            backend: Backend::Sqlite,
            target: raw.to_owned(),
        })
    }

    /// The backend this URL selects.
    #[must_use]
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// The string handed to the driver.
    #[must_use]
    pub fn target(&self) -> &str {
        &self.target
    }
}

/// Hides PostgreSQL passwords when a URL is logged.
impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

impl DatabaseUrl {
    /// The URL with any password replaced by `***`, fit for logs.
    #[must_use]
    pub fn redacted(&self) -> String {
        match self.backend {
            Backend::Sqlite => format!("sqlite://{}", self.target),
            Backend::Postgres => redact_password(&self.target),
        }
    }
}

/// The same PostgreSQL server URL naming another database (query parameters kept), for tools
/// and tests that create a database per run.
#[must_use]
pub fn postgres_url_with_database(url: &str, database: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(base, query)| (base, Some(query)));
    let scheme_end = base.find("://").map_or(0, |index| index + 3);
    let host = base
        .get(scheme_end..)
        .unwrap_or_default()
        .split('/')
        .next()
        .unwrap_or_default();
    let mut out = format!(
        "{}{host}/{database}",
        base.get(..scheme_end).unwrap_or_default()
    );
    if let Some(query) = query {
        out.push('?');
        out.push_str(query);
    }
    out
}

fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let Some((userinfo, host)) = rest.split_once('@') else {
        return url.to_owned();
    };
    match userinfo.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bare_path_and_the_sqlite_scheme_select_sqlite() {
        for raw in [
            "solvo.db",
            "sqlite://data/solvo.db",
            "sqlite:solvo.db",
            "/tmp/x.db",
        ] {
            assert_eq!(
                DatabaseUrl::parse(raw).unwrap().backend(),
                Backend::Sqlite,
                "{raw}"
            );
        }
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/solvo.db")
                .unwrap()
                .target(),
            "data/solvo.db"
        );
    }

    #[test]
    fn postgres_urls_select_postgres_and_hide_the_password_in_logs() {
        let url = DatabaseUrl::parse("postgresql://solvo:secret@localhost/solvo").unwrap();
        assert_eq!(url.backend(), Backend::Postgres);
        assert_eq!(url.redacted(), "postgresql://solvo:***@localhost/solvo");
        assert!(!format!("{url:?}").contains("secret"));
    }

    #[test]
    fn another_database_on_the_same_server_keeps_credentials_and_parameters() {
        assert_eq!(
            postgres_url_with_database("postgres://u:p@db:5432/postgres?sslmode=disable", "t1"),
            "postgres://u:p@db:5432/t1?sslmode=disable"
        );
        assert_eq!(
            postgres_url_with_database("postgresql://localhost", "t2"),
            "postgresql://localhost/t2"
        );
    }

    #[test]
    fn unknown_schemes_and_empty_urls_are_refused() {
        assert!(DatabaseUrl::parse("mysql://localhost/x").is_err());
        assert!(DatabaseUrl::parse("  ").is_err());
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }
}
