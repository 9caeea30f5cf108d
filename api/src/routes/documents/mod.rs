//! `/v1/cases/{id}/documents`: files on a case (the contract, invoices, proofs of delivery,
//! correspondence), uploaded as `multipart/form-data`, kept in the database with their SHA-256.
//!
//! Limits: 10 MiB per file, counted while the body streams in (a larger one is refused at the
//! byte that crosses the limit, never buffered whole); a total per case; a bound on concurrent
//! uploads. Media types from one allow-list, and the bytes must be of the declared type by
//! their leading bytes (the office formats by the parts inside their ZIP, text as UTF-8
//! text), while executables, scripts and HTML are refused whatever they are declared as
//! (`content.rs`), so a renamed executable cannot pass as an invoice. The stored file name has
//! no path, no invisible or bidirectional characters, no characters that could break a
//! `Content-Disposition` header or a desktop file system, and an extension of its type.
//!
//! Who: the creditor's admins and members and agency staff upload; every role that can see the
//! case lists and downloads. Another tenant's case answers 404, exactly like a missing one.

mod content;
mod handlers;
mod kind;
mod upload;

mod view;

pub use handlers::{create_document, download_document, get_document, list_documents};
pub use upload::read_upload;
pub use view::{Document, DocumentUpload};

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers this module's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_document)
        .service(list_documents)
        .service(get_document)
        .service(download_document);
}
