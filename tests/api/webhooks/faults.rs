//! Faults: a change that rolls back publishes nothing; events committed while no worker ran
//! are delivered once one starts; a name that resolves inward at delivery time is not
//! connected to.

use serde_json::json;

use super::receiver::Receiver;
use super::{creditor, loopback, register, webhook_app};
use crate::both_backends;
use crate::helpers::{Backend, CaseRequest, InvoiceRequest, body, count, execute_sql};

both_backends!(
    a_placement_that_rolls_back_publishes_nothing,
    events_committed_while_no_worker_ran_are_delivered_after_a_restart,
    a_name_resolving_inward_at_delivery_is_not_connected_to,
);

// The SQL here is the point: a failure injected into the server's own transaction, and the
// outbox rows no endpoint shows (an event that must not exist, one not yet published).

async fn a_placement_that_rolls_back_publishes_nothing(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    register(&app, &admin.token, &receiver, json!(null)).await;
    // Storing the idempotency key is the placement's last write, after its events: make it
    // fail, and the whole transaction with its events must go.
    let trigger = match backend {
        Backend::Sqlite => vec![
            "CREATE TRIGGER fail_keys BEFORE INSERT ON idempotency_keys \
             BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
                .to_owned(),
        ],
        Backend::Postgres => vec![
            "CREATE FUNCTION fail_keys() RETURNS trigger AS $$ BEGIN \
             RAISE EXCEPTION 'injected failure'; END $$ LANGUAGE plpgsql"
                .to_owned(),
            "CREATE TRIGGER fail_keys BEFORE INSERT ON idempotency_keys \
             FOR EACH ROW EXECUTE FUNCTION fail_keys()"
                .to_owned(),
        ],
    };
    execute_sql(&app.database_url, trigger).await;
    let failed = app
        .client
        .post(app.url("/v1/cases"))
        .bearer_auth(&admin.token)
        .header("Idempotency-Key", "rollback-1")
        .json(
            &CaseRequest::new("ROLLED-BACK").invoice(InvoiceRequest::new(
                "RB-1",
                "1000.00",
                "2026-02-04",
            )),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(failed.status(), 500, "the injected failure");
    assert_eq!(
        count(&app.database_url, "SELECT COUNT(*) AS count FROM events").await,
        0,
        "no event outlived the rolled back placement"
    );
    assert_eq!(
        count(&app.database_url, "SELECT COUNT(*) AS count FROM cases").await,
        0
    );
    // A placement after it is delivered, and is the only thing the receiver ever got.
    let case = app.place_case(&admin.token, "KEPT").await;
    let got = receiver.wait_for(1, |_| true).await;
    assert!(
        got.iter()
            .all(|r| r.json()["data"]["case"]["id"] == case["id"]),
        "only the committed placement was published"
    );
}

async fn events_committed_while_no_worker_ran_are_delivered_after_a_restart(backend: Backend) {
    // The first node has no webhook worker: it stands for a node killed after its commits.
    let app = webhook_app(backend, |config| config.webhook_interval_ms = 0).await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    register(&app, &admin.token, &receiver, json!(["case.created"])).await;
    for reference in ["R-1", "R-2", "R-3"] {
        app.place_case(&admin.token, reference).await;
    }
    assert_eq!(
        count(
            &app.database_url,
            "SELECT COUNT(*) AS count FROM events WHERE position IS NULL"
        )
        .await,
        3,
        "committed, not yet published"
    );
    assert!(receiver.received().is_empty());

    app.start_node(loopback).await;
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
    assert_eq!(references, ["R-1", "R-2", "R-3"]);
    let feed = body(app.get("/v1/events", &admin.token).await).await;
    let positions: Vec<&str> = feed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["id"].as_str().unwrap())
        .collect();
    let delivered: Vec<&str> = got.iter().map(|r| r.id.as_str()).collect();
    for id in &delivered {
        assert!(
            positions.contains(id),
            "the feed and the webhooks agree on {id}"
        );
    }
}

async fn a_name_resolving_inward_at_delivery_is_not_connected_to(backend: Backend) {
    // Registered while `localhost` was allowed, delivered by a node that no longer allows it.
    let app = webhook_app(backend, |config| {
        config.webhook_allow_hosts = vec!["localhost".to_owned()];
        config.webhook_interval_ms = 0;
    })
    .await;
    let admin = creditor(&app, "Acme").await;
    let receiver = Receiver::start().await;
    let port = receiver
        .url
        .rsplit(':')
        .next()
        .unwrap()
        .trim_end_matches("/hook");
    let created = app
        .post(
            "/v1/webhook-endpoints",
            &admin.token,
            &json!({"url": format!("https://localhost:{port}/hook"), "event_types": ["case.created"]}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let id = body(created).await["id"].as_str().unwrap().to_owned();
    app.place_case(&admin.token, "DNS-1").await;
    let node = app.start_node(loopback).await;

    let mut first = serde_json::Value::Null;
    for _ in 0..500 {
        let list = app
            .client
            .get(format!("{node}/v1/webhook-endpoints/{id}/deliveries"))
            .bearer_auth(&admin.token)
            .send()
            .await
            .unwrap();
        let list = body(list).await;
        if let Some(attempt) = list["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["status"] == "failed")
        {
            first = attempt.clone();
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let error = first["error"].as_str().unwrap_or_default();
    assert!(
        error.contains("resolves to no public address"),
        "refused by the resolver: {first}"
    );
    assert!(first["response_status"].is_null());
    assert!(receiver.received().is_empty(), "never connected to");
}
