//! The committed OpenAPI document is what the code generates and what the server serves.
//! Regenerate it with `cargo run -p solvo-api -- openapi > openapi/openapi.json`.

use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};

const COMMITTED: &str = include_str!("../../openapi/openapi.json");

#[test]
fn the_committed_document_matches_the_code() {
    let generated = solvo_api::openapi::document_json().unwrap();
    assert!(
        generated == COMMITTED,
        "openapi/openapi.json is stale: run `cargo run -p solvo-api -- openapi > openapi/openapi.json`"
    );
}

#[test]
fn every_operation_is_documented_with_its_errors_and_security() {
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let mut operations = 0;
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            operations += 1;
            let id = operation["operationId"].as_str().unwrap_or_default();
            assert!(!id.is_empty(), "{method} {path} has an operationId");
            let responses = operation["responses"].as_object().unwrap();
            assert!(responses.contains_key("500"), "{id} documents 500");
            let secured = operation["security"].as_array().is_some_and(|list| {
                list.iter()
                    .any(|req| req != &Value::Object(serde_json::Map::default()))
            });
            if path.starts_with("/v1/")
                && !path.starts_with("/v1/auth/token")
                && !path.starts_with("/v1/auth/refresh")
                // The one-time reset token in the body is the credential.
                && !path.starts_with("/v1/auth/password-reset")
                // The letter's reference and access code in the body are the credential.
                && path != "/v1/portal/session"
                // The provider's signature over the body is the credential.
                && path != "/v1/psp/stripe/webhook"
            {
                assert!(secured, "{id} requires credentials");
                assert!(responses.contains_key("401"), "{id} documents 401");
            }
            if path.contains('{') {
                assert!(responses.contains_key("404"), "{id} documents 404");
            }
            if operation.get("requestBody").is_some() {
                for status in ["400", "413", "415", "422"] {
                    assert!(responses.contains_key(status), "{id} documents {status}");
                }
            }
        }
    }
    assert!(operations >= 18, "{operations} operations");
}

/// A `$ref` to a schema nobody registered passes the comparison above (both sides carry it) yet
/// makes the document invalid: a query parameter's enum is the usual way in.
#[test]
fn every_schema_reference_resolves() {
    fn dangling(value: &Value, schemas: &serde_json::Map<String, Value>, found: &mut Vec<String>) {
        match value {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref")
                    && let Some(name) = target.strip_prefix("#/components/schemas/")
                    && !schemas.contains_key(name)
                {
                    found.push(name.to_owned());
                }
                map.values().for_each(|v| dangling(v, schemas, found));
            }
            Value::Array(items) => items.iter().for_each(|v| dangling(v, schemas, found)),
            _ => {}
        }
    }
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    let mut found = Vec::new();
    dangling(&doc, schemas, &mut found);
    found.sort();
    found.dedup();
    assert!(
        found.is_empty(),
        "unregistered schemas referenced: {found:?}"
    );
}

/// Generated clients read a body by its schema: a download documented without one comes back as
/// `None` from openapi-python-client and as `unknown` from openapi-typescript, and `Vec<u8>` is
/// documented as an array of integers. Every answer that is not JSON is a string: binary unless it
/// is text.
#[test]
fn every_download_is_documented_as_bytes_or_text() {
    let doc: Value = serde_json::from_str(COMMITTED).unwrap();
    let schemas = &doc["components"]["schemas"];
    let mut wrong = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            for (status, response) in operation["responses"].as_object().unwrap() {
                let Some(content) = response["content"].as_object() else {
                    continue;
                };
                for (media_type, body) in content {
                    if media_type.ends_with("json") {
                        continue;
                    }
                    let schema = match body["schema"]["$ref"].as_str() {
                        Some(target) => {
                            &schemas[target.trim_start_matches("#/components/schemas/")]
                        }
                        None => &body["schema"],
                    };
                    let text = media_type.starts_with("text/") || media_type.ends_with("+xml");
                    let bytes = schema["type"] == "string"
                        && (schema["format"] == "binary" || (text && schema["format"].is_null()));
                    if !bytes {
                        wrong.push(format!("{method} {path} {status} {media_type}: {schema}"));
                    }
                }
            }
        }
    }
    assert!(wrong.is_empty(), "not documented as bytes: {wrong:#?}");
}

both_backends!(the_served_document_and_swagger_ui_are_available);

async fn the_served_document_and_swagger_ui_are_available(backend: Backend) {
    let app = spawn_app(backend).await;
    let served = app.served_openapi().await;
    let committed: Value = serde_json::from_str(COMMITTED).unwrap();
    assert_eq!(served, committed);
    let docs = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    assert!(docs.text().await.unwrap().contains("swagger"));
    let bare = app.client.get(app.url("/docs")).send().await.unwrap();
    assert_eq!(
        bare.status(),
        308,
        "the address the README and the log give"
    );
    assert_eq!(bare.headers()["location"], "/docs/");
}
