//! Documents a debtor uploads in the portal (a delivery note for a dispute, a bank statement
//! for a payment they made), under the same checks as any upload to a case. A debtor sees only
//! what they uploaded themselves: the creditor's documents on the case (the contract, internal
//! correspondence) are the creditor's and the agency's, never listed here.
//!
//! Other portal use cases that let the debtor rely on a document (a dispute, a report of a
//! payment) take its id and check it with [`own_document`].

use chrono::NaiveDateTime;
use solvo_persistence::AnyConnection;
use solvo_persistence::PersistenceError;
use solvo_persistence::repositories::documents;

use super::Debtor;
use super::scope::case_in_scope;
use crate::documents::{DocumentMeta, NewUpload, store};
use crate::error::{AppError, FieldError};

/// Stores `upload` on case `case_id` as uploaded by the debtor, with its timeline entry.
///
/// # Errors
/// [`AppError::NotFound`] for a case outside the session's scope; the limits of
/// [`crate::documents::store`].
pub fn upload(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    upload: &NewUpload,
    case_limit_bytes: i64,
    now: NaiveDateTime,
) -> Result<DocumentMeta, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    store(
        conn,
        &debtor.principal(),
        &case,
        upload,
        case_limit_bytes,
        now,
    )
}

/// The documents the debtor uploaded on case `case_id`, oldest first.
///
/// # Errors
/// [`AppError::NotFound`] for a case outside the session's scope.
pub fn list(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
) -> Result<Vec<DocumentMeta>, AppError> {
    let case = case_in_scope(conn, debtor, case_id)?;
    Ok(documents::uploaded_by(conn, &case.id, &debtor.debtor_id)?)
}

/// Document `document_id` of case `case_id` if the debtor uploaded it; `None` otherwise,
/// whether it is missing or the creditor's, so a debtor cannot learn which ids exist.
///
/// # Errors
/// Database errors.
pub fn own_document(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    document_id: &str,
) -> Result<Option<DocumentMeta>, AppError> {
    match documents::find(conn, case_id, document_id) {
        Ok(meta) if meta.uploaded_by == debtor.debtor_id => Ok(Some(meta)),
        Ok(_) | Err(PersistenceError::NotFound) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

/// Checks that every id of `document_ids` is a document the debtor uploaded on `case_id`; the
/// error names each other one as `{field}[i]`, `unknown_document`.
///
/// # Errors
/// [`AppError::Validation`]; database errors.
pub fn check_own_documents(
    conn: &mut AnyConnection,
    debtor: &Debtor,
    case_id: &str,
    field: &str,
    document_ids: &[String],
) -> Result<(), AppError> {
    let mut errors = Vec::new();
    for (index, id) in document_ids.iter().enumerate() {
        if own_document(conn, debtor, case_id, id.trim())?.is_none() {
            errors.push(FieldError::new(
                format!("{field}[{index}]"),
                "unknown_document",
                format!(
                    "You uploaded no document {id} on this case; upload it with POST /v1/portal/cases/{case_id}/documents."
                ),
            ));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}
