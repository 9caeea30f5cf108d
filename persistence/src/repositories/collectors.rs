//! Collectors and the debtor countries and languages they cover, for assignment.

use diesel::prelude::*;
use solvo_domain::case::StateName;
use solvo_domain::identity::Role;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{cases, collector_coverage, users};

/// A collector who may take a case, with the number of open cases they hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The collector's user id.
    pub user_id: String,
    /// Open (not closed) cases assigned to them.
    pub open_cases: i64,
}

/// Enabled collectors covering `country` and `language` (`'*'` in the coverage matches any; no
/// language means the debtor's language is unknown, so any coverage of the country will do),
/// with their open-case counts.
///
/// # Errors
/// Database errors only.
pub fn candidates(
    conn: &mut AnyConnection,
    country: &str,
    language: Option<&str>,
) -> Result<Vec<Candidate>, PersistenceError> {
    let mut query = collector_coverage::table
        .inner_join(users::table)
        .filter(users::role.eq(Role::Collector))
        .filter(users::disabled.eq(false))
        .filter(
            collector_coverage::country
                .eq(country)
                .or(collector_coverage::country.eq("*")),
        )
        .select(users::id)
        .distinct()
        .into_boxed();
    if let Some(language) = language {
        query = query.filter(
            collector_coverage::language
                .eq(language)
                .or(collector_coverage::language.eq("*")),
        );
    }
    let ids: Vec<String> = query.load(conn)?;
    let mut out = Vec::with_capacity(ids.len());
    for user_id in ids {
        let open_cases = cases::table
            .filter(cases::collector_id.eq(&user_id))
            .filter(cases::state.ne(StateName::Closed))
            .count()
            .get_result(conn)?;
        out.push(Candidate {
            user_id,
            open_cases,
        });
    }
    Ok(out)
}

/// Replaces a collector's coverage.
///
/// # Errors
/// Database errors only.
pub fn set_coverage(
    conn: &mut AnyConnection,
    user_id: &str,
    areas: &[(String, String)],
) -> Result<(), PersistenceError> {
    diesel::delete(collector_coverage::table.filter(collector_coverage::user_id.eq(user_id)))
        .execute(conn)?;
    let rows: Vec<_> = areas
        .iter()
        .map(|(country, language)| {
            (
                collector_coverage::user_id.eq(user_id),
                collector_coverage::country.eq(country),
                collector_coverage::language.eq(language),
            )
        })
        .collect();
    if !rows.is_empty() {
        crate::dialect::insert_batch!(conn, collector_coverage::table, rows)?;
    }
    Ok(())
}

/// A collector's coverage as (country, language) pairs.
///
/// # Errors
/// Database errors only.
pub fn coverage_of(
    conn: &mut AnyConnection,
    user_id: &str,
) -> Result<Vec<(String, String)>, PersistenceError> {
    Ok(collector_coverage::table
        .filter(collector_coverage::user_id.eq(user_id))
        .order((
            collector_coverage::country.asc(),
            collector_coverage::language.asc(),
        ))
        .select((collector_coverage::country, collector_coverage::language))
        .load(conn)?)
}
