//! Message handlers: post, list (with the caller's unread count), mark read.

use actix_web::http::StatusCode;
use actix_web::{HttpRequest, HttpResponse, get, post, web};
use serde::Deserialize;
use solvo_app::AppError;
use solvo_app::messages::{self, Conversation, MessageText, PageRequest};
use solvo_domain::permission::Permission;
use utoipa::{IntoParams, ToSchema};
use validator::Validate;

use super::view::{Message, MessageList};
use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::idempotency::{self, Created};
use crate::state::AppState;

/// A new message.
#[derive(Debug, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"body": "The debtor called: they dispute invoice 2026-114. Can you send the signed delivery note?"}))]
pub struct CreateMessage {
    /// The text, 1 to 10,000 characters, not only whitespace.
    #[validate(length(min = 1, max = 10_000))]
    #[schema(
        min_length = 1,
        max_length = 10_000,
        pattern = r"\S",
        example = "The debtor called: they dispute invoice 2026-114. Can you send the signed delivery note?"
    )]
    pub body: String,
}

/// Which messages to mark read.
#[derive(Debug, Default, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"up_to": "msg_0193b7c4a1e07a3c9d2f5e6b8a1c4d70"}))]
pub struct MarkMessagesRead {
    /// Marks this message and every earlier one; absent (`{}`) marks all of the case's messages.
    #[schema(example = "msg_0193b7c4a1e07a3c9d2f5e6b8a1c4d70")]
    pub up_to: Option<String>,
}

/// Query parameters of the message list.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct MessageListParams {
    /// Page size, 1 to 500 (default 50).
    #[param(minimum = 1, maximum = 500)]
    pub limit: Option<i64>,
    /// The `next_cursor` of the previous page.
    pub cursor: Option<String>,
    /// Only messages written after this message id: poll with the last id seen. Not together
    /// with `cursor`.
    pub after: Option<String>,
}

impl MessageListParams {
    fn page(&self) -> Result<PageRequest, AppError> {
        if let Some(limit) = self.limit
            && !(1..=500).contains(&limit)
        {
            return Err(AppError::invalid(
                "limit",
                "out_of_range",
                "limit must be between 1 and 500",
            ));
        }
        if self.cursor.is_some() && self.after.is_some() {
            return Err(AppError::invalid(
                "after",
                "conflicts_with_cursor",
                "Send either cursor or after, not both.",
            ));
        }
        let after = self.cursor.clone().or_else(|| self.after.clone());
        Ok(PageRequest::new(after, self.limit))
    }
}

/// Posts a message on a case, as the creditor or the agency side. Honours `Idempotency-Key`.
#[utoipa::path(
    tag = "collaboration",
    operation_id = "create_message",
    params(
        ("id" = String, Path, description = "Case id"),
        ("Idempotency-Key" = Option<String>, Header, nullable = false, description = "Replays the first response for the same body: 1 to 255 visible ASCII characters", min_length = 1, max_length = 255, pattern = "^[!-~]+$"),
    ),
    request_body = CreateMessage,
    responses((status = 201, description = "Posted; `read_by_me` is true", body = Message)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/messages")]
pub async fn create_message(
    state: web::Data<AppState>,
    request: HttpRequest,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<CreateMessage>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ContributeToCase)?;
    let key = idempotency::key_from(&request, &caller)?;
    let case_id = id.into_inner();
    // The case is part of the request: the same key and body on another case is a misuse.
    let fingerprint = format!("{case_id}:{}", body.fingerprint());
    let text = MessageText::new(body.into_inner().body)?;
    let organisation_id = caller.organisation_id.clone();
    let now = state.clock.now();
    idempotency::create(&state, organisation_id, key, fingerprint, move |conn| {
        let row = messages::post(conn, &caller, &case_id, text, now)?;
        let message = Message::new(row, Some(caller.role.as_str()), true)?;
        Created::new(StatusCode::CREATED.as_u16(), &message, None)
    })
    .await
}

/// Lists a case's messages, oldest first, each with `read_by_me`, and the caller's
/// `unread_count` for the whole case.
#[utoipa::path(
    tag = "collaboration",
    operation_id = "list_messages",
    params(("id" = String, Path, description = "Case id"), MessageListParams),
    responses((status = 200, description = "A page of messages", body = MessageList)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/cases/{id}/messages")]
pub async fn list_messages(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    params: web::Query<MessageListParams>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ReadCaseConversation)?;
    let page = params.page()?;
    let case_id = id.into_inner();
    let Conversation { page, unread_count } = state
        .db
        .read(move |conn| messages::list(conn, &caller, &case_id, &page))
        .await?;
    let data = page
        .items
        .into_iter()
        .map(Message::try_from)
        .collect::<Result<_, _>>()?;
    Ok(HttpResponse::Ok().json(MessageList {
        data,
        next_cursor: page.next_cursor,
        unread_count,
    }))
}

/// Marks the case's messages read for the caller: up to and including `up_to`, or all with
/// `{}`. Idempotent: messages already read keep their first read time.
#[utoipa::path(
    tag = "collaboration",
    operation_id = "mark_messages_read",
    params(("id" = String, Path, description = "Case id")),
    request_body = MarkMessagesRead,
    responses(
        (status = 204, description = "Marked"),
        (status = 409, description = "Concurrent read markers kept colliding; retry", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[post("/v1/cases/{id}/messages/read")]
pub async fn mark_messages_read(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<MarkMessagesRead>,
) -> Result<HttpResponse, ApiError> {
    caller.require(Permission::ReadCaseConversation)?;
    let case_id = id.into_inner();
    let up_to = body.into_inner().up_to;
    let now = state.clock.now();
    state
        .db
        .write(move |conn| messages::mark_read(conn, &caller, &case_id, up_to.as_deref(), now))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
