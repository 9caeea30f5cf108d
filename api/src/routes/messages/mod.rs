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

use solvo_domain::identity::{OrganisationKind, Role};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::{Actor, Caller};

/// Registers this module's routes.
pub fn configure(cfg: &mut ServiceConfig) {
    cfg.service(create_message)
        .service(list_messages)
        .service(mark_messages_read);
}

/// Who may write on a case (messages, documents): the creditor's admins and members, and
/// agency staff. Viewers only read.
pub(crate) fn may_contribute(role: Role) -> bool {
    matches!(
        role,
        Role::CreditorAdmin | Role::CreditorMember | Role::AgencyAdmin | Role::Collector
    )
}

/// Who may read a case's messages and documents at all; the case lookup then narrows it to
/// the caller's own organisation. Debtors never see the creditor-agency conversation.
pub(crate) fn may_read(role: Role) -> bool {
    role != Role::Debtor
}

/// The id that authors, uploads and read markers are recorded under: the user, or the API key.
pub(crate) fn actor_id(caller: &Caller) -> &str {
    match &caller.actor {
        Actor::User { id, .. } | Actor::ApiKey { id, .. } => id,
    }
}

/// The side of the conversation the caller writes for.
pub(crate) fn side_of(caller: &Caller) -> Side {
    match caller.organisation_kind {
        OrganisationKind::Agency => Side::Agency,
        OrganisationKind::Creditor => Side::Creditor,
    }
}
