//! Server settings: command-line flags with environment fallbacks, checked at start-up. Each
//! setting names its environment variable, so an error message can point at it.

use std::path::PathBuf;

use clap::{Args, ValueEnum};
use secrecy::{ExposeSecret, SecretString};

use crate::auth::ed25519::{Ed25519Public, Ed25519Signing};
use crate::auth::jwt::VerifyingKey;

/// Bytes an HS256 secret must have at least (RFC 7518 section 3.2: a key of the hash's size).
pub const MIN_JWT_SECRET_BYTES: usize = 32;

/// How access tokens are signed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum JwtAlgorithm {
    /// HMAC with SHA-256 and a secret every node shares (`SOLVO_JWT_SECRET`).
    #[value(name = "HS256")]
    Hs256,
    /// Ed25519 (RFC 8037) with a private key only the API nodes hold
    /// (`SOLVO_JWT_PRIVATE_KEY`); anyone may verify with the published public key.
    #[value(name = "EdDSA")]
    EdDsa,
}

/// Everything `solvo serve` needs.
#[derive(Debug, Clone, Args)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "independent command-line switches, each its own flag; no two make a state machine"
)]
pub struct ServerConfig {
    /// Address to listen on; port 0 picks a free one.
    #[arg(long, env = "SOLVO_BIND", default_value = "127.0.0.1:8080")]
    pub bind: String,
    /// `sqlite://PATH`, a file path, or `postgres://…`.
    #[arg(long, env = "DATABASE_URL", default_value = "solvo.db")]
    pub database_url: String,
    /// Largest number of pooled database connections, at least 3: requests use all but two,
    /// which stay for the scheduler and the webhook worker (`solvo_app::db::executor`).
    #[arg(long, env = "SOLVO_DB_POOL_SIZE", default_value_t = 8,
          value_parser = clap::value_parser!(u32).range(3..))]
    pub db_pool_size: u32,
    /// JWT signing secret (at least 32 bytes). Without it the server generates one and keeps it
    /// in the database, so restarts and other nodes on the same database agree.
    #[arg(long, env = "SOLVO_JWT_SECRET", hide_env_values = true)]
    pub jwt_secret: Option<SecretString>,
    /// Earlier JWT secrets, comma-separated: they no longer sign but still verify the access
    /// tokens they signed, so that rotating `SOLVO_JWT_SECRET` logs nobody out. Drop them once
    /// the longest access token lifetime has passed.
    #[arg(
        long,
        env = "SOLVO_JWT_PREVIOUS_SECRETS",
        hide_env_values = true,
        value_delimiter = ','
    )]
    pub jwt_previous_secrets: Vec<SecretString>,
    /// How access tokens are signed: `HS256` with `SOLVO_JWT_SECRET`, or `EdDSA` with the
    /// Ed25519 key of `SOLVO_JWT_PRIVATE_KEY` (or `_FILE`), whose public half
    /// `GET /.well-known/jwks.json` publishes.
    #[arg(long, env = "SOLVO_JWT_ALGORITHM", value_enum, default_value_t = JwtAlgorithm::Hs256)]
    pub jwt_algorithm: JwtAlgorithm,
    /// The Ed25519 private key that signs with `EdDSA`: a PKCS#8 PEM block
    /// (`-----BEGIN PRIVATE KEY-----`, as `openssl genpkey -algorithm ed25519` writes it).
    #[arg(long, env = "SOLVO_JWT_PRIVATE_KEY", hide_env_values = true)]
    pub jwt_private_key: Option<SecretString>,
    /// A file holding that key, instead of the variable.
    #[arg(long, env = "SOLVO_JWT_PRIVATE_KEY_FILE")]
    pub jwt_private_key_file: Option<PathBuf>,
    /// The public keys of earlier Ed25519 signing keys, PEM blocks
    /// (`-----BEGIN PUBLIC KEY-----`, `openssl pkey -pubout`) one after the other: they still
    /// verify the tokens they signed and stay published, so rotating the key logs nobody out.
    #[arg(long, env = "SOLVO_JWT_PREVIOUS_PUBLIC_KEYS")]
    pub jwt_previous_public_keys: Option<String>,
    /// A file holding those public keys, instead of the variable.
    #[arg(long, env = "SOLVO_JWT_PREVIOUS_PUBLIC_KEYS_FILE")]
    pub jwt_previous_public_keys_file: Option<PathBuf>,
    /// `iss` of access tokens.
    #[arg(long, env = "SOLVO_JWT_ISSUER", default_value = "solvo")]
    pub jwt_issuer: String,
    /// `aud` of access tokens.
    #[arg(long, env = "SOLVO_JWT_AUDIENCE", default_value = "solvo-api")]
    pub jwt_audience: String,
    /// Access token lifetime in seconds (60 to 900).
    #[arg(long, env = "SOLVO_ACCESS_TOKEN_TTL", default_value_t = 900,
          value_parser = clap::value_parser!(i64).range(60..=900))]
    pub access_token_ttl: i64,
    /// Refresh token lifetime in seconds (default 30 days).
    #[arg(long, env = "SOLVO_REFRESH_TOKEN_TTL", default_value_t = 2_592_000,
          value_parser = clap::value_parser!(i64).range(300..=31_536_000))]
    pub refresh_token_ttl: i64,
    /// Memory in MiB that password hashing may take at once: each login or new password runs
    /// argon2id at 19 MiB, so this bounds how many run concurrently (64: three).
    #[arg(long, env = "SOLVO_PASSWORD_HASH_MEMORY_MIB", default_value_t = solvo_app::credentials::gate::DEFAULT_BUDGET_MIB,
          value_parser = clap::value_parser!(u64).range(19..=65_536))]
    pub password_hash_memory_mib: u64,
    /// Milliseconds a login waits for a hashing turn before it is answered 503 with
    /// `Retry-After`.
    #[arg(long, env = "SOLVO_PASSWORD_HASH_WAIT_MS", default_value_t = 2_000,
          value_parser = clap::value_parser!(u64).range(0..=30_000))]
    pub password_hash_wait_ms: u64,
    /// Most bytes of documents one case holds, in MiB (each file at most 10 MiB).
    #[arg(long, env = "SOLVO_CASE_DOCUMENTS_MIB", default_value_t = 100,
          value_parser = clap::value_parser!(u64).range(1..=102_400))]
    pub case_documents_mib: u64,
    /// Document uploads read at once (each buffers up to 10 MiB); further ones wait briefly,
    /// then get 503 with `Retry-After`.
    #[arg(long, env = "SOLVO_UPLOAD_CONCURRENCY", default_value_t = 4,
          value_parser = clap::value_parser!(u64).range(1..=256))]
    pub upload_concurrency: u64,
    /// Absolute session lifetime in seconds (default 30 days): however often its refresh token
    /// is used, a session ends this long after its login.
    #[arg(long, env = "SOLVO_SESSION_LIFETIME", default_value_t = 2_592_000,
          value_parser = clap::value_parser!(i64).range(900..=31_536_000))]
    pub session_lifetime: i64,
    /// Addresses of the reverse proxies in front of the server, comma-separated: their
    /// `X-Forwarded-For` entries give the client's address to the login throttle. Without it
    /// the TCP peer is the client.
    #[arg(long, env = "SOLVO_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<std::net::IpAddr>,
    /// Origins the single-page app is served from, comma-separated (none by default).
    #[arg(long, env = "SOLVO_CORS_ORIGINS", value_delimiter = ',')]
    pub cors_origins: Vec<String>,
    /// HTTP worker threads (default: one per core).
    #[arg(long, env = "SOLVO_WORKERS")]
    pub workers: Option<usize>,
    /// Largest JSON body in bytes.
    #[arg(long, env = "SOLVO_MAX_BODY_BYTES", default_value_t = 1_048_576)]
    pub max_body_bytes: usize,
    /// Cases a bulk placement or CSV import commits at a time; other writers get the database
    /// between two chunks.
    #[arg(long, env = "SOLVO_IMPORT_CHUNK_CASES", default_value_t = solvo_app::cases::intake::CHUNK_CASES,
          value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=10_000))]
    pub import_chunk_cases: usize,
    /// Bearer token a Prometheus scraper presents on `GET /metrics` (agency administrators'
    /// own credentials work too). Without it only agency administrators read metrics.
    #[arg(long, env = "SOLVO_METRICS_TOKEN", hide_env_values = true)]
    pub metrics_token: Option<SecretString>,
    /// Log as JSON lines instead of text.
    #[arg(long, env = "SOLVO_LOG_JSON", default_value_t = false)]
    pub log_json: bool,
    /// Seed a demo: the agency, two creditors, a user for every role and a few hundred cases,
    /// then print the logins. Without `--database-url` the database is `./solvo-demo.db`,
    /// recreated on every start; a named database must hold no organisations yet.
    #[arg(long, default_value_t = false)]
    pub demo: bool,
    /// Seconds between scheduler passes, which resume paused cases whose resume date has come;
    /// 0 turns the scheduler off on this node.
    #[arg(long, env = "SOLVO_SCHEDULER_INTERVAL_SECONDS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(0..=86_400))]
    pub scheduler_interval_seconds: u64,
    /// Run on a test clock that `PUT /v1/test-clock` moves forward, for sandboxes and tests.
    /// Never in production: an agency administrator could make interest run and promises break.
    #[arg(long, env = "SOLVO_TEST_CLOCK", default_value_t = false)]
    pub test_clock: bool,
    /// Hold every answer to the OpenAPI document (status, media type, body schema): one that
    /// breaks it becomes a `500` naming the break. For tests and sandboxes: it buffers and
    /// validates every body.
    #[arg(long, env = "SOLVO_CHECK_RESPONSES", default_value_t = false)]
    pub check_responses: bool,
    /// Hosts webhooks may reach over plain `http` and on private or loopback addresses,
    /// comma-separated (none by default; `--demo` adds loopback). Every other endpoint must be
    /// `https` on a public address.
    #[arg(long, env = "SOLVO_WEBHOOK_ALLOW_HOSTS", value_delimiter = ',')]
    pub webhook_allow_hosts: Vec<String>,
    /// Waits between webhook attempts, seconds, comma-separated (default
    /// `5,300,1800,7200,18000,36000,36000`, about 27.6 hours in all).
    #[arg(long, env = "SOLVO_WEBHOOK_RETRY_SCHEDULE")]
    pub webhook_retry_schedule: Option<String>,
    /// Seconds a webhook receiver has to answer (1 to 60).
    #[arg(long, env = "SOLVO_WEBHOOK_TIMEOUT", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=60))]
    pub webhook_timeout_seconds: u64,
    /// Milliseconds between passes of the webhook worker, which publishes committed events and
    /// sends due deliveries; 0 turns it off on this node.
    #[arg(long, env = "SOLVO_WEBHOOK_INTERVAL_MS", default_value_t = 250,
          value_parser = clap::value_parser!(u64).range(0..=60_000))]
    pub webhook_interval_ms: u64,
    /// The agency's collection accounts debtors pay into, a JSON list of `{"currency", "holder",
    /// "iban", "bic", "bank"}`, one per currency. The debtor portal gives a case's account
    /// (with an EPC QR code for euros), bank reconciliation flags statements of other accounts.
    /// An invalid IBAN or BIC stops the start-up.
    #[arg(long, env = "SOLVO_COLLECTION_ACCOUNTS", hide_env_values = true)]
    pub collection_accounts: Option<String>,
    /// Stripe's secret API key (`sk_live_…`, `sk_test_…`): with it and the webhook secret,
    /// debtors can pay by card in the portal (Stripe Checkout); without, card payment is off.
    #[arg(long, env = "SOLVO_STRIPE_SECRET_KEY", hide_env_values = true)]
    pub stripe_secret_key: Option<SecretString>,
    /// The signing secret (`whsec_…`) of the Stripe webhook endpoint that points at
    /// `/v1/psp/stripe/webhook`.
    #[arg(long, env = "SOLVO_STRIPE_WEBHOOK_SECRET", hide_env_values = true)]
    pub stripe_webhook_secret: Option<SecretString>,
    /// Stripe's API address (a test double's in tests).
    #[arg(
        long,
        env = "SOLVO_STRIPE_API_BASE",
        default_value = "https://api.stripe.com"
    )]
    pub stripe_api_base: String,
    /// The debtor portal's web address, where Stripe Checkout sends the debtor back.
    #[arg(
        long,
        env = "SOLVO_PORTAL_URL",
        default_value = "http://127.0.0.1:8080/portal"
    )]
    pub portal_url: String,
}

