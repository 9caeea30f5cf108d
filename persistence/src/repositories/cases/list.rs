//! The case list: one page of cases in id (placement) order under optional filters.
//!
//! Every filter has an index that ends with `id` (migration `000022_list_indexes`), so a page is
//! read from the front of one index range, whatever the filters and the cursor; the debtor's
//! country is filtered on the case's own copy. The debtor-name filter is planned by
//! [`super::name_search`].

use chrono::NaiveDateTime;
use diesel::prelude::*;

use super::CaseListRow;
use super::name_search::NameSearch;
use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::page::{Page, PageRequest};
use crate::schema::cases;

/// Filters of [`list`].
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only this creditor's cases (`None` for agency staff).
    pub organisation_id: Option<String>,
    /// Only cases in this state.
    pub state: Option<String>,
    /// Only cases whose debtor is in this country.
    pub country: Option<String>,
    /// Placed at or after.
    pub created_from: Option<NaiveDateTime>,
    /// Placed before.
    pub created_to: Option<NaiveDateTime>,
    /// Changed at or after.
    pub updated_since: Option<NaiveDateTime>,
    /// The creditor's reference, exactly.
    pub creditor_reference: Option<String>,
    /// Debtor name contains (case-insensitive).
    pub debtor_name: Option<String>,
    /// Only cases assigned to this collector.
    pub collector_id: Option<String>,
}

/// The backend of [`AnyConnection`].
type Backend = <AnyConnection as Connection>::Backend;

/// A case-list query, ready to run (or, in tests, to explain).
pub(super) type ListQuery = cases::BoxedQuery<
    'static,
    Backend,
    diesel::dsl::SqlTypeOf<diesel::dsl::AsSelect<CaseListRow, Backend>>,
>;

