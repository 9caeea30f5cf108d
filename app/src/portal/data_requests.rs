//! Data-protection requests a debtor's contact person makes in the portal about the personal
//! data the agency holds on the debtor's contact persons (Regulation (EU) 2016/679: art. 15
//! access, art. 16 rectification, art. 17 erasure), each with the day it must be answered by
//! (art. 12(3): one month of receipt, [`solvo_domain::portal::requests::due_on`]).
//!
//! The debtor is a business; the personal data are its contact persons' names, e-mail
//! addresses, phone numbers and roles on the debtor record, and what the debtor's people wrote
//! in the portal conversation. Agency administrators (`handle_data_requests`) see the requests
//! and complete them:
//!
//! - access: the export is available to the debtor at once, built when it is read from what is
//!   held then, so it never shows less than is held; completing it records that it was answered;
//! - rectification: completion may carry the corrected contact list, applied by the debtor
//!   update's own rules (a creditor may instead have corrected the record first);
//! - erasure: completion removes every contact person from the debtor record. The business's
//!   legal name, register and VAT numbers, address, invoices, payments and the portal
//!   conversation are kept: they are needed to establish and pursue the claim, which art.
//!   17(3)(e) exempts from erasure ("for the establishment, exercise or defence of legal
//!   claims"), and the claim is against the business, not the person.

use chrono::{NaiveDate, NaiveDateTime};
use serde_json::json;
use solvo_domain::permission::Permission;
use solvo_domain::portal::requests::{DataRequestKind, due_on};
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self};
use solvo_persistence::repositories::data_requests as repo;
pub use solvo_persistence::repositories::data_requests::DataRequestRow;
use solvo_persistence::repositories::debtor_messages::{self, DebtorMessageRow};
use solvo_persistence::repositories::debtors;
use solvo_persistence::repositories::page::{Page, PageRequest};

use super::Debtor;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::debtors::{ContactInput, DebtorPatch};
use crate::error::AppError;
use crate::principal::Principal;

/// The longest request text or completion note, in characters.
pub const MAX_DATA_REQUEST_CHARS: usize = 4_000;

fn text(field: &str, raw: &str) -> Result<String, AppError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(AppError::invalid(
            field,
            "blank",
            format!("{field} must not be only whitespace"),
        ));
    }
    if trimmed.chars().count() > MAX_DATA_REQUEST_CHARS {
        return Err(AppError::invalid(
            field,
            "too_long",
            format!("{field} has at most {MAX_DATA_REQUEST_CHARS} characters."),
        ));
    }
    Ok(trimmed.to_owned())
}

fn kind_of(row: &DataRequestRow) -> Result<DataRequestKind, AppError> {
    DataRequestKind::parse(&row.kind)
        .ok_or_else(|| AppError::corrupt("data_request", &row.id, "kind"))
}

/// Records the request, received now; it is due on [`due_on`] of today. The timeline of the
/// session's case notes it.
///
/// # Errors
/// [`AppError::Validation`] for a blank or too long text.
pub fn make(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    kind: DataRequestKind,
    request: &str,
    now: NaiveDateTime,
) -> Result<DataRequestRow, AppError> {
    let case = cases::find(conn, Some(&debtor.organisation_id), &debtor.case_id)?;
    let row = DataRequestRow {
        id: new_id("dsr"),
        organisation_id: debtor.organisation_id.clone(),
        debtor_id: debtor.debtor_id.clone(),
        case_id: case.id.clone(),
        kind: kind.as_str().to_owned(),
        text: text("text", request)?,
        received_at: now,
        due_on: due_on(now.date()),
        status: "open".to_owned(),
        completion_note: None,
        completed_by: None,
        completed_at: None,
    };
    repo::insert(conn, &row)?;
    record_activity(
        conn,
        &case,
        &ActorRef::from(&debtor.principal()),
        Activity::DataRequestReceived,
        &json!({"data_request_id": row.id, "kind": row.kind, "due_on": row.due_on}),
        now,
    )?;
    Ok(row)
}

/// The debtor's requests, oldest first.
///
/// # Errors
/// Database errors.
pub fn of_debtor(
    conn: &mut AnyConnection,
    debtor: &Debtor,
) -> Result<Vec<DataRequestRow>, AppError> {
    Ok(repo::of_debtor(conn, &debtor.debtor_id)?
        .into_iter()
        .filter(|row| row.organisation_id == debtor.organisation_id)
        .collect())
}

/// The debtor's request `id`.
///
/// # Errors
/// [`AppError::NotFound`] for a request that is not the debtor's, exactly like a missing one.
pub fn own(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    id: &str,
) -> Result<DataRequestRow, AppError> {
    let row = repo::find(conn, id)?;
    if row.debtor_id == debtor.debtor_id && row.organisation_id == debtor.organisation_id {
        Ok(row)
    } else {
        Err(AppError::NotFound)
    }
}

