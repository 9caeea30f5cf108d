//! Reads a document upload from a `multipart/form-data` body: one `file` part and one `kind`
//! field, checked as they stream in. Every way the body can be wrong is a problem (413, 415 or
//! a 422 naming the part), never a 500.

use actix_multipart::{Field, Multipart, MultipartError};
use actix_web::http::header;
use actix_web::{HttpRequest, web};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

use super::content::{self, Refusal};
use super::kind::DocumentKind;
use crate::error::{ApiError, FieldError};

/// Largest file accepted, in bytes (10 MiB).
pub const MAX_DOCUMENT_BYTES: usize = 10 * 1024 * 1024;
/// Room for the multipart envelope and the `kind` field on top of the file.
const ENVELOPE_BYTES: usize = 64 * 1024;
/// Largest text field read (`kind`); it holds one short word.
const MAX_TEXT_FIELD_BYTES: usize = 1024;
/// Parts read before the form is refused; a real upload has two.
const MAX_PARTS: usize = 16;
/// Longest stored file name, in characters (extension kept).
const MAX_FILENAME_CHARS: usize = 200;

/// The media types a document may have.
pub const ALLOWED_CONTENT_TYPES: [&str; 10] = [
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/tiff",
    "text/plain",
    "text/csv",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
];

/// Non-standard names that browsers and mail clients still send for allowed types.
const ALIASES: [(&str, &str); 4] = [
    ("image/jpg", "image/jpeg"),
    ("image/pjpeg", "image/jpeg"),
    ("application/csv", "text/csv"),
    ("text/comma-separated-values", "text/csv"),
];

/// A checked upload.
#[derive(Debug)]
pub struct Upload {
    /// What the document is.
    pub kind: DocumentKind,
    /// Sanitised file name.
    pub filename: String,
    /// One of [`ALLOWED_CONTENT_TYPES`].
    pub content_type: &'static str,
    /// The bytes.
    pub content: Vec<u8>,
    /// Lowercase hex SHA-256 of the bytes.
    pub sha256: String,
}

/// What the `file` part said it was, before its bytes are seen.
#[derive(Debug, Clone, Copy)]
enum Declared {
    /// An allowed media type.
    Allowed(&'static str),
    /// None, or `application/octet-stream`: recognised by its signature or refused.
    Unspecified,
}

struct FilePart {
    declared: Declared,
    filename: Option<String>,
    content: Vec<u8>,
    sha256: String,
}

/// Reads and checks the upload.
///
/// # Errors
/// 415 for a body that is not `multipart/form-data` or a file type off the allow-list; 413
/// past [`MAX_DOCUMENT_BYTES`]; 422 naming each missing, unknown or invalid part, or `file`
/// when its bytes do not match its declared type.
pub async fn read_upload(request: &HttpRequest, payload: web::Payload) -> Result<Upload, ApiError> {
    check_media_type(request)?;
    let declared_length = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared_length.is_some_and(|length| length > MAX_DOCUMENT_BYTES + ENVELOPE_BYTES) {
        return Err(ApiError::PayloadTooLarge(MAX_DOCUMENT_BYTES));
    }
    let mut multipart = Multipart::new(request.headers(), payload);
    let mut file = None;
    let mut kind = None;
    let mut errors = Vec::new();
    // Every part's bytes count against one budget, so unknown parts cannot make the request
    // unbounded either.
    let mut budget = MAX_DOCUMENT_BYTES + ENVELOPE_BYTES;
    let mut parts = 0;
    while let Some(field) = multipart.next().await {
        parts += 1;
        if parts > MAX_PARTS {
            return Err(malformed(format!(
                "The form has more than {MAX_PARTS} parts; send `file` and `kind` only."
            )));
        }
        let mut field = field.map_err(multipart_error)?;
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "file" if file.is_some() => {
                return Err(ApiError::invalid(
                    "file",
                    "duplicate",
                    "Send one file per request.",
                ));
            }
            "file" => file = Some(read_file(&mut field, &mut budget).await?),
            "kind" if kind.is_some() => {
                return Err(ApiError::invalid("kind", "duplicate", "Send kind once."));
            }
            "kind" => match read_kind(&mut field, &mut budget).await? {
                Ok(parsed) => kind = Some(parsed),
                Err(error) => errors.push(error),
            },
            other => {
                skip(&mut field, &mut budget).await?;
                errors.push(FieldError::new(
                    printable(other),
                    "unknown_field",
                    "Unknown form field; the form has `file` and `kind`.",
                ));
            }
        }
    }
    if file.is_none() {
        errors.push(FieldError::new(
            "file",
            "required",
            "Attach the document as a part named `file`.",
        ));
    }
    if kind.is_none() && !errors.iter().any(|error| error.field == "kind") {
        errors.push(FieldError::new(
            "kind",
            "required",
            format!("Send a `kind` field: one of {}.", DocumentKind::names()),
        ));
    }
    match (file, kind) {
        (Some(file), Some(kind)) if errors.is_empty() => finish(file, kind),
        _ => Err(ApiError::Validation(errors)),
    }
}

