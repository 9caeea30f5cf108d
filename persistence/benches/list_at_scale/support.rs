//! A scratch database filled with a generated book, and the case-list shapes to run on it:
//! shared by the bench (`list_at_scale`) and the plan test (`tests/list_plans.rs`).

use std::time::Duration;

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::{Connection, RunQueryDsl, pg::PgConnection};
use solvo_persistence::repositories::cases::CaseFilter;
use solvo_persistence::repositories::page::PageRequest;
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
    /// analyses them, as autovacuum would soon after such a load).
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

/// Puts back the indexes `cases` had before migration 000022 (the copied country and the name
/// index stay, as the queries read them).
pub const OLD_INDEXES: &str = "
    DROP INDEX cases_organisation_id;
    DROP INDEX cases_organisation_state;
    CREATE INDEX cases_organisation_state ON cases (organisation_id, state);
    DROP INDEX cases_state;
    DROP INDEX cases_organisation_country;
    DROP INDEX cases_country;
    DROP INDEX cases_collector_id;
    DROP INDEX cases_collector_state;
    CREATE INDEX cases_collector_id ON cases (collector_id, state);
    DROP INDEX cases_organisation_created;
    DROP INDEX cases_created;
    DROP INDEX cases_organisation_updated;
    DROP INDEX cases_updated;
    CREATE INDEX cases_organisation_updated ON cases (organisation_id, updated_at);";

/// Debtors of a generated book of `cases` cases.
pub fn debtors(cases: u64) -> u64 {
    (cases / 4).max(1)
}

/// How a shape reads its page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The page is the front of one index range: no sort at all.
    Ordered,
    /// A time range: the range's ids are sorted, never the book's.
    Range,
    /// The debtor-name search.
    Name,
}

/// One list shape: a filter and a page, with the latency it must stay under.
pub struct Shape {
    pub name: &'static str,
    pub filter: CaseFilter,
    pub page: PageRequest,
    pub kind: Kind,
    pub target: Duration,
}

const BIG: &str = "org_bench_0";

fn at(year: i32, month: u32) -> chrono::NaiveDateTime {
    NaiveDate::from_ymd_opt(year, month, 1)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap()
}

/// The list shapes of a generated book of `cases` cases.
pub fn shapes(cases: u64) -> Vec<Shape> {
    let mine = || CaseFilter {
        organisation_id: Some(BIG.to_owned()),
        ..CaseFilter::default()
    };
    let page = PageRequest::new(None, Some(50));
    let ordered = Duration::from_millis(10);
    let named = Duration::from_millis(50);
    let shape = |name, filter, kind, target| Shape {
        name,
        filter,
        page: page.clone(),
        kind,
        target,
    };
    // A name of the generator's ("Nordwind Logistik 61 GmbH"): twenty debtors share the
    // number with the second word, one in twenty the two words, one in five the suffix.
    let rare = format!("logistik {} ", debtors(cases) / 800);
    vec![
        shape("plain page", mine(), Kind::Ordered, ordered),
        shape(
            "plain page, every creditor",
            CaseFilter::default(),
            Kind::Ordered,
            ordered,
        ),
        shape(
            "state",
            CaseFilter {
                state: Some("legal".into()),
                ..mine()
            },
            Kind::Ordered,
            ordered,
        ),
        shape(
            "state, every creditor",
            CaseFilter {
                state: Some("insolvency".into()),
                ..CaseFilter::default()
            },
            Kind::Ordered,
            ordered,
        ),
        shape(
            "country",
            CaseFilter {
                country: Some("LU".into()),
                ..mine()
            },
            Kind::Ordered,
            ordered,
        ),
        shape(
            "country, every creditor",
            CaseFilter {
                country: Some("BE".into()),
                ..CaseFilter::default()
            },
            Kind::Ordered,
            ordered,
        ),
        shape(
            "collector",
            CaseFilter {
                collector_id: Some("usr_collector_03".into()),
                ..CaseFilter::default()
            },
            Kind::Ordered,
            ordered,
        ),
        shape(
            "collector and state",
            CaseFilter {
                collector_id: Some("usr_collector_03".into()),
                state: Some("legal".into()),
                ..CaseFilter::default()
            },
            Kind::Ordered,
            ordered,
        ),
        Shape {
            name: "deep cursor",
            filter: mine(),
            page: PageRequest::new(Some(format!("case_{:032}", cases * 9 / 10)), Some(50)),
            kind: Kind::Ordered,
            target: ordered,
        },
        shape(
            "created range (a month)",
            CaseFilter {
                created_from: Some(at(2025, 6)),
                created_to: Some(at(2025, 7)),
                ..mine()
            },
            Kind::Range,
            ordered,
        ),
        shape(
            "updated since (a month)",
            CaseFilter {
                updated_since: Some(at(2026, 12)),
                ..mine()
            },
            Kind::Range,
            ordered,
        ),
        shape(
            "name, rare",
            CaseFilter {
                debtor_name: Some(rare),
                ..mine()
            },
            Kind::Name,
            named,
        ),
        shape(
            "name, two words",
            CaseFilter {
                debtor_name: Some("nordwind logistik".into()),
                ..mine()
            },
            Kind::Name,
            named,
        ),
        shape(
            "name, common",
            CaseFilter {
                debtor_name: Some("GmbH".into()),
                ..mine()
            },
            Kind::Name,
            named,
        ),
        shape(
            "name, two characters",
            CaseFilter {
                debtor_name: Some("ag".into()),
                ..mine()
            },
            Kind::Name,
            named,
        ),
    ]
}
