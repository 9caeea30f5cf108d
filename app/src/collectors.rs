//! Collector coverage: which debtor countries and languages a collector works, so that new
//! cases are assigned to a collector who can talk to the debtor.
//!
//! What is decided here: only agency admins set coverage and only agency staff read it (to
//! anyone else a collector's coverage does not exist); the user must be a collector; a country
//! is ISO 3166-1 alpha-2 and a language ISO 639-1, either may be `*` for any; duplicates are
//! dropped and every invalid area is reported at once.

use solvo_domain::country::CountryCode;
use solvo_domain::identity::Role;
use solvo_domain::permission::Permission;
use solvo_persistence::repositories::{collectors, users};
use solvo_persistence::{AnyConnection, PersistenceError};

use crate::error::{AppError, FieldError};
use crate::principal::Principal;

/// One area a collector covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    /// Debtor country, or `*`.
    pub country: String,
    /// Language, or `*`.
    pub language: String,
}

/// Replaces the coverage of the collector `id` and answers it as stored.
///
/// # Errors
/// [`AppError::Forbidden`] without `set_collector_coverage`; a validation error naming each
/// invalid `areas[i]` field; [`AppError::NotFound`] when `id` is not a collector.
pub fn set_coverage(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    areas: Vec<Area>,
) -> Result<Vec<Area>, AppError> {
    caller.require(Permission::SetCollectorCoverage)?;
    let pairs = normalise(areas)?;
    require_collector(conn, id)?;
    collectors::set_coverage(conn, id, &pairs)?;
    stored(conn, id)
}

/// The coverage of the collector `id`, for agency staff.
///
/// # Errors
/// [`AppError::NotFound`] for anyone else, or when `id` is not a collector.
pub fn coverage(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<Vec<Area>, AppError> {
    if !caller.role.is_agency_staff() {
        return Err(AppError::NotFound);
    }
    require_collector(conn, id)?;
    stored(conn, id)
}

fn stored(conn: &mut AnyConnection, id: &str) -> Result<Vec<Area>, AppError> {
    Ok(collectors::coverage_of(conn, id)?
        .into_iter()
        .map(|(country, language)| Area { country, language })
        .collect())
}

fn require_collector(conn: &mut AnyConnection, id: &str) -> Result<(), AppError> {
    match users::find(conn, id) {
        Ok(user) if user.role == Role::Collector => Ok(()),
        Ok(_) | Err(PersistenceError::NotFound) => Err(AppError::NotFound),
        Err(err) => Err(err.into()),
    }
}

fn normalise(areas: Vec<Area>) -> Result<Vec<(String, String)>, AppError> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (index, area) in areas.into_iter().enumerate() {
        let country = if area.country.trim() == "*" {
            Some("*".to_owned())
        } else {
            CountryCode::parse(&area.country)
                .map(|code| code.to_string())
                .map_err(|err| {
                    errors.push(FieldError::new(
                        format!("areas[{index}].country"),
                        "invalid_country",
                        err.to_string(),
                    ));
                })
                .ok()
        };
        let language = area.language.trim().to_ascii_lowercase();
        if language != "*"
            && !(language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase()))
        {
            errors.push(FieldError::new(
                format!("areas[{index}].language"),
                "invalid_language",
                "Use ISO 639-1 such as `de`, or `*`.",
            ));
        }
        if let Some(country) = country {
            let pair = (country, language);
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(AppError::Validation(errors))
    }
}
