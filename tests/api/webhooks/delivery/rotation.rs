//! Secret rotation: both secrets sign for a day, and a second rotation within that day is refused.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, body};
use crate::webhooks::receiver::{Receiver, verifies};
use crate::webhooks::{creditor, register, webhook_app};

both_backends!(
    after_a_rotation_both_secrets_sign_for_a_day,
    a_second_rotation_within_a_day_is_refused,
);

async fn after_a_rotation_both_secrets_sign_for_a_day(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    let endpoint = register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    let id = endpoint["id"].as_str().unwrap();
    let old = endpoint["secret"].as_str().unwrap().to_owned();
    let rotated = body(
        app.post(
            &format!("/v1/webhook-endpoints/{id}/rotate-secret"),
            &admin.token,
            &json!({}),
        )
        .await,
    )
    .await;
    let new = rotated["secret"].as_str().unwrap().to_owned();
    assert_ne!(new, old);
    assert!(rotated["previous_secret_expires_at"].is_string());

    app.place_case(&admin.token, "ROT-1").await;
    let got = receiver.wait_for(1, |_| true).await;
    let delivery = &got[0];
    let signatures: Vec<&str> = delivery.signature.split(' ').collect();
    assert_eq!(signatures.len(), 2, "the new and the previous signature");
    for secret in [&new, &old] {
        assert!(
            verifies(
                secret,
                &delivery.id,
                &delivery.timestamp,
                &delivery.body,
                &delivery.signature
            ),
            "verifies with either secret"
        );
    }
    assert!(verifies(
        &new,
        &delivery.id,
        &delivery.timestamp,
        &delivery.body,
        signatures[0]
    ));
    assert!(verifies(
        &old,
        &delivery.id,
        &delivery.timestamp,
        &delivery.body,
        signatures[1]
    ));
}

async fn a_second_rotation_within_a_day_is_refused(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    let endpoint = register(&app, &admin.token, &receiver, json!(null)).await;
    let path = format!(
        "/v1/webhook-endpoints/{}/rotate-secret",
        endpoint["id"].as_str().unwrap()
    );
    assert_eq!(
        app.post(&path, &admin.token, &json!({})).await.status(),
        200
    );
    let again = app.post(&path, &admin.token, &json!({})).await;
    assert_eq!(
        crate::helpers::assert_problem(again, 409).await["code"],
        "conflict"
    );
}
