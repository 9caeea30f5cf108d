//! What the webhook routes answer.

use serde::Serialize;
use solvo_app::clock;
use solvo_app::webhooks::subscription::Subscription;
use solvo_app::webhooks::{DeliveryRow, EndpointRow};
use solvo_app::{AppError, events::Envelope};
use utoipa::ToSchema;

/// A webhook endpoint.
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointView {
    /// `whe_…`
    pub id: String,
    /// Where deliveries are posted.
    pub url: String,
    /// The owner's note.
    pub description: Option<String>,
    /// The event types received; `null` for every type.
    #[schema(value_type = Option<Vec<solvo_app::wire_names::SubscribableEventType>>)]
    pub event_types: Option<Vec<String>>,
    /// Whether deliveries are made.
    pub enabled: bool,
    /// Why it is disabled: by its owner, after a 410 Gone, or after five days of failures.
    pub disabled_reason: Option<String>,
    /// RFC 3339 time since which every delivery failed.
    #[schema(format = DateTime)]
    pub failing_since: Option<String>,
    /// After a rotation: until when the previous secret still signs (RFC 3339).
    #[schema(format = DateTime)]
    pub previous_secret_expires_at: Option<String>,
    /// Version for `If-Match`.
    pub version: i64,
    /// RFC 3339.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

impl TryFrom<&EndpointRow> for EndpointView {
    type Error = AppError;

    fn try_from(row: &EndpointRow) -> Result<Self, AppError> {
        Ok(Self {
            id: row.id.clone(),
            url: row.url.clone(),
            description: row.description.clone(),
            event_types: Subscription::of(row)?.names(),
            enabled: row.enabled,
            disabled_reason: row.disabled_reason.clone(),
            failing_since: row.failing_since.map(clock::rfc3339),
            previous_secret_expires_at: row.previous_secret_until.map(clock::rfc3339),
            version: row.version,
            created_at: clock::rfc3339(row.created_at),
            updated_at: clock::rfc3339(row.updated_at),
        })
    }
}

/// An endpoint with its signing secret, shown at creation and rotation only.
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointWithSecret {
    /// The endpoint.
    #[serde(flatten)]
    pub endpoint: EndpointView,
    /// `whsec_<base64>`: verify each delivery's `webhook-signature` with it. Not shown again.
    #[schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")]
    pub secret: String,
}

impl TryFrom<&EndpointRow> for EndpointWithSecret {
    type Error = AppError;

    fn try_from(row: &EndpointRow) -> Result<Self, AppError> {
        Ok(Self {
            endpoint: EndpointView::try_from(row)?,
            secret: row.secret.clone(),
        })
    }
}

/// A page of endpoints.
#[derive(Debug, Serialize, ToSchema)]
pub struct EndpointList {
    /// Oldest first.
    pub data: Vec<EndpointView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// One delivery attempt.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryView {
    /// `whd_…`
    pub id: String,
    /// The endpoint.
    pub endpoint_id: String,
    /// The event (`webhook-id` of the request).
    pub event_id: String,
    /// 1 for the first attempt of a chain; each retry of the schedule adds one.
    pub attempt: i32,
    /// `scheduled`, `manual` (a retry or test asked for) or `replay`.
    #[schema(example = "scheduled")]
    pub trigger: String,
    /// `pending`, `sending`, `succeeded` or `failed`.
    #[schema(value_type = DeliveryStatus, example = "succeeded")]
    pub status: String,
    /// RFC 3339 time it is or was due.
    #[schema(format = DateTime)]
    pub due_at: String,
    /// RFC 3339 time it was sent.
    #[schema(format = DateTime)]
    pub attempted_at: Option<String>,
    /// The receiver's status code.
    pub response_status: Option<i32>,
    /// The first kilobyte of the receiver's answer.
    pub response_body: Option<String>,
    /// Milliseconds the receiver took.
    pub latency_ms: Option<i64>,
    /// Why no answer came (timeout, refused connection, refused address).
    pub error: Option<String>,
    /// RFC 3339 time of the next attempt, after a failure with attempts left.
    #[schema(format = DateTime)]
    pub next_attempt_at: Option<String>,
}

impl From<&DeliveryRow> for DeliveryView {
    fn from(row: &DeliveryRow) -> Self {
        Self {
            id: row.id.clone(),
            endpoint_id: row.endpoint_id.clone(),
            event_id: row.event_id.clone(),
            attempt: row.attempt,
            trigger: row.trigger.clone(),
            status: row.status.clone(),
            due_at: clock::rfc3339(row.due_at),
            attempted_at: row.attempted_at.map(clock::rfc3339),
            response_status: row.response_status,
            response_body: row.response_body.clone(),
            latency_ms: row.latency_ms,
            error: row.error.clone(),
            next_attempt_at: row.next_attempt_at.map(clock::rfc3339),
        }
    }
}

/// A page of attempts.
#[derive(Debug, Serialize, ToSchema)]
pub struct DeliveryList {
    /// Newest first.
    pub data: Vec<DeliveryView>,
    /// The cursor of the next page.
    pub next_cursor: Option<String>,
}

/// What a replay queued.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReplayQueued {
    /// How many events were queued for delivery.
    pub queued: usize,
}

/// A page of the event feed.
#[derive(Debug, Serialize, ToSchema)]
pub struct EventList {
    /// In feed order; each one of the `Event` schemas, by its `type`.
    #[schema(schema_with = events_schema)]
    pub data: Vec<Envelope>,
    /// Pass as `after` to read on; given on the last page too, to poll with later.
    pub next_cursor: Option<String>,
}

/// An array of `Event` (one schema per type, see `crate::openapi`).
fn events_schema() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(utoipa::openapi::Ref::from_schema_name("Event"))
        .build()
}

crate::closed_sets::closed_set!(
    /// Where a webhook delivery stands.
    DeliveryStatus,
    "Where a webhook delivery stands.",
    ["pending", "sending", "succeeded", "failed"]
);
