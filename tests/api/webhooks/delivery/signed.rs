//! Signed events: a placement delivered and listed in the feed with the same id, retried with that
//! id after a failure, and each creditor receiving its own events while the agency gets every one.

use chrono::Utc;
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, body};
use crate::webhooks::receiver::{Receiver, verifies};
use crate::webhooks::{creditor, items, poll, register, webhook_app};

both_backends!(
    a_placement_is_delivered_signed_and_listed_in_the_feed_with_the_same_id,
    a_receiver_that_fails_gets_the_event_again_with_the_same_id,
    each_creditor_receives_its_own_events_and_the_agency_every_one,
);

async fn a_placement_is_delivered_signed_and_listed_in_the_feed_with_the_same_id(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    let endpoint = register(&app, &admin.token, &receiver, json!(null)).await;
    let secret = endpoint["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"));
    assert!(endpoint["event_types"].is_null(), "every type");

    let case = app.place_case(&admin.token, "WH-1").await;
    let got = receiver
        .wait_for(1, |r| r.json()["type"] == "case.created")
        .await;
    let delivery = &got[0];
    assert!(
        verifies(
            secret,
            &delivery.id,
            &delivery.timestamp,
            &delivery.body,
            &delivery.signature
        ),
        "the signature verifies: {}",
        delivery.signature
    );
    assert_eq!(
        delivery.signature.split(' ').count(),
        1,
        "one secret, one signature"
    );
    assert_eq!(delivery.content_type, "application/json");
    let sent_at: i64 = delivery.timestamp.parse().unwrap();
    assert!(
        (Utc::now().timestamp() - sent_at).abs() < 300,
        "a current timestamp"
    );
    let event = delivery.json();
    assert_eq!(
        event["id"],
        delivery.id.as_str(),
        "webhook-id is the event id"
    );
    assert!(delivery.id.starts_with("evt_"));
    assert_eq!(event["organisation_id"], admin.organisation_id.as_str());
    assert_eq!(event["data"]["case"]["id"], case["id"]);
    assert_eq!(event["data"]["case"]["creditor_reference"], "WH-1");
    assert_eq!(event["data"]["timeline_event"]["kind"], "placed");
    assert!(event["created_at"].as_str().unwrap().ends_with('Z'));

    let feed = body(app.get("/v1/events", &admin.token).await).await;
    let listed: Vec<&str> = feed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["id"].as_str().unwrap())
        .collect();
    assert!(
        listed.contains(&delivery.id.as_str()),
        "the feed has the delivered id"
    );
    let cursor = feed["next_cursor"].as_str().unwrap().to_owned();
    let later = body(
        app.get(&format!("/v1/events?after={cursor}"), &admin.token)
            .await,
    )
    .await;
    assert_eq!(later["data"], json!([]), "nothing after the last cursor");
    assert_eq!(
        later["next_cursor"],
        cursor.as_str(),
        "the cursor to poll with again"
    );
    let only = body(
        app.get("/v1/events?types=payment.received", &admin.token)
            .await,
    )
    .await;
    assert_eq!(only["data"], json!([]));
}

async fn a_receiver_that_fails_gets_the_event_again_with_the_same_id(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    receiver.answer_next(&[500, 503]);
    let endpoint = register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    app.place_case(&admin.token, "WH-RETRY").await;

    let got = receiver.wait_for(3, |_| true).await;
    assert_eq!(
        got.iter().map(|r| r.answered).collect::<Vec<_>>(),
        [500, 503, 200]
    );
    assert!(
        got.iter().all(|r| r.id == got[0].id),
        "one webhook-id for every attempt"
    );
    let secret = endpoint["secret"].as_str().unwrap();
    assert!(
        got.iter()
            .all(|r| verifies(secret, &r.id, &r.timestamp, &r.body, &r.signature))
    );

    let id = endpoint["id"].as_str().unwrap();
    let list = poll(
        &app,
        &format!("/v1/webhook-endpoints/{id}/deliveries"),
        &admin.token,
        |list| {
            items(list)
                .first()
                .is_some_and(|a| a["status"] == "succeeded")
        },
    )
    .await;
    let attempts = items(&list);
    let summary: Vec<(i64, &str, i64)> = attempts
        .iter()
        .map(|a| {
            (
                a["attempt"].as_i64().unwrap(),
                a["status"].as_str().unwrap(),
                a["response_status"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (3, "succeeded", 200),
            (2, "failed", 503),
            (1, "failed", 500)
        ],
        "newest first"
    );
    assert_eq!(attempts[2]["trigger"], "scheduled");
    assert_eq!(attempts[2]["response_body"], "answered 500");
    assert!(
        attempts[2]["next_attempt_at"].is_string(),
        "a failure names its retry"
    );
    assert!(attempts[0]["next_attempt_at"].is_null());
}

async fn each_creditor_receives_its_own_events_and_the_agency_every_one(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let acme = creditor(&app, "Acme").await;
    let globex = creditor(&app, "Globex").await;
    let (to_acme, to_globex, to_agency) = (
        Receiver::start().await,
        Receiver::start().await,
        Receiver::start().await,
    );
    register(&app, &acme.token, &to_acme, json!(null)).await;
    let globex_endpoint = register(&app, &globex.token, &to_globex, json!(null)).await;
    register(&app, &app.admin_token, &to_agency, json!(["case.created"])).await;

    app.place_case(&acme.token, "A-1").await;
    app.place_case(&globex.token, "G-1").await;
    let agency = to_agency.wait_for(2, |_| true).await;
    let owners: Vec<String> = agency
        .iter()
        .map(|r| r.json()["organisation_id"].as_str().unwrap().to_owned())
        .collect();
    assert!(owners.contains(&acme.organisation_id) && owners.contains(&globex.organisation_id));
    to_acme.wait_for(1, |_| true).await;
    to_globex.wait_for(1, |_| true).await;
    for (receiver, owner) in [(&to_acme, &acme), (&to_globex, &globex)] {
        for delivery in receiver.received() {
            assert_eq!(
                delivery.json()["organisation_id"],
                owner.organisation_id.as_str()
            );
        }
    }
    let feed = body(app.get("/v1/events", &acme.token).await).await;
    assert!(
        feed["data"]
            .as_array()
            .unwrap()
            .iter()
            .all(|event| event["organisation_id"] == acme.organisation_id.as_str())
    );
    let all = body(app.get("/v1/events", &app.admin_token).await).await;
    assert!(all["data"].as_array().unwrap().len() >= 2);
    // Another creditor's endpoint is not found, as a missing one.
    let id = globex_endpoint["id"].as_str().unwrap();
    for path in [
        format!("/v1/webhook-endpoints/{id}"),
        format!("/v1/webhook-endpoints/{id}/deliveries"),
    ] {
        assert_eq!(app.get(&path, &acme.token).await.status(), 404, "{path}");
    }
    let rotate = app
        .post(
            &format!("/v1/webhook-endpoints/{id}/rotate-secret"),
            &acme.token,
            &json!({}),
        )
        .await;
    assert_eq!(rotate.status(), 404);
}