/// Lists cases in id (placement) order.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    filter: &CaseFilter,
    page: &PageRequest,
) -> Result<Page<CaseListRow>, PersistenceError> {
    let rows = match plan(conn, filter, page)? {
        Plan::Rows(query) => query.load(conn)?,
        Plan::RangeIds(query) => {
            let ids: Vec<String> = query.load(conn)?;
            cases::table
                .select(CaseListRow::as_select())
                .filter(cases::id.eq_any(ids))
                .order(cases::id.asc())
                .load(conn)?
        }
    };
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// How a page is read.
pub(super) enum Plan {
    /// The page's rows at once.
    Rows(ListQuery),
    /// The page's ids first, then their rows.
    RangeIds(cases::BoxedQuery<'static, Backend, diesel::sql_types::Text>),
}

/// How one page is read (the name search is planned against `conn`).
///
/// # Errors
/// Database errors only.
pub(super) fn plan(
    conn: &mut AnyConnection,
    filter: &CaseFilter,
    page: &PageRequest,
) -> Result<Plan, PersistenceError> {
    let name = match &filter.debtor_name {
        Some(text) => Some(NameSearch::plan(conn, text)?),
        None => None,
    };
    let ranged = filter.created_from.is_some()
        || filter.created_to.is_some()
        || filter.updated_since.is_some();
    if !ranged {
        return Ok(Plan::Rows(
            filtered(filter, page, name.as_ref())
                .select(CaseListRow::as_select())
                .order(cases::id.asc())
                .limit(page.fetch()),
        ));
    }
    // A time range is read from its own index and only its ids are sorted, then the page's
    // rows are read by id. Ordered by `id` itself, PostgreSQL would rather walk the primary key
    // and filter, costed as if matching rows were spread evenly through the book; they are not
    // (a recent month's cases have the newest ids), so the walk reads every older case first.
    // No index yields `id || ''`, so the plan sorts the range, in the same order; selecting the
    // ids alone lets it read them from the range's index without visiting the rows.
    Ok(Plan::RangeIds(
        filtered(filter, page, name.as_ref())
            .select(cases::id)
            .order(diesel::dsl::sql::<diesel::sql_types::Text>(
                "cases.id || ''",
            ))
            .limit(page.fetch()),
    ))
}

/// The cases the filters and the cursor let through, in no order yet.
fn filtered(
    filter: &CaseFilter,
    page: &PageRequest,
    name: Option<&NameSearch>,
) -> cases::BoxedQuery<'static, Backend> {
    let mut query = cases::table.into_boxed();
    if let Some(organisation_id) = &filter.organisation_id {
        query = query.filter(cases::organisation_id.eq(organisation_id.clone()));
    }
    if let Some(state) = &filter.state {
        query = query.filter(cases::state.eq(state.clone()));
    }
    if let Some(country) = &filter.country {
        query = query.filter(cases::debtor_country.eq(country.clone()));
    }
    if let Some(from) = filter.created_from {
        query = query.filter(cases::created_at.ge(from));
    }
    if let Some(to) = filter.created_to {
        query = query.filter(cases::created_at.lt(to));
    }
    if let Some(since) = filter.updated_since {
        query = query.filter(cases::updated_at.ge(since));
    }
    if let Some(reference) = &filter.creditor_reference {
        query = query.filter(cases::creditor_reference.eq(reference.clone()));
    }
    if let Some(name) = name {
        query = query.filter(name.predicate());
    }
    if let Some(collector_id) = &filter.collector_id {
        query = query.filter(cases::collector_id.eq(collector_id.clone()));
    }
    if let Some(after) = &page.after {
        query = query.filter(cases::id.gt(after.clone()));
    }
    query
}

/// The database's plan for [`list`] with these arguments, one line per plan node (SQLite
/// `EXPLAIN QUERY PLAN` details, PostgreSQL `EXPLAIN` lines), for tests and diagnostics.
///
/// # Errors
/// Database errors only.
pub fn explain(
    conn: &mut AnyConnection,
    filter: &CaseFilter,
    page: &PageRequest,
) -> Result<Vec<String>, PersistenceError> {
    match plan(conn, filter, page)? {
        Plan::Rows(query) => explain_query(conn, query),
        Plan::RangeIds(query) => explain_query(conn, query),
    }
}

fn explain_query<Q>(conn: &mut AnyConnection, query: Q) -> Result<Vec<String>, PersistenceError>
where
    Q: diesel::query_builder::QueryFragment<Backend>,
{
    Ok(match conn {
        AnyConnection::Sqlite(_) => Explain::new("EXPLAIN QUERY PLAN ", query)
            .load::<SqlitePlanLine>(conn)?
            .into_iter()
            .map(|line| line.detail)
            .collect(),
        AnyConnection::Postgresql(_) => Explain::new("EXPLAIN ", query)
            .load::<PostgresPlanLine>(conn)?
            .into_iter()
            .map(|line| line.line)
            .collect(),
    })
}

/// A query behind an `EXPLAIN` prefix, with its binds.
struct Explain<Q> {
    prefix: &'static str,
    query: Q,
}

impl<Q> Explain<Q> {
    fn new(prefix: &'static str, query: Q) -> Self {
        Self { prefix, query }
    }
}

impl<Q> diesel::query_builder::QueryId for Explain<Q> {
    type QueryId = ();
    const HAS_STATIC_QUERY_ID: bool = false;
}

impl<Q> diesel::query_builder::Query for Explain<Q> {
    type SqlType = diesel::sql_types::Untyped;
}

impl<Q: diesel::query_builder::QueryFragment<Backend>> diesel::query_builder::QueryFragment<Backend>
    for Explain<Q>
{
    fn walk_ast<'b>(
        &'b self,
        mut out: diesel::query_builder::AstPass<'_, 'b, Backend>,
    ) -> QueryResult<()> {
        out.unsafe_to_cache_prepared();
        out.push_sql(self.prefix);
        self.query.walk_ast(out.reborrow())
    }
}

impl<Q> RunQueryDsl<AnyConnection> for Explain<Q> {}

#[derive(QueryableByName)]
struct SqlitePlanLine {
    #[diesel(sql_type = diesel::sql_types::Text)]
    detail: String,
}

#[derive(QueryableByName)]
struct PostgresPlanLine {
    #[diesel(sql_type = diesel::sql_types::Text, column_name = "QUERY PLAN")]
    line: String,
}
