//! The debtor portal over HTTP (issue 10), on both backends: access codes and sessions
//! ([`access`]), what a debtor sees of their cases ([`cases`]), disputes and their documents
//! ([`disputes`]), the debtor's conversation with the agency and complaints ([`messages`]),
//! data-protection requests ([`data_requests`]).

mod access;
mod cases;
mod data_requests;
mod disputes;
mod instructions;
mod messages;

use reqwest::Response;
use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, TestUser, body, spawn_app};

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

/// A case of EUR 1,000.00 placed by a creditor member, worked by a collector who covers every
/// country, and its debtor's portal session.
pub struct PortalScene {
    pub app: TestApp,
    pub member: TestUser,
    pub collector: TestUser,
    pub case: String,
    pub debtor_id: String,
    pub token: String,
}

/// [`PortalScene`], with the case placed as `placement` when given (else the helpers' case).
pub async fn portal_scene(backend: Backend, placement: Option<Value>) -> PortalScene {
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
    PortalScene {
        app,
        member,
        collector,
        case,
        debtor_id,
        token,
    }
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
