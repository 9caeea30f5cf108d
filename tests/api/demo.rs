//! `solvo serve --demo`: the seed on a fresh database (organisations, logins for every role, an
//! API key per creditor, cases in every state) and its refusal to seed a database with data.

use serde_json::Value;
use solvo_api::demo::{DEMO_ADMIN_EMAIL, DEMO_CASES, DEMO_PASSWORD, DemoSeed};
use solvo_api::{Application, ServerConfig};

use crate::both_backends;
use crate::helpers::{Backend, TEST_JWT_SECRET, TestDatabase, body, spawn_app};

const STATES: [&str; 10] = [
    "submitted",
    "assessment",
    "amicable",
    "payment_plan",
    "disputed",
    "paused",
    "pre_legal",
    "legal",
    "insolvency",
    "closed",
];

both_backends!(
    the_demo_seeds_organisations_logins_and_cases_in_every_state,
    the_demo_refuses_a_database_that_already_has_an_agency,
);

fn demo_config(database_url: &str) -> ServerConfig {
    let mut config = ServerConfig::for_database(database_url);
    config.jwt_secret = Some(TEST_JWT_SECRET.to_owned().into());
    config.workers = Some(1);
    config.demo = true;
    config
}

/// A started demo server: its address and what the seed reported.
async fn spawn_demo(database_url: &str) -> (String, DemoSeed) {
    let application = Application::build(demo_config(database_url))
        .await
        .expect("the demo seeds");
    let seed = application
        .demo()
        .expect("a demo server reports its seed")
        .clone();
    let address = format!("http://127.0.0.1:{}", application.port());
    tokio::spawn(application.run_until_stopped());
    (address, seed)
}

async fn login(client: &reqwest::Client, address: &str, email: &str) -> String {
    let response = client
        .post(format!("{address}/v1/auth/token"))
        .json(&serde_json::json!({"email": email, "password": DEMO_PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "login of {email}");
    body(response).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

async fn get(client: &reqwest::Client, address: &str, path: &str, token: &str) -> Value {
    let response = client
        .get(format!("{address}{path}"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200, "GET {path}");
    body(response).await
}

async fn the_demo_seeds_organisations_logins_and_cases_in_every_state(backend: Backend) {
    let (_database, url) = TestDatabase::create(backend);
    let (address, seed) = spawn_demo(&url).await;
    let client = reqwest::Client::new();

    assert_eq!(seed.cases(), usize::try_from(DEMO_CASES).unwrap());
    assert!(
        seed.cases_by_jurisdiction.len() >= 8,
        "{:?}",
        seed.cases_by_jurisdiction
    );
    let roles: std::collections::BTreeSet<&str> =
        seed.logins.iter().map(|login| login.role).collect();
    assert_eq!(
        roles.into_iter().collect::<Vec<_>>(),
        [
            "agency_admin",
            "collector",
            "creditor_admin",
            "creditor_member",
            "creditor_viewer"
        ]
    );

    // Every printed login works and has the printed role.
    for demo_login in &seed.logins {
        let token = login(&client, &address, &demo_login.email).await;
        let me = get(&client, &address, "/v1/me", &token).await;
        assert_eq!(me["role"], demo_login.role, "{}", demo_login.email);
    }

    let admin = login(&client, &address, DEMO_ADMIN_EMAIL).await;
    let organisations = get(&client, &address, "/v1/organisations", &admin).await;
    let mut names: Vec<(String, String)> = organisations["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|org| {
            (
                org["kind"].as_str().unwrap().to_owned(),
                org["name"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ("agency".to_owned(), "Meridian Incasso B.V.".to_owned()),
            (
                "creditor".to_owned(),
                "Kessler Maschinenbau GmbH".to_owned()
            ),
            (
                "creditor".to_owned(),
                "Van den Berg Groothandel B.V.".to_owned()
            ),
        ]
    );

    // Cases in every state, as many as the seed reported.
    for state in STATES {
        let page = get(
            &client,
            &address,
            &format!("/v1/cases?state={state}&limit=500"),
            &admin,
        )
        .await;
        let found = page["data"].as_array().unwrap().len();
        assert!(found > 0, "no case in {state}");
        assert_eq!(Some(&found), seed.cases_by_state.get(state), "{state}");
    }

    // The API keys work, and a creditor sees its own cases only.
    for key in &seed.api_keys {
        let me = get(&client, &address, "/v1/me", key.secret()).await;
        assert_eq!(me["organisation"]["name"], key.organisation.as_str());
    }
    let viewer = login(&client, &address, "controller@vandenberg.example").await;
    let own = get(&client, &address, "/v1/me", &viewer).await["organisation"]["id"].clone();
    let cases = get(&client, &address, "/v1/cases?limit=500", &viewer).await;
    let cases = cases["data"].as_array().unwrap();
    assert!(!cases.is_empty() && cases.len() < seed.cases());
    assert!(cases.iter().all(|case| case["organisation_id"] == own));

    // Seeding again is refused: the database is no longer empty.
    let error = Application::build(demo_config(&url))
        .await
        .err()
        .expect("a second seed is refused");
    assert!(
        format!("{error:#}").contains("already holds organisations"),
        "{error:#}"
    );
}

async fn the_demo_refuses_a_database_that_already_has_an_agency(backend: Backend) {
    let app = spawn_app(backend).await;

    let error = Application::build(demo_config(&app.database_url))
        .await
        .err()
        .expect("refused");

    assert!(
        format!("{error:#}").contains("already holds organisations"),
        "{error:#}"
    );
    let organisations = body(app.get("/v1/organisations", &app.admin_token).await).await;
    assert_eq!(
        organisations["data"].as_array().unwrap().len(),
        1,
        "nothing was added"
    );
}
