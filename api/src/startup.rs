//! Builds and runs the server: database, migrations, keys, routes and middleware.

use std::net::TcpListener;
use std::sync::Arc;

use actix_cors::Cors;
use actix_web::dev::Server;
use actix_web::http::{Method, header};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use anyhow::Context;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use rand::RngCore;
use secrecy::ExposeSecret;
use solvo_domain::rates::RateTables;
use solvo_persistence::pool::{build_pool, build_reader_pool};
use solvo_persistence::repositories::{organisations, server_secrets};
use solvo_persistence::{DatabaseUrl, Pool, migrations};
use utoipa_actix_web::AppExt;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::JwtKeys;
use crate::auth::ed25519::Ed25519Signing;
use crate::auth::jwt::SigningKey;
use crate::config::{MIN_JWT_SECRET_BYTES, ServerConfig};
use crate::demo::{self, DemoSeed};
use crate::error::ApiError;
use crate::extract::{BodyLimit, query_config};
use crate::routes::metrics::MetricsToken;
use crate::state::{AppState, DocumentLimits, TokenLifetimes};
use crate::telemetry::{self, HttpMetrics};
use crate::workers::Scheduler;
use crate::workers::webhooks::Dispatcher;
use crate::{openapi, routes};
use chrono::NaiveDateTime;
use solvo_app::Db;
use solvo_app::clock::{self, Clock};
use solvo_app::credentials::HashGate;
use solvo_app::rates::LiveRates;

const JWT_SECRET_NAME: &str = "jwt_hs256";

/// Opens the database named by `url`, applies pending migrations and returns the pool.
///
/// # Errors
/// An unusable URL, an unreachable database or a failed migration.
pub fn open_database(url: &str, pool_size: u32) -> anyhow::Result<Pool> {
    let url = DatabaseUrl::parse(url).context("DATABASE_URL")?;
    let pool =
        build_pool(&url, pool_size).with_context(|| format!("opening {}", url.redacted()))?;
    let mut conn = pool
        .get()
        .with_context(|| format!("connecting to {}", url.redacted()))?;
    let applied = migrations::run_pending(&mut conn)?;
    if !applied.is_empty() {
        tracing::info!(count = applied.len(), "applied migrations");
    }
    Ok(pool)
}

/// The database, migrated, and the token keys; the keys first, so that a bad one stops the
/// start before the database is touched.
async fn open_database_and_keys(config: &ServerConfig) -> anyhow::Result<(Pool, JwtKeys)> {
    let setup_config = config.clone();
    web::block(move || -> anyhow::Result<(Pool, JwtKeys)> {
        // The keys first: a bad one stops the start before the database is touched.
        let ed25519 = setup_config.jwt_signing_key()?;
        let previous = setup_config.jwt_previous_keys()?;
        let (pool, current) = prepare_database(&setup_config, ed25519)?;
        let jwt = JwtKeys::with_keys(
            current,
            &previous,
            &setup_config.jwt_issuer,
            &setup_config.jwt_audience,
        );
        tracing::info!(
            algorithm = ?jwt.algorithm(),
            kid = jwt.kid(),
            verifying = previous.len() + 1,
            "signing access tokens"
        );
        Ok((pool, jwt))
    })
    .await
    .context("start-up task")?
}

/// SQLite's read-only connections for the reads the server's workers run in place, one per
/// worker (they read one at a time each) and one to spare; `None` on PostgreSQL.
async fn open_readers(config: &ServerConfig) -> anyhow::Result<Option<Pool>> {
    let url = DatabaseUrl::parse(&config.database_url).context("DATABASE_URL")?;
    let workers = config
        .workers
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(2, usize::from));
    let size = u32::try_from(workers.saturating_add(1)).unwrap_or(u32::MAX);
    web::block(move || build_reader_pool(&url, size))
        .await
        .context("start-up task")?
        .context("opening the read-only connections")
}

/// The system clock, or the test clock when the settings ask for it.
fn clock_of(config: &ServerConfig) -> Clock {
    if config.test_clock {
        tracing::warn!("the test clock is on: PUT /v1/test-clock moves time; never in production");
        Clock::test()
    } else {
        Clock::system()
    }
}

