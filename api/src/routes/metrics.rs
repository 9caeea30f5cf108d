//! `GET /metrics`: Prometheus text exposition of request counts and latencies, for a scraper
//! holding the configured metrics token or for an agency administrator.

use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, get, web};
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};
use solvo_domain::permission::Permission;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::state::AppState;
use crate::telemetry::HttpMetrics;

/// The scraper's token, kept as its SHA-256 so that comparing it takes the same time however
/// much of a guess matches.
#[derive(Debug, Clone, Default)]
pub struct MetricsToken(Option<[u8; 32]>);

impl MetricsToken {
    /// The digest of `token`, or no token.
    #[must_use]
    pub fn new(token: Option<&SecretString>) -> Self {
        Self(token.map(|token| Sha256::digest(token.expose_secret().as_bytes()).into()))
    }

    fn admits(&self, request: &HttpRequest) -> bool {
        let Some(expected) = &self.0 else {
            return false;
        };
        request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.strip_prefix("Bearer "))
            .is_some_and(|presented| {
                <[u8; 32]>::from(Sha256::digest(presented.trim().as_bytes())) == *expected
            })
    }
}

/// Request counts and latency histograms by route and status, and
/// `solvo_reference_rate_days_left{series}` (days until each reference-rate series in use runs
/// out; 0 or less once interest needing it is a gap), for Prometheus. Send the configured metrics
/// token (`SOLVO_METRICS_TOKEN`) as a bearer token, or an agency administrator's credentials.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_metrics",
    responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain")),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/metrics")]
pub async fn metrics(
    metrics: web::Data<HttpMetrics>,
    state: web::Data<AppState>,
    token: web::Data<MetricsToken>,
    request: HttpRequest,
    caller: Option<Caller>,
) -> Result<HttpResponse, ApiError> {
    if !token.admits(&request) {
        let caller = caller.ok_or(ApiError::Unauthenticated(
            "Send the metrics token or an agency administrator's credentials.",
        ))?;
        caller.require(Permission::ReadMetrics)?;
    }
    metrics.record_rate_horizons(&state.rates.current(), state.clock.now().date());
    Ok(HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(metrics.render()))
}
