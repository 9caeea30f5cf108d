//! `/v1/cases/{id}/messages`: the conversation between a creditor and the agency about a case,
//! with per-reader read markers.
//!
//! Who: the creditor's admins and members and agency staff post; every role that can see the
//! case reads (viewers and API keys included). A reader is a user or an API key, by id, so each
//! person and each integration has its own unread count. Another tenant's case answers 404,
//! exactly like a missing one.
//!
//! Unread messages: the list answers `unread_count`, the caller's unread messages on the whole
//! case (not only the page), so a client can show a badge from the first page it reads.

mod handlers;
mod view;

pub use handlers::{create_message, list_messages, mark_messages_read};

use utoipa_actix_web::service_config::ServiceConfig;

/// Registers this module's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_message)
        .service(list_messages)
        .service(mark_messages_read);
}
