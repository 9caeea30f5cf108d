//! Cross-tenant ids on every operation of the committed OpenAPI document that takes one: another
//! organisation's case, user, API key, organisation or debtor is answered exactly like an id
//! that does not exist (status, code and detail), never with success and never with a 500, so
//! that no endpoint is an oracle for what another tenant holds. New operations are covered as
//! soon as they are documented.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{ApiKeyRequest, Backend, TestApp, body, spawn_app};

both_backends!(every_operation_answers_another_tenants_ids_like_missing_ones);

const COMMITTED: &str = include_str!("../../../openapi/openapi.json");

async fn answer(app: &TestApp, method: &Method, path: &str, token: &str) -> (u16, Value) {
    let payload = (method != Method::GET && method != Method::DELETE).then(|| json!({}));
    let response = app
        .request(method.clone(), path, Some(token), payload.as_ref())
        .await;
    let status = response.status().as_u16();
    let text = response.text().await.unwrap();
    let problem: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
    (
        status,
        json!({"code": problem["code"], "detail": problem["detail"], "errors": problem["errors"]}),
    )
}

async fn every_operation_answers_another_tenants_ids_like_missing_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    let acme = app.create_creditor("Acme").await;
    let globex = app.create_creditor("Globex").await;
    let acme_admin = app.create_user(&acme, "creditor_admin").await;
    let acme_member = app.create_user(&acme, "creditor_member").await;
    let globex_admin = app.create_user(&globex, "creditor_admin").await;
    let globex_member = app.create_user(&globex, "creditor_member").await;
    let globex_case = app.place_case(&globex_member.token, "G-1").await;
    let globex_key = body(
        app.post(
            "/v1/api-keys",
            &globex_admin.token,
            &ApiKeyRequest::new("ERP"),
        )
        .await,
    )
    .await;
    // (the path's first segment, Globex's id, an id of the same shape that does not exist)
    let ids = [
        (
            "cases",
            globex_case["id"].as_str().unwrap().to_owned(),
            "cas_00000000000000000000000000000000",
        ),
        (
            "users",
            globex_member.id.clone(),
            "usr_00000000000000000000000000000000",
        ),
        (
            "api-keys",
            globex_key["id"].as_str().unwrap().to_owned(),
            "key_00000000000000000000000000000000",
        ),
        (
            "organisations",
            globex.clone(),
            "org_00000000000000000000000000000000",
        ),
        (
            "debtors",
            globex_case["debtor"]["id"]
                .as_str()
                .unwrap_or("dbt_missing")
                .to_owned(),
            "dbt_00000000000000000000000000000000",
        ),
    ];

    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let mut checked = 0;
    for (template, item) in doc["paths"].as_object().unwrap() {
        let Some(segment) = template
            .strip_prefix("/v1/")
            .and_then(|rest| rest.split('/').next())
        else {
            continue;
        };
        let Some((_, theirs, missing)) = ids.iter().find(|(name, ..)| *name == segment) else {
            continue;
        };
        if !template.contains("{id}") {
            continue;
        }
        for method in item.as_object().unwrap().keys() {
            let method = Method::from_bytes(method.to_uppercase().as_bytes()).unwrap();
            let fill = |id: &str| {
                template
                    .replace("{id}", id)
                    .replace("{document_id}", "doc_00000000000000000000000000000000")
                    .replace("{plan}", "ppl_00000000000000000000000000000000")
            };
            for token in [&acme_admin.token, &acme_member.token] {
                let (status, seen) = answer(&app, &method, &fill(theirs), token).await;
                let (missing_status, missing_seen) =
                    answer(&app, &method, &fill(missing), token).await;
                assert!(
                    !(200..300).contains(&status) && status < 500,
                    "{method} {template} with another tenant's id answered {status}"
                );
                assert_eq!(
                    (status, &seen),
                    (missing_status, &missing_seen),
                    "{method} {template}: another tenant's id is answered unlike a missing one"
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 60, "{checked} requests checked");
}
