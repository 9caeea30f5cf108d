//! Webhook endpoints as their owners ask for them.

use serde::{Deserialize, Serialize};
use solvo_domain::webhook::EventType;
use utoipa::ToSchema;
use validator::Validate;

use super::subscription::Subscription;
use crate::error::{AppError, FieldError};

/// A new endpoint.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"url": "https://erp.example.com/solvo/webhooks", "event_types": ["payment.received", "case.closed"], "description": "ERP payment sync"}))]
pub struct NewEndpoint {
    /// Where deliveries are posted: `https`, on a public address.
    #[schema(
        format = "uri",
        min_length = 1,
        example = "https://erp.example.com/solvo/webhooks",
        max_length = 2048
    )]
    #[validate(length(min = 1, max = 2048))]
    pub url: String,
    /// The event types to receive; omit or `null` for every type, also those added later.
    #[schema(min_items = 1, max_items = 50, value_type = Option<Vec<crate::wire_names::SubscribableEventType>>, example = json!(["payment.received", "case.closed"]))]
    #[validate(length(min = 1, max = 50))]
    pub event_types: Option<Vec<String>>,
    /// A note for the owner (up to 500 characters).
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// Whether deliveries are made (default true).
    pub enabled: Option<bool>,
}

/// Changes to an endpoint; absent fields stay as they are.
#[derive(Debug, Clone, Default, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"enabled": false}))]
pub struct EndpointPatch {
    /// A new URL.
    #[schema(format = "uri", min_length = 1, max_length = 2048)]
    #[validate(length(min = 1, max = 2048))]
    pub url: Option<String>,
    /// New event types, at least one; to receive every type send `all_event_types: true`.
    #[validate(length(min = 1, max = 50))]
    #[schema(min_items = 1, max_items = 50, value_type = Option<Vec<crate::wire_names::SubscribableEventType>>)]
    pub event_types: Option<Vec<String>>,
    /// Subscribe to every type (drops `event_types`).
    pub all_event_types: Option<bool>,
    /// A new note.
    #[validate(length(max = 500))]
    #[schema(max_length = 500)]
    pub description: Option<String>,
    /// Enable or disable; enabling clears the reason it was disabled.
    pub enabled: Option<bool>,
}

/// Reads event type names as an endpoint subscribes to them.
///
/// # Errors
/// [`AppError::Validation`] naming each unknown type.
pub fn subscription(names: Option<&[String]>) -> Result<Subscription, AppError> {
    let Some(names) = names else {
        return Ok(Subscription::All);
    };
    let kinds = event_types(names.iter().map(String::as_str), |index| {
        format!("event_types[{index}]")
    })?;
    Ok(Subscription::Only(kinds))
}

/// Reads the names of event types an endpoint or the feed can ask for (a test ping goes to its
/// endpoint only), each once; `field` names the field of the `index`-th name in an error.
///
/// # Errors
/// [`AppError::Validation`] naming each unknown type.
pub fn event_types<'a>(
    names: impl Iterator<Item = &'a str>,
    field: impl Fn(usize) -> String,
) -> Result<Vec<EventType>, AppError> {
    let mut kinds = Vec::new();
    let mut errors = Vec::new();
    for (index, name) in names.enumerate() {
        match EventType::subscribable().find(|kind| kind.as_str() == name) {
            Some(kind) if !kinds.contains(&kind) => kinds.push(kind),
            Some(_) => {}
            None => errors.push(FieldError::new(
                field(index),
                "unknown_event_type",
                format!("`{name}` is not an event type; see the catalogue in the Event schema."),
            )),
        }
    }
    if errors.is_empty() {
        Ok(kinds)
    } else {
        Err(AppError::Validation(errors))
    }
}

/// What a replay sends again.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"since": "2026-12-01T00:00:00Z"}))]
pub struct Replay {
    /// Events created at or after this time (RFC 3339).
    #[schema(example = "2026-12-01T00:00:00Z")]
    pub since: chrono::DateTime<chrono::Utc>,
    /// `failed` (default): the events whose delivery to this endpoint failed for good (no
    /// attempt waiting, none succeeded); `all`: every event since then it subscribes to.
    pub only: Option<ReplayScope>,
}

/// Which events a replay sends again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReplayScope {
    /// Only events whose delivery failed for good.
    Failed,
    /// Every event since then.
    All,
}
