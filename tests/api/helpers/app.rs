//! The server under test: [`spawn_app`], its database, and requests to it.

use reqwest::{Method, Response};
use serde::Serialize;
use serde_json::{Value, json};
use solvo_api::{Application, ServerConfig};

use super::{
    CaseRequest, DebtorRequest, InvoiceRequest, LoginRequest, OrganisationRequest, TestDatabase,
    UserRequest, body,
};

/// The JWT secret every test server uses, so that tests can forge tokens with and without it.
pub const TEST_JWT_SECRET: &str = "test-secret-test-secret-test-secret-0123";
/// Password of every user the harness creates.
pub const PASSWORD: &str = "correct horse battery staple";
/// The bootstrapped agency administrator.
pub const ADMIN_EMAIL: &str = "admin@agency.example";

/// Which database a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Runs one scenario function on SQLite and on PostgreSQL.
#[macro_export]
macro_rules! both_backends {
    ($($name:ident),+ $(,)?) => {$(
        mod $name {
            #[tokio::test]
            async fn sqlite() {
                super::$name($crate::helpers::Backend::Sqlite).await;
            }

            #[tokio::test]
            async fn postgres() {
                if $crate::helpers::postgres_admin_url().is_none() {
                    eprintln!("skipped: SOLVO_TEST_POSTGRES_URL is not set");
                    return;
                }
                super::$name($crate::helpers::Backend::Postgres).await;
            }
        }
    )+};
}

/// The PostgreSQL server URL tests create their databases on.
pub fn postgres_admin_url() -> Option<String> {
    std::env::var("SOLVO_TEST_POSTGRES_URL")
        .ok()
        .filter(|url| !url.is_empty())
}

/// A running server with a bootstrapped agency admin.
pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub admin_token: String,
    pub database_url: String,
    pub backend: Backend,
    _database: TestDatabase,
}

/// Starts a server on a fresh database of `backend`.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, |_| {}).await
}

