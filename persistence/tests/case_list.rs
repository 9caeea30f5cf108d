//! The case list answers as it did before migration `000022_list_indexes`: a debtor-name search
//! finds exactly the cases the plain `lower(legal_name) LIKE` finds, whichever way it is
//! planned; the copied country and the name index follow changes to the debtor; a time range
//! is read from the time, not from the ids.

#![expect(
    clippy::unwrap_used,
    reason = "a test: a failure should stop it loudly"
)]

#[path = "../benches/list_at_scale/scratch.rs"]
mod scratch;

use chrono::NaiveDate;
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use scratch::Scratch;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseFilter};
use solvo_persistence::repositories::debtors;
use solvo_persistence::repositories::page::PageRequest;
use solvo_persistence::schema;

/// Enough debtors (12,000) that a common word ("gmbh", one in five) is past the number of
/// matches up to which SQLite reads candidates, so both plans are exercised.
const CASES: u64 = 48_000;

const ORG: &str = "org_bench_0";

diesel::define_sql_function! {
    /// SQL `lower(text)`.
    fn lower(x: diesel::sql_types::Text) -> diesel::sql_types::Text;
}

/// The ids the list query before migration 000022 returned: a join, and the LIKE on the
/// debtor's name.
fn reference(conn: &mut AnyConnection, text: &str) -> Vec<String> {
    let mut escaped = String::new();
    for ch in text.to_lowercase().chars() {
        if matches!(ch, '%' | '_' | '\\') {
            escaped.push('\\');
        }
        escaped.push(ch);
    }
    schema::cases::table
        .inner_join(schema::debtors::table)
        .filter(schema::cases::organisation_id.eq(ORG))
        .filter(
            lower(schema::debtors::legal_name)
                .like(format!("%{escaped}%"))
                .escape('\\'),
        )
        .order(schema::cases::id.asc())
        .select(schema::cases::id)
        .load(conn)
        .unwrap()
}

fn page_of(conn: &mut AnyConnection, filter: &CaseFilter, after: Option<&str>) -> Vec<String> {
    let page = PageRequest::new(after.map(ToOwned::to_owned), Some(50));
    cases::list(conn, filter, &page)
        .unwrap()
        .items
        .into_iter()
        .map(|row| row.id)
        .collect()
}

fn by_name(text: &str) -> CaseFilter {
    CaseFilter {
        organisation_id: Some(ORG.to_owned()),
        debtor_name: Some(text.to_owned()),
        ..CaseFilter::default()
    }
}

/// A debtor of `ORG` with one case, written in SQL as the generator writes its rows.
fn add_debtor(conn: &mut AnyConnection, key: &str, name: &str, country: &str, created: &str) {
    // Case numbers past any the generator writes, one per key.
    let number = 9_000_000 + key.bytes().map(u64::from).sum::<u64>() * 97 + key.len() as u64;
    conn.batch_execute(&format!(
        "INSERT INTO debtors (id, organisation_id, legal_name, country, created_at, updated_at)
             VALUES ('dbt_{key}', '{ORG}', '{name}', '{country}', '{created}', '{created}');
         INSERT INTO cases (id, organisation_id, debtor_id, case_number, rf_reference,
                            creditor_reference, currency, jurisdiction, state, state_detail,
                            fee_schedule_id, version, created_at, updated_at, debtor_country)
             VALUES ('case_{key}', '{ORG}', 'dbt_{key}', {number}, 'RF{key}', 'REF-{key}', 'EUR',
                     'DE', 'amicable', '{{}}', 'fsc_bench', 1, '{created}', '{created}', '{country}');",
    ))
    .unwrap();
}

fn name_search_finds_what_the_plain_like_finds(scratch: &Scratch) {
    scratch.fill(CASES);
    let mut conn = scratch.pool.get().unwrap();
    add_debtor(
        &mut conn,
        "umlaut",
        "Müller Öl GmbH",
        "DE",
        "2025-01-01 00:00:00",
    );
    add_debtor(
        &mut conn,
        "capitals",
        "ÜBERSEE HANDEL AG",
        "DE",
        "2025-01-01 00:00:00",
    );
    add_debtor(
        &mut conn,
        "percent",
        "100% Bio_Markt KG",
        "AT",
        "2025-01-01 00:00:00",
    );
    let texts = [
        "logistik 7 ",       // twenty debtors: candidates from the index
        "NORDWIND logistik", // thirty: candidates, the text in capitals
        "gmbh",              // one debtor in five: a walk in id order
        "ag",                // two characters: under the trigram index's reach
        "b.v",               // punctuation is text too
        "müller",            // non-ASCII, as stored
        "MÜLLER",            // non-ASCII in capitals
        "über",              // non-ASCII capitals stored: what `lower` does differs by backend
        "100%",              // LIKE's wildcards match only themselves
        "o_m",               // `_` is not any character
        "bio_",
        "\"quoted\"", // an FTS5 phrase quote
        "zzzz",       // nothing
    ];
    for text in texts {
        let expected = reference(&mut conn, text);
        let filter = by_name(text);
        let first = page_of(&mut conn, &filter, None);
        assert_eq!(
            first,
            expected.iter().take(50).cloned().collect::<Vec<_>>(),
            "{text}"
        );
        if let Some(middle) = expected.get(expected.len() / 2) {
            let deep = page_of(&mut conn, &filter, Some(middle));
            let rest: Vec<String> = expected
                .iter()
                .skip(expected.len() / 2 + 1)
                .take(50)
                .cloned()
                .collect();
            assert_eq!(deep, rest, "{text} after {middle}");
        }
    }
    assert!(!reference(&mut conn, "müller").is_empty());
    assert!(!reference(&mut conn, "100%").is_empty());
}

