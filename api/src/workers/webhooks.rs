//! The webhook worker: each pass publishes committed events (`solvo_app::events::sequencer`),
//! claims the deliveries that are due and posts them, signed by the Standard Webhooks scheme,
//! with bounded concurrency per endpoint and in all. Every node may run it: an attempt is
//! claimed by one worker at a time (a lease in the database), and one whose node died is taken
//! over when the lease runs out, so every committed event is delivered at least once.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use solvo_app::clock::{Clock, system_now};
use solvo_app::events::sequencer;
use solvo_app::webhooks::WebhookConfig;
use solvo_app::webhooks::deliveries::{self, Answer, Claimed, RESPONSE_KEPT};
use solvo_domain::webhook::{Destination, forbidden_address};
use solvo_persistence::Pool;
use solvo_persistence::dialect::write_transaction;
use solvo_persistence::repositories::{events, webhook_deliveries};
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;

/// Deliveries in flight to one endpoint at most.
pub const PER_ENDPOINT: usize = 4;
/// Deliveries in flight on this node at most.
pub const IN_ALL: usize = 64;

/// The worker's settings, not yet running.
#[derive(Clone)]
pub struct Dispatcher {
    pool: Pool,
    clock: Clock,
    config: WebhookConfig,
    period: Duration,
    client: reqwest::Client,
}

/// A running worker.
pub struct DispatcherHandle {
    stop: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

impl Dispatcher {
    /// A worker that runs a pass every `interval_ms`; `None` when that is 0 (turned off).
    ///
    /// # Errors
    /// When the HTTP client cannot be built (no TLS roots).
    pub fn new(
        pool: Pool,
        clock: Clock,
        config: WebhookConfig,
        interval_ms: u64,
    ) -> anyhow::Result<Option<Self>> {
        if interval_ms == 0 {
            return Ok(None);
        }
        let client = reqwest::Client::builder()
            .timeout(config.timeout)
            .connect_timeout(config.timeout)
            // A redirect is a failure (Standard Webhooks): the owner should update the URL.
            .redirect(reqwest::redirect::Policy::none())
            // A proxy would resolve the receiver's name itself, past the address check below.
            .no_proxy()
            .user_agent(concat!("Solvo-Webhooks/", env!("CARGO_PKG_VERSION")))
            .dns_resolver(Arc::new(OutwardResolver {
                allow_hosts: config.allow_hosts.clone(),
            }))
            .build()?;
        Ok(Some(Self {
            pool,
            clock,
            config,
            period: Duration::from_millis(interval_ms),
            client,
        }))
    }

    /// Spawns the loop on the current tokio runtime.
    #[must_use]
    pub fn start(self) -> DispatcherHandle {
        let stop = Arc::new(AtomicBool::new(false));
        let task = tokio::spawn(run(Arc::new(self), Arc::clone(&stop)));
        DispatcherHandle { stop, task }
    }
}

impl DispatcherHandle {
    /// Stops the loop: no attempt is claimed after it. Attempts in flight finish on their own
    /// tasks and record their answers while the runtime lasts; one cut off with the process
    /// is taken over after its lease.
    pub async fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        self.task.abort();
        if let Err(err) = self.task.await
            && !err.is_cancelled()
        {
            tracing::warn!(error = %err, "the webhook worker ended with an error");
        }
    }
}

/// Deliveries in flight per endpoint on this node.
type InFlight = Arc<Mutex<HashMap<String, usize>>>;

async fn run(worker: Arc<Dispatcher>, stop: Arc<AtomicBool>) {
    let slots = Arc::new(Semaphore::new(IN_ALL));
    let in_flight: InFlight = Arc::default();
    let mut ticks = tokio::time::interval(worker.period);
    ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    while !stop.load(Ordering::Relaxed) {
        ticks.tick().await;
        if let Err(err) = publish(&worker).await {
            tracing::warn!(error = %err, "webhooks: publishing events failed; will retry");
        }
        let free = slots.available_permits();
        if free == 0 {
            continue;
        }
        let claimed = match claim(&worker, free, &in_flight).await {
            Ok(claimed) => claimed,
            Err(err) => {
                tracing::warn!(error = %err, "webhooks: claiming deliveries failed; will retry");
                continue;
            }
        };
        for item in claimed {
            let Ok(permit) = Arc::clone(&slots).acquire_owned().await else {
                return;
            };
            let worker = Arc::clone(&worker);
            let in_flight = Arc::clone(&in_flight);
            tokio::spawn(async move {
                let endpoint = item.endpoint.id.clone();
                deliver(&worker, item).await;
                release(&in_flight, &endpoint);
                drop(permit);
            });
        }
    }
}

async fn publish(worker: &Dispatcher) -> anyhow::Result<usize> {
    let pool = worker.pool.clone();
    let now = worker.clock.now();
    let published = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get()?;
        // A read first: an idle worker takes no write lock (on SQLite, syncs no commit).
        if !events::any_unsequenced(&mut conn)? {
            return anyhow::Ok(0);
        }
        anyhow::Ok(write_transaction(&mut conn, |conn| {
            sequencer::run(conn, now)
        })?)
    })
    .await??;
    if published > 0 {
        tracing::debug!(published, "webhooks: events published");
    }
    Ok(published)
}

