//! Document handlers: upload, list, read metadata, download.

use actix_web::http::StatusCode;
use actix_web::http::header::{
    self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue,
};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;
use solvo_app::documents::{self, DocumentQuery, NewUpload};
use solvo_domain::permission::Permission;
use utoipa::IntoParams;

use super::kind::DocumentKind;
use super::upload::read_upload;
use super::view::{Document, DocumentContent, DocumentList, DocumentUpload};
use crate::auth::Caller;
use crate::error::{ApiError, Problem};
use crate::idempotency::{self, Created};
use crate::routes::pagination::ListParams;
use crate::state::AppState;
use solvo_app::cases::access::visible_case;

/// How long an upload waits for its turn to be read.
const UPLOAD_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// Uploads a document to a case as `multipart/form-data` with a `file` part and a `kind`
/// field. The bytes must be of the declared type (by their leading bytes; DOCX, XLSX, ODT and
/// ODS by the parts inside); executables, scripts and HTML are refused whatever they are
/// declared as. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "collaboration",
    operation_id = "create_document",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same upload: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body(content = inline(DocumentUpload), content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = Document),
        (status = 413, description = "The file is larger than 10 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not multipart/form-data, or the file's type is not on the allow-list", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A part is missing, unknown or invalid, the file's bytes do not match its type (`content_mismatch`), it is an executable, a script or HTML (`content_refused`), or the case's documents are at their limit (`case_full`); `errors` names each", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "As many uploads are being read as the server allows at once; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/documents")]
pub async fn create_document(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ContributeToCase)?;
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    // Refuse another tenant's or a missing case before reading up to 10 MiB of body.
    let lookup = caller.clone();
    let case = state
        .db
        .read(move |conn| visible_case(conn, &lookup, &case_id))
        .await?;
    // Each upload being read buffers up to 10 MiB: only so many at once, the others wait
    // briefly and are then told to retry.
    let _reading = tokio::time::timeout(
        UPLOAD_WAIT,
        std::sync::Arc::clone(&state.documents.uploads).acquire_owned(),
    )
    .await
    .ok()
    .and_then(Result::ok)
    .ok_or(ApiError::Busy(UPLOAD_WAIT))?;
    let upload = read_upload(&request, payload).await?;
    let fingerprint = format!(
        "{}:{}:{}:{}:{}",
        case.id,
        upload.kind.as_str(),
        upload.filename,
        upload.content_type,
        upload.sha256
    );
    let organisation_id = caller.organisation_id.clone();
    let upload = NewUpload {
        kind: upload.kind.as_str(),
        filename: upload.filename,
        content_type: upload.content_type,
        content: upload.content,
        sha256: upload.sha256,
    };
    let now = state.clock.now();
    let case_limit = state.documents.case_bytes;
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let stored = documents::store(conn, &caller, &case, &upload, case_limit, now)?;
        let location = format!("/v1/cases/{}/documents/{}", stored.case_id, stored.id);
        let document = Document::try_from(stored)?;
        Created::new(StatusCode::CREATED.as_u16(), &document, Some(location))
    })
    .await
}

/// Filters of the document list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DocumentListFilter {
    /// Only documents of this kind.
    pub kind: Option<DocumentKind>,
}