fn the_copied_country_and_the_name_index_follow_the_debtor(scratch: &Scratch) {
    scratch.fill(400);
    let mut conn = scratch.pool.get().unwrap();
    add_debtor(
        &mut conn,
        "moving",
        "Wanderfalke Spedition GmbH",
        "DE",
        "2025-01-01 00:00:00",
    );
    let in_country = |conn: &mut AnyConnection, country: &str| {
        let filter = CaseFilter {
            organisation_id: Some(ORG.to_owned()),
            country: Some(country.to_owned()),
            ..CaseFilter::default()
        };
        // Past the generated cases, which all sort before `case_a`.
        page_of(conn, &filter, Some("case_a")).contains(&"case_moving".to_owned())
    };
    assert!(in_country(&mut conn, "DE"));

    // Through the repository, which writes the whole row, and in plain SQL.
    let mut debtor = debtors::find(&mut conn, None, "dbt_moving").unwrap();
    "PL".clone_into(&mut debtor.country);
    "Seeadler Logistik GmbH".clone_into(&mut debtor.legal_name);
    debtors::update(&mut conn, &debtor, debtor.version).unwrap();
    assert!(in_country(&mut conn, "PL"));
    assert!(!in_country(&mut conn, "DE"));
    let found = |conn: &mut AnyConnection, text: &str, case: &str| {
        page_of(conn, &by_name(text), None).contains(&case.to_owned())
    };
    assert!(found(&mut conn, "seeadler", "case_moving"));
    assert!(!found(&mut conn, "wanderfalke", "case_moving"));

    conn.batch_execute("UPDATE debtors SET country = 'CZ' WHERE id = 'dbt_moving'")
        .unwrap();
    assert!(in_country(&mut conn, "CZ"));

    // A debtor removed leaves nothing in the name index.
    add_debtor(
        &mut conn,
        "gone",
        "Eintagsfliege GmbH",
        "DE",
        "2025-01-01 00:00:00",
    );
    assert!(found(&mut conn, "eintagsfliege", "case_gone"));
    conn.batch_execute(
        "DELETE FROM cases WHERE id = 'case_gone'; DELETE FROM debtors WHERE id = 'dbt_gone';",
    )
    .unwrap();
    if scratch.backend == solvo_persistence::Backend::Sqlite {
        #[derive(QueryableByName)]
        struct Count {
            #[diesel(sql_type = diesel::sql_types::BigInt)]
            n: i64,
        }
        let left: Count = diesel::sql_query(
            "SELECT count(*) AS n FROM debtor_names_fts WHERE debtor_names_fts MATCH '\"eintagsfliege\"'",
        )
        .get_result(&mut *conn)
        .unwrap();
        assert_eq!(left.n, 0);
    }
}

/// Ids are minted from the system clock, `created_at` from the application's (which a sandbox
/// moves forward): a case whose id sorts before older cases is still in its time range.
fn a_time_range_is_read_from_the_time_not_the_ids(scratch: &Scratch) {
    scratch.fill(4_000);
    let mut conn = scratch.pool.get().unwrap();
    // `case_0…` sorts before every generated id, yet was placed last.
    add_debtor(
        &mut conn,
        "0late",
        "Spaet GmbH",
        "DE",
        "2027-06-01 00:00:00",
    );
    let at = |year, month| {
        NaiveDate::from_ymd_opt(year, month, 1)
            .unwrap()
            .and_hms_opt(0, 0, 0)
            .unwrap()
    };
    let filter = CaseFilter {
        organisation_id: Some(ORG.to_owned()),
        created_from: Some(at(2027, 5)),
        created_to: Some(at(2027, 7)),
        ..CaseFilter::default()
    };
    assert_eq!(
        page_of(&mut conn, &filter, None),
        vec!["case_0late".to_owned()]
    );
    let before = CaseFilter {
        created_from: None,
        created_to: Some(at(2024, 1)),
        ..filter
    };
    assert!(page_of(&mut conn, &before, None).is_empty());
}

macro_rules! on_both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[test]
            fn sqlite() {
                super::$name(&super::Scratch::sqlite());
            }

            #[test]
            fn postgres() {
                let Some(scratch) = super::Scratch::postgres() else {
                    eprintln!("skipped: SOLVO_TEST_POSTGRES_URL is not set");
                    return;
                };
                super::$name(&scratch);
            }
        }
    )+};
}

on_both_backends!(
    name_search_finds_what_the_plain_like_finds,
    the_copied_country_and_the_name_index_follow_the_debtor,
    a_time_range_is_read_from_the_time_not_the_ids,
);
