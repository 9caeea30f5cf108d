//! The life of a delivery attempt: claimed by one worker with a lease, answered, and on failure
//! followed by the next attempt of the schedule; what an answer does to the endpoint (a 410
//! disables it at once, five days of failures disable it with an event); and the owner's
//! manual retry, replay and test.

use chrono::{NaiveDateTime, TimeDelta};
use serde_json::json;
use solvo_domain::permission::Permission;
use solvo_domain::webhook::{EventType, Verdict, retry::DISABLE_AFTER};
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::events::{self, EventRow, FeedQuery};
use solvo_persistence::repositories::webhook_deliveries::{
    self, DeliveryRow, FAILED, Outcome, PENDING, SUCCEEDED,
};
use solvo_persistence::repositories::webhook_endpoints::{self, EndpointRow};

use super::destination::WebhookConfig;
use super::endpoints::{get, save, signing_secrets};
use super::input::{Replay, ReplayScope};
use crate::clock::rfc3339;
use crate::error::AppError;
use crate::events::outbox;
use crate::events::payload::Envelope;
use crate::events::sequencer::first_attempt;
use crate::paging::{Page, PageRequest};
use crate::principal::Principal;

/// The most of a receiver's answer that is kept.
pub const RESPONSE_KEPT: usize = 1_024;

/// An attempt this worker holds, with all it needs to send it.
#[derive(Debug, Clone)]
pub struct Claimed {
    /// The attempt as claimed.
    pub delivery: DeliveryRow,
    /// Until when this worker holds it.
    pub lease_until: NaiveDateTime,
    /// The endpoint.
    pub endpoint: EndpointRow,
    /// The body to post.
    pub body: Vec<u8>,
}

/// Claims up to `limit` due attempts whose endpoint is still enabled and has `room` for one
/// more concurrent delivery (`room` reserves the place when it answers true).
///
/// # Errors
/// Database errors; a corrupt event.
pub fn claim_due(
    conn: &mut AnyConnection,
    config: &WebhookConfig,
    limit: i64,
    room: &mut dyn FnMut(&str) -> bool,
    now: NaiveDateTime,
) -> Result<Vec<Claimed>, AppError> {
    let lease = TimeDelta::from_std(config.lease()).unwrap_or(TimeDelta::minutes(1));
    let mut claimed = Vec::new();
    for delivery in webhook_deliveries::due(conn, now, limit)? {
        let endpoint = webhook_endpoints::find(conn, None, &delivery.endpoint_id)?;
        if !endpoint.enabled || !room(&endpoint.id) {
            continue;
        }
        let lease_until = now + lease;
        if !webhook_deliveries::claim(conn, &delivery, lease_until)? {
            continue;
        }
        let event = events::find(conn, &delivery.event_id)?;
        let body = Envelope::of(&event)?.body()?;
        claimed.push(Claimed {
            delivery,
            lease_until,
            endpoint,
            body,
        });
    }
    Ok(claimed)
}

/// What came back from one attempt.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The status code; `None` when none came.
    pub status: Option<u16>,
    /// The start of the body.
    pub body: Option<String>,
    /// Why none came, or why the address was refused.
    pub error: Option<String>,
    /// How long it took.
    pub latency_ms: i64,
    /// The receiver's `Retry-After`, in seconds.
    pub retry_after: Option<u64>,
    /// When the attempt was made.
    pub attempted_at: NaiveDateTime,
}

