//! Organisations: the agency creates its creditor clients; everyone reads their own.
//!
//! What is decided here: only agency admins create organisations, and only of kind creditor
//! (the one agency comes from `solvo admin bootstrap`); a name is never blank and the country is
//! ISO 3166-1; only agency staff list organisations; anyone else reading another organisation
//! gets [`AppError::NotFound`], indistinguishable from a missing one.
//!
//! [`OrganisationRow`] is the stored record the use cases hand back until typed storage
//! replaces it.

use chrono::NaiveDateTime;
use solvo_domain::country::CountryCode;
use solvo_domain::identity::OrganisationKind;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::organisations;
pub use solvo_persistence::repositories::organisations::OrganisationRow;

use crate::error::AppError;
use crate::paging::{ListQuery, Page};
use crate::principal::Principal;

/// A new organisation as requested.
#[derive(Debug, Clone)]
pub struct NewOrganisation {
    /// Legal or trading name.
    pub name: String,
    /// The kind asked for; only creditor is accepted.
    pub kind: OrganisationKind,
    /// ISO 3166-1 alpha-2 country of establishment, in any case.
    pub country: String,
}

/// A new organisation that passed [`validate`]: a creditor with a trimmed name and a country.
#[derive(Debug, Clone)]
pub struct ValidOrganisation {
    name: String,
    country: CountryCode,
}

/// Checks a new organisation before any storage is touched, so that a refused request never
/// reaches the idempotency store.
///
/// # Errors
/// A validation error naming `kind`, `name` or `country`.
pub fn validate(new: &NewOrganisation) -> Result<ValidOrganisation, AppError> {
    if new.kind != OrganisationKind::Creditor {
        return Err(AppError::invalid(
            "kind",
            "not_creditor",
            "Only creditor organisations can be created here.",
        ));
    }
    let name = new.name.trim().to_owned();
    if name.is_empty() {
        return Err(AppError::invalid("name", "blank", "name must not be blank"));
    }
    let country = CountryCode::parse(&new.country)
        .map_err(|err| AppError::invalid("country", "invalid_country", err.to_string()))?;
    Ok(ValidOrganisation { name, country })
}

/// An agency admin creates a creditor organisation.
///
/// # Errors
/// [`AppError::Forbidden`] without `create_organisations`; database errors.
pub fn create(
    conn: &mut AnyConnection,
    caller: &Principal,
    new: ValidOrganisation,
    now: NaiveDateTime,
) -> Result<OrganisationRow, AppError> {
    caller.require(Permission::CreateOrganisations)?;
    let row = OrganisationRow {
        id: new_id("org"),
        kind: OrganisationKind::Creditor.as_str().to_owned(),
        name: new.name,
        country: new.country.to_string(),
        version: 1,
        created_at: now,
        updated_at: now,
    };
    organisations::insert(conn, &row)?;
    Ok(row)
}

/// A page of organisations, for agency staff.
///
/// # Errors
/// [`AppError::Forbidden`] without `list_organisations`; a validation error for the page size.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    query: &ListQuery,
) -> Result<Page<OrganisationRow>, AppError> {
    caller.require(Permission::ListOrganisations)?;
    let page = query.page()?;
    Ok(organisations::list(conn, &page, query.updated_since)?)
}

/// The organisation `id`: any for agency staff, otherwise only the caller's own.
///
/// # Errors
/// [`AppError::NotFound`] for a missing or another tenant's organisation.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<OrganisationRow, AppError> {
    if !caller.can_see_organisation(id) {
        return Err(AppError::NotFound);
    }
    Ok(organisations::find(conn, id)?)
}
