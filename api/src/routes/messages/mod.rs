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

pub use handlers::{
    CreateMessage, MarkMessagesRead, MessageListParams, create_message, list_messages,
    mark_messages_read,
};
pub use view::{Message, MessageAuthor, MessageList, Side};

use solvo_domain::identity::OrganisationKind;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;

/// Registers this module's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_message)
        .service(list_messages)
        .service(mark_messages_read);
}

/// The id that authors, uploads and read markers are recorded under: the user, or the API key.
pub(crate) fn actor_id(caller: &Caller) -> &str {
    caller.actor_id()
}

/// The side of the conversation the caller writes for.
pub(crate) fn side_of(caller: &Caller) -> Side {
    match caller.organisation_kind {
        OrganisationKind::Agency => Side::Agency,
        OrganisationKind::Creditor => Side::Creditor,
    }
}
