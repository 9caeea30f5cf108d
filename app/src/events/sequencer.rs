//! Positions committed events in the feed and queues their deliveries, in one transaction: an
//! event is either not yet sequenced (and will be, by whichever node runs next) or positioned
//! with every delivery it needs. The endpoints of the event's creditor receive it, and the
//! agency's endpoints receive every creditor's; each only the types it subscribed to.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use solvo_domain::webhook::EventType;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::events;
use solvo_persistence::repositories::organisations;
use solvo_persistence::repositories::webhook_deliveries::{self, DeliveryRow, PENDING};
use solvo_persistence::repositories::webhook_endpoints::{self, EndpointRow};

use crate::error::AppError;
use crate::webhooks::subscription::Subscription;

/// How many events one pass positions.
pub const BATCH: i64 = 500;

/// Sequences up to [`BATCH`] committed events and queues their first attempts, due `now`;
/// returns how many events it positioned. Run it inside one write transaction.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for an endpoint whose subscription is unreadable.
pub fn run(conn: &mut AnyConnection, now: NaiveDateTime) -> Result<usize, AppError> {
    let sequenced = events::sequence(conn, BATCH)?;
    if sequenced.is_empty() {
        return Ok(0);
    }
    let endpoints = webhook_endpoints::enabled(conn)?;
    let mut agency: HashMap<String, bool> = HashMap::new();
    for endpoint in &endpoints {
        if !agency.contains_key(&endpoint.organisation_id) {
            let owner = organisations::find(conn, &endpoint.organisation_id)?;
            agency.insert(owner.id, owner.kind == "agency");
        }
    }
    // One unreadable endpoint must not stop every tenant's events: it is skipped and logged.
    let subscriptions: Vec<(&EndpointRow, Subscription)> = endpoints
        .iter()
        .filter_map(|endpoint| match Subscription::of(endpoint) {
            Ok(subscription) => Some((endpoint, subscription)),
            Err(err) => {
                tracing::error!(endpoint = %endpoint.id, error = %err, "webhooks: endpoint skipped");
                None
            }
        })
        .collect();
    let mut queued = Vec::new();
    for event in &sequenced {
        let Some(kind) = EventType::parse(&event.event_type) else {
            continue;
        };
        // The test ping is queued by its endpoint alone.
        if kind == EventType::WebhookTest {
            continue;
        }
        for (endpoint, subscription) in &subscriptions {
            let owner_sees = endpoint.organisation_id == event.organisation_id
                || agency
                    .get(&endpoint.organisation_id)
                    .copied()
                    .unwrap_or(false);
            if owner_sees && subscription.covers(kind) {
                queued.push(first_attempt(&endpoint.id, &event.id, "scheduled", now));
            }
        }
    }
    webhook_deliveries::insert_all(conn, &queued)?;
    Ok(sequenced.len())
}

/// The first attempt of delivering event `event_id` to endpoint `endpoint_id`, due at `now`.
#[must_use]
pub fn first_attempt(
    endpoint_id: &str,
    event_id: &str,
    trigger: &str,
    now: NaiveDateTime,
) -> DeliveryRow {
    DeliveryRow {
        id: new_id("whd"),
        endpoint_id: endpoint_id.to_owned(),
        event_id: event_id.to_owned(),
        attempt: 1,
        trigger: trigger.to_owned(),
        status: PENDING.to_owned(),
        due_at: now,
        lease_until: None,
        attempted_at: None,
        response_status: None,
        response_body: None,
        latency_ms: None,
        error: None,
        next_attempt_at: None,
        created_at: now,
    }
}
