//! A test ping and a replay reach the endpoint; a replay of failures sends what failed for good,
//! and a redirect counts as a failure.

use chrono::Utc;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, body};
use crate::webhooks::receiver::Receiver;
use crate::webhooks::{creditor, items, poll, register, webhook_app};

both_backends!(
    a_test_ping_and_a_replay_reach_the_endpoint,
    a_replay_of_failures_sends_what_failed_for_good_and_a_redirect_is_a_failure,
);

async fn a_test_ping_and_a_replay_reach_the_endpoint(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    let endpoint = register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    let id = endpoint["id"].as_str().unwrap();
    let since = Utc::now().to_rfc3339();

    let ping = app
        .post(
            &format!("/v1/webhook-endpoints/{id}/test"),
            &admin.token,
            &json!({}),
        )
        .await;
    assert_eq!(ping.status(), 202);
    let got = receiver
        .wait_for(1, |r| r.json()["type"] == "webhook.test")
        .await;
    assert_eq!(got[0].json()["data"]["endpoint_id"], id);

    app.place_case(&admin.token, "RE-1").await;
    let first = receiver
        .wait_for(1, |r| r.json()["type"] == "case.created")
        .await;
    let replay_path = format!("/v1/webhook-endpoints/{id}/replay");
    // The receiver has both; wait until the worker has recorded both answers.
    let deliveries_path = format!("/v1/webhook-endpoints/{id}/deliveries");
    let settled = poll(&app, &deliveries_path, &admin.token, |list| {
        let attempts = items(list);
        attempts.len() >= 2 && attempts.iter().all(|a| a["status"] == "succeeded")
    })
    .await;
    let failed_only = body(
        app.post(&replay_path, &admin.token, &json!({"since": since}))
            .await,
    )
    .await;
    assert_eq!(
        failed_only["queued"], 0,
        "nothing failed, nothing to replay: {settled}"
    );
    let all = app
        .post(
            &replay_path,
            &admin.token,
            &json!({"since": since, "only": "all"}),
        )
        .await;
    assert_eq!(all.status(), 202);
    assert_eq!(
        body(all).await["queued"],
        1,
        "the one case.created; the ping is not replayed"
    );
    let again = receiver
        .wait_for(2, |r| r.json()["type"] == "case.created")
        .await;
    assert_eq!(again[1].id, first[0].id, "a replay keeps the webhook-id");

    let deliveries = body(
        app.get(
            &format!("/v1/webhook-endpoints/{id}/deliveries"),
            &admin.token,
        )
        .await,
    )
    .await;
    let triggers: Vec<&str> = deliveries["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["trigger"].as_str().unwrap())
        .collect();
    assert!(
        triggers.contains(&"replay") && triggers.contains(&"manual"),
        "{triggers:?}"
    );
    let delivery = deliveries["data"][0]["id"].as_str().unwrap();
    let retry = app
        .post(
            &format!("/v1/webhook-deliveries/{delivery}/retry"),
            &admin.token,
            &json!({}),
        )
        .await;
    assert_eq!(retry.status(), 202);
    assert_eq!(body(retry).await["trigger"], "manual");
    let other = creditor(&app, "Globex").await;
    let foreign = app
        .post(
            &format!("/v1/webhook-deliveries/{delivery}/retry"),
            &other.token,
            &json!({}),
        )
        .await;
    assert_eq!(foreign.status(), 404);
}

async fn a_replay_of_failures_sends_what_failed_for_good_and_a_redirect_is_a_failure(
    backend: Backend,
) {
    let app = webhook_app(backend, |config| {
        config.webhook_retry_schedule = Some("1".to_owned());
    })
    .await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    // Both attempts of the first event fail: a redirect, then a server error.
    receiver.answer_next(&[302, 500]);
    let endpoint = register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    let id = endpoint["id"].as_str().unwrap();
    let since = Utc::now().to_rfc3339();
    app.place_case(&admin.token, "FAIL-1").await;
    let failed = receiver.wait_for(2, |_| true).await;
    app.place_case(&admin.token, "OK-1").await;
    receiver.wait_for(1, |r| r.answered == 200).await;
    let path = format!("/v1/webhook-endpoints/{id}/deliveries");
    let statuses_of = |list: &Value| -> Vec<(String, Value)> {
        items(list)
            .iter()
            .map(|a| {
                (
                    a["status"].as_str().unwrap().to_owned(),
                    a["response_status"].clone(),
                )
            })
            .collect()
    };
    let list = poll(&app, &path, &admin.token, |list| {
        let statuses = statuses_of(list);
        statuses.len() == 3
            && statuses
                .iter()
                .all(|(s, _)| s != "pending" && s != "sending")
    })
    .await;
    let statuses = statuses_of(&list);
    assert!(
        statuses.contains(&("failed".to_owned(), json!(302))),
        "a redirect is a failure: {statuses:?}"
    );

    let replayed = body(
        app.post(
            &format!("/v1/webhook-endpoints/{id}/replay"),
            &admin.token,
            &json!({"since": since}),
        )
        .await,
    )
    .await;
    assert_eq!(replayed["queued"], 1, "only the event that failed for good");
    let again = receiver.wait_for(3, |r| r.id == failed[0].id).await;
    assert_eq!(again[2].answered, 200, "the replay reached it");
}
