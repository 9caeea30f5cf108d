//! The debtor portal over HTTP (issue 10), on both backends: access codes and sessions
//! ([`access`]), what a debtor sees of their cases ([`cases`]), plan requests ([`plans`]),
//! already-paid claims ([`already_paid`]), disputes and their documents ([`disputes`]), the
//! debtor's conversation with the agency and complaints ([`messages`]), data-protection requests
//! ([`data_requests`]).

mod access;
mod already_paid;
mod cards;
mod cases;
mod data_requests;
mod disputes;
mod instructions;
mod messages;
mod plans;

use reqwest::Response;
use serde_json::{Value, json};

use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, InvoiceRequest, TestApp, TestUser, body, spawn_app,
};

/// Issues a portal access code for `case_id` as the agency admin; returns the 201 body.
pub async fn issue_code(app: &TestApp, case_id: &str) -> Value {
    let response = app
        .post(
            &format!("/v1/cases/{case_id}/debtor-access"),
            &app.admin_token,
            &json!({}),
        )
        .await;
    assert_eq!(response.status(), 201, "the agency admin issues a code");
    body(response).await
}

/// `POST /v1/portal/session` from the loopback address `source`, with `accept_language` if any.
pub async fn open_session(
    app: &TestApp,
    source: &str,
    reference: &str,
    code: &str,
    accept_language: Option<&str>,
) -> Response {
    let client = reqwest::Client::builder()
        .local_address(source.parse::<std::net::IpAddr>().unwrap())
        .build()
        .unwrap();
    let mut request = client
        .post(app.url("/v1/portal/session"))
        .json(&json!({"reference": reference, "access_code": code}));
    if let Some(language) = accept_language {
        request = request.header("accept-language", language);
    }
    request.send().await.unwrap()
}

/// A debtor's portal token for the code on `letter` (the body of [`issue_code`]).
pub async fn debtor_token(app: &TestApp, letter: &Value) -> String {
    let response = open_session(
        app,
        "127.0.0.1",
        letter["reference"].as_str().unwrap(),
        letter["access_code"].as_str().unwrap(),
        None,
    )
    .await;
    assert_eq!(response.status(), 200, "the letter's code opens a session");
    body(response).await["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// A sandbox on 2030-01-07 for plan requests and already-paid claims: a creditor's German case
/// of 1,000.00 (due 2029-11-01, contractual interest 0 %, so it owes 1,000.00 + the BGB s.288(5)
/// flat 40.00 = 1,040.00 every day), in `amicable`, worked by a covering collector; its debtor
/// holds a portal session; a creditor viewer and a creditor admin of the same creditor.
pub struct PortalScene {
    pub app: TestApp,
    pub creditor: String,
    pub member: crate::helpers::TestUser,
    pub viewer: crate::helpers::TestUser,
    pub creditor_admin: crate::helpers::TestUser,
    pub collector: crate::helpers::TestUser,
    pub case: String,
    pub token: String,
}

pub async fn portal_scene(backend: crate::helpers::Backend) -> PortalScene {
    let app = crate::test_clock::spawn_with_test_clock(backend).await;
    crate::test_clock::move_clock(&app, crate::arrangements::day(crate::arrangements::START)).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    let creditor_admin = app.create_user(&creditor, "creditor_admin").await;
    let collector = app.create_covering_collector().await;
    let case = place(&app, &member.token, "PORTAL-1", "HRB 1", "Globex GmbH").await;
    crate::cases::start_amicable(&app, &case).await;
    let token = debtor_token(&app, &issue_code(&app, &case).await).await;
    PortalScene {
        app,
        creditor,
        member,
        viewer,
        creditor_admin,
        collector,
        case,
        token,
    }
}

/// A case of EUR 1,000.00 placed by a creditor member, worked by a collector who covers every
/// country, and its debtor's portal session.
pub struct DebtorScene {
    pub app: TestApp,
    pub member: TestUser,
    pub collector: TestUser,
    pub case: String,
    pub debtor_id: String,
    pub token: String,
}

/// [`DebtorScene`], with the case placed as `placement` when given (else the helpers' case).
pub async fn debtor_scene(backend: Backend, placement: Option<Value>) -> DebtorScene {
    let app = spawn_app(backend).await;
    let collector = app.create_covering_collector().await;
    let creditor = app.create_creditor("Acme Supplies BV").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = match placement {
        Some(placement) => {
            let response = app.post("/v1/cases", &member.token, &placement).await;
            assert_eq!(response.status(), 201);
            body(response).await
        }
        None => app.place_case(&member.token, "P-1").await,
    };
    assert_eq!(
        case["collector_id"],
        collector.id.as_str(),
        "assigned by coverage"
    );
    let debtor_id = case["debtor"]["id"].as_str().unwrap().to_owned();
    let case = case["id"].as_str().unwrap().to_owned();
    let token = debtor_token(&app, &issue_code(&app, &case).await).await;
    DebtorScene {
        app,
        member,
        collector,
        case,
        debtor_id,
        token,
    }
}

/// Places a German case of 1,000.00 due 2029-11-01 at 0 % contractual interest for the debtor
/// registered as `registration`; returns its id.
pub async fn place(
    app: &TestApp,
    token: &str,
    reference: &str,
    registration: &str,
    name: &str,
) -> String {
    let placed = app
        .post(
            "/v1/cases",
            token,
            &CaseRequest::new(reference)
                .debtor(DebtorRequest::company(name, "DE").registration_number(registration))
                .contractual_interest_rate("0")
                .invoice(
                    InvoiceRequest::new(format!("{reference}-1"), "1000.00", "2029-11-01")
                        .issued("2029-10-01"),
                ),
        )
        .await;
    assert_eq!(placed.status(), 201);
    body(placed).await["id"].as_str().unwrap().to_owned()
}

/// A portal `POST` with `Accept-Language: accept_language`.
pub async fn portal_post(
    app: &TestApp,
    token: &str,
    path: &str,
    payload: &Value,
    accept_language: &str,
) -> Response {
    app.client
        .post(app.url(path))
        .bearer_auth(token)
        .header("accept-language", accept_language)
        .json(payload)
        .send()
        .await
        .unwrap()
}

/// The kinds of case `case`'s timeline entries with their actor kinds, oldest first.
pub async fn timeline_of(app: &TestApp, token: &str, case: &str) -> Vec<(String, String)> {
    let page = body(
        app.get(&format!("/v1/cases/{case}/timeline?limit=500"), token)
            .await,
    )
    .await;
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| {
            (
                event["kind"].as_str().unwrap().to_owned(),
                event["actor"]["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// A second creditor's case with its own debtor session: another debtor's data, for 404s.
pub async fn other_debtor(app: &TestApp) -> (String, String) {
    let creditor = app.create_creditor("Initech SARL").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "O-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let token = debtor_token(app, &issue_code(app, &case).await).await;
    (case, token)
}