/// Decides the stored media type and checks the bytes against it.
fn finish(file: FilePart, kind: DocumentKind) -> Result<Upload, ApiError> {
    if file.content.is_empty() {
        return Err(ApiError::invalid("file", "empty", "The file is empty."));
    }
    let content_type = match file.declared {
        Declared::Allowed(content_type) => content_type,
        Declared::Unspecified => content::sniff(&file.content).ok_or_else(|| {
            ApiError::UnsupportedMediaType(format!(
                "Give the file part a Content-Type: one of {}.",
                ALLOWED_CONTENT_TYPES.join(", ")
            ))
        })?,
    };
    match content::check(content_type, &file.content) {
        Ok(()) => {}
        Err(Refusal::Active(what)) => {
            return Err(ApiError::invalid(
                "file",
                "content_refused",
                format!("The file is {what}; executables, scripts and HTML are not accepted."),
            ));
        }
        Err(Refusal::Mismatch) => {
            return Err(ApiError::invalid(
                "file",
                "content_mismatch",
                format!("The file's content is not {content_type}."),
            ));
        }
    }
    Ok(Upload {
        kind,
        filename: sanitise_filename(file.filename.as_deref(), content_type),
        content_type,
        content: file.content,
        sha256: file.sha256,
    })
}

fn check_media_type(request: &HttpRequest) -> Result<(), ApiError> {
    let essence = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if essence == "multipart/form-data" {
        Ok(())
    } else {
        Err(ApiError::UnsupportedMediaType(format!(
            "Send the document as multipart/form-data with a `file` part and a `kind` field, not `{essence}`."
        )))
    }
}

async fn read_file(field: &mut Field, budget: &mut usize) -> Result<FilePart, ApiError> {
    let declared = declared_type(field)?;
    let filename = field.content_disposition().and_then(|disposition| {
        disposition
            .get_filename_ext()
            .and_then(|ext| String::from_utf8(ext.value.clone()).ok())
            .or_else(|| disposition.get_filename().map(ToOwned::to_owned))
    });
    let mut content = Vec::new();
    let mut hasher = Sha256::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(multipart_error)?;
        spend(budget, chunk.len())?;
        if content.len() + chunk.len() > MAX_DOCUMENT_BYTES {
            return Err(ApiError::PayloadTooLarge(MAX_DOCUMENT_BYTES));
        }
        hasher.update(&chunk);
        content.extend_from_slice(&chunk);
    }
    Ok(FilePart {
        declared,
        filename,
        content,
        sha256: hex::encode(hasher.finalize()),
    })
}

/// The file part's declared media type, refused at once (before its bytes are read) when it
/// is off the allow-list.
fn declared_type(field: &Field) -> Result<Declared, ApiError> {
    let raw = field
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .map(|value| value.trim().to_ascii_lowercase())
        .unwrap_or_default();
    if raw.is_empty() || raw == "application/octet-stream" {
        return Ok(Declared::Unspecified);
    }
    let canonical = ALIASES
        .iter()
        .find(|(alias, _)| *alias == raw)
        .map_or(raw.as_str(), |(_, canonical)| canonical);
    ALLOWED_CONTENT_TYPES
        .into_iter()
        .find(|allowed| *allowed == canonical)
        .map(Declared::Allowed)
        .ok_or_else(|| {
            ApiError::UnsupportedMediaType(format!(
                "Documents of type `{}` are not accepted; send one of {}.",
                printable(&raw),
                ALLOWED_CONTENT_TYPES.join(", ")
            ))
        })
}