async fn claim(
    worker: &Dispatcher,
    free: usize,
    in_flight: &InFlight,
) -> anyhow::Result<Vec<Claimed>> {
    let pool = worker.pool.clone();
    let config = worker.config.clone();
    let now = worker.clock.now();
    let counts = in_flight
        .lock()
        .map_err(|_| anyhow::anyhow!("poisoned"))?
        .clone();
    let limit = i64::try_from(free).unwrap_or(64);
    let claimed = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get()?;
        let lease_now = system_now();
        if !webhook_deliveries::any_due(&mut conn, now, lease_now)? {
            return anyhow::Ok(Vec::new());
        }
        anyhow::Ok(write_transaction(&mut conn, |conn| {
            deliveries::claim_due(conn, &config, limit, &counts, PER_ENDPOINT, now, lease_now)
        })?)
    })
    .await??;
    // Count only what was claimed, added to the counts as they are now: deliveries that
    // finished meanwhile have released their places.
    let mut counts = in_flight.lock().map_err(|_| anyhow::anyhow!("poisoned"))?;
    for item in &claimed {
        *counts.entry(item.endpoint.id.clone()).or_insert(0) += 1;
    }
    Ok(claimed)
}

fn release(in_flight: &InFlight, endpoint: &str) {
    if let Ok(mut counts) = in_flight.lock()
        && let Some(count) = counts.get_mut(endpoint)
    {
        *count = count.saturating_sub(1);
        if *count == 0 {
            counts.remove(endpoint);
        }
    }
}

/// Posts one attempt and records its answer.
async fn deliver(worker: &Dispatcher, claimed: Claimed) {
    let answer = post(worker, &claimed).await;
    let pool = worker.pool.clone();
    let config = worker.config.clone();
    let now = worker.clock.now();
    let jitter = rand::rng().random_range(0..=200);
    let id = claimed.delivery.id.clone();
    let recorded = tokio::task::spawn_blocking(move || {
        let mut conn = pool.get()?;
        anyhow::Ok(write_transaction(&mut conn, |conn| {
            deliveries::complete(conn, &claimed, &answer, &config, jitter, now)
        })?)
    })
    .await;
    match recorded {
        Ok(Ok(())) => {}
        Ok(Err(err)) => tracing::warn!(delivery = %id, error = %err, "webhooks: recording failed"),
        Err(err) => tracing::warn!(delivery = %id, error = %err, "webhooks: recording failed"),
    }
}

async fn post(worker: &Dispatcher, claimed: &Claimed) -> Answer {
    let started = Instant::now();
    // The receiver checks the timestamp against its own clock (Standard Webhooks: within a
    // tolerance), so it is the real time even on a test clock.
    let attempted_at = system_now();
    let unix = attempted_at.and_utc().timestamp();
    let failed = |error: String| Answer {
        status: None,
        body: None,
        error: Some(error),
        latency_ms: elapsed_ms(started),
        retry_after: None,
        attempted_at,
    };
    // The URL's form and a literal address are checked again: the rules may have changed
    // since it was registered. Names are checked as they resolve, by the client's resolver.
    if let Err(err) = Destination::parse(&claimed.endpoint.url, &worker.config.allow_hosts) {
        return failed(err.to_string());
    }
    let signature = match deliveries::signature(claimed, unix, worker.clock.now()) {
        Ok(signature) => signature,
        Err(err) => return failed(err.to_string()),
    };
    let response = worker
        .client
        .post(&claimed.endpoint.url)
        .header("content-type", "application/json")
        .header("webhook-id", &claimed.delivery.event_id)
        .header("webhook-timestamp", unix.to_string())
        .header("webhook-signature", signature)
        .body(claimed.body.clone())
        .send()
        .await;
    let mut response = match response {
        Ok(response) => response,
        Err(err) => return failed(describe(&err)),
    };
    let status = response.status().as_u16();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok());
    let mut body = Vec::new();
    while body.len() < RESPONSE_KEPT {
        match response.chunk().await {
            Ok(Some(chunk)) => body.extend_from_slice(&chunk),
            Ok(None) | Err(_) => break,
        }
    }
    body.truncate(RESPONSE_KEPT);
    Answer {
        status: Some(status),
        body: Some(String::from_utf8_lossy(&body).into_owned()),
        error: None,
        latency_ms: elapsed_ms(started),
        retry_after,
        attempted_at,
    }
}

fn elapsed_ms(started: Instant) -> i64 {
    i64::try_from(started.elapsed().as_millis()).unwrap_or(i64::MAX)
}

/// The reason of a failed request in a sentence, with the cause chain (the resolver's refusal
/// of an inward address among them).
fn describe(err: &reqwest::Error) -> String {
    let mut text = if err.is_timeout() {
        "the receiver did not answer in time".to_owned()
    } else if err.is_connect() {
        "could not connect".to_owned()
    } else {
        "the request failed".to_owned()
    };
    let mut source = std::error::Error::source(err);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

/// Resolves names as the system does, then drops every inward address of a host the
/// configuration does not allow, so a name that resolves inward at delivery time (DNS
/// rebinding) is never connected to.
struct OutwardResolver {
    allow_hosts: Vec<String>,
}

impl Resolve for OutwardResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let host = name.as_str().to_owned();
        let allowed = self
            .allow_hosts
            .iter()
            .any(|allowed| allowed.eq_ignore_ascii_case(&host));
        Box::pin(async move {
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|addr| allowed || !forbidden_address(addr.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(format!(
                    "{host} resolves to no public address (private, loopback, link-local and \
                     metadata addresses are refused)"
                )
                .into());
            }
            let addrs: Addrs = Box::new(addrs.into_iter());
            Ok(addrs)
        })
    }
}