/// Starts a server after letting the test adjust its configuration.
pub async fn spawn_app_with(backend: Backend, adjust: impl FnOnce(&mut ServerConfig)) -> TestApp {
    let (database, database_url) = TestDatabase::create(backend);
    let mut config = ServerConfig::for_database(&database_url);
    config.jwt_secret = Some(TEST_JWT_SECRET.to_owned().into());
    config.workers = Some(1);
    // Every answer of every test is held to the OpenAPI document.
    config.check_responses = true;
    adjust(&mut config);
    let application = Application::build(config).await.expect("server starts");
    let address = format!("http://127.0.0.1:{}", application.port());
    tokio::spawn(application.run_until_stopped());
    let url = database_url.clone();
    tokio::task::spawn_blocking(move || {
        let pool = solvo_api::startup::open_database(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        solvo_api::bootstrap::bootstrap(&mut conn, ADMIN_EMAIL, PASSWORD, "Test Agency", "NL")
            .unwrap();
    })
    .await
    .unwrap();
    // The server closes a keep-alive connection idle for 5 s (actix's default); a client that
    // picks such a connection from its pool just as it closes gets `IncompleteMessage`. Idle
    // connections are dropped well before that, as the test waits on other work in between.
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_idle_timeout(std::time::Duration::from_secs(2))
        .build()
        .unwrap();
    let mut app = TestApp {
        address,
        client,
        admin_token: String::new(),
        database_url,
        backend,
        _database: database,
    };
    app.login(ADMIN_EMAIL, PASSWORD).await["access_token"]
        .as_str()
        .unwrap()
        .clone_into(&mut app.admin_token);
    app
}

/// A user created by the harness, logged in.
pub struct TestUser {
    pub id: String,
    pub email: String,
    pub organisation_id: String,
    pub token: String,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    /// Any request with an optional bearer token and JSON body.
    pub async fn request(
        &self,
        method: Method,
        path: &str,
        token: Option<&str>,
        body: Option<&Value>,
    ) -> Response {
        let mut request = self.client.request(method, self.url(path));
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        if let Some(body) = body {
            request = request.json(body);
        }
        request.send().await.unwrap()
    }

    pub async fn get(&self, path: &str, token: &str) -> Response {
        self.request(Method::GET, path, Some(token), None).await
    }

    /// A request with a bearer token and a JSON body: a typed builder or raw `json!`.
    pub async fn send(
        &self,
        method: Method,
        path: &str,
        token: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Response {
        self.client
            .request(method, self.url(path))
            .bearer_auth(token)
            .json(body)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(
        &self,
        path: &str,
        token: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Response {
        self.send(Method::POST, path, token, body).await
    }

    pub async fn put(&self, path: &str, token: &str, body: &(impl Serialize + ?Sized)) -> Response {
        self.send(Method::PUT, path, token, body).await
    }

    pub async fn patch(
        &self,
        path: &str,
        token: &str,
        body: &(impl Serialize + ?Sized),
    ) -> Response {
        self.send(Method::PATCH, path, token, body).await
    }

    pub async fn delete(&self, path: &str, token: &str) -> Response {
        self.request(Method::DELETE, path, Some(token), None).await
    }

    /// Logs in and returns the token response body (panics unless 200).
    pub async fn login(&self, email: &str, password: &str) -> Value {
        let response = self
            .client
            .post(self.url("/v1/auth/token"))
            .json(&LoginRequest::new(email, password))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200, "login of {email}");
        response.json().await.unwrap()
    }

    /// Creates a creditor organisation as the agency admin; returns its id.
    pub async fn create_creditor(&self, name: &str) -> String {
        let response = self
            .post(
                "/v1/organisations",
                &self.admin_token,
                &OrganisationRequest::creditor(name, "DE"),
            )
            .await;
        assert_eq!(response.status(), 201);
        body(response).await["id"].as_str().unwrap().to_owned()
    }

    /// Creates a user with `role` in `organisation_id` as the agency admin and logs them in.
    pub async fn create_user(&self, organisation_id: &str, role: &str) -> TestUser {
        let email = format!("{role}.{}@example.com", uuid::Uuid::now_v7().simple());
        let response = self
            .post(
                "/v1/users",
                &self.admin_token,
                &UserRequest::new(&email, role).organisation(organisation_id),
            )
            .await;
        assert_eq!(response.status(), 201, "creating {role}");
        let id = body(response).await["id"].as_str().unwrap().to_owned();
        let token = self.login(&email, PASSWORD).await["access_token"]
            .as_str()
            .unwrap()
            .to_owned();
        TestUser {
            id,
            email,
            organisation_id: organisation_id.to_owned(),
            token,
        }
    }

    /// Places a case for a German debtor with one EUR 1,000.00 invoice as `token`'s creditor;
    /// returns the case body. `reference` must be unique per creditor.
    pub async fn place_case(&self, token: &str, reference: &str) -> Value {
        let response = self
            .post(
                "/v1/cases",
                token,
                &CaseRequest::new(reference)
                    .debtor(DebtorRequest::globex().language("de"))
                    .invoice(InvoiceRequest::new(
                        format!("{reference}-INV-1"),
                        "1000.00",
                        "2026-02-04",
                    )),
            )
            .await;
        assert_eq!(response.status(), 201, "placing case {reference}");
        body(response).await
    }

    /// The OpenAPI document the server serves at `/openapi.json`.
    pub async fn served_openapi(&self) -> Value {
        self.client
            .get(self.url("/openapi.json"))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap()
    }

    /// Starts another server on this app's database, as a second node of the same installation
    /// (or this one restarted) would run, after letting the test adjust its configuration; returns
    /// its address. The agency exists already, so nothing is bootstrapped and tokens of this app
    /// are valid there.
    pub async fn start_node(&self, adjust: impl FnOnce(&mut ServerConfig)) -> String {
        let mut config = ServerConfig::for_database(&self.database_url);
        config.jwt_secret = Some(TEST_JWT_SECRET.to_owned().into());
        config.workers = Some(1);
        adjust(&mut config);
        let application = Application::build(config).await.expect("node starts");
        let address = format!("http://127.0.0.1:{}", application.port());
        tokio::spawn(application.run_until_stopped());
        address
    }

    /// The agency admin assigns `case_id` to the collector `collector_id`, which puts it in the
    /// collector's book; returns the case as it is now.
    pub async fn assign_case(&self, case_id: &str, collector_id: &str) -> Value {
        let response = self
            .put(
                &format!("/v1/cases/{case_id}/assignment"),
                &self.admin_token,
                &json!({"collector_id": collector_id}),
            )
            .await;
        assert_eq!(response.status(), 200, "the agency admin assigns the case");
        body(response).await
    }

    /// A collector of the agency covering every country and language, so that every case placed
    /// afterwards is assigned to them (when no other collector covers it) and is in their book.
    pub async fn create_covering_collector(&self) -> TestUser {
        let agency = self.agency_id().await;
        let collector = self.create_user(&agency, "collector").await;
        let response = self
            .put(
                &format!("/v1/collectors/{}/coverage", collector.id),
                &self.admin_token,
                &json!({"areas": [{"country": "*", "language": "*"}]}),
            )
            .await;
        assert_eq!(response.status(), 200, "coverage of every country");
        collector
    }

    /// The agency organisation's id.
    pub async fn agency_id(&self) -> String {
        body(self.get("/v1/me", &self.admin_token).await).await["organisation"]["id"]
            .as_str()
            .unwrap()
            .to_owned()
    }
}

/// A login attempt from the loopback address `source` (Linux routes all of 127.0.0.0/8 to the
/// server on 127.0.0.1), so that a test can be several clients.
pub async fn login_from(app: &TestApp, source: &str, email: &str, password: &str) -> Response {
    let client = reqwest::Client::builder()
        .local_address(source.parse::<std::net::IpAddr>().unwrap())
        .build()
        .unwrap();
    client
        .post(app.url("/v1/auth/token"))
        .json(&LoginRequest::new(email, password))
        .send()
        .await
        .unwrap()
}