/// Lists a case's documents, oldest first, without their content. `updated_since` returns the
/// documents uploaded since (documents never change).
#[utoipa::path(
    tag = "collaboration",
    operation_id = "list_documents",
    params(("id" = String, Path, description = "Case id"), ListParams, DocumentListFilter),
    responses((status = 200, description = "A page of documents", body = DocumentList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/documents")]
pub async fn list_documents(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<ListParams>,
    filter: web::Query<DocumentListFilter>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ReadCaseConversation)?;
    let page = params.page()?;
    let query = DocumentQuery {
        kind: filter.kind.map(|kind| kind.as_str().to_owned()),
        since: params.updated_since(),
    };
    let case_id = id.into_inner();
    let rows = state
        .db
        .read(move |conn| documents::list(conn, &caller, &case_id, query, &page))
        .await?;
    let data = rows
        .items
        .into_iter()
        .map(Document::try_from)
        .collect::<Result<_, _>>()?;
    Ok(HttpResponse::Ok().json(DocumentList {
        data,
        next_cursor: rows.next_cursor,
    }))
}

/// Reads a document's metadata.
#[utoipa::path(
    tag = "collaboration",
    operation_id = "get_document",
    params(
        ("id" = String, Path, description = "Case id"),
        ("document_id" = String, Path, description = "Document id"),
    ),
    responses((status = 200, description = "The document's metadata", body = Document)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/documents/{document_id}")]
pub async fn get_document(
    state: web::Data<AppState>,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ReadCaseConversation)?;
    let (case_id, document_id) = path.into_inner();
    let row = state
        .db
        .read(move |conn| documents::get(conn, &caller, &case_id, &document_id))
        .await?;
    Ok(HttpResponse::Ok().json(Document::try_from(row)?))
}

/// Downloads a document's content with its stored media type, as an attachment. The `ETag` is
/// the SHA-256; `If-None-Match` with it answers 304.
#[utoipa::path(
    tag = "collaboration",
    operation_id = "download_document",
    params(
        ("id" = String, Path, description = "Case id"),
        ("document_id" = String, Path, description = "Document id"),
        ("If-None-Match" = Option<String>, Header, description = "The ETag already held"),
    ),
    responses(
        (status = 200, description = "The content, byte for byte as uploaded",
            headers(
                ("ETag" = String, description = "The quoted SHA-256 of the content"),
                ("Content-Disposition" = String, description = "`attachment; filename=\"…\"`"),
            ),
            content(
                (DocumentContent = "application/pdf"),
                (DocumentContent = "image/png"),
                (DocumentContent = "image/jpeg"),
                (DocumentContent = "image/tiff"),
                (DocumentContent = "text/plain"),
                (DocumentContent = "text/csv"),
                (DocumentContent = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                (DocumentContent = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                (DocumentContent = "application/vnd.oasis.opendocument.text"),
                (DocumentContent = "application/vnd.oasis.opendocument.spreadsheet"),
            )
        ),
        (status = 304, description = "Unchanged since the ETag in If-None-Match"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/documents/{document_id}/content")]
pub async fn download_document(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    path: web::Path<(String, String)>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ReadCaseConversation)?;
    let (case_id, document_id) = path.into_inner();
    let (meta, content) = state
        .db
        .read(move |conn| documents::content(conn, &caller, &case_id, &document_id))
        .await?;
    let etag = format!("\"{}\"", meta.sha256);
    let unchanged = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| {
            value
                .split(',')
                .any(|tag| tag.trim().trim_start_matches("W/") == etag || tag.trim() == "*")
        });
    let mut response = if unchanged {
        HttpResponse::NotModified()
    } else {
        HttpResponse::Ok()
    };
    response
        .insert_header((header::ETAG, etag))
        // Authorised content: a shared cache must not keep it, a browser must revalidate.
        .insert_header((header::CACHE_CONTROL, "private, no-cache"))
        .insert_header((header::CONTENT_DISPOSITION, attachment(&meta.filename)));
    if unchanged {
        return Ok(response.finish());
    }
    Ok(response
        .insert_header((header::CONTENT_TYPE, meta.content_type))
        // Uploaded by clients: never let a browser guess that a "text/plain" file is HTML.
        .insert_header((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .body(content))
}

/// `attachment; filename="…"`, plus RFC 5987 `filename*` with the UTF-8 name when it is not
/// plain ASCII (the quoted form then carries an ASCII stand-in for old clients).
fn attachment(filename: &str) -> ContentDisposition {
    let ascii: String = filename
        .chars()
        .map(|c| {
            if c.is_ascii() && !c.is_ascii_control() {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut parameters = vec![DispositionParam::Filename(ascii)];
    if !filename.is_ascii() {
        parameters.push(DispositionParam::FilenameExt(ExtendedValue {
            charset: Charset::Ext("UTF-8".to_owned()),
            language_tag: None,
            value: filename.as_bytes().to_vec(),
        }));
    }
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters,
    }
}
