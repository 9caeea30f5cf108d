//! The test's own database, and the SQL a few tests run on it on purpose.
//!
//! Raw SQL belongs only where the HTTP API cannot arrange the state: a fault injected into the
//! server's own transaction, a corrupt row, a crash between two writes, the migrations.

use diesel::{Connection, RunQueryDsl, pg::PgConnection};

use super::Backend;
use super::app::postgres_admin_url;

/// A database that lives as long as the test.
pub enum TestDatabase {
    Sqlite(tempfile::TempDir),
    Postgres { admin_url: String, name: String },
}

impl TestDatabase {
    /// A fresh, empty database and its URL.
    pub fn create(backend: Backend) -> (Self, String) {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().unwrap();
                let url = format!("sqlite://{}", dir.path().join("solvo.db").display());
                (Self::Sqlite(dir), url)
            }
            Backend::Postgres => {
                solvo_persistence::connection::init_postgres_client();
                let admin_url = postgres_admin_url().expect("SOLVO_TEST_POSTGRES_URL");
                let name = format!("solvo_test_{}", uuid::Uuid::now_v7().simple());
                let mut conn = PgConnection::establish(&admin_url).unwrap();
                diesel::sql_query(format!("CREATE DATABASE \"{name}\""))
                    .execute(&mut conn)
                    .unwrap();
                let url =
                    solvo_persistence::connection::postgres_url_with_database(&admin_url, &name);
                (Self::Postgres { admin_url, name }, url)
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Self::Postgres { admin_url, name } = self
            && let Ok(mut conn) = PgConnection::establish(admin_url)
        {
            let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)"))
                .execute(&mut conn);
        }
    }
}

/// Runs SQL statements straight on the test's database (fault injection), in order.
pub async fn execute_sql(url: &str, statements: Vec<String>) {
    let url = url.to_owned();
    tokio::task::spawn_blocking(move || {
        let pool = solvo_api::startup::open_database(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        for sql in statements {
            diesel::sql_query(sql).execute(&mut conn).unwrap();
        }
    })
    .await
    .unwrap();
}

/// A `SELECT COUNT(*) AS count …` row.
#[derive(diesel::QueryableByName)]
pub struct Count {
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    pub count: i64,
}

/// The `count` of one `SELECT COUNT(*) AS count …` on the test's database, for what only
/// storage shows (a row that must not exist, rows shared rather than copied).
pub async fn count(url: &str, sql: &str) -> i64 {
    let (url, sql) = (url.to_owned(), sql.to_owned());
    tokio::task::spawn_blocking(move || {
        let pool = solvo_api::startup::open_database(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        diesel::sql_query(sql)
            .get_result::<Count>(&mut conn)
            .unwrap()
            .count
    })
    .await
    .unwrap()
}
