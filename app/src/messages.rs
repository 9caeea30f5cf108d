//! The conversation on a case between the creditor and the agency: posting a message (on the
//! caller's side, with the author's own read marker and a timeline event), listing with the
//! reader's unread count for the whole case, and marking messages read. A reader is a user or an
//! API key, by id, so each person and each integration has its own unread count. Every use case
//! starts from the case the caller may see; another tenant's case is [`AppError::NotFound`].
//!
//! [`MessageRow`], [`MessageForReader`] and the paging types are the stored records these use
//! cases hand back and take, re-exported until typed storage replaces them.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::identity::OrganisationKind;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::messages;
pub use solvo_persistence::repositories::messages::{MessageForReader, MessageRow};
pub use solvo_persistence::repositories::page::{Page, PageRequest};

use crate::cases::access::visible_case;
use crate::cases::events::{ActorRef, record_activity};
use crate::cases::timeline_kind::Activity;
use crate::error::AppError;
use crate::principal::Principal;

/// The text of a new message, checked: not only whitespace.
#[derive(Debug, Clone)]
pub struct MessageText(String);

impl MessageText {
    /// Checks `body` (its length the request shape already bounds).
    ///
    /// # Errors
    /// [`AppError::Validation`] naming `body` when it is only whitespace.
    pub fn new(body: String) -> Result<Self, AppError> {
        if body.trim().is_empty() {
            return Err(AppError::invalid(
                "body",
                "blank",
                "body must not be only whitespace",
            ));
        }
        Ok(Self(body))
    }

    /// The checked text.
    #[must_use]
    pub fn into_inner(self) -> String {
        self.0
    }
}

/// The side of the conversation the caller writes for, by its organisation's kind.
#[must_use]
pub fn side_of(caller: &Principal) -> &'static str {
    match caller.organisation_kind {
        OrganisationKind::Agency => "agency",
        OrganisationKind::Creditor => "creditor",
    }
}

/// Posts `text` on case `case_id` as the caller; returns the stored message.
///
/// # Errors
/// [`AppError::NotFound`] for a case the caller may not see; database errors.
pub fn post(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    text: MessageText,
    now: NaiveDateTime,
) -> Result<MessageRow, AppError> {
    let case = visible_case(conn, caller, case_id)?;
    let row = MessageRow {
        id: new_id("msg"),
        case_id: case.id.clone(),
        author_id: caller.actor_id().to_owned(),
        author_side: side_of(caller).to_owned(),
        body: text.0,
        created_at: now,
    };
    messages::insert(conn, &row)?;
    record_activity(
        conn,
        &case,
        &ActorRef::from(caller),
        Activity::MessagePosted,
        &json!({"message_id": row.id, "side": row.author_side}),
        row.created_at,
    )?;
    Ok(row)
}

/// A page of messages as the caller reads them, and the caller's unread count on the case.
#[derive(Debug, Clone)]
pub struct Conversation {
    /// This page, oldest first, each with whether the caller has read it.
    pub page: Page<MessageForReader>,
    /// The caller's unread messages on the whole case, not only this page.
    pub unread_count: i64,
}

/// One page of the messages of case `case_id` for the caller.
///
/// # Errors
/// [`AppError::NotFound`] for a case the caller may not see; database errors.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Conversation, AppError> {
    let case = visible_case(conn, caller, case_id)?;
    let reader = caller.actor_id();
    let page = messages::list(conn, &case.id, reader, page)?;
    let unread_count = messages::unread_count(conn, &case.id, reader)?;
    Ok(Conversation { page, unread_count })
}

/// Marks the messages of case `case_id` read for the caller: up to and including `up_to`, or
/// all. Messages already read keep their first read time.
///
/// # Errors
/// [`AppError::NotFound`] for a case the caller may not see; [`AppError::Validation`] when
/// `up_to` is not a message of the case; database errors.
pub fn mark_read(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    up_to: Option<&str>,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let case = visible_case(conn, caller, case_id)?;
    if let Some(up_to) = up_to
        && !messages::exists(conn, &case.id, up_to)?
    {
        return Err(AppError::invalid(
            "up_to",
            "unknown_message",
            "up_to must be the id of a message on this case.",
        ));
    }
    messages::mark_read(conn, &case.id, caller.actor_id(), up_to, now)?;
    Ok(())
}