/// Records `answer` to `claimed`: the attempt's outcome, the next attempt when it failed and
/// the schedule has one left, and what it means for the endpoint. An attempt another worker
/// took over meanwhile (this one's lease ran out) is left to that worker.
///
/// # Errors
/// Database errors.
pub fn complete(
    conn: &mut AnyConnection,
    claimed: &Claimed,
    answer: &Answer,
    config: &WebhookConfig,
    jitter_permille: u16,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let verdict = Verdict::of(answer.status);
    let delivery = &claimed.delivery;
    let made = u32::try_from(delivery.attempt).unwrap_or(u32::MAX);
    let next_at = match verdict {
        Verdict::Failed => config
            .schedule
            .wait_after(
                made,
                jitter_permille,
                answer.retry_after.map(std::time::Duration::from_secs),
            )
            .and_then(|wait| TimeDelta::from_std(wait).ok())
            .map(|wait| now + wait),
        Verdict::Delivered | Verdict::Gone => None,
    };
    let outcome = Outcome {
        status: if verdict == Verdict::Delivered {
            SUCCEEDED
        } else {
            FAILED
        },
        attempted_at: answer.attempted_at,
        response_status: answer.status.map(i32::from),
        response_body: answer.body.as_deref().map(|body| kept(body, RESPONSE_KEPT)),
        latency_ms: answer.latency_ms,
        error: answer.error.clone(),
        next_attempt_at: next_at,
    };
    if !webhook_deliveries::finish(conn, &delivery.id, claimed.lease_until, &outcome)? {
        return Ok(());
    }
    if let Some(due_at) = next_at {
        webhook_deliveries::insert_all(
            conn,
            &[DeliveryRow {
                id: new_id("whd"),
                attempt: delivery.attempt + 1,
                status: PENDING.to_owned(),
                due_at,
                lease_until: None,
                created_at: now,
                ..first_attempt(
                    &claimed.endpoint,
                    &event_stub(delivery),
                    &delivery.trigger,
                    now,
                )
            }],
        )?;
    }
    judge_endpoint(conn, &claimed.endpoint.id, verdict, now)
}

/// Only the event id is read off a stub.
fn event_stub(delivery: &DeliveryRow) -> EventRow {
    EventRow {
        id: delivery.event_id.clone(),
        organisation_id: String::new(),
        event_type: String::new(),
        case_id: None,
        created_at: delivery.created_at,
        data: String::new(),
        position: None,
    }
}

/// The first `limit` bytes of `text`, cut at a character boundary.
fn kept(text: &str, limit: usize) -> String {
    let mut end = text.len().min(limit);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

/// An endpoint's standing after an answer: a success ends its failing spell; a 410 disables
/// it; a failure starts a spell or, five days into one, disables it.
fn judge_endpoint(
    conn: &mut AnyConnection,
    endpoint_id: &str,
    verdict: Verdict,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let current = webhook_endpoints::find(conn, None, endpoint_id)?;
    let mut row = current.clone();
    let disable_after = TimeDelta::from_std(DISABLE_AFTER).unwrap_or(TimeDelta::days(5));
    let reason = match verdict {
        Verdict::Delivered => {
            row.failing_since = None;
            None
        }
        Verdict::Gone => Some("the receiver answered 410 Gone".to_owned()),
        Verdict::Failed => {
            let since = *row.failing_since.get_or_insert(now);
            (now - since >= disable_after && current.enabled)
                .then(|| format!("every delivery failed since {}", rfc3339(since)))
        }
    };
    if let Some(reason) = &reason
        && current.enabled
    {
        row.enabled = false;
        row.disabled_reason = Some(reason.clone());
        webhook_deliveries::cancel_pending(conn, &row.id)?;
    }
    if row == current {
        return Ok(());
    }
    row.version = current.version + 1;
    row.updated_at = now;
    save(conn, &row, current.version)?;
    if let Some(reason) = reason
        && current.enabled
    {
        outbox::record(
            conn,
            &row.organisation_id,
            None,
            EventType::WebhookEndpointDisabled,
            &json!({"endpoint_id": row.id, "url": row.url, "reason": reason}),
            now,
        )?;
    }
    Ok(())
}

/// A page of an endpoint's attempts, newest first.
///
/// # Errors
/// As [`get`].
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    endpoint_id: &str,
    page: &PageRequest,
) -> Result<Page<DeliveryRow>, AppError> {
    let endpoint = get(conn, caller, endpoint_id)?;
    Ok(webhook_deliveries::of_endpoint(conn, &endpoint.id, page)?)
}

/// Queues another attempt of the delivery's event to its endpoint, due now.
///
/// # Errors
/// [`AppError::NotFound`] for another organisation's delivery; [`AppError::Conflict`] while
/// the endpoint is disabled.
pub fn retry(
    conn: &mut AnyConnection,
    caller: &Principal,
    delivery_id: &str,
    now: NaiveDateTime,
) -> Result<DeliveryRow, AppError> {
    caller.require(Permission::ManageWebhooks)?;
    let delivery = webhook_deliveries::find(conn, delivery_id)?;
    let endpoint = get(conn, caller, &delivery.endpoint_id)?;
    enabled(&endpoint)?;
    let row = first_attempt(&endpoint, &event_stub(&delivery), "manual", now);
    webhook_deliveries::insert_all(conn, std::slice::from_ref(&row))?;
    Ok(row)
}

