//! The two migration sets stay in step and both can be applied, reverted and applied again.

use std::collections::BTreeSet;
use std::path::Path;

use diesel::RunQueryDsl;
use diesel::sql_types::Text;
use solvo_persistence::migrations;

use crate::both_backends;
use crate::helpers::{Backend, TestDatabase};

fn versions(dialect: &str) -> BTreeSet<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../migrations")
        .join(dialect);
    std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn both_dialects_have_the_same_migrations() {
    let sqlite = versions("sqlite");
    assert!(!sqlite.is_empty());
    assert_eq!(sqlite, versions("postgres"));
    for version in &sqlite {
        for dialect in ["sqlite", "postgres"] {
            let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../migrations")
                .join(dialect)
                .join(version);
            assert!(
                dir.join("up.sql").is_file() && dir.join("down.sql").is_file(),
                "{dialect}/{version}"
            );
        }
    }
}

/// A database without any migration applied, and a pool on it.
fn empty_database(backend: Backend) -> (TestDatabase, solvo_persistence::Pool) {
    let (database, url) = TestDatabase::create(backend);
    let pool = solvo_persistence::pool::build_pool(
        &solvo_persistence::DatabaseUrl::parse(&url).unwrap(),
        1,
    )
    .unwrap();
    (database, pool)
}

both_backends!(
    migrations_apply_revert_and_apply_again,
    fee_terms_move_to_fee_schedules_with_every_case,
);

async fn migrations_apply_revert_and_apply_again(backend: Backend) {
    tokio::task::spawn_blocking(move || {
        let (_database, pool) = empty_database(backend);
        let mut conn = pool.get().unwrap();
        let applied = migrations::run_pending(&mut conn).unwrap();
        assert_eq!(applied.len(), versions("sqlite").len());
        assert_eq!(migrations::revert_all(&mut conn).unwrap(), applied.len());
        assert_eq!(
            migrations::run_pending(&mut conn).unwrap().len(),
            applied.len()
        );
        assert!(migrations::run_pending(&mut conn).unwrap().is_empty());
    })
    .await
    .unwrap();
}

#[derive(diesel::QueryableByName)]
struct One {
    #[diesel(sql_type = Text)]
    value: String,
}

fn one(conn: &mut solvo_persistence::AnyConnection, sql: &str) -> String {
    let rows: Vec<One> = diesel::sql_query(sql).load(conn).unwrap();
    assert_eq!(rows.len(), 1, "{sql}");
    rows.into_iter().next().unwrap().value
}

/// A case stored before fee schedules had their own table keeps its terms, and reverting gives
/// them back.
async fn fee_terms_move_to_fee_schedules_with_every_case(backend: Backend) {
    tokio::task::spawn_blocking(move || {
        let (_database, pool) = empty_database(backend);
        let mut conn = pool.get().unwrap();
        migrations::run_pending(&mut conn).unwrap();
        // Every migration after the one that moved fee terms, newest first.
        let later = [
            "20261209000024",
            "20261208000023",
            "20261208000022",
            "20261207000021",
            "20261207000020",
            "20261207000019",
            "20261206000018",
            "20261205000017",
            "20261204000016",
            "20261204000015",
            "20261203000014",
            "20261203000013",
            "20261203000012",
            "20261203000011",
            "20261203000010",
            "20261203000009",
            "20261203000008",
            "20261203000007",
            "20261203000006",
            "20261202000005",
            "20261201000004",
            "20261123000003",
        ];
        for version in later {
            assert_eq!(migrations::revert_last(&mut conn).unwrap(), version);
        }
        // Rows of the old schema written as SQL: today's code writes today's columns.
        diesel::sql_query(
            "INSERT INTO organisations (id, kind, name, country, version, created_at, updated_at) \
             VALUES ('org_1', 'creditor', 'Acme', 'DE', 1, '2026-01-01 00:00:00', '2026-01-01 00:00:00')",
        )
        .execute(&mut conn)
        .unwrap();
        let organisation = one(&mut conn, "SELECT id AS value FROM organisations");
        let terms = r#"{"currency":"EUR","introduction_fee":"25.00"}"#;
        diesel::sql_query(format!(
            "INSERT INTO debtors (id, organisation_id, legal_name, country, created_at, updated_at) \
             VALUES ('dbt_1', '{organisation}', 'Globex GmbH', 'DE', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ))
        .execute(&mut conn)
        .unwrap();
        diesel::sql_query(format!(
            "INSERT INTO cases (id, organisation_id, debtor_id, case_number, rf_reference, \
             creditor_reference, currency, jurisdiction, state, state_detail, fee_terms, created_at, updated_at) \
             VALUES ('case_1', '{organisation}', 'dbt_1', 1, 'RF181', 'OLD-1', 'EUR', 'DE', 'submitted', \
             '\"submitted\"', '{terms}', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"
        ))
        .execute(&mut conn)
        .unwrap();

        assert_eq!(
            migrations::run_pending(&mut conn).unwrap().len(),
            later.len()
        );
        assert_eq!(
            one(&mut conn, "SELECT fee_schedule_id AS value FROM cases"),
            "fsc_case_1"
        );
        assert_eq!(
            one(
                &mut conn,
                "SELECT s.terms AS value FROM cases c JOIN fee_schedules s ON s.id = c.fee_schedule_id"
            ),
            terms
        );

        for _ in later {
            migrations::revert_last(&mut conn).unwrap();
        }
        assert_eq!(one(&mut conn, "SELECT fee_terms AS value FROM cases"), terms);
    })
    .await
    .unwrap();
}

#[derive(diesel::QueryableByName)]
struct Unindexed {
    #[diesel(sql_type = Text)]
    table_name: String,
    #[diesel(sql_type = Text)]
    column_name: String,
}

/// Every foreign key column leads an index, so that joins and cascades never scan a table.
#[test]
fn every_foreign_key_has_an_index() {
    let (_database, pool) = empty_database(Backend::Sqlite);
    let mut conn = pool.get().unwrap();
    migrations::run_pending(&mut conn).unwrap();
    let unindexed: Vec<Unindexed> = diesel::sql_query(
        "SELECT m.name AS table_name, fk.\"from\" AS column_name
           FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) fk
          WHERE m.type = 'table'
            AND NOT EXISTS (
                SELECT 1 FROM pragma_index_list(m.name) il
                  JOIN pragma_index_info(il.name) ii
                 WHERE ii.seqno = 0 AND ii.name = fk.\"from\")",
    )
    .load(&mut conn)
    .unwrap();
    let names: Vec<String> = unindexed
        .iter()
        .map(|u| format!("{}.{}", u.table_name, u.column_name))
        .collect();
    assert!(names.is_empty(), "foreign keys without an index: {names:?}");
}
