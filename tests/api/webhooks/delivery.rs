//! What a receiver gets: signed events, retried with the same id, each creditor its own.

use chrono::Utc;
use serde_json::{Value, json};

use super::receiver::{Receiver, verifies};
use super::{creditor, items, poll, register, webhook_app};
use crate::both_backends;
use crate::helpers::{Backend, body};

both_backends!(
    a_placement_is_delivered_signed_and_listed_in_the_feed_with_the_same_id,
    a_receiver_that_fails_gets_the_event_again_with_the_same_id,
    each_creditor_receives_its_own_events_and_the_agency_every_one,
    after_a_rotation_both_secrets_sign_for_a_day,
    a_test_ping_and_a_replay_reach_the_endpoint,
    a_receiver_answering_410_disables_its_endpoint,
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

both_backends!(an_endpoint_failing_for_five_days_is_disabled_with_its_reason);

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

both_backends!(two_nodes_never_send_one_attempt_twice);

async fn two_nodes_never_send_one_attempt_twice(backend: Backend) {
    let app = webhook_app(backend, |config| config.webhook_interval_ms = 10).await;
    app.start_node(|config| {
        super::loopback(config);
        config.webhook_interval_ms = 10;
    })
    .await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    for n in 0..20 {
        app.place_case(&admin.token, &format!("NODES-{n}")).await;
    }
    let got = receiver.wait_for(20, |_| true).await;
    // Give a second sending of any attempt the time to arrive before counting.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let mut ids: Vec<String> = receiver.received().into_iter().map(|r| r.id).collect();
    assert_eq!(ids.len(), 20, "twenty events, each sent once: {got:?}");
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 20);
}

both_backends!(a_receiver_down_for_a_while_gets_every_event_once_it_is_up);

async fn a_receiver_down_for_a_while_gets_every_event_once_it_is_up(backend: Backend) {
    let app = webhook_app(backend, |config| {
        config.webhook_retry_schedule = Some("1,1,1,1,1,1,1,1,1,1".to_owned());
    })
    .await;
    let admin = creditor(&app, "Acme").await;
    // A port nothing listens on yet.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let response = app
        .post(
            "/v1/webhook-endpoints",
            &admin.token,
            &json!({"url": format!("http://127.0.0.1:{port}/hook"), "event_types": ["case.created"]}),
        )
        .await;
    let endpoint = body(response).await;
    let id = endpoint["id"].as_str().unwrap();
    for n in 0..3 {
        app.place_case(&admin.token, &format!("DOWN-{n}")).await;
    }
    let path = format!("/v1/webhook-endpoints/{id}/deliveries");
    let refused_while_down = |list: &Value| {
        items(list)
            .iter()
            .filter(|a| a["status"] == "failed" && a["response_status"].is_null())
            .count()
    };
    let list = poll(&app, &path, &admin.token, |list| {
        refused_while_down(list) >= 3
    })
    .await;
    let refused = refused_while_down(&list);
    assert!(
        refused >= 3,
        "every event failed while the receiver was down"
    );

    let receiver = Receiver::start_on(port).await;
    let got = receiver.wait_for(3, |_| true).await;
    let mut references: Vec<String> = got
        .iter()
        .map(|r| {
            r.json()["data"]["case"]["creditor_reference"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    references.sort();
    assert_eq!(references, ["DOWN-0", "DOWN-1", "DOWN-2"]);
    let secret = endpoint["secret"].as_str().unwrap();
    assert!(
        got.iter()
            .all(|r| verifies(secret, &r.id, &r.timestamp, &r.body, &r.signature))
    );
}

both_backends!(
    a_replay_of_failures_sends_what_failed_for_good_and_a_redirect_is_a_failure,
    a_second_rotation_within_a_day_is_refused,
);

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