/// A bound, not yet running server.
pub struct Application {
    port: u16,
    server: Server,
    demo: Option<DemoSeed>,
    scheduler: Option<Scheduler>,
    dispatcher: Option<Dispatcher>,
}

impl Application {
    /// Opens the database, binds the listener and builds the server.
    ///
    /// # Errors
    /// Any start-up failure, with the setting it concerns.
    pub async fn build(config: ServerConfig) -> anyhow::Result<Self> {
        let (pool, jwt) = open_database_and_keys(&config).await?;
        let readers = open_readers(&config).await?;
        let rates = load_rates(pool.clone()).await?;
        let clock = clock_of(&config);
        let demo = if config.demo {
            Some(seed_demo(pool.clone(), rates.current(), clock.now()).await?)
        } else {
            None
        };
        let scheduler = Scheduler::new(
            pool.clone(),
            rates.clone(),
            clock.clone(),
            config.scheduler_interval_seconds,
        );
        let webhooks = config.webhooks()?;
        let collection_accounts = Arc::new(config.collection_accounts()?);
        let card_provider = config.card_provider()?.map(Arc::new);
        let dispatcher = Dispatcher::new(
            pool.clone(),
            clock.clone(),
            webhooks.clone(),
            config.webhook_interval_ms,
        )?;
        let state = AppState {
            db: Db::new(pool)?.with_readers(readers),
            jwks: Arc::new(crate::routes::jwks::JwkSet::of(&jwt)),
            jwt,
            lifetimes: TokenLifetimes {
                access_seconds: config.access_token_ttl,
                refresh_seconds: config.refresh_token_ttl,
                session_seconds: config.session_lifetime,
            },
            rates,
            clock,
            hash_gate: HashGate::with_budget(
                config.password_hash_memory_mib,
                std::time::Duration::from_millis(config.password_hash_wait_ms),
            )
            .context("starting the password hashing threads")?,
            proxies: crate::auth::client_address::TrustedProxies::new(&config.trusted_proxies),
            documents: DocumentLimits {
                case_bytes: i64::try_from(config.case_documents_mib.saturating_mul(1024 * 1024))
                    .unwrap_or(i64::MAX),
                uploads: Arc::new(tokio::sync::Semaphore::new(
                    usize::try_from(config.upload_concurrency).unwrap_or(1),
                )),
            },
            webhooks,
            collection_accounts,
            card_provider,
            portal_url: config.portal_url.trim_end_matches('/').to_owned(),
            import_chunk_cases: config.import_chunk_cases,
        };
        tracing::info!(
            concurrent = state.hash_gate.capacity(),
            "password hashing bounded"
        );
        let listener = TcpListener::bind(&config.bind)
            .with_context(|| format!("SOLVO_BIND: cannot bind {}", config.bind))?;
        let port = listener.local_addr()?.port();
        let metrics = Arc::new(HttpMetrics::new()?);
        let (route_methods, served_document) = from_the_document()?;
        let state = web::Data::new(state);
        let limit = BodyLimit(config.max_body_bytes);
        let metrics_token = web::Data::new(MetricsToken::new(config.metrics_token.as_ref()));
        let origins = config.cors_origins.clone();
        let check_responses = config.check_responses;
        let mut server = HttpServer::new(move || {
            let metrics_for_middleware = Arc::clone(&metrics);
            App::new()
                .into_utoipa_app()
                .configure(routes::configure)
                .into_app()
                .app_data(state.clone())
                .app_data(web::Data::from(Arc::clone(&metrics)))
                .app_data(metrics_token.clone())
                .app_data(route_methods.clone())
                .app_data(limit)
                .app_data(query_config())
                .app_data(
                    web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into()),
                )
                .app_data(served_document.clone())
                .route("/docs", web::get().to(docs_redirect))
                .route("/openapi.json", web::get().to(serve_document))
                .service(
                    SwaggerUi::new("/docs/{_:.*}")
                        .config(utoipa_swagger_ui::Config::from("/openapi.json")),
                )
                .default_service(web::to(unmatched))
                .wrap(actix_web::middleware::Condition::new(
                    check_responses,
                    actix_web::middleware::from_fn(crate::contract::check_responses),
                ))
                .wrap(actix_web::middleware::from_fn(
                    crate::portal_language::translate_problems,
                ))
                .wrap(cors(&origins))
                .wrap_fn(move |req, service| {
                    telemetry::instrument(Arc::clone(&metrics_for_middleware), req, service)
                })
        })
        .listen(listener)?
        .shutdown_timeout(30);
        if let Some(workers) = config.workers {
            server = server.workers(workers.max(1));
        }
        Ok(Self {
            port,
            server: server.run(),
            demo,
            scheduler,
            dispatcher,
        })
    }

    /// What `--demo` seeded (logins and API keys to print), when it was asked for.
    #[must_use]
    pub fn demo(&self) -> Option<&DemoSeed> {
        self.demo.as_ref()
    }

    /// The port the server listens on (useful with port 0).
    #[must_use]
    pub fn port(&self) -> u16 {
        self.port
    }

    /// Serves until SIGINT or SIGTERM, then drains in-flight requests; the scheduler runs
    /// beside it on the same runtime and stops after it.
    ///
    /// # Errors
    /// I/O errors of the server.
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        let scheduler = self.scheduler.map(Scheduler::start);
        let dispatcher = self.dispatcher.map(Dispatcher::start);
        let outcome = self.server.await;
        if let Some(scheduler) = scheduler {
            scheduler.stop().await;
        }
        if let Some(dispatcher) = dispatcher {
            dispatcher.stop().await;
        }
        outcome
    }
}

