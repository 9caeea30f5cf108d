//! A scratch database filled with a generated book: shared by the bench (`list_at_scale`) and
//! the persistence tests of the case list.

use diesel::connection::SimpleConnection;
use diesel::{Connection, RunQueryDsl, pg::PgConnection};
use solvo_persistence::{Backend, DatabaseUrl, Pool};

/// A fresh, migrated database that is removed when dropped.
pub struct Scratch {
    pub backend: Backend,
    pub pool: Pool,
    postgres: Option<(String, String)>,
    _dir: tempfile::TempDir,
}

impl Scratch {
    /// A SQLite file in a temporary directory.
    pub fn sqlite() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}", dir.path().join("book.db").display());
        Self::open(Backend::Sqlite, &url, None, dir)
    }

    /// A database of its own on the server `SOLVO_TEST_POSTGRES_URL` names, if it is set.
    pub fn postgres() -> Option<Self> {
        let admin = std::env::var("SOLVO_TEST_POSTGRES_URL")
            .ok()
            .filter(|url| !url.is_empty())?;
        solvo_persistence::connection::init_postgres_client();
        let name = format!("solvo_scale_{}", uuid::Uuid::now_v7().simple());
        let mut conn = PgConnection::establish(&admin).unwrap();
        diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
            .execute(&mut conn)
            .unwrap();
        let url = solvo_persistence::connection::postgres_url_with_database(&admin, &name);
        Some(Self::open(
            Backend::Postgres,
            &url,
            Some((admin, name)),
            tempfile::tempdir().unwrap(),
        ))
    }

    fn open(
        backend: Backend,
        url: &str,
        postgres: Option<(String, String)>,
        dir: tempfile::TempDir,
    ) -> Self {
        let pool =
            solvo_persistence::pool::build_pool(&DatabaseUrl::parse(url).unwrap(), 1).unwrap();
        solvo_persistence::migrations::run_pending(&mut pool.get().unwrap()).unwrap();
        Self {
            backend,
            pool,
            postgres,
            _dir: dir,
        }
    }

    /// Generates `cases` cases of `cases / 4` debtors straight in SQL (and, on PostgreSQL,
    /// vacuums and analyses them, as autovacuum would soon after such a load).
    pub fn fill(&self, cases: u64) {
        let script = match self.backend {
            Backend::Sqlite => include_str!("sqlite.sql"),
            Backend::Postgres => include_str!("pg.sql"),
        };
        let script = script
            .replace("{cases}", &cases.to_string())
            .replace("{debtors}", &debtors(cases).to_string());
        let mut conn = self.pool.get().unwrap();
        conn.batch_execute(&format!("BEGIN; {script} COMMIT;"))
            .unwrap();
        if self.backend == Backend::Postgres {
            conn.batch_execute("VACUUM ANALYZE").unwrap();
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some((admin, name)) = &self.postgres
            && let Ok(mut conn) = PgConnection::establish(admin)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

/// Debtors of a generated book of `cases` cases.
pub fn debtors(cases: u64) -> u64 {
    (cases / 4).max(1)
}
