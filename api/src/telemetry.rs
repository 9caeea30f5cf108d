//! Logs, request ids, Prometheus metrics and the headers every response carries: every request
//! gets an id (the caller's `x-request-id` when it is a short safe token, a new one otherwise)
//! that is on every log line of the request and in the response header; counts and latencies
//! are kept by method, route pattern and status, each from a bounded set.

use std::sync::Arc;
use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{Service, ServiceRequest, ServiceResponse};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderMap, HeaderName, HeaderValue};
use chrono::NaiveDate;
use metrics_exporter_prometheus::{
    Matcher, PrometheusBuilder, PrometheusHandle, PrometheusRecorder,
};
use solvo_app::rates;
use solvo_domain::rates::RateTables;
use tracing::Instrument;
use tracing_subscriber::EnvFilter;

/// The header that carries the request id both ways.
pub const REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// Latency buckets in seconds, from a cache hit to a bulk import.
const LATENCY_BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

/// Installs the global log subscriber: JSON lines when `json` is set, readable text otherwise;
/// the level from `RUST_LOG` (default `info`). A second call (tests) is a no-op.
pub fn init_tracing(json: bool) {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    // Colours only for a person at a terminal; files and log collectors get plain text.
    let ansi = std::io::IsTerminal::is_terminal(&std::io::stderr());
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(ansi)
        .with_writer(std::io::stderr);
    let _already_installed = if json {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}

/// The HTTP metrics of one application instance (not a global recorder, so several servers in
/// one test process keep separate counts).
pub struct HttpMetrics {
    recorder: PrometheusRecorder,
    handle: PrometheusHandle,
}

impl HttpMetrics {
    /// A fresh registry.
    ///
    /// # Errors
    /// Only when the bucket list is empty, which is a bug.
    pub fn new() -> anyhow::Result<Self> {
        let recorder = PrometheusBuilder::new()
            .set_buckets_for_metric(
                Matcher::Full("http_request_duration_seconds".into()),
                &LATENCY_BUCKETS,
            )?
            .build_recorder();
        let handle = recorder.handle();
        Ok(Self { recorder, handle })
    }

    fn record(&self, method: &str, route: &str, status: u16, seconds: f64) {
        metrics::with_local_recorder(&self.recorder, || {
            let labels = [
                ("method", method.to_owned()),
                ("route", route.to_owned()),
                ("status", status.to_string()),
            ];
            metrics::counter!("http_requests_total", &labels).increment(1);
            metrics::histogram!("http_request_duration_seconds", &labels).record(seconds);
        });
    }

    /// Sets `solvo_reference_rate_days_left{series}` for every series in use: the days from
    /// `today` to the day it runs out (see `solvo_app::rates::days_left`).
    pub fn record_rate_horizons(&self, tables: &RateTables, today: NaiveDate) {
        metrics::with_local_recorder(&self.recorder, || {
            for series in rates::series_in_use() {
                let days = rates::days_left(tables, series, today);
                // A count of days, exactly representable; clamped only beyond any calendar.
                let value = f64::from(i32::try_from(days).unwrap_or(i32::MAX));
                metrics::gauge!("solvo_reference_rate_days_left", "series" => series.id())
                    .set(value);
            }
        });
    }

    /// The Prometheus text exposition.
    #[must_use]
    pub fn render(&self) -> String {
        self.handle.render()
    }
}

/// Longest client request id kept; a longer one is replaced.
pub const MAX_REQUEST_ID_CHARS: usize = 64;

/// Whether a client's `X-Request-Id` is adopted: a short token of letters, digits, `-`, `_` and
/// `.`. Anything else (spaces, quotes, control or non-ASCII characters, a log line's worth of
/// text) could forge or break log lines and is replaced by a generated id.
#[must_use]
pub fn is_safe_request_id(value: &str) -> bool {
    (1..=MAX_REQUEST_ID_CHARS).contains(&value.len())
        && value
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.'))
}

/// The `method` label: the standard methods by name, every other one as `other`, so that
/// invented methods cannot grow the registry (each label value is a time series kept forever).
/// Unmatched paths are likewise one `route` label, `unmatched`.
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::HEAD => "HEAD",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    }
}

/// The Swagger UI's policy: its own scripts and styles (the UI sets inline styles), its icons as
/// data URIs, requests to this origin only, and never inside a frame.
const DOCS_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'none'; \
     form-action 'none'; frame-ancestors 'none'";

/// Headers every response gets: `nosniff` and no referrer everywhere; `no-store` on answers to
/// authenticated requests (tenant data must not stay in a shared or browser cache, RFC 9111
/// section 5.2.2.5), whatever the handler set; the documentation pages a content security policy
/// and no framing.
fn secure_headers(headers: &mut HeaderMap, authenticated: bool, docs: bool) {
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    if authenticated {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if docs {
        headers.insert(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(DOCS_CSP),
        );
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
}

/// The middleware body, for `App::wrap_fn`.
pub fn instrument<S, B>(
    metrics: Arc<HttpMetrics>,
    req: ServiceRequest,
    service: &S,
) -> impl std::future::Future<Output = Result<ServiceResponse<B>, actix_web::Error>> + use<S, B>
where
    S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = actix_web::Error>,
    B: MessageBody,
{
    let request_id = req
        .headers()
        .get(&REQUEST_ID)
        .and_then(|value| value.to_str().ok())
        .filter(|value| is_safe_request_id(value))
        .map_or_else(|| uuid::Uuid::now_v7().to_string(), ToOwned::to_owned);
    let method = req.method().to_string();
    let method_label = method_label(req.method());
    let authenticated = req.headers().contains_key(header::AUTHORIZATION);
    let docs = req.path().starts_with("/docs");
    let span = tracing::info_span!("request", request_id = %request_id, method = %method, path = %req.path());
    let started = Instant::now();
    let response = {
        let _entered = span.enter();
        service.call(req)
    };
    async move {
        let mut response = response.await?;
        let status = response.status().as_u16();
        let route = response
            .request()
            .match_pattern()
            .unwrap_or_else(|| "unmatched".to_owned());
        let seconds = started.elapsed().as_secs_f64();
        metrics.record(method_label, &route, status, seconds);
        secure_headers(response.headers_mut(), authenticated, docs);
        if let Ok(value) = HeaderValue::from_str(&request_id) {
            response.headers_mut().insert(REQUEST_ID, value);
        }
        tracing::info!(status, route = %route, latency_ms = seconds * 1000.0, "request finished");
        Ok(response)
    }
    .instrument(span)
}
