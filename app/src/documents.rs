//! Documents on a case: storing an uploaded file with its metadata (and a timeline event, so
//! the timeline is the whole story), listing a case's documents, reading one's metadata and its
//! bytes. Every read starts from the case the caller may see; another tenant's case is
//! [`AppError::NotFound`], like a missing one. Parsing and checking the upload itself (size,
//! media type, signature, file name) is the HTTP layer's: what arrives here is already checked.
//!
//! [`DocumentMeta`] is the stored record these use cases hand back, re-exported until typed
//! storage replaces it.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::CaseRow;
pub use solvo_persistence::repositories::documents::DocumentMeta;
use solvo_persistence::repositories::documents::{self, DocumentFilter, NewDocument};
use solvo_persistence::repositories::page::{Page, PageRequest};

use crate::cases::access::visible_case;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::principal::Principal;

/// A checked upload, ready to store.
#[derive(Debug, Clone)]
pub struct NewUpload {
    /// The document kind's stored name (`contract`, `invoice`, …).
    pub kind: &'static str,
    /// Sanitised file name.
    pub filename: String,
    /// The media type the content is served with.
    pub content_type: &'static str,
    /// The bytes.
    pub content: Vec<u8>,
    /// Lowercase hex SHA-256 of the bytes.
    pub sha256: String,
}

/// Most documents one case holds.
pub const MAX_CASE_DOCUMENTS: usize = 500;

/// Stores `upload` on `case` (already read through [`visible_case`]) as uploaded by the caller,
/// and records it on the timeline, if the case's documents stay within [`MAX_CASE_DOCUMENTS`]
/// and `case_limit_bytes` together. On PostgreSQL two uploads to one case at the same moment
/// may both fit the limit they read; concurrent uploads are bounded, so the overshoot is too.
///
/// # Errors
/// A validation error of `file` (`case_full`) past the case's limits; database errors.
pub fn store(
    conn: &mut AnyConnection,
    caller: &Principal,
    case: &CaseRow,
    upload: &NewUpload,
    case_limit_bytes: i64,
    now: NaiveDateTime,
) -> Result<DocumentMeta, AppError> {
    let id = new_id("doc");
    let size_bytes = i64::try_from(upload.content.len()).map_err(anyhow::Error::from)?;
    let (count, used) = documents::usage(conn, &case.id)?;
    if count >= MAX_CASE_DOCUMENTS {
        return Err(AppError::invalid(
            "file",
            "case_full",
            format!("The case holds {count} documents, the most it may."),
        ));
    }
    if used.saturating_add(size_bytes) > case_limit_bytes {
        return Err(AppError::invalid(
            "file",
            "case_full",
            format!(
                "The case's documents would take {} bytes with this one; a case holds at most {case_limit_bytes}.",
                used.saturating_add(size_bytes)
            ),
        ));
    }
    let new = NewDocument {
        id: &id,
        case_id: &case.id,
        kind: upload.kind,
        filename: &upload.filename,
        content_type: upload.content_type,
        size_bytes,
        sha256: &upload.sha256,
        content: &upload.content,
        uploaded_by: caller.actor_id(),
        created_at: now,
    };
    documents::insert(conn, &new)?;
    record_activity(
        conn,
        case,
        &ActorRef::from(caller),
        Activity::DocumentUploaded,
        &json!({"document_id": id, "kind": upload.kind, "filename": upload.filename, "sha256": upload.sha256}),
        now,
    )?;
    Ok(DocumentMeta {
        id,
        case_id: case.id.clone(),
        kind: upload.kind.to_owned(),
        filename: upload.filename.clone(),
        content_type: upload.content_type.to_owned(),
        size_bytes,
        sha256: upload.sha256.clone(),
        uploaded_by: caller.actor_id().to_owned(),
        created_at: now,
    })
}

/// The filters of a document list.
#[derive(Debug, Clone, Default)]
pub struct DocumentQuery {
    /// Only documents of this kind (stored name).
    pub kind: Option<String>,
    /// Only documents uploaded at or after (documents never change).
    pub since: Option<NaiveDateTime>,
}

/// One page of the documents of case `case_id`, oldest first, without their content.
///
/// # Errors
/// [`AppError::NotFound`] for a case the caller may not see; database errors.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    query: DocumentQuery,
    page: &PageRequest,
) -> Result<Page<DocumentMeta>, AppError> {
    let case = visible_case(conn, caller, case_id)?;
    let filter = DocumentFilter {
        kind: query.kind,
        since: query.since,
    };
    Ok(documents::list(conn, &case.id, &filter, page)?)
}

/// The metadata of document `document_id` on case `case_id`.
///
/// # Errors
/// [`AppError::NotFound`] for a case the caller may not see or a document not on it.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    document_id: &str,
) -> Result<DocumentMeta, AppError> {
    let case = visible_case(conn, caller, case_id)?;
    Ok(documents::find(conn, &case.id, document_id)?)
}

/// The metadata and the bytes of document `document_id` on case `case_id`.
///
/// # Errors
/// [`AppError::NotFound`] for a case the caller may not see or a document not on it.
pub fn content(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    document_id: &str,
) -> Result<(DocumentMeta, Vec<u8>), AppError> {
    let case = visible_case(conn, caller, case_id)?;
    Ok(documents::content(conn, &case.id, document_id)?)
}
