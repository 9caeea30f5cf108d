//! A document as the API returns it, and the upload form as the OpenAPI document shows it.

use serde::Serialize;
use solvo_app::AppError;
use solvo_app::documents::DocumentMeta;
use utoipa::ToSchema;

use super::kind::DocumentKind;
use solvo_app::clock;

/// A document's content: its bytes as uploaded, served with the media type it was stored
/// under. A schema of its own so that generated clients read the download as bytes (without one
/// openapi-python-client returns `None` and openapi-typescript `unknown`).
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a body the handler writes itself"
)]
#[derive(Debug, ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct DocumentContent(pub Vec<u8>);

/// A document's metadata.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Document {
    /// `doc_…`
    pub id: String,
    /// The case.
    pub case_id: String,
    /// What the document is.
    pub kind: DocumentKind,
    /// File name as uploaded, without any path.
    #[schema(example = "invoice-2026-114.pdf")]
    pub filename: String,
    /// Media type the content is served with.
    #[schema(example = "application/pdf")]
    pub content_type: String,
    /// Length of the content in bytes.
    pub size_bytes: i64,
    /// Lowercase hex SHA-256 of the content; also the download's `ETag`.
    #[schema(example = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")]
    pub sha256: String,
    /// User id (`usr_…`) or API key id (`key_…`) of the uploader.
    pub uploaded_by: String,
    /// RFC 3339 upload time.
    #[schema(format = DateTime)]
    pub created_at: String,
}

impl TryFrom<DocumentMeta> for Document {
    type Error = AppError;
    fn try_from(row: DocumentMeta) -> Result<Self, AppError> {
        Ok(Self {
            kind: DocumentKind::stored(&row.kind)?,
            id: row.id,
            case_id: row.case_id,
            filename: row.filename,
            content_type: row.content_type,
            size_bytes: row.size_bytes,
            sha256: row.sha256,
            uploaded_by: row.uploaded_by,
            created_at: clock::rfc3339(row.created_at),
        })
    }
}

/// A page of documents, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    /// This page.
    pub data: Vec<Document>,
    /// Cursor of the next page; absent on the last.
    pub next_cursor: Option<String>,
}

/// The `multipart/form-data` upload form: one `file` part and one `kind` field.
// Never deserialised: the handler streams the parts itself so that it can stop at the size
// limit; this type only gives the OpenAPI document the form's shape.
#[expect(
    dead_code,
    reason = "only the OpenAPI schema of a body the handler reads itself"
)]
#[derive(Debug, ToSchema)]
pub struct DocumentUpload {
    /// The file, at most 10 MiB, with its own `Content-Type` (one of `application/pdf`,
    /// `image/png`, `image/jpeg`, `text/plain`, `text/csv`, DOCX or XLSX; a PDF, PNG or JPEG
    /// sent without one or as `application/octet-stream` is recognised by its signature) and
    /// its file name in `Content-Disposition`.
    #[schema(value_type = String, format = Binary, content_media_type = "application/octet-stream")]
    pub file: Vec<u8>,
    /// What the document is.
    pub kind: DocumentKind,
}
