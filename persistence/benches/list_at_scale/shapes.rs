//! The case-list shapes to run on a generated book (see `scratch.rs`): shared by the bench
//! (`list_at_scale`) and the plan test (`tests/list_plans.rs`).

use std::time::Duration;

use chrono::NaiveDate;
use solvo_persistence::repositories::cases::CaseFilter;
use solvo_persistence::repositories::page::PageRequest;

use crate::scratch::debtors;

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
#[expect(
    clippy::too_many_lines,
    reason = "a table of query shapes, one entry per shape; it grows with each filter"
)]
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
