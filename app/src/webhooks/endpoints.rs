//! Registering, changing, rotating and deleting webhook endpoints. An endpoint belongs to the
//! caller's organisation: another organisation's is not found, the agency's included.

use chrono::{NaiveDateTime, TimeDelta};
use rand::RngCore;
use solvo_domain::permission::Permission;
use solvo_domain::webhook::Secret;
use solvo_domain::webhook::secret::NEW_SECRET_BYTES;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::webhook_deliveries;
use solvo_persistence::repositories::webhook_endpoints::{self, EndpointRow};
use solvo_persistence::{AnyConnection, PersistenceError};

use super::destination::CheckedUrl;
use super::input::{EndpointPatch, NewEndpoint, subscription};
use super::subscription::Subscription;
use crate::error::AppError;
use crate::paging::{Page, PageRequest};
use crate::principal::Principal;

/// How long the secret before a rotation keeps signing.
pub const ROTATION_OVERLAP: TimeDelta = TimeDelta::hours(24);

/// Registers an endpoint at `url` (the input's, checked by
/// [`super::destination::check_url`]) with a new secret; returns it (the secret is shown this
/// once).
///
/// # Errors
/// [`AppError::Forbidden`]; [`AppError::Validation`] for an unknown event type.
pub fn create(
    conn: &mut AnyConnection,
    caller: &Principal,
    input: &NewEndpoint,
    url: &CheckedUrl,
    now: NaiveDateTime,
) -> Result<EndpointRow, AppError> {
    caller.require(Permission::ManageWebhooks)?;
    let subscription = subscription(input.event_types.as_deref())?;
    let row = EndpointRow {
        id: new_id("whe"),
        organisation_id: caller.organisation_id.clone(),
        url: url.as_str().to_owned(),
        description: clean(input.description.as_deref()),
        event_types: subscription.stored(),
        enabled: input.enabled.unwrap_or(true),
        disabled_reason: None,
        secret: new_secret()?.expose(),
        previous_secret: None,
        previous_secret_until: None,
        failing_since: None,
        created_by: caller.actor_id().to_owned(),
        created_at: now,
        updated_at: now,
        version: 1,
    };
    let row = EndpointRow {
        disabled_reason: (!row.enabled).then(|| "disabled by its owner".to_owned()),
        ..row
    };
    webhook_endpoints::insert(conn, &row)?;
    Ok(row)
}

/// A fresh secret of [`NEW_SECRET_BYTES`] random bytes (the thread's CSPRNG, seeded by the
/// operating system, as API keys are).
fn new_secret() -> Result<Secret, AppError> {
    let mut bytes = vec![0_u8; NEW_SECRET_BYTES];
    rand::rng().fill_bytes(&mut bytes);
    Secret::from_bytes(bytes).map_err(|err| AppError::internal(err.to_string()))
}

fn clean(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|text| !text.is_empty())
        .map(ToOwned::to_owned)
}

/// One of the caller's endpoints.
///
/// # Errors
/// [`AppError::Forbidden`]; [`AppError::NotFound`] for a missing or another organisation's.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<EndpointRow, AppError> {
    caller.require(Permission::ManageWebhooks)?;
    Ok(webhook_endpoints::find(
        conn,
        Some(&caller.organisation_id),
        id,
    )?)
}

/// A page of the caller's endpoints.
///
/// # Errors
/// [`AppError::Forbidden`]; database errors.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    page: &PageRequest,
) -> Result<Page<EndpointRow>, AppError> {
    caller.require(Permission::ManageWebhooks)?;
    Ok(webhook_endpoints::list(
        conn,
        &caller.organisation_id,
        page,
    )?)
}

/// Applies `patch` (its URL checked as `url`) when the endpoint's version is still
/// `expected` (any when `None`).
///
/// # Errors
/// As [`get`]; [`AppError::StaleVersion`]; [`AppError::Validation`].
pub fn update(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    patch: &EndpointPatch,
    url: Option<&CheckedUrl>,
    expected: Option<i64>,
    now: NaiveDateTime,
) -> Result<EndpointRow, AppError> {
    let current = get(conn, caller, id)?;
    if expected.is_some_and(|version| version != current.version) {
        return Err(AppError::StaleVersion);
    }
    let mut row = current.clone();
    if let Some(url) = url {
        url.as_str().clone_into(&mut row.url);
    }
    if patch.all_event_types == Some(true) {
        row.event_types = Subscription::All.stored();
    } else if let Some(names) = &patch.event_types {
        row.event_types = subscription(Some(names))?.stored();
    }
    if let Some(description) = &patch.description {
        row.description = clean(Some(description));
    }
    match patch.enabled {
        Some(true) if !current.enabled => {
            row.enabled = true;
            row.disabled_reason = None;
            row.failing_since = None;
        }
        Some(false) if current.enabled => {
            row.enabled = false;
            row.disabled_reason = Some("disabled by its owner".to_owned());
            webhook_deliveries::cancel_pending(conn, &row.id)?;
        }
        _ => {}
    }
    row.version = current.version + 1;
    row.updated_at = now;
    save(conn, &row, current.version)?;
    Ok(row)
}

/// Gives the endpoint a new secret; the old one keeps signing for [`ROTATION_OVERLAP`]. A
/// second rotation inside that overlap is refused: it would drop the first secret at once,
/// while receivers may still verify with it.
///
/// # Errors
/// As [`get`]; [`AppError::Conflict`] during an overlap.
pub fn rotate_secret(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    now: NaiveDateTime,
) -> Result<EndpointRow, AppError> {
    let current = get(conn, caller, id)?;
    if let Some(until) = current.previous_secret_until.filter(|until| *until > now) {
        return Err(AppError::Conflict(format!(
            "The secret was rotated recently; both secrets sign until {}. Rotate again after \
             that, or delete the endpoint and register it anew if the secret leaked.",
            crate::clock::rfc3339(until)
        )));
    }
    let row = EndpointRow {
        secret: new_secret()?.expose(),
        previous_secret: Some(current.secret.clone()),
        previous_secret_until: Some(now + ROTATION_OVERLAP),
        version: current.version + 1,
        updated_at: now,
        ..current.clone()
    };
    save(conn, &row, current.version)?;
    Ok(row)
}

/// Deletes the endpoint and its deliveries.
///
/// # Errors
/// As [`get`].
pub fn delete(conn: &mut AnyConnection, caller: &Principal, id: &str) -> Result<(), AppError> {
    let current = get(conn, caller, id)?;
    webhook_endpoints::delete(conn, &current.id)?;
    Ok(())
}

fn save(conn: &mut AnyConnection, row: &EndpointRow, expected: i64) -> Result<(), AppError> {
    webhook_endpoints::save(conn, row, expected).map_err(|err| match err {
        PersistenceError::Conflict(_) => AppError::StaleVersion,
        other => other.into(),
    })
}

/// The secrets that sign at `now`: the current one, and the one before a rotation for its
/// overlap.
///
/// # Errors
/// [`AppError::Corrupt`] for a stored secret that cannot be read.
pub fn signing_secrets(row: &EndpointRow, now: NaiveDateTime) -> Result<Vec<Secret>, AppError> {
    let corrupt = |err| AppError::corrupt("webhook_endpoint", &row.id, err);
    let mut secrets = vec![Secret::parse(&row.secret).map_err(corrupt)?];
    if let (Some(previous), Some(until)) = (&row.previous_secret, row.previous_secret_until)
        && until > now
    {
        secrets.push(Secret::parse(previous).map_err(corrupt)?);
    }
    Ok(secrets)
}
