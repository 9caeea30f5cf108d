//! Outages: two nodes never send one attempt twice, and a receiver down for a while gets every
//! event once it is up.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{Backend, body};
use crate::webhooks::receiver::{Receiver, verifies};
use crate::webhooks::{creditor, items, poll, register, webhook_app};

both_backends!(
    two_nodes_never_send_one_attempt_twice,
    a_receiver_down_for_a_while_gets_every_event_once_it_is_up,
);

async fn two_nodes_never_send_one_attempt_twice(backend: Backend) {
    let app = webhook_app(backend, |config| config.webhook_interval_ms = 10).await;
    app.start_node(|config| {
        crate::webhooks::loopback(config);
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
