//! Another tenant's resources answer 404 with exactly the body of a missing one, on every
//! endpoint that takes an id.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{ApiKeyRequest, Backend, TestApp, assert_problem, body, spawn_app};

both_backends!(another_tenants_ids_answer_like_missing_ones);

async fn problem_for(
    app: &TestApp,
    method: Method,
    path: &str,
    token: &str,
    payload: Option<&Value>,
) -> Value {
    assert_problem(app.request(method, path, Some(token), payload).await, 404).await
}

async fn another_tenants_ids_answer_like_missing_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    let acme = app.create_creditor("Acme").await;
    let globex = app.create_creditor("Globex").await;
    let acme_admin = app.create_user(&acme, "creditor_admin").await;
    let globex_admin = app.create_user(&globex, "creditor_admin").await;
    let globex_member = app.create_user(&globex, "creditor_member").await;
    let globex_key = body(
        app.post(
            "/v1/api-keys",
            &globex_admin.token,
            &ApiKeyRequest::new("ERP"),
        )
        .await,
    )
    .await;
    let globex_key_id = globex_key["id"].as_str().unwrap();

    let cases: [(Method, String, String, Option<Value>); 5] = [
        (
            Method::GET,
            "/v1/organisations/{}".into(),
            globex.clone(),
            None,
        ),
        (
            Method::GET,
            "/v1/users/{}".into(),
            globex_member.id.clone(),
            None,
        ),
        (
            Method::PATCH,
            "/v1/users/{}".into(),
            globex_member.id.clone(),
            Some(json!({"disabled": true})),
        ),
        (
            Method::GET,
            "/v1/api-keys/{}".into(),
            globex_key_id.to_owned(),
            None,
        ),
        (
            Method::POST,
            "/v1/api-keys/{}/revoke".into(),
            globex_key_id.to_owned(),
            None,
        ),
    ];
    for (method, template, foreign_id, payload) in cases {
        let foreign = problem_for(
            &app,
            method.clone(),
            &template.replace("{}", &foreign_id),
            &acme_admin.token,
            payload.as_ref(),
        )
        .await;
        let missing = problem_for(
            &app,
            method.clone(),
            &template.replace("{}", "xyz_missing"),
            &acme_admin.token,
            payload.as_ref(),
        )
        .await;
        assert_eq!(foreign, missing, "{method} {template}");
    }
    assert_eq!(
        app.get("/v1/me", globex_key["secret"].as_str().unwrap())
            .await
            .status(),
        200,
        "the key survived"
    );
    assert_eq!(
        app.get("/v1/me", &globex_member.token).await.status(),
        200,
        "the member was not disabled"
    );
}
