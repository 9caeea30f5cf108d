//! A lookup by id that reads a typed column holding text the domain does not know answers
//! `CorruptRow`, naming the table and the id, so that the log line says which row to mend; a
//! list, which cannot say which of its rows it was, answers `Corrupt`.

#![expect(
    clippy::unwrap_used,
    reason = "a test: a failure should stop it loudly"
)]

#[path = "../benches/list_at_scale/scratch.rs"]
mod scratch;

use diesel::connection::SimpleConnection;
use scratch::Scratch;
use solvo_persistence::PersistenceError;
use solvo_persistence::repositories::cases::{self, CaseFilter};
use solvo_persistence::repositories::page::PageRequest;

fn a_lookup_names_the_corrupt_row(scratch: &Scratch) {
    // The generated book's first case, `case_0000001` of `org_bench_0`, with a currency no
    // release writes.
    scratch.fill(4);
    let mut conn = scratch.pool.get().unwrap();
    let id: String = {
        let page = PageRequest::new(None, Some(1));
        cases::list(&mut conn, &CaseFilter::default(), &page)
            .unwrap()
            .items
            .remove(0)
            .id
    };
    conn.batch_execute(&format!(
        "UPDATE cases SET currency = 'ZZQ' WHERE id = '{id}'"
    ))
    .unwrap();

    match cases::find(&mut conn, None, &id) {
        Err(PersistenceError::CorruptRow {
            table,
            id: named,
            detail,
        }) => {
            assert_eq!(table, "cases");
            assert_eq!(named, id);
            assert!(detail.contains("ZZQ"), "{detail}");
        }
        other => panic!("expected CorruptRow, got {other:?}"),
    }
    match cases::find_with_debtor(&mut conn, None, &id) {
        Err(PersistenceError::CorruptRow { id: named, .. }) => assert_eq!(named, id),
        other => panic!("expected CorruptRow, got {other:?}"),
    }
    let page = PageRequest::new(None, Some(10));
    match cases::list(&mut conn, &CaseFilter::default(), &page) {
        Err(PersistenceError::Corrupt(detail)) => assert!(detail.contains("ZZQ"), "{detail}"),
        other => panic!("expected Corrupt, got {other:?}"),
    }
}

#[test]
fn sqlite() {
    a_lookup_names_the_corrupt_row(&Scratch::sqlite());
}

#[test]
fn postgres() {
    let Some(scratch) = Scratch::postgres() else {
        eprintln!("skipped: SOLVO_TEST_POSTGRES_URL is not set");
        return;
    };
    a_lookup_names_the_corrupt_row(&scratch);
}