/// Reads `kind`: the outer error stops the request, the inner one is a field error to collect.
async fn read_kind(
    field: &mut Field,
    budget: &mut usize,
) -> Result<Result<DocumentKind, FieldError>, ApiError> {
    let mut raw = Vec::new();
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(multipart_error)?;
        spend(budget, chunk.len())?;
        if raw.len() + chunk.len() > MAX_TEXT_FIELD_BYTES {
            return Err(ApiError::invalid(
                "kind",
                "too_long",
                "kind is one short word.",
            ));
        }
        raw.extend_from_slice(&chunk);
    }
    let text = String::from_utf8_lossy(&raw);
    Ok(DocumentKind::parse(text.trim()).ok_or_else(|| {
        FieldError::new(
            "kind",
            "invalid_kind",
            format!("kind must be one of {}.", DocumentKind::names()),
        )
    }))
}

/// Reads an unknown part to its end without keeping it.
async fn skip(field: &mut Field, budget: &mut usize) -> Result<(), ApiError> {
    while let Some(chunk) = field.next().await {
        let chunk = chunk.map_err(multipart_error)?;
        spend(budget, chunk.len())?;
    }
    Ok(())
}

fn spend(budget: &mut usize, bytes: usize) -> Result<(), ApiError> {
    *budget = budget
        .checked_sub(bytes)
        .ok_or(ApiError::PayloadTooLarge(MAX_DOCUMENT_BYTES))?;
    Ok(())
}

fn malformed(message: impl Into<String>) -> ApiError {
    ApiError::invalid("body", "malformed_multipart", message)
}

/// A broken body is the client's mistake: 415 when the media type is unusable, otherwise a 422
/// naming the body, as a syntax error in JSON is a problem and not a crash.
fn multipart_error(err: MultipartError) -> ApiError {
    match err {
        MultipartError::ContentTypeMissing
        | MultipartError::ContentTypeParse
        | MultipartError::ContentTypeIncompatible
        | MultipartError::BoundaryMissing => ApiError::UnsupportedMediaType(
            "Send multipart/form-data with a boundary parameter.".into(),
        ),
        MultipartError::ContentDispositionMissing
        | MultipartError::ContentDispositionNameMissing => {
            malformed("Every part needs `Content-Disposition: form-data; name=\"…\"`.")
        }
        MultipartError::Nested => malformed("Nested multipart bodies are not accepted."),
        MultipartError::Payload(actix_web::error::PayloadError::Overflow) => {
            ApiError::PayloadTooLarge(MAX_DOCUMENT_BYTES)
        }
        other => malformed(format!("The multipart body could not be read: {other}.")),
    }
}

/// The last path segment of the client's name, without control characters, invisible
/// formatting characters (the bidirectional overrides that show `invoice\u{202e}fdp.exe` as
/// `invoiceexe.pdf`, zero-width characters), quotes or characters that desktop file systems
/// reject, at most [`MAX_FILENAME_CHARS`] characters, and ending in an extension of its content
/// type (`.pdf` is appended to `x.exe` holding a PDF), so that a desktop opens it as what it
/// is; `document.<ext>` when nothing usable is left.
#[must_use]
pub fn sanitise_filename(raw: Option<&str>, content_type: &str) -> String {
    let base = raw
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let cleaned: String = base
        .chars()
        .filter(|c| !c.is_control() && !invisible(*c))
        .map(|c| match c {
            '"' | ':' | '*' | '?' | '<' | '>' | '|' => '_',
            other => other,
        })
        .collect();
    // Leading dots would make a hidden file (or `..`); trailing dots and spaces vanish on Windows.
    let cleaned = cleaned
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if cleaned.is_empty() {
        return format!("document.{}", extension(content_type));
    }
    let has_own_extension = cleaned.rsplit_once('.').is_some_and(|(stem, ext)| {
        !stem.is_empty() && extensions(content_type).contains(&ext.to_ascii_lowercase().as_str())
    });
    if has_own_extension {
        shorten(cleaned)
    } else {
        let ext = extension(content_type);
        let stem: String = cleaned
            .chars()
            .take(MAX_FILENAME_CHARS - ext.len() - 1)
            .collect();
        format!("{stem}.{ext}")
    }
}

