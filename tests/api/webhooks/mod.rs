//! Webhooks and the event feed, end to end: a real receiver in the test process, the server's
//! webhook worker delivering to it, signatures checked apart from the server's code.

mod catalogue;
mod delivery;
mod endpoints;
mod faults;
mod receiver;

use serde_json::{Value, json};
use solvo_api::ServerConfig;

use crate::helpers::{Backend, TestApp, TestUser, body, spawn_app_with};
use receiver::Receiver;

/// A server whose worker runs every 50 ms, retries after 1 s, and may deliver to the loopback
/// receiver over plain http.
pub async fn webhook_app(backend: Backend, adjust: impl FnOnce(&mut ServerConfig)) -> TestApp {
    spawn_app_with(backend, |config| {
        loopback(config);
        adjust(config);
    })
    .await
}

/// The settings every webhook test node runs with.
pub fn loopback(config: &mut ServerConfig) {
    config.webhook_allow_hosts = vec!["127.0.0.1".to_owned()];
    config.webhook_retry_schedule = Some("1,1,1".to_owned());
    config.webhook_interval_ms = 50;
}

/// A creditor with its administrator.
pub async fn creditor(app: &TestApp, name: &str) -> TestUser {
    let organisation = app.create_creditor(name).await;
    app.create_user(&organisation, "creditor_admin").await
}

/// Registers `receiver` for `token`'s organisation; returns the endpoint with its secret.
pub async fn register(app: &TestApp, token: &str, receiver: &Receiver, types: Value) -> Value {
    let response = app
        .post(
            "/v1/webhook-endpoints",
            token,
            &json!({"url": receiver.url, "event_types": types, "description": "ERP"}),
        )
        .await;
    assert_eq!(response.status(), 201, "registering the receiver");
    body(response).await
}

/// Reads `path` as `token` until `done` holds of the body (up to five seconds): the worker
/// records what a receiver answered just after the receiver has it. Returns the last body.
pub async fn poll(app: &TestApp, path: &str, token: &str, done: impl Fn(&Value) -> bool) -> Value {
    let mut last = Value::Null;
    for _ in 0..250 {
        let response = app.get(path, token).await;
        let status = response.status();
        last = body(response).await;
        assert!(status.is_success(), "{path}: {status} {last}");
        if done(&last) {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    last
}

/// The items of a list body.
pub fn items(list: &Value) -> Vec<Value> {
    list["data"].as_array().cloned().unwrap_or_default()
}
