//! Endpoints disabled: by a receiver answering 410, and after five days of failures, with the
//! reason.

use chrono::Utc;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, body};
use crate::webhooks::receiver::Receiver;
use crate::webhooks::{creditor, poll, register, webhook_app};

both_backends!(
    a_receiver_answering_410_disables_its_endpoint,
    an_endpoint_failing_for_five_days_is_disabled_with_its_reason,
);

async fn a_receiver_answering_410_disables_its_endpoint(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    let witness = Receiver::start().await;
    receiver.answer_next(&[410]);
    let endpoint = register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    register(
        &app,
        &admin.token,
        &witness,
        json!(["webhook_endpoint.disabled"]),
    )
    .await;
    app.place_case(&admin.token, "GONE-1").await;
    receiver.wait_for(1, |_| true).await;
    let told = witness.wait_for(1, |_| true).await;
    let event = told[0].json();
    assert_eq!(event["type"], "webhook_endpoint.disabled");
    assert_eq!(event["data"]["endpoint_id"], endpoint["id"]);

    let id = endpoint["id"].as_str().unwrap();
    let shown = body(
        app.get(&format!("/v1/webhook-endpoints/{id}"), &admin.token)
            .await,
    )
    .await;
    assert_eq!(shown["enabled"], false);
    assert_eq!(shown["disabled_reason"], "the receiver answered 410 Gone");
    let ping = app
        .post(
            &format!("/v1/webhook-endpoints/{id}/test"),
            &admin.token,
            &json!({}),
        )
        .await;
    assert_eq!(
        ping.status(),
        409,
        "a disabled endpoint takes no deliveries"
    );
    app.place_case(&admin.token, "GONE-2").await;
    let enabled = app
        .patch(
            &format!("/v1/webhook-endpoints/{id}"),
            &admin.token,
            &json!({"enabled": true}),
        )
        .await;
    assert_eq!(enabled.status(), 200);
    assert!(body(enabled).await["disabled_reason"].is_null());
    assert_eq!(
        receiver.received().len(),
        1,
        "nothing was sent while it was disabled"
    );
}

async fn an_endpoint_failing_for_five_days_is_disabled_with_its_reason(backend: Backend) {
    let app = webhook_app(backend, |config| {
        config.test_clock = true;
        config.webhook_retry_schedule = Some("1,1,1,1,1,1,1,1,1,1".to_owned());
    })
    .await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    receiver.answer_next(&[500; 20]);
    let endpoint = register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    let id = endpoint["id"].as_str().unwrap();
    app.place_case(&admin.token, "DOWN-1").await;
    receiver.wait_for(1, |_| true).await;
    let path = format!("/v1/webhook-endpoints/{id}");
    // The receiver answered; the worker records the failure just after.
    let failing = poll(&app, &path, &admin.token, |e| {
        e["failing_since"].is_string()
    })
    .await;
    assert!(
        failing["failing_since"].is_string(),
        "a failing spell starts"
    );
    assert_eq!(failing["enabled"], true, "one failure does not disable");

    let later = Utc::now() + chrono::Duration::days(5) + chrono::Duration::hours(1);
    let moved = app
        .put(
            "/v1/test-clock",
            &app.admin_token,
            &json!({"now": later.to_rfc3339()}),
        )
        .await;
    assert_eq!(moved.status(), 200);
    let shown = poll(&app, &path, &admin.token, |e| e["enabled"] == false).await;
    assert_eq!(shown["enabled"], false, "{shown}");
    assert!(
        shown["disabled_reason"]
            .as_str()
            .unwrap()
            .starts_with("every delivery failed since"),
        "{shown}"
    );
}
