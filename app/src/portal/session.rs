//! Opening a portal session with a case's RF reference and its access code.
//!
//! The attempt is counted by the login throttle (`credentials::throttle`) under the reference
//! and the client's address before anything is checked, as a staff login is under the email:
//! guessing codes for one reference, or references from one address, soon waits. An unknown
//! reference, a case without a code and a wrong code answer alike and cost the same argon2
//! work (the dummy hash), so nothing tells a caller which references exist.

use std::net::IpAddr;

use solvo_domain::identifiers::CreditorReference;
use solvo_domain::portal::access_code;
use solvo_persistence::repositories::{cases, debtor_access, debtors};

use super::Debtor;
use crate::clock;
use crate::credentials::throttle::{self, Attempt};
use crate::credentials::{HashGate, password};
use crate::db::Db;
use crate::error::AppError;

/// A session opened: who it acts for, and the debtor's preferred language on file.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The debtor the token is for.
    pub debtor: Debtor,
    /// The language on the debtor's record, if any.
    pub preferred_language: Option<String>,
}

/// What the caller is told when the reference and code do not open a session.
pub const REFUSED: &str = "The reference and access code do not match. Check both against the letter; after several \
     wrong tries each new try waits longer.";

/// The throttle's attempt for `reference` from `address`.
#[must_use]
pub fn attempt(reference: &str, address: Option<IpAddr>) -> Attempt {
    // Keyed on the reference as it opens a case (ISO 11649 ignores spaces, dashes and dots),
    // so that writing it differently does not buy fresh tries; a space never appears in an
    // email, so these keys never meet a staff login's.
    let canonical = CreditorReference::parse(reference).map_or_else(
        |_| {
            reference
                .chars()
                .filter(char::is_ascii_alphanumeric)
                .collect::<String>()
                .to_ascii_uppercase()
        },
        |rf| rf.as_str().to_owned(),
    );
    Attempt::new(&format!("portal-reference {canonical}"), address)
}

/// Opens a session for `reference` and `typed_code`, or `None` when they do not match.
///
/// # Errors
/// [`AppError::RateLimited`] when the throttle makes the attempt wait; [`AppError::Busy`] when
/// the hash gate has no turn free in time; database errors.
pub async fn open(
    db: &Db,
    gate: &HashGate,
    attempt: Attempt,
    reference: &str,
    typed_code: &str,
) -> Result<Option<Opened>, AppError> {
    let reference = CreditorReference::parse(reference).ok();
    let counted = attempt.clone();
    let found = db
        .write(move |conn| {
            throttle::admit(conn, &counted, clock::system_now())?;
            let Some(reference) = reference else {
                return Ok(None);
            };
            let Some(case) = cases::find_by_rf_reference(conn, reference.as_str())? else {
                return Ok(None);
            };
            let Some(grant) = debtor_access::of_case(conn, &case.id)? else {
                return Ok(None);
            };
            let debtor = debtors::find(conn, Some(&case.organisation_id), &case.debtor_id)?;
            Ok(Some((case, grant, debtor)))
        })
        .await?;
    let code = access_code::normalise(typed_code);
    let opened = gate
        .run(move |memory| {
            // Every refusal costs one argon2 check, so timing tells nothing either.
            let valid = if let (Some((_, grant, _)), Some(code)) = (&found, &code) {
                password::verify_in(code, &grant.code_hash, memory)
            } else {
                let _same_cost = password::verify_in("", password::DUMMY_HASH, memory);
                false
            };
            found.filter(|_| valid)
        })
        .await?;
    let Some((case, grant, debtor)) = opened else {
        return Ok(None);
    };
    db.write(move |conn| throttle::succeeded(conn, &attempt))
        .await?;
    Ok(Some(Opened {
        debtor: Debtor {
            case_id: case.id,
            debtor_id: case.debtor_id,
            organisation_id: case.organisation_id,
            grant_id: grant.id,
        },
        preferred_language: debtor.preferred_language,
    }))
}

/// The session of a portal token: the debtor of the token's access code, or `None` when that
/// code was replaced since (a new letter) or the token's debtor and creditor are not the code's.
///
/// # Errors
/// Database errors only.
pub fn resume(
    conn: &mut solvo_persistence::AnyConnection,
    grant_id: &str,
    debtor_id: &str,
    organisation_id: &str,
) -> Result<Option<Debtor>, AppError> {
    let Some(grant) = debtor_access::find(conn, grant_id)? else {
        return Ok(None);
    };
    let case = match cases::find(conn, Some(organisation_id), &grant.case_id) {
        Ok(case) => case,
        Err(solvo_persistence::PersistenceError::NotFound) => return Ok(None),
        Err(err) => return Err(err.into()),
    };
    if case.debtor_id != debtor_id {
        return Ok(None);
    }
    Ok(Some(Debtor {
        case_id: case.id,
        debtor_id: case.debtor_id,
        organisation_id: case.organisation_id,
        grant_id: grant.id,
    }))
}

/// The language on the debtor's record, if any (`Accept-Language` comes first).
///
/// # Errors
/// Database errors only.
pub fn preferred_language(
    conn: &mut solvo_persistence::AnyConnection,
    debtor: &Debtor,
) -> Result<Option<String>, AppError> {
    Ok(debtors::find(conn, Some(&debtor.organisation_id), &debtor.debtor_id)?.preferred_language)
}
