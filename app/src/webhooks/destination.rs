//! The installation's webhook settings and the check of a URL at registration: the rules of
//! `solvo_domain::webhook::destination` on the URL, then on each address its host resolves to
//! now. The delivery worker checks the addresses again when it connects.

use std::net::{IpAddr, ToSocketAddrs};
use std::time::Duration;

use solvo_domain::webhook::{Destination, DestinationError, RetrySchedule};

use crate::error::AppError;

/// How webhooks are delivered on this installation.
#[derive(Debug, Clone)]
pub struct WebhookConfig {
    /// Hosts that may use `http` and inward addresses (`SOLVO_WEBHOOK_ALLOW_HOSTS`).
    pub allow_hosts: Vec<String>,
    /// The waits between attempts (`SOLVO_WEBHOOK_RETRY_SCHEDULE`).
    pub schedule: RetrySchedule,
    /// How long a receiver has to answer (`SOLVO_WEBHOOK_TIMEOUT`, seconds).
    pub timeout: Duration,
}

impl Default for WebhookConfig {
    fn default() -> Self {
        Self {
            allow_hosts: Vec::new(),
            schedule: RetrySchedule::default(),
            timeout: Duration::from_secs(10),
        }
    }
}

impl WebhookConfig {
    /// How long a worker holds an attempt: the timeout and a margin for the write after it.
    #[must_use]
    pub fn lease(&self) -> Duration {
        self.timeout + Duration::from_secs(10)
    }
}

/// A URL [`check_url`] accepted; the only way to give an endpoint a URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedUrl(String);

impl CheckedUrl {
    /// The normalised URL.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Checks `raw` as an endpoint's URL: its form, then the addresses its host resolves to. A
/// name that does not resolve now is accepted (the receiver may not be set up yet); every
/// delivery checks again. It resolves names, so call it before a transaction opens, never
/// inside one (on SQLite that would hold the write lock through a DNS timeout).
///
/// # Errors
/// [`AppError::Validation`] on `url` naming the rule broken.
pub fn check_url(raw: &str, config: &WebhookConfig) -> Result<CheckedUrl, AppError> {
    let destination =
        Destination::parse(raw.trim(), &config.allow_hosts).map_err(|err| invalid(&err))?;
    if destination.literal_ip().is_none()
        && let Some(host) = destination.url.host_str()
    {
        let port = destination.url.port_or_known_default().unwrap_or(443);
        for ip in resolve(host, port) {
            destination.check_address(ip).map_err(|err| invalid(&err))?;
        }
    }
    Ok(CheckedUrl(destination.url.to_string()))
}

fn resolve(host: &str, port: u16) -> Vec<IpAddr> {
    (host, port)
        .to_socket_addrs()
        .map(|addrs| addrs.map(|addr| addr.ip()).collect())
        .unwrap_or_default()
}

fn invalid(err: &DestinationError) -> AppError {
    let code = match err {
        DestinationError::Forbidden(_) => "forbidden_address",
        DestinationError::NotHttps => "https_required",
        _ => "invalid_url",
    };
    AppError::invalid(
        "url",
        code,
        format!("The URL cannot receive webhooks: {err}."),
    )
}