/// Unicode format characters that change how a name is shown without being seen: soft hyphen,
/// Arabic letter mark, Mongolian vowel separator, zero-width characters and marks, the
/// bidirectional embeddings, overrides and isolates (Unicode Standard Annex 9), invisible
/// operators, the byte order mark, interlinear annotation and tag characters.
fn invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
            | '\u{E0001}'
            | '\u{E0020}'..='\u{E007F}'
    )
}

fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_FILENAME_CHARS {
        return name.to_owned();
    }
    let (stem, ext) = match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.chars().count() <= 10 => (stem, Some(ext)),
        _ => (name, None),
    };
    let room = MAX_FILENAME_CHARS - ext.map_or(0, |ext| ext.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    }
}

/// The extensions a file of `content_type` may have, the usual one first.
fn extensions(content_type: &str) -> &'static [&'static str] {
    match content_type {
        "application/pdf" => &["pdf"],
        "image/png" => &["png"],
        "image/jpeg" => &["jpg", "jpeg"],
        "image/tiff" => &["tif", "tiff"],
        "text/csv" => &["csv", "txt"],
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => &["docx"],
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => &["xlsx"],
        "application/vnd.oasis.opendocument.text" => &["odt"],
        "application/vnd.oasis.opendocument.spreadsheet" => &["ods"],
        _ => &["txt", "text", "log", "csv", "md"],
    }
}

fn extension(content_type: &str) -> &'static str {
    extensions(content_type).first().copied().unwrap_or("bin")
}

/// A client-supplied name made safe to echo in an error message.
fn printable(raw: &str) -> String {
    raw.chars().filter(|c| !c.is_control()).take(100).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_lose_their_path_and_dangerous_characters() {
        let pdf = "application/pdf";
        assert_eq!(
            sanitise_filename(Some("C:\\Users\\x\\Invoice 7.pdf"), pdf),
            "Invoice 7.pdf"
        );
        assert_eq!(
            sanitise_filename(Some("../../etc/passwd"), pdf),
            "passwd.pdf"
        );
        assert_eq!(sanitise_filename(Some("a\"b\r\n.pdf"), pdf), "a_b.pdf");
        assert_eq!(sanitise_filename(Some(".."), pdf), "document.pdf");
        assert_eq!(sanitise_filename(None, "image/jpeg"), "document.jpg");
        assert_eq!(
            sanitise_filename(Some("Rechnung Müller.pdf"), pdf),
            "Rechnung Müller.pdf"
        );
    }

    #[test]
    fn long_file_names_keep_their_extension() {
        let long = format!("{}.xlsx", "a".repeat(500));
        let short = sanitise_filename(
            Some(&long),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        );
        assert_eq!(short.chars().count(), MAX_FILENAME_CHARS);
        assert_eq!(short.rsplit_once('.').map(|(_, ext)| ext), Some("xlsx"));
    }

    #[test]
    fn invisible_characters_go_and_the_extension_follows_the_content() {
        let pdf = "application/pdf";
        assert_eq!(
            sanitise_filename(Some("invoice\u{202e}fdp.exe"), pdf),
            "invoicefdp.exe.pdf"
        );
        assert_eq!(
            sanitise_filename(Some("in\u{200b}voice\u{2067}.PDF"), pdf),
            "invoice.PDF"
        );
        assert_eq!(sanitise_filename(Some("scan"), "image/tiff"), "scan.tif");
        let long = "a".repeat(500);
        assert_eq!(
            sanitise_filename(Some(&long), pdf).chars().count(),
            MAX_FILENAME_CHARS
        );
    }
}
