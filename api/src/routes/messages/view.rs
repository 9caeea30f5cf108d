//! A message as the API returns it.

use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_app::messages::{MessageForReader, MessageRow};
use utoipa::ToSchema;

use crate::roles::{RoleName, stored_role};
use solvo_app::clock;

/// The side of the conversation a message comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    /// The creditor that placed the case.
    Creditor,
    /// The collection agency.
    Agency,
}

impl Side {
    fn stored(raw: &str) -> Result<Self, AppError> {
        match raw {
            "creditor" => Ok(Self::Creditor),
            "agency" => Ok(Self::Agency),
            other => Err(AppError::Internal(anyhow::anyhow!(
                "stored message side `{other}` is unknown"
            ))),
        }
    }
}

/// Who wrote a message.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct MessageAuthor {
    /// User id (`usr_…`) or API key id (`key_…`).
    pub id: String,
    /// Creditor or agency.
    pub side: Side,
    /// The author's current role; `null` only if the account no longer exists.
    pub role: Option<RoleName>,
}

/// A message on a case.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Message {
    /// `msg_…`, time-sortable.
    pub id: String,
    /// The case.
    pub case_id: String,
    /// Who wrote it.
    pub author: MessageAuthor,
    /// The text.
    pub body: String,
    /// RFC 3339 time it was written.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// Whether the caller has read it (always `true` for one's own messages).
    pub read_by_me: bool,
}

impl Message {
    /// The view of a stored message for one reader.
    ///
    /// # Errors
    /// 500 when the stored side or role is unknown (corrupt data).
    pub fn new(row: MessageRow, role: Option<&str>, read_by_me: bool) -> Result<Self, AppError> {
        Ok(Self {
            author: MessageAuthor {
                side: Side::stored(&row.author_side)?,
                role: role.map(stored_role).transpose()?.map(RoleName::from),
                id: row.author_id,
            },
            id: row.id,
            case_id: row.case_id,
            body: row.body,
            created_at: clock::rfc3339(row.created_at),
            read_by_me,
        })
    }
}

impl TryFrom<MessageForReader> for Message {
    type Error = AppError;
    fn try_from(item: MessageForReader) -> Result<Self, AppError> {
        Self::new(item.message, item.author_role.as_deref(), item.read)
    }
}

/// A page of messages, oldest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct MessageList {
    /// This page.
    pub data: Vec<Message>,
    /// Cursor of the next page; absent on the last.
    pub next_cursor: Option<String>,
    /// How many messages of the whole case the caller has not read.
    pub unread_count: i64,
}