/// Queues the events since `replay.since` the endpoint subscribes to and may see (all, or only
/// those it never received); returns how many.
///
/// # Errors
/// As [`retry`].
pub fn replay(
    conn: &mut AnyConnection,
    caller: &Principal,
    endpoint_id: &str,
    replay: &Replay,
    now: NaiveDateTime,
) -> Result<usize, AppError> {
    let endpoint = get(conn, caller, endpoint_id)?;
    enabled(&endpoint)?;
    let subscription = super::subscription::Subscription::of(&endpoint)?;
    let scope = (caller.tenant_scope().is_some()).then(|| endpoint.organisation_id.clone());
    let mut after = 0;
    let mut queued = 0;
    loop {
        let page = events::feed(
            conn,
            &FeedQuery {
                organisation_id: scope.clone(),
                after,
                types: Vec::new(),
                since: Some(replay.since.naive_utc()),
                limit: 500,
            },
        )?;
        let Some(last) = page.last().and_then(|row| row.position) else {
            break;
        };
        after = last;
        let wanted: Vec<&EventRow> = page
            .iter()
            .filter(|event| {
                EventType::parse(&event.event_type)
                    .is_some_and(|kind| kind != EventType::WebhookTest && subscription.covers(kind))
            })
            .collect();
        let delivered = match replay.only.unwrap_or(ReplayScope::Failed) {
            ReplayScope::All => Vec::new(),
            ReplayScope::Failed => {
                let ids: Vec<String> = wanted.iter().map(|event| event.id.clone()).collect();
                webhook_deliveries::delivered_among(conn, &endpoint.id, &ids)?
            }
        };
        let rows: Vec<DeliveryRow> = wanted
            .into_iter()
            .filter(|event| !delivered.contains(&event.id))
            .map(|event| first_attempt(&endpoint, event, "replay", now))
            .collect();
        queued += rows.len();
        webhook_deliveries::insert_all(conn, &rows)?;
    }
    Ok(queued)
}

/// Sends the endpoint a `webhook.test` event, to it alone.
///
/// # Errors
/// As [`retry`].
pub fn test(
    conn: &mut AnyConnection,
    caller: &Principal,
    endpoint_id: &str,
    now: NaiveDateTime,
) -> Result<DeliveryRow, AppError> {
    let endpoint = get(conn, caller, endpoint_id)?;
    enabled(&endpoint)?;
    let event = EventRow {
        id: new_id("evt"),
        organisation_id: endpoint.organisation_id.clone(),
        event_type: EventType::WebhookTest.as_str().to_owned(),
        case_id: None,
        created_at: now,
        data: json!({"endpoint_id": endpoint.id, "message": "A test event from Solvo."})
            .to_string(),
        position: None,
    };
    events::insert_all(conn, std::slice::from_ref(&event))?;
    let row = first_attempt(&endpoint, &event, "manual", now);
    webhook_deliveries::insert_all(conn, std::slice::from_ref(&row))?;
    Ok(row)
}

fn enabled(endpoint: &EndpointRow) -> Result<(), AppError> {
    if endpoint.enabled {
        Ok(())
    } else {
        Err(AppError::Conflict(
            "The endpoint is disabled: enable it first (PATCH with `enabled: true`).".into(),
        ))
    }
}

/// The signatures header and timestamp for sending `claimed` at `unix_seconds`.
///
/// # Errors
/// [`AppError::Corrupt`] for an unreadable secret.
pub fn signature(
    claimed: &Claimed,
    unix_seconds: i64,
    now: NaiveDateTime,
) -> Result<String, AppError> {
    let secrets = signing_secrets(&claimed.endpoint, now)?;
    let refs: Vec<&solvo_domain::webhook::Secret> = secrets.iter().collect();
    Ok(solvo_domain::webhook::signature_header(
        &refs,
        &claimed.delivery.event_id,
        unix_seconds,
        &claimed.body,
    ))
}