/// The live reference rates: the embedded histories plus every entry stored in the database.
async fn load_rates(pool: Pool) -> anyhow::Result<LiveRates> {
    let rates = LiveRates::new(RateTables::embedded().context("embedded reference rates")?);
    let loader = rates.clone();
    web::block(move || -> anyhow::Result<()> {
        let mut conn = pool.get()?;
        loader.reload(&mut conn)?;
        Ok(())
    })
    .await
    .context("reference-rate loading task")?
    .context("loading the stored reference rates")?;
    Ok(rates)
}

/// Seeds the demo on the blocking pool (placement and hashing are synchronous work).
async fn seed_demo(
    pool: Pool,
    rates: Arc<RateTables>,
    now: NaiveDateTime,
) -> anyhow::Result<DemoSeed> {
    let started = std::time::Instant::now();
    let seed = web::block(move || -> anyhow::Result<DemoSeed> {
        let mut conn = pool.get()?;
        Ok(demo::seed(&mut conn, &rates, now)?)
    })
    .await
    .context("demo seeding task")??;
    tracing::info!(
        cases = seed.cases(),
        elapsed_ms = started.elapsed().as_millis(),
        "demo seeded"
    );
    Ok(seed)
}

/// Opens the database and gives the key that signs access tokens: the Ed25519 key when one is
/// configured, else the configured secret, else the one generated and kept in the database
/// (blocking work).
fn prepare_database(
    config: &ServerConfig,
    ed25519: Option<Ed25519Signing>,
) -> anyhow::Result<(Pool, SigningKey)> {
    let pool = open_database(&config.database_url, config.db_pool_size)?;
    let mut conn = pool.get()?;
    let key = match (ed25519, &config.jwt_secret) {
        (Some(key), _) => SigningKey::Ed25519(key),
        (None, Some(secret)) => {
            let bytes = secret.expose_secret().as_bytes().to_vec();
            anyhow::ensure!(
                bytes.len() >= MIN_JWT_SECRET_BYTES,
                "SOLVO_JWT_SECRET must be at least {MIN_JWT_SECRET_BYTES} bytes"
            );
            SigningKey::Secret(bytes)
        }
        (None, None) => {
            tracing::warn!(
                "no SOLVO_JWT_SECRET: signing access tokens with a secret generated and kept in the \
                 database, where anyone who can read it can forge tokens; give one by \
                 configuration in production"
            );
            let stored = server_secrets::get_or_create(
                &mut conn,
                JWT_SECRET_NAME,
                clock::system_now(),
                || {
                    let mut bytes = [0_u8; 64];
                    rand::rng().fill_bytes(&mut bytes);
                    STANDARD.encode(bytes)
                },
            )?;
            SigningKey::Secret(
                STANDARD
                    .decode(stored)
                    .context("the stored JWT secret is not base64")?,
            )
        }
    };
    // `--demo` creates the agency right after this, so the hint would only confuse.
    if !config.demo && organisations::find_agency(&mut conn)?.is_none() {
        tracing::warn!(
            "this database has no agency administrator yet; create one with: \
             solvo admin bootstrap --email admin@agency.example (the password on standard input \
             or in SOLVO_BOOTSTRAP_PASSWORD)"
        );
    }
    Ok((pool, key))
}

