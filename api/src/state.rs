//! What every handler can reach through `web::Data<AppState>`.

use crate::auth::JwtKeys;
use solvo_app::Db;
use solvo_app::clock::Clock;
use solvo_app::credentials::HashGate;
use solvo_app::rates::LiveRates;

/// Token lifetimes, from the settings.
#[derive(Debug, Clone, Copy)]
#[expect(
    clippy::struct_field_names,
    reason = "the unit belongs in each name: these are compared with JWT `exp` seconds"
)]
pub struct TokenLifetimes {
    /// Access token lifetime in seconds (at most 900).
    pub access_seconds: i64,
    /// Refresh token lifetime in seconds.
    pub refresh_seconds: i64,
    /// Absolute session lifetime in seconds.
    pub session_seconds: i64,
}

/// The bounds on documents, from the settings.
#[derive(Debug, Clone)]
pub struct DocumentLimits {
    /// Most bytes of documents one case holds.
    pub case_bytes: i64,
    /// One permit per upload being read.
    pub uploads: std::sync::Arc<tokio::sync::Semaphore>,
}

/// Shared application state.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// JWT signing and verification.
    pub jwt: JwtKeys,
    /// The public half of `jwt` as the JWK Set `/.well-known/jwks.json` serves, built once: the
    /// keys are fixed for the life of the process.
    pub jwks: std::sync::Arc<crate::routes::jwks::JwkSet>,
    /// Token lifetimes.
    pub lifetimes: TokenLifetimes,
    /// Reference-rate histories for interest: the embedded ones plus the agency's entries,
    /// loaded at start-up, swapped after a new entry and reloaded by the scheduler. Take
    /// `rates.current()` once per computation.
    pub rates: LiveRates,
    /// The one clock (the system's, or the test clock with `--test-clock`).
    pub clock: Clock,
    /// The bound on concurrent password hashing.
    pub hash_gate: HashGate,
    /// The bounds on documents.
    pub documents: DocumentLimits,
    /// The proxies whose `X-Forwarded-For` is believed.
    pub proxies: crate::auth::client_address::TrustedProxies,
    /// How webhooks are checked and delivered.
    pub webhooks: solvo_app::webhooks::WebhookConfig,
    /// The agency's collection accounts, one per currency (`SOLVO_COLLECTION_ACCOUNTS`).
    pub collection_accounts: std::sync::Arc<solvo_domain::collection_accounts::CollectionAccounts>,
    /// The card payment provider; `None` switches card payment off.
    pub card_provider: Option<std::sync::Arc<crate::psp::stripe::Stripe>>,
    /// The debtor portal's web address, where a provider's checkout sends the debtor back.
    pub portal_url: String,
    /// Cases a bulk placement or CSV import commits at a time.
    pub import_chunk_cases: usize,
}
