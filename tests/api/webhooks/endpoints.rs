//! Registering endpoints: who may, which URLs, changes guarded by version, deletion.

use serde_json::json;

use super::creditor;
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app};

both_backends!(
    urls_inside_a_network_or_without_https_are_refused,
    only_administrators_manage_endpoints,
    an_endpoint_is_changed_under_its_version_and_deleted,
);

async fn urls_inside_a_network_or_without_https_are_refused(backend: Backend) {
    // No host allowed: the production default.
    let app = spawn_app(backend).await;
    let admin = creditor(&app, "Acme").await;
    for (url, code) in [
        ("https://127.0.0.1/hook", "forbidden_address"),
        ("https://10.1.2.3/hook", "forbidden_address"),
        (
            "https://169.254.169.254/latest/meta-data",
            "forbidden_address",
        ),
        ("https://[::1]:8443/hook", "forbidden_address"),
        ("https://[::ffff:192.168.0.1]/hook", "forbidden_address"),
        ("https://localhost:8443/hook", "forbidden_address"),
        ("http://erp.example.com/hook", "https_required"),
        ("https://user:secret@erp.example.com/hook", "invalid_url"),
        ("erp.example.com/hook", "invalid_url"),
    ] {
        let response = app
            .post("/v1/webhook-endpoints", &admin.token, &json!({"url": url}))
            .await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(problem["errors"][0]["field"], "url", "{url}");
        assert_eq!(problem["errors"][0]["code"], code, "{url}");
    }
    let unknown = app
        .post(
            "/v1/webhook-endpoints",
            &admin.token,
            &json!({"url": "https://erp.example.com/hook", "event_types": ["case.created", "case.exploded"]}),
        )
        .await;
    let problem = assert_problem(unknown, 422).await;
    assert_eq!(problem["errors"][0]["field"], "event_types[1]");
    assert_eq!(problem["errors"][0]["code"], "unknown_event_type");
    let extra = app
        .post(
            "/v1/webhook-endpoints",
            &admin.token,
            &json!({"url": "https://erp.example.com/hook", "secret": "whsec_mine"}),
        )
        .await;
    assert_problem(extra, 422).await;
    let feed = app
        .get("/v1/events?types=case.exploded", &admin.token)
        .await;
    assert_eq!(
        assert_problem(feed, 422).await["errors"][0]["code"],
        "unknown_event_type"
    );
    let cursor = app.get("/v1/events?after=abc", &admin.token).await;
    assert_eq!(
        assert_problem(cursor, 422).await["errors"][0]["code"],
        "invalid_cursor"
    );
    // A public name that does not resolve yet is accepted: every delivery checks it again.
    let later = app
        .post(
            "/v1/webhook-endpoints",
            &admin.token,
            &json!({"url": "https://erp.solvo-test.invalid/hook"}),
        )
        .await;
    assert_eq!(later.status(), 201);
}

async fn only_administrators_manage_endpoints(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = creditor(&app, "Acme").await;
    let member = app
        .create_user(&admin.organisation_id, "creditor_member")
        .await;
    let viewer = app
        .create_user(&admin.organisation_id, "creditor_viewer")
        .await;
    let agency = app.agency_id().await;
    let collector = app.create_user(&agency, "collector").await;
    let new = json!({"url": "https://erp.example.com/hook"});
    for token in [&member.token, &viewer.token, &collector.token] {
        let response = app.post("/v1/webhook-endpoints", token, &new).await;
        assert_eq!(assert_problem(response, 403).await["code"], "forbidden");
        assert_eq!(app.get("/v1/webhook-endpoints", token).await.status(), 403);
    }
    // Reading the feed is for every creditor role, not for collectors.
    assert_eq!(app.get("/v1/events", &viewer.token).await.status(), 200);
    assert_eq!(app.get("/v1/events", &collector.token).await.status(), 403);
    let anonymous = app
        .request(reqwest::Method::GET, "/v1/webhook-endpoints", None, None)
        .await;
    assert_eq!(anonymous.status(), 401);
}

async fn an_endpoint_is_changed_under_its_version_and_deleted(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = creditor(&app, "Acme").await;
    let created = body(
        app.post(
            "/v1/webhook-endpoints",
            &admin.token,
            &json!({"url": "https://erp.example.com/hook", "event_types": ["payment.received"]}),
        )
        .await,
    )
    .await;
    let id = created["id"].as_str().unwrap();
    assert_eq!(created["version"], 1);
    assert_eq!(created["event_types"], json!(["payment.received"]));
    let listed = body(app.get("/v1/webhook-endpoints", &admin.token).await).await;
    assert_eq!(listed["data"][0]["id"], id);
    assert!(
        listed["data"][0].get("secret").is_none(),
        "a secret is shown once"
    );

    let path = format!("/v1/webhook-endpoints/{id}");
    let changed = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin.token)
        .header("If-Match", "\"1\"")
        .json(
            &json!({"event_types": ["payment.received", "case.closed"], "description": "ERP prod"}),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(changed.status(), 200);
    assert_eq!(changed.headers()["etag"], "\"2\"");
    let changed = body(changed).await;
    assert_eq!(
        changed["event_types"],
        json!(["payment.received", "case.closed"])
    );
    assert_eq!(changed["description"], "ERP prod");
    let stale = app
        .client
        .patch(app.url(&path))
        .bearer_auth(&admin.token)
        .header("If-Match", "\"1\"")
        .json(&json!({"all_event_types": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(assert_problem(stale, 412).await["code"], "stale_version");
    let all = body(
        app.patch(&path, &admin.token, &json!({"all_event_types": true}))
            .await,
    )
    .await;
    assert!(all["event_types"].is_null());
    let off = body(
        app.patch(&path, &admin.token, &json!({"enabled": false}))
            .await,
    )
    .await;
    assert_eq!(off["enabled"], false);
    assert_eq!(off["disabled_reason"], "disabled by its owner");

    assert_eq!(app.delete(&path, &admin.token).await.status(), 204);
    assert_eq!(app.get(&path, &admin.token).await.status(), 404);
    assert_eq!(app.delete(&path, &admin.token).await.status(), 404);
}

both_backends!(the_document_describes_every_event_type_exactly);

async fn the_document_describes_every_event_type_exactly(backend: Backend) {
    let app = spawn_app(backend).await;
    let doc = app.served_openapi().await;
    let schemas = &doc["components"]["schemas"];
    let one_of = schemas["Event"]["oneOf"].as_array().unwrap();
    assert_eq!(one_of.len(), solvo_domain::webhook::EventType::ALL.len());
    assert_eq!(schemas["Event"]["discriminator"]["propertyName"], "type");
    let payment = &schemas["PaymentReceivedEvent"];
    assert_eq!(
        payment["properties"]["type"]["enum"],
        json!(["payment.received"])
    );
    assert_eq!(
        payment["properties"]["data"]["$ref"],
        "#/components/schemas/PaymentEventData"
    );
    assert_eq!(
        schemas["CaseClosedEvent"]["properties"]["data"]["$ref"],
        "#/components/schemas/CaseEventData"
    );
    let required: Vec<&str> = schemas["PaymentEventData"]["required"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    assert!(required.contains(&"outstanding") && required.contains(&"payment"));
    assert_eq!(
        schemas["EventList"]["properties"]["data"]["items"]["$ref"],
        "#/components/schemas/Event"
    );
}
