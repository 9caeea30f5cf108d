//! API keys: shown once, usable at once, last use recorded, revocation immediate.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{ApiKeyRequest, Backend, assert_problem, body, spawn_app};

both_backends!(
    an_api_key_lives_from_creation_to_revocation,
    only_administrators_manage_api_keys
);

async fn an_api_key_lives_from_creation_to_revocation(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;

    let created = app
        .post(
            "/v1/api-keys",
            &admin.token,
            &ApiKeyRequest::new("SAP production"),
        )
        .await;
    assert_eq!(created.status(), 201);
    let created = body(created).await;
    let secret = created["secret"].as_str().unwrap().to_owned();
    let id = created["id"].as_str().unwrap().to_owned();
    assert!(secret.starts_with("sk_"));
    assert!(secret.starts_with(created["prefix"].as_str().unwrap()));
    assert_eq!(created["role"], "creditor_member");
    assert!(created["last_used_at"].is_null());

    let me = body(app.get("/v1/me", &secret).await).await;
    assert_eq!(me["kind"], "api_key");
    assert_eq!(me["api_key"]["id"], id.as_str());
    assert_eq!(me["organisation"]["id"], creditor.as_str());
    assert_eq!(me["role"], "creditor_member");

    let listed = body(app.get("/v1/api-keys", &admin.token).await).await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    assert!(
        listed["data"][0].get("secret").is_none(),
        "the secret is shown only at creation"
    );
    assert!(!listed.to_string().contains(&secret));
    let fetched = body(app.get(&format!("/v1/api-keys/{id}"), &admin.token).await).await;
    assert!(
        fetched["last_used_at"].is_string(),
        "last use recorded: {fetched}"
    );

    let revoke = format!("/v1/api-keys/{id}/revoke");
    let revoked = app.post(&revoke, &admin.token, &json!({})).await;
    assert_eq!(revoked.status(), 200);
    let revoked = body(revoked).await;
    assert!(revoked["revoked_at"].is_string(), "{revoked}");
    assert_problem(app.get("/v1/me", &secret).await, 401).await;
    // Still readable, as auditors need; a second revocation changes nothing.
    let fetched = body(app.get(&format!("/v1/api-keys/{id}"), &admin.token).await).await;
    assert_eq!(fetched["revoked_at"], revoked["revoked_at"]);
    let again = body(app.post(&revoke, &admin.token, &json!({})).await).await;
    assert_eq!(again["revoked_at"], revoked["revoked_at"]);
    // A revocation, not a deletion: DELETE is not a method of the key's URL.
    let deleted = app
        .delete(&format!("/v1/api-keys/{id}"), &admin.token)
        .await;
    assert_eq!(deleted.status(), 405);
    assert_eq!(deleted.headers()["allow"], "GET");
}

async fn only_administrators_manage_api_keys(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let created = body(
        app.post("/v1/api-keys", &admin.token, &ApiKeyRequest::new("ERP"))
            .await,
    )
    .await;
    let id = created["id"].as_str().unwrap();
    let key_secret = created["secret"].as_str().unwrap();

    for role in ["creditor_member", "creditor_viewer"] {
        let user = app.create_user(&creditor, role).await;
        assert_problem(
            app.post("/v1/api-keys", &user.token, &ApiKeyRequest::new("x"))
                .await,
            403,
        )
        .await;
        assert_problem(app.get("/v1/api-keys", &user.token).await, 403).await;
        assert_problem(
            app.post(
                &format!("/v1/api-keys/{id}/revoke"),
                &user.token,
                &json!({}),
            )
            .await,
            403,
        )
        .await;
    }
    assert_problem(
        app.post("/v1/api-keys", key_secret, &ApiKeyRequest::new("x"))
            .await,
        403,
    )
    .await;
    let agency_role = app
        .post(
            "/v1/api-keys",
            &admin.token,
            &ApiKeyRequest::new("x").role("collector"),
        )
        .await;
    let problem = assert_problem(agency_role, 422).await;
    assert_eq!(problem["errors"][0]["field"], "role");
}