impl ServerConfig {
    /// Settings for a database URL with every other value at its default (tests, tools).
    #[must_use]
    pub fn for_database(database_url: &str) -> Self {
        Self {
            bind: "127.0.0.1:0".to_owned(),
            database_url: database_url.to_owned(),
            db_pool_size: 4,
            jwt_secret: None,
            jwt_previous_secrets: Vec::new(),
            jwt_algorithm: JwtAlgorithm::Hs256,
            jwt_private_key: None,
            jwt_private_key_file: None,
            jwt_previous_public_keys: None,
            jwt_previous_public_keys_file: None,
            metrics_token: None,
            jwt_issuer: "solvo".to_owned(),
            jwt_audience: "solvo-api".to_owned(),
            access_token_ttl: 900,
            refresh_token_ttl: 2_592_000,
            password_hash_memory_mib: solvo_app::credentials::gate::DEFAULT_BUDGET_MIB,
            password_hash_wait_ms: 2_000,
            session_lifetime: 2_592_000,
            trusted_proxies: Vec::new(),
            case_documents_mib: 100,
            upload_concurrency: 4,
            cors_origins: Vec::new(),
            workers: Some(2),
            max_body_bytes: 1_048_576,
            import_chunk_cases: solvo_app::cases::intake::CHUNK_CASES,
            log_json: false,
            demo: false,
            scheduler_interval_seconds: 60,
            test_clock: false,
            check_responses: false,
            webhook_allow_hosts: Vec::new(),
            webhook_retry_schedule: None,
            webhook_timeout_seconds: 10,
            webhook_interval_ms: 250,
            collection_accounts: None,
            stripe_secret_key: None,
            stripe_webhook_secret: None,
            stripe_api_base: "https://api.stripe.com".to_owned(),
            portal_url: "http://127.0.0.1:8080/portal".to_owned(),
        }
    }
}

