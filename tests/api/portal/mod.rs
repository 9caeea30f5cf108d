//! The debtor portal over HTTP (issue 10), on both backends: access codes and sessions
//! ([`access`]), what a debtor sees of their cases ([`cases`]).

mod access;
mod cards;
mod cases;
mod instructions;

use reqwest::Response;
use serde_json::{Value, json};

use crate::helpers::{TestApp, body};

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