/// The personal data held on the debtor's contact persons, as an export answers it.
#[derive(Debug, Clone)]
pub struct PersonalData {
    /// The request it answers.
    pub request: DataRequestRow,
    /// The debtor record's id and legal name, which say whose contacts these are.
    pub debtor_id: String,
    /// The business's legal name.
    pub legal_name: String,
    /// The contact persons on the debtor record.
    pub contacts: Vec<ContactInput>,
    /// What the debtor's people wrote in the portal conversation, oldest first.
    pub messages: Vec<DebtorMessageRow>,
}

/// The personal data held on the debtor's contact persons, for the debtor's request `id`: at
/// once for an access request, after completion for the others (so the data subject sees the
/// record as rectified or erased). Read when asked, so it shows what is held then.
///
/// # Errors
/// [`AppError::NotFound`] as [`own`]; [`AppError::Conflict`] before a rectification or erasure
/// is completed.
pub fn export(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    id: &str,
) -> Result<PersonalData, AppError> {
    let request = own(conn, debtor, id)?;
    let kind = kind_of(&request)?;
    if kind != DataRequestKind::Access && request.status != "completed" {
        return Err(AppError::Conflict(format!(
            "The {} request is not completed yet; the export is there once it is, by {} at the latest.",
            kind.as_str(),
            request.due_on
        )));
    }
    let record = debtors::find(conn, Some(&debtor.organisation_id), &debtor.debtor_id)?;
    let contacts: Vec<ContactInput> = serde_json::from_str(&record.contacts)
        .map_err(|_| AppError::corrupt("debtor", &record.id, "contacts"))?;
    let case_ids: Vec<String> = cases::of_debtor(conn, &debtor.organisation_id, &debtor.debtor_id)?
        .into_iter()
        .map(|case| case.id)
        .collect();
    let messages = debtor_messages::written_by_debtor(conn, &case_ids, &debtor.debtor_id)?;
    Ok(PersonalData {
        request,
        debtor_id: record.id,
        legal_name: record.legal_name,
        contacts,
        messages,
    })
}

/// One page of every request, by the order received, `open` or `completed` ones only when
/// asked.
///
/// # Errors
/// [`AppError::Forbidden`] without `handle_data_requests`.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    status: Option<&str>,
    page: &PageRequest,
) -> Result<Page<DataRequestRow>, AppError> {
    caller.require(Permission::HandleDataRequests)?;
    Ok(repo::list(conn, status, page)?)
}

/// Whether an open request is past its day on `today`.
#[must_use]
pub fn overdue(row: &DataRequestRow, today: NaiveDate) -> bool {
    row.status == "open" && today > row.due_on
}

/// How an administrator completes a request.
#[derive(Debug, Clone)]
pub struct Completion {
    /// What was done, which the debtor reads.
    pub note: String,
    /// For a rectification: the corrected contact persons, replacing the list.
    pub contacts: Option<Vec<ContactInput>>,
}

/// Completes request `id`: an erasure removes the contact persons from the debtor record, a
/// rectification with `contacts` replaces them; the timeline of the request's case notes it.
///
/// # Errors
/// [`AppError::Forbidden`] without `handle_data_requests`; [`AppError::NotFound`];
/// [`AppError::Conflict`] when it was completed before; [`AppError::Validation`] for a blank
/// note, contacts on a request other than a rectification, or contacts the debtor rules refuse.
pub fn complete(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    completion: Completion,
    now: NaiveDateTime,
) -> Result<DataRequestRow, AppError> {
    caller.require(Permission::HandleDataRequests)?;
    let request = repo::find(conn, id)?;
    let kind = kind_of(&request)?;
    let note = text("note", &completion.note)?;
    if request.status != "open" {
        return Err(already_completed(&request));
    }
    let contacts = match (kind, completion.contacts) {
        (DataRequestKind::Erasure, None) => Some(Vec::new()),
        (DataRequestKind::Rectification, contacts) => contacts,
        (DataRequestKind::Access, None) => None,
        (_, Some(_)) => {
            return Err(AppError::invalid(
                "contacts",
                "not_allowed",
                "Only a rectification carries corrected contacts.",
            ));
        }
    };
    let mut changed_contacts = None;
    if let Some(contacts) = contacts {
        changed_contacts = Some(contacts.len());
        let patch = DebtorPatch {
            legal_name: None,
            registration_number: None,
            vat_id: None,
            address: None,
            contacts: Some(contacts),
            preferred_language: None,
        };
        crate::debtors::apply(
            conn,
            &request.organisation_id,
            &request.debtor_id,
            None,
            patch,
            now,
        )?;
    }
    if !repo::complete(conn, id, &note, caller.actor_id(), now)? {
        return Err(already_completed(&repo::find(conn, id)?));
    }
    let case = cases::find(conn, None, &request.case_id)?;
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        Activity::DataRequestCompleted,
        &json!({
            "data_request_id": request.id,
            "kind": request.kind,
            "contacts_now": changed_contacts,
        }),
        now,
    )?;
    Ok(repo::find(conn, id)?)
}

fn already_completed(row: &DataRequestRow) -> AppError {
    let when = row
        .completed_at
        .map(|at| format!(" on {}", at.date()))
        .unwrap_or_default();
    AppError::Conflict(format!(
        "The data request was completed before{when}; a request is completed once."
    ))
}