impl ServerConfig {
    /// The Ed25519 key that signs access tokens: none with `HS256`.
    ///
    /// # Errors
    /// With `EdDSA`: no key, both the key and its file, an unreadable file, a key that is not a
    /// PKCS#8 Ed25519 key, or `SOLVO_JWT_SECRET` set as well; with `HS256`: a key set (it would
    /// be ignored). Each error names the setting.
    pub fn jwt_signing_key(&self) -> anyhow::Result<Option<Ed25519Signing>> {
        let key = pem_setting(
            self.jwt_private_key
                .as_ref()
                .map(ExposeSecret::expose_secret),
            self.jwt_private_key_file.as_ref(),
            "SOLVO_JWT_PRIVATE_KEY",
        )?;
        match (self.jwt_algorithm, key) {
            (JwtAlgorithm::Hs256, None) => Ok(None),
            (JwtAlgorithm::Hs256, Some((name, _))) => anyhow::bail!(
                "{name} is set but SOLVO_JWT_ALGORITHM is HS256: set SOLVO_JWT_ALGORITHM=EdDSA to sign with the key"
            ),
            (JwtAlgorithm::EdDsa, None) => anyhow::bail!(
                "SOLVO_JWT_ALGORITHM=EdDSA needs the Ed25519 private key in SOLVO_JWT_PRIVATE_KEY or SOLVO_JWT_PRIVATE_KEY_FILE"
            ),
            (JwtAlgorithm::EdDsa, Some(_)) if self.jwt_secret.is_some() => anyhow::bail!(
                "SOLVO_JWT_SECRET is set but SOLVO_JWT_ALGORITHM=EdDSA signs with SOLVO_JWT_PRIVATE_KEY: \
                 move the secret to SOLVO_JWT_PREVIOUS_SECRETS until its tokens have expired"
            ),
            (JwtAlgorithm::EdDsa, Some((name, text))) => Ed25519Signing::from_pem(&text)
                .map(Some)
                .map_err(|err| anyhow::anyhow!("{name}: {err}")),
        }
    }

