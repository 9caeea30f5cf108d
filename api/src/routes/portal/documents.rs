//! `POST/GET /v1/portal/cases/{id}/documents`: a debtor uploads a document they rely on (for a
//! dispute, or as proof of a payment) under the same rules as any upload to a case, and lists
//! what they uploaded, never the creditor's documents on the case.

use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Serialize;
use solvo_app::documents::NewUpload;
use solvo_app::portal::documents;
use solvo_app::portal::scope::case_in_scope;
use utoipa::ToSchema;

use crate::auth::debtor::DebtorCaller;
use crate::error::{ApiError, Problem};
use crate::routes::documents::{Document, DocumentUpload, read_upload};
use crate::state::AppState;

/// How long an upload waits for its turn to be read.
const UPLOAD_WAIT: std::time::Duration = std::time::Duration::from_secs(2);

/// The documents a debtor uploaded on a case.
#[derive(Debug, Serialize, ToSchema)]
pub struct PortalDocumentList {
    /// Oldest first.
    pub data: Vec<Document>,
}

/// Uploads a document to one of the debtor's cases as `multipart/form-data` with a `file` part
/// and a `kind` field, checked exactly as a staff upload (type allow-list, content matching its
/// type, no executables, scripts or HTML, 10 MiB, the case's total). Refer to it by its id in a
/// dispute. On the timeline as `document_uploaded` with the debtor as the actor.
#[utoipa::path(
    tag = "portal",
    operation_id = "create_portal_document",
    params(("id" = String, Path, description = "Case id")),
    request_body(content = inline(DocumentUpload), content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored", body = Document),
        (status = 404, description = "Not one of the debtor's cases", body = Problem, content_type = "application/problem+json"),
        (status = 413, description = "The file is larger than 10 MiB", body = Problem, content_type = "application/problem+json"),
        (status = 415, description = "The body is not multipart/form-data, or the file's type is not on the allow-list", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "A part is missing, unknown or invalid, the bytes do not match the type (`content_mismatch`), an executable, script or HTML (`content_refused`), or the case's documents are at their limit (`case_full`)", body = Problem, content_type = "application/problem+json"),
        (status = 503, description = "Too many uploads are being read; retry after `Retry-After` seconds", body = Problem, content_type = "application/problem+json",
            headers(("Retry-After" = u64, description = "Seconds to wait before retrying"))),
    ),
    security(("portal_token" = []))
)]
#[post("/v1/portal/cases/{id}/documents")]
pub async fn create_portal_document(
    state: web::Data<AppState>,
    request: HttpRequest,
    debtor: DebtorCaller,
    id: web::Path<String>,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let case_id = id.into_inner();
    // Refuse a case outside the session before reading up to 10 MiB of body.
    let lookup = debtor.debtor.clone();
    let scoped = case_id.clone();
    state
        .db
        .read(move |conn| case_in_scope(conn, &lookup, &scoped))
        .await?;
    let _reading = tokio::time::timeout(
        UPLOAD_WAIT,
        std::sync::Arc::clone(&state.documents.uploads).acquire_owned(),
    )
    .await
    .ok()
    .and_then(Result::ok)
    .ok_or(ApiError::Busy(UPLOAD_WAIT))?;
    let upload = read_upload(&request, payload).await?;
    let upload = NewUpload {
        kind: upload.kind.as_str(),
        filename: upload.filename,
        content_type: upload.content_type,
        content: upload.content,
        sha256: upload.sha256,
    };
    let now = state.clock.now();
    let case_limit = state.documents.case_bytes;
    let who = debtor.debtor.clone();
    let stored = state
        .db
        .write(move |conn| documents::upload(conn, &who, &case_id, &upload, case_limit, now))
        .await?;
    let location = format!("/v1/portal/cases/{}/documents", stored.case_id);
    Ok(HttpResponse::build(StatusCode::CREATED)
        .insert_header((header::LOCATION, location))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(Document::try_from(stored)?))
}

/// The documents the debtor uploaded on the case, oldest first; the creditor's documents on
/// the case are not listed.
#[utoipa::path(
    tag = "portal",
    operation_id = "list_portal_documents",
    params(("id" = String, Path, description = "Case id")),
    responses(
        (status = 200, description = "The debtor's uploads", body = PortalDocumentList),
        (status = 404, description = "Not one of the debtor's cases", body = Problem, content_type = "application/problem+json"),
    ),
    security(("portal_token" = []))
)]
#[get("/v1/portal/cases/{id}/documents")]
pub async fn list_portal_documents(
    state: web::Data<AppState>,
    debtor: DebtorCaller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let case_id = id.into_inner();
    let who = debtor.debtor.clone();
    let rows = state
        .db
        .read(move |conn| documents::list(conn, &who, &case_id))
        .await?;
    let data = rows
        .into_iter()
        .map(Document::try_from)
        .collect::<Result<Vec<_>, _>>()?;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_LANGUAGE, debtor.language.code()))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .json(PortalDocumentList { data }))
}
