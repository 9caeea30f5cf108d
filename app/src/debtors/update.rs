//! Changing a debtor: a patch names only the fields that change (`null` clears an optional one),
//! is merged onto the stored debtor and checked by the same rules as a new one. `If-Match`
//! guards against lost updates: a version other than the stored one, or a concurrent write in
//! between, is [`AppError::StaleVersion`]; another debtor of the creditor with the same VAT id
//! or registration number is a [`AppError::Conflict`].

use chrono::NaiveDateTime;
use serde::Deserialize;
use solvo_persistence::repositories::debtors::{self, DebtorRow};
use solvo_persistence::{AnyConnection, PersistenceError};
use utoipa::ToSchema;
use validator::Validate;

use super::input::{AddressInput, ContactInput, DebtorInput, DebtorKind};
use crate::error::AppError;
use crate::principal::Principal;

/// Changes to a debtor: only the fields sent change; `null` clears an optional one.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct DebtorPatch {
    /// Registered legal name.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub legal_name: Option<String>,
    /// Company register number.
    #[serde(default, deserialize_with = "double_option")]
    pub registration_number: Option<Option<String>>,
    /// VAT id.
    #[serde(default, deserialize_with = "double_option")]
    pub vat_id: Option<Option<String>>,
    /// Postal address (replaces the whole address).
    #[validate(nested)]
    pub address: Option<AddressInput>,
    /// Contacts (replace the whole list).
    #[validate(nested, length(max = 20))]
    pub contacts: Option<Vec<ContactInput>>,
    /// ISO 639-1 language.
    #[serde(default, deserialize_with = "double_option")]
    pub preferred_language: Option<Option<String>>,
}

/// Tells a field sent as `null` (`Some(None)`: clear it) from one not sent (`None`: keep it).
#[expect(
    clippy::option_option,
    reason = "a PATCH tells absent (keep) from `null` (clear) from a value (set)"
)]
fn double_option<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// Applies `patch` to the caller's debtor `id`, when its version is still `expected` (any
/// version when `None`); returns the debtor as stored now.
///
/// # Errors
/// [`AppError::NotFound`]; [`AppError::StaleVersion`]; [`AppError::Validation`] for a merged
/// debtor that breaks a rule; [`AppError::Conflict`] for a VAT id or registration number another
/// debtor of the creditor has; database errors.
pub fn update(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    expected: Option<i64>,
    patch: DebtorPatch,
    now: NaiveDateTime,
) -> Result<DebtorRow, AppError> {
    // Only the creditor's own debtors are changed, whatever the role may read.
    apply(conn, &caller.organisation_id, id, expected, patch, now)
}

/// [`update`] of the debtor `id` of creditor `organisation_id`, for use cases that decided
/// who may change it themselves (the agency completing a data-protection request).
///
/// # Errors
/// As [`update`].
pub(crate) fn apply(
    conn: &mut AnyConnection,
    organisation_id: &str,
    id: &str,
    expected: Option<i64>,
    patch: DebtorPatch,
    now: NaiveDateTime,
) -> Result<DebtorRow, AppError> {
    let current = debtors::find(conn, Some(organisation_id), id)?;
    if expected.is_some_and(|version| version != current.version) {
        return Err(AppError::StaleVersion);
    }
    let merged = merge(&current, patch)?;
    let mut row = merged
        .into_row(organisation_id, "", now)
        .map_err(AppError::Validation)?;
    row.id.clone_from(&current.id);
    row.created_at = current.created_at;
    row.version = current.version + 1;
    debtors::update(conn, &row, current.version).map_err(|err| match err {
        PersistenceError::Conflict(what) if what == "version" => AppError::StaleVersion,
        PersistenceError::Conflict(_) => AppError::Conflict(
            "Another debtor of yours has this VAT id or registration number.".into(),
        ),
        other => other.into(),
    })?;
    Ok(row)
}

/// The stored debtor with the patch's fields laid over it, as a command to check again.
fn merge(current: &DebtorRow, patch: DebtorPatch) -> Result<DebtorInput, AppError> {
    let contacts: Vec<ContactInput> = match patch.contacts {
        Some(contacts) => contacts,
        None => serde_json::from_str(&current.contacts).map_err(anyhow::Error::from)?,
    };
    let address = patch.address.unwrap_or_else(|| AddressInput {
        line1: current.address_line1.clone(),
        line2: current.address_line2.clone(),
        postal_code: current.postal_code.clone(),
        city: current.city.clone(),
        region: current.region.clone(),
        country: current.address_country.clone(),
    });
    Ok(DebtorInput {
        kind: DebtorKind::Business,
        legal_name: patch
            .legal_name
            .unwrap_or_else(|| current.legal_name.clone()),
        registration_number: patch
            .registration_number
            .unwrap_or_else(|| current.registration_number.clone()),
        vat_id: patch.vat_id.unwrap_or_else(|| current.vat_id.clone()),
        country: current.country.clone(),
        address: Some(address),
        contacts,
        preferred_language: patch
            .preferred_language
            .unwrap_or_else(|| current.preferred_language.clone()),
    })
}
