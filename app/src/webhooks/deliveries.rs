//! The life of a delivery attempt: claimed by one worker with a lease, answered, and on failure
//! followed by the next attempt of the schedule; what an answer does to the endpoint (a 410
//! disables it at once, five days of failures disable it with an event); and the owner's
//! manual retry, replay and test.

use std::collections::HashMap;
use std::hash::BuildHasher;

use chrono::{NaiveDateTime, TimeDelta};
use solvo_domain::permission::Permission;
use solvo_domain::webhook::{EventType, Verdict, retry::DISABLE_AFTER};
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::events::{self, EventRow, FeedQuery};
use solvo_persistence::repositories::webhook_deliveries::{
    self, DeliveryRow, FAILED, Outcome, SUCCEEDED,
};
use solvo_persistence::repositories::webhook_endpoints::{self, EndpointRow};

use super::destination::WebhookConfig;
use super::endpoints::{get, signing_secrets};
use super::input::{Replay, ReplayScope};
use crate::clock::rfc3339;
use crate::error::AppError;
use crate::events::outbox;
use crate::events::payload::{EndpointDisabledData, Envelope, WebhookTestData};
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

/// Claims up to `limit` due attempts of enabled endpoints, keeping each endpoint within
/// `per_endpoint` deliveries in flight on this worker (`in_flight` counts those it has now).
/// Leases are on real time (`lease_now`), so a node's test clock or a moved clock never ends
/// another node's lease early; what is due follows `now`, the clock the schedule runs on.
///
/// # Errors
/// Database errors; a corrupt event.
pub fn claim_due<S: BuildHasher + Clone>(
    conn: &mut AnyConnection,
    config: &WebhookConfig,
    limit: i64,
    in_flight: &HashMap<String, usize, S>,
    per_endpoint: usize,
    now: NaiveDateTime,
    lease_now: NaiveDateTime,
) -> Result<Vec<Claimed>, AppError> {
    let lease = TimeDelta::from_std(config.lease()).unwrap_or(TimeDelta::minutes(1));
    let mut counts = in_flight.clone();
    let full: Vec<String> = counts
        .iter()
        .filter(|(_, count)| **count >= per_endpoint)
        .map(|(endpoint, _)| endpoint.clone())
        .collect();
    let mut claimed = Vec::new();
    for delivery in webhook_deliveries::due(conn, now, lease_now, &full, limit)? {
        let count = counts.entry(delivery.endpoint_id.clone()).or_insert(0);
        if *count >= per_endpoint {
            continue;
        }
        let lease_until = lease_now + lease;
        if !webhook_deliveries::claim(conn, &delivery, lease_until)? {
            continue;
        }
        *count += 1;
        let endpoint = webhook_endpoints::find(conn, None, &delivery.endpoint_id)?;
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
    let enabled = judge_endpoint(conn, &claimed.endpoint.id, verdict, now)?;
    // An endpoint disabled meanwhile (by its owner, a 410, five days of failures) gets no
    // further attempt; a replay sends what it missed.
    if let (Some(due_at), true) = (next_at, enabled) {
        webhook_deliveries::insert_all(
            conn,
            &[DeliveryRow {
                attempt: delivery.attempt + 1,
                due_at,
                ..first_attempt(
                    &claimed.endpoint.id,
                    &delivery.event_id,
                    &delivery.trigger,
                    now,
                )
            }],
        )?;
    }
    Ok(())
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
/// it; a failure starts a spell or, five days into one, disables it. Targeted updates, not the
/// owner's versioned save: attempts finishing together never roll each other back, and the
/// owner's `If-Match` is not made stale by deliveries. Returns whether the endpoint is still
/// enabled.
fn judge_endpoint(
    conn: &mut AnyConnection,
    endpoint_id: &str,
    verdict: Verdict,
    now: NaiveDateTime,
) -> Result<bool, AppError> {
    let disable_after = TimeDelta::from_std(DISABLE_AFTER).unwrap_or(TimeDelta::days(5));
    let reason = match verdict {
        Verdict::Delivered => {
            webhook_endpoints::clear_failing(conn, endpoint_id)?;
            None
        }
        Verdict::Gone => Some("the receiver answered 410 Gone".to_owned()),
        Verdict::Failed => webhook_endpoints::mark_failing(conn, endpoint_id, now)?
            .filter(|since| now - *since >= disable_after)
            .map(|since| format!("every delivery failed since {}", rfc3339(since))),
    };
    if let Some(reason) = reason
        && webhook_endpoints::disable(conn, endpoint_id, &reason, now)?
    {
        webhook_deliveries::cancel_pending(conn, endpoint_id)?;
        let endpoint = webhook_endpoints::find(conn, None, endpoint_id)?;
        outbox::record(
            conn,
            &endpoint.organisation_id,
            None,
            EventType::WebhookEndpointDisabled,
            &EndpointDisabledData {
                endpoint_id: endpoint.id.clone(),
                url: endpoint.url.clone(),
                reason,
            },
            now,
        )?;
    }
    Ok(webhook_endpoints::find(conn, None, endpoint_id)?.enabled)
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
    let row = first_attempt(&endpoint.id, &delivery.event_id, "manual", now);
    webhook_deliveries::insert_all(conn, std::slice::from_ref(&row))?;
    Ok(row)
}

/// The most events one replay queues; the answer says how many it queued.
pub const REPLAY_LIMIT: usize = 10_000;

/// Queues again, for the endpoint, the events created since `replay.since`: by default those
/// whose delivery to it failed for good (no attempt waiting, none succeeded); with `all`, every
/// event since then it subscribes to and its owner may see. Returns how many were queued, at
/// most [`REPLAY_LIMIT`].
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
    let since = replay.since.naive_utc();
    let limit = i64::try_from(REPLAY_LIMIT).unwrap_or(i64::MAX);
    let ids: Vec<String> = match replay.only.unwrap_or(ReplayScope::Failed) {
        ReplayScope::Failed => webhook_deliveries::failed_events(conn, &endpoint.id, since, limit)?,
        ReplayScope::All => {
            let subscription = super::subscription::Subscription::of(&endpoint)?;
            // What the sequencer would have sent it: its owner's events, every creditor's for
            // the agency's own endpoints.
            let owner = solvo_persistence::repositories::organisations::find(
                conn,
                &endpoint.organisation_id,
            )?;
            let scope = (owner.kind != "agency").then(|| endpoint.organisation_id.clone());
            let types: Vec<String> = EventType::subscribable()
                .filter(|kind| subscription.covers(*kind))
                .map(|kind| kind.as_str().to_owned())
                .collect();
            events::feed(
                conn,
                &FeedQuery {
                    organisation_id: scope,
                    after: 0,
                    types,
                    since: Some(since),
                    limit,
                },
            )?
            .into_iter()
            .map(|event| event.id)
            .collect()
        }
    };
    let rows: Vec<DeliveryRow> = ids
        .iter()
        .map(|event_id| first_attempt(&endpoint.id, event_id, "replay", now))
        .collect();
    webhook_deliveries::insert_all(conn, &rows)?;
    Ok(rows.len())
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
        data: serde_json::to_string(&WebhookTestData {
            endpoint_id: endpoint.id.clone(),
            message: "A test event from Solvo.".to_owned(),
        })
        .map_err(|err| AppError::internal(err.to_string()))?,
        position: None,
    };
    events::insert_all(conn, std::slice::from_ref(&event))?;
    let row = first_attempt(&endpoint.id, &event.id, "manual", now);
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