fn cors(origins: &[String]) -> Cors {
    let mut cors = Cors::default()
        .allowed_methods([
            Method::GET,
            Method::POST,
            Method::PUT,
            Method::PATCH,
            Method::DELETE,
        ])
        .allowed_headers([
            header::AUTHORIZATION,
            header::CONTENT_TYPE,
            header::ACCEPT,
            header::IF_MATCH,
            header::HeaderName::from_static("idempotency-key"),
            telemetry::REQUEST_ID,
        ])
        .expose_headers([telemetry::REQUEST_ID, header::ETAG, header::LOCATION])
        .max_age(3600);
    for origin in origins
        .iter()
        .map(|origin| origin.trim())
        .filter(|origin| !origin.is_empty())
    {
        cors = cors.allowed_origin(origin);
    }
    cors
}

/// What the server takes from its OpenAPI document: the methods of each path (for `405`), the
/// schemas that name a body's errors, and the document as served. The document itself is then
/// dropped.
///
/// The work runs on a thread of its own that ends with it. Building and serialising the
/// document allocates about 50 MB that is free again at once (the peak of `solvo openapi` is
/// 63 MB against 16 MB for `solvo --help`). mimalloc keeps a thread's emptied pages for it until
/// that thread allocates again; the start-up thread then only waits for the server, so they
/// stayed resident. The pages of a thread that ends go back to the shared arena, which returns
/// them to the system after its purge delay: idle after start, the server's anonymous memory
/// fell from 75 to 61 MB.
fn from_the_document() -> anyhow::Result<(
    web::Data<crate::routes::methods::RouteMethods>,
    web::Data<ServedDocument>,
)> {
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("openapi".into())
            .spawn_scoped(scope, read_the_document)
            .context("starting the thread that builds the OpenAPI document")?
            .join()
            .map_err(|panic| {
                let message = panic
                    .downcast_ref::<&str>()
                    .map(ToString::to_string)
                    .or_else(|| panic.downcast_ref::<String>().cloned())
                    .unwrap_or_default();
                anyhow::anyhow!("building the OpenAPI document panicked: {message}")
            })?
    })
}

fn read_the_document() -> anyhow::Result<(
    web::Data<crate::routes::methods::RouteMethods>,
    web::Data<ServedDocument>,
)> {
    let doc = openapi::document();
    crate::extract::schema_errors::prepare(&doc);
    Ok((
        web::Data::new(crate::routes::methods::RouteMethods::of(&doc)),
        web::Data::new(ServedDocument::of(&doc)?),
    ))
}

/// The OpenAPI document as JSON, serialised once for the process. Swagger UI's own handler
/// would keep a copy of the document in every worker and serialise its 0.9 MB on each request.
struct ServedDocument(actix_web::web::Bytes);

impl ServedDocument {
    fn of(doc: &utoipa::openapi::OpenApi) -> anyhow::Result<Self> {
        Ok(Self(serde_json::to_vec(doc)?.into()))
    }
}

async fn serve_document(document: web::Data<ServedDocument>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/json")
        .body(document.0.clone())
}

/// `/docs`, the address the README and the start-up log give, leads to Swagger UI, which is
/// served under `/docs/` (its pages load their assets relative to that).
async fn docs_redirect() -> HttpResponse {
    HttpResponse::PermanentRedirect()
        .insert_header((header::LOCATION, "/docs/"))
        .finish()
}

/// Unknown paths answer a problem, like everything else: `405` with `Allow` when the path is
/// documented under other methods, `404` otherwise.
async fn unmatched(
    req: HttpRequest,
    methods: web::Data<crate::routes::methods::RouteMethods>,
) -> Result<HttpResponse, ApiError> {
    tracing::debug!(path = %req.path(), "no route");
    match methods.allowed(req.path()) {
        Some(allow) => Err(ApiError::MethodNotAllowed(allow)),
        None => Err(ApiError::NotFound),
    }
}