    /// The earlier keys that still verify: `SOLVO_JWT_PREVIOUS_SECRETS`, then
    /// `SOLVO_JWT_PREVIOUS_PUBLIC_KEYS`, whatever algorithm signs now.
    ///
    /// # Errors
    /// A secret shorter than [`MIN_JWT_SECRET_BYTES`], or public keys that are unreadable or
    /// not Ed25519, naming the setting.
    pub fn jwt_previous_keys(&self) -> anyhow::Result<Vec<VerifyingKey>> {
        let mut keys = self
            .jwt_previous_secrets
            .iter()
            .map(|secret| {
                let bytes = secret.expose_secret().trim().as_bytes().to_vec();
                anyhow::ensure!(
                    bytes.len() >= MIN_JWT_SECRET_BYTES,
                    "every SOLVO_JWT_PREVIOUS_SECRETS entry must be at least {MIN_JWT_SECRET_BYTES} bytes"
                );
                Ok(VerifyingKey::Secret(bytes))
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        if let Some((name, text)) = pem_setting(
            self.jwt_previous_public_keys.as_deref(),
            self.jwt_previous_public_keys_file.as_ref(),
            "SOLVO_JWT_PREVIOUS_PUBLIC_KEYS",
        )? {
            let public = Ed25519Public::all_from_pem(&text)
                .map_err(|err| anyhow::anyhow!("{name}: {err}"))?;
            keys.extend(public.into_iter().map(VerifyingKey::Ed25519));
        }
        Ok(keys)
    }

    /// The webhook settings, checked.
    ///
    /// # Errors
    /// An unreadable `SOLVO_WEBHOOK_RETRY_SCHEDULE`.
    pub fn webhooks(&self) -> anyhow::Result<solvo_app::webhooks::WebhookConfig> {
        let schedule = match &self.webhook_retry_schedule {
            None => solvo_domain::webhook::RetrySchedule::default(),
            Some(text) => solvo_domain::webhook::RetrySchedule::parse(text)
                .map_err(|err| anyhow::anyhow!("SOLVO_WEBHOOK_RETRY_SCHEDULE: {err}"))?,
        };
        let mut allow_hosts: Vec<String> = self
            .webhook_allow_hosts
            .iter()
            .map(|host| host.trim().to_owned())
            .filter(|host| !host.is_empty())
            .collect();
        if self.demo {
            allow_hosts.extend(["localhost", "127.0.0.1", "::1"].map(str::to_owned));
        }
        Ok(solvo_app::webhooks::WebhookConfig {
            allow_hosts,
            schedule,
            timeout: std::time::Duration::from_secs(self.webhook_timeout_seconds),
        })
    }
}

impl ServerConfig {
    /// Stripe, when both its secret key and its webhook secret are set.
    ///
    /// # Errors
    /// Only one of the two set (card payments that could be started but never recorded, or the
    /// other way round), or an HTTP client that cannot be built.
    pub fn card_provider(&self) -> anyhow::Result<Option<crate::psp::stripe::Stripe>> {
        match (&self.stripe_secret_key, &self.stripe_webhook_secret) {
            (Some(key), Some(webhook))
                if key.expose_secret().trim().is_empty()
                    || !webhook.expose_secret().starts_with("whsec_") =>
            {
                // An empty signing secret would let anyone sign events.
                anyhow::bail!(
                    "SOLVO_STRIPE_SECRET_KEY must not be empty and SOLVO_STRIPE_WEBHOOK_SECRET must be the endpoint's `whsec_…` signing secret"
                )
            }
            (Some(key), Some(webhook)) => Ok(Some(crate::psp::stripe::Stripe::new(
                key.clone(),
                webhook.clone(),
                &self.stripe_api_base,
            )?)),
            (None, None) => Ok(None),
            _ => anyhow::bail!(
                "SOLVO_STRIPE_SECRET_KEY and SOLVO_STRIPE_WEBHOOK_SECRET go together: set both to take card payments, or neither"
            ),
        }
    }

    /// The collection accounts, checked; none when unset.
    ///
    /// # Errors
    /// A `SOLVO_COLLECTION_ACCOUNTS` that is not a valid list, naming the entry and the field.
    pub fn collection_accounts(
        &self,
    ) -> anyhow::Result<solvo_domain::collection_accounts::CollectionAccounts> {
        let configured = match (&self.collection_accounts, self.demo) {
            (Some(accounts), _) => accounts.as_str(),
            (None, true) => crate::demo::DEMO_COLLECTION_ACCOUNTS,
            (None, false) => "",
        };
        solvo_domain::collection_accounts::CollectionAccounts::parse_json(configured)
            .map_err(|err| anyhow::anyhow!("SOLVO_COLLECTION_ACCOUNTS: {err}"))
    }
}

/// PEM text given in the variable `name` or in the file that `{name}_FILE` names, with the
/// name of the setting it came from (for error messages); none when neither is set. A value of
/// only whitespace counts as unset, as an orchestrator's empty variable would be.
fn pem_setting(
    value: Option<&str>,
    file: Option<&PathBuf>,
    name: &'static str,
) -> anyhow::Result<Option<(String, String)>> {
    let value = value.filter(|text| !text.trim().is_empty());
    match (value, file) {
        (None, None) => Ok(None),
        (Some(text), None) => Ok(Some((name.to_owned(), text.to_owned()))),
        (None, Some(path)) => {
            let setting = format!("{name}_FILE ({})", path.display());
            let text = std::fs::read_to_string(path)
                .map_err(|err| anyhow::anyhow!("{setting}: cannot read the file: {err}"))?;
            Ok(Some((setting, text)))
        }
        (Some(_), Some(_)) => anyhow::bail!("{name} and {name}_FILE are both set: give one"),
    }
}

#[cfg(test)]
mod tests {
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Serve {
        #[command(flatten)]
        config: super::ServerConfig,
    }

    #[test]
    fn a_pool_too_small_for_the_reserve_is_refused() {
        let parsed = |size: &str| Serve::try_parse_from(["solvo", "--db-pool-size", size]);
        assert!(parsed("2").is_err());
        assert_eq!(
            parsed("3").map(|serve| serve.config.db_pool_size).ok(),
            Some(3)
        );
    }
}
