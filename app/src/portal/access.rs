//! Issuing a case's portal access code, for the letter the agency sends the debtor.
//!
//! The code is drawn here and hashed (argon2id, through the hash gate) before the transaction;
//! the transaction replaces the case's code, which ends every session of the old one, and notes
//! the issue on the timeline. The code is returned once and never stored in clear.

use chrono::NaiveDateTime;
use rand::seq::IndexedRandom;
use serde_json::json;
use solvo_domain::permission::Permission;
use solvo_domain::portal::access_code::{self, ALPHABET, LENGTH};
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::debtor_access::{self, DebtorAccessRow};

use crate::cases::access::visible_case;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::credentials::{HashGate, password};
use crate::error::AppError;
use crate::principal::Principal;

/// A freshly issued code, to print on the letter.
#[derive(Debug, Clone)]
pub struct Issued {
    /// The case's RF reference, in its paper form (groups of four).
    pub reference: String,
    /// The code in its printed form (`K7QM-XR3D-HW9C`); shown this once.
    pub access_code: String,
    /// When it was issued.
    pub issued_at: NaiveDateTime,
}

/// A code drawn uniformly from the alphabet, with its hash, ready for [`issue`].
#[derive(Debug, Clone)]
pub struct DrawnCode {
    code: String,
    hash: String,
}

/// Draws a code and hashes it through `gate` (argon2id is slow on purpose; the gate bounds how
/// many run at once).
///
/// # Errors
/// [`AppError::Busy`] when the gate has no turn free in time; hashing failures.
pub async fn draw(gate: &HashGate) -> Result<DrawnCode, AppError> {
    let mut rng = rand::rng();
    let code: String = (0..LENGTH)
        .filter_map(|_| ALPHABET.choose(&mut rng).copied().map(char::from))
        .collect();
    let hashed = code.clone();
    let hash = gate
        .run(move |memory| password::hash_in(&hashed, memory))
        .await??;
    Ok(DrawnCode { code, hash })
}

/// Makes `drawn` the access code of case `case_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without [`Permission::IssueDebtorAccess`]; [`AppError::NotFound`]
/// for a case outside the caller's book.
pub fn issue(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    drawn: DrawnCode,
    now: NaiveDateTime,
) -> Result<Issued, AppError> {
    caller.require(Permission::IssueDebtorAccess)?;
    let case = visible_case(conn, caller, case_id)?;
    let row = DebtorAccessRow {
        id: new_id("dac"),
        case_id: case.id.clone(),
        code_hash: drawn.hash,
        issued_by: caller.actor_id().to_owned(),
        issued_at: now,
    };
    debtor_access::replace(conn, &row)?;
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        Activity::DebtorAccessIssued,
        &json!({ "access_id": row.id }),
        now,
    )?;
    Ok(Issued {
        reference: super::read::printed_reference(&case),
        access_code: access_code::printed(&drawn.code),
        issued_at: now,
    })
}
