//! Every case-list shape is read from an index in id order, on both backends: the plan never
//! scans the cases table, never walks an index filtering its rows and never sorts the book (at most a time range's ids, or a name
//! search's candidates). The same checks refuse the indexes from before migration
//! `000022_list_indexes`, so they can fail.

#![expect(
    clippy::unwrap_used,
    reason = "a test: a failure should stop it loudly"
)]

#[path = "../benches/list_at_scale/scratch.rs"]
mod scratch;
#[path = "../benches/list_at_scale/shapes.rs"]
mod shapes;

use diesel::connection::SimpleConnection;
use scratch::Scratch;
use shapes::{Kind, Shape};
use solvo_persistence::Backend;
use solvo_persistence::repositories::cases;

/// Enough cases for PostgreSQL's planner to prefer indexes where they pay (it reads a small
/// table whole), few enough to generate in a second or two.
const CASES: u64 = 40_000;

/// Rows a page may read and throw away by the planner's own estimate: PostgreSQL walks the
/// primary key and filters each row when the filter matches most of the book, which is as fast
/// as an index of its own; a rarer filter would read as much of the book as it is rare.
const WALK_ROWS_MAX: f64 = 1_000.0;

/// The most rows of `cases` a PostgreSQL plan reads for one page of 51 while walking an index
/// and filtering: 51 rows divided by the share of the walk that passes the filter (the scan
/// node's `rows=` estimate over the table's rows).
#[expect(clippy::cast_precision_loss, reason = "row counts far below 2^52")]
fn rows_read_per_page(plan: &[String]) -> f64 {
    let mut scan_rows = None;
    let mut worst: f64 = 0.0;
    for line in plan {
        if line.contains("Scan") && line.contains(" on cases") {
            scan_rows = line
                .split("rows=")
                .nth(1)
                .and_then(|rest| rest.split(' ').next())
                .and_then(|rows| rows.parse::<f64>().ok());
        } else if line.contains("->") {
            scan_rows = None;
        } else if line.trim_start().starts_with("Filter:")
            && let Some(rows) = scan_rows
        {
            worst = worst.max(51.0 * CASES as f64 / rows.max(1.0));
        }
    }
    worst
}

/// What is wrong with `plan` for `shape`, if anything.
fn faults(backend: Backend, shape: &Shape, plan: &[String]) -> Vec<&'static str> {
    let text = plan.join("\n");
    let sorts = match backend {
        Backend::Sqlite => text.contains("USE TEMP B-TREE FOR ORDER BY"),
        Backend::Postgres => plan.iter().any(|line| {
            line.trim_start()
                .trim_start_matches("-> ")
                .starts_with("Sort")
        }),
    };
    let scans_cases = match backend {
        // A scan in primary-key order is the id order itself (the shapes without an equality
        // filter); any other scan of `cases` reads the table or a whole index.
        Backend::Sqlite => plan.iter().any(|line| {
            let line = line.trim();
            (line.starts_with("SCAN cases") || line.starts_with("SCAN c "))
                && !line.contains("USING INDEX sqlite_autoindex_cases_1")
        }),
        Backend::Postgres => text.contains("Seq Scan on cases"),
    };
    // Where a sort is sound: over a time range read from its index, or over the cases of the
    // debtors a name search matched (PostgreSQL reads those from the trigram index once
    // `debtors` is large, and whole while it is small).
    let narrowed = match shape.kind {
        Kind::Ordered => false,
        Kind::Range => [
            "cases_organisation_created",
            "cases_created",
            "cases_organisation_updated",
            "cases_updated",
        ]
        .iter()
        .any(|index| text.contains(index)),
        Kind::Name => backend == Backend::Postgres && text.contains("cases_debtor_id"),
    };
    let filters_rows = backend == Backend::Postgres
        && shape.kind != Kind::Name
        && !sorts
        && rows_read_per_page(plan) > WALK_ROWS_MAX;
    let mut faults = Vec::new();
    if filters_rows {
        faults.push("walks an index throwing most rows away");
    }
    if scans_cases {
        faults.push("scans cases");
    }
    if sorts && !narrowed {
        faults.push("sorts the book");
    }
    faults
}

fn check(scratch: &Scratch) -> Vec<String> {
    let mut conn = scratch.pool.get().unwrap();
    if scratch.backend == Backend::Postgres {
        // The cost of a random page on solid-state storage, as PostgreSQL's manual suggests
        // for it ("Planner Cost Constants"). With the default (4, for spinning disks) and a
        // table loaded in id order, PostgreSQL prefers walking the primary key and filtering
        // to reading an index whose entries point all over the heap, which the check below
        // would rightly refuse.
        conn.batch_execute("SET random_page_cost = 1.1").unwrap();
    }
    let mut found = Vec::new();
    for shape in shapes::shapes(CASES) {
        let plan = cases::explain(&mut conn, &shape.filter, &shape.page).unwrap();
        let faults = faults(scratch.backend, &shape, &plan);
        if !faults.is_empty() {
            found.push(format!(
                "{} (a page in {:?} at scale): {faults:?}\n    {}",
                shape.name,
                shape.target,
                plan.join("\n    ")
            ));
        }
    }
    found
}

fn every_shape_reads_an_index_in_id_order(scratch: &Scratch) {
    scratch.fill(CASES);
    let found = check(scratch);
    assert!(found.is_empty(), "{}", found.join("\n"));

    let mut conn = scratch.pool.get().unwrap();
    conn.batch_execute(shapes::OLD_INDEXES).unwrap();
    if scratch.backend == Backend::Postgres {
        conn.batch_execute("DROP INDEX debtors_legal_name_trgm; ANALYZE;")
            .unwrap();
    }
    drop(conn);
    let found = check(scratch);
    eprintln!("refused with the old indexes:\n{}", found.join("\n"));
    assert!(
        found.len() >= 5,
        "the old indexes should fail most shapes, but only these did:\n{}",
        found.join("\n")
    );
}

#[test]
fn sqlite_reads_every_list_shape_from_an_index_in_id_order() {
    every_shape_reads_an_index_in_id_order(&Scratch::sqlite());
}

#[test]
fn postgres_reads_every_list_shape_from_an_index_in_id_order() {
    let Some(scratch) = Scratch::postgres() else {
        eprintln!("skipped: SOLVO_TEST_POSTGRES_URL is not set");
        return;
    };
    every_shape_reads_an_index_in_id_order(&scratch);
}
