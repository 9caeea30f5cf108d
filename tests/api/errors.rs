//! Bad input gets the right problem, never a 500.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, assert_problem, spawn_app};

both_backends!(
    malformed_bodies_get_400_413_415_and_422,
    unknown_routes_and_bad_queries_are_problems,
    an_integer_field_takes_a_number_with_a_zero_fraction
);

/// JSON has one number type (RFC 8259 s.6) and the document's `integer` is any number whose
/// fraction is zero (JSON Schema Validation 2020-12 s.6.1.1): `9.0` is the integer 9, while
/// `9.5` is still refused, naming the field.
async fn an_integer_field_takes_a_number_with_a_zero_fraction(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app
        .post(
            "/v1/organisations",
            &app.admin_token,
            &json!({"name": "Fraction GmbH", "kind": "creditor", "country": "DE"}),
        )
        .await;
    assert_eq!(creditor.status(), 201);
    let creditor: serde_json::Value = creditor.json().await.unwrap();
    let path = format!(
        "/v1/organisations/{}/plan-limits",
        creditor["id"].as_str().unwrap()
    );
    let limits = |count: f64| json!({"currency": "EUR", "min_instalment": "25.00", "max_instalments": count, "max_duration_months": 12});

    let whole = app.put(&path, &app.admin_token, &limits(9.0)).await;
    assert_eq!(whole.status(), 200);
    let whole: serde_json::Value = whole.json().await.unwrap();
    assert_eq!(whole["max_instalments"], 9);

    let fraction = app.put(&path, &app.admin_token, &limits(9.5)).await;
    let problem = assert_problem(fraction, 422).await;
    assert_eq!(problem["errors"][0]["field"], "max_instalments");
    assert_eq!(problem["errors"][0]["code"], "invalid_type");
}

async fn malformed_bodies_get_400_413_415_and_422(backend: Backend) {
    let app = spawn_app(backend).await;
    let post = |body: &'static str, content_type: &'static str| {
        app.client
            .post(app.url("/v1/organisations"))
            .bearer_auth(&app.admin_token)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let syntax = post(r#"{"name": "Acme", "#, "application/json")
        .await
        .unwrap();
    assert_eq!(assert_problem(syntax, 400).await["code"], "malformed_json");

    let wrong_type = post(
        r#"{"name": 42, "kind": "creditor", "country": "NL"}"#,
        "application/json",
    )
    .await
    .unwrap();
    let problem = assert_problem(wrong_type, 422).await;
    assert_eq!(problem["errors"][0]["field"], "name");
    assert_eq!(problem["errors"][0]["code"], "invalid_type");

    let missing = post(r#"{"kind": "creditor"}"#, "application/json")
        .await
        .unwrap();
    let problem = assert_problem(missing, 422).await;
    assert_eq!(
        (
            &problem["errors"][0]["field"],
            &problem["errors"][0]["code"]
        ),
        (&json!("name"), &json!("required")),
        "the missing member by name, not `body`: {problem}"
    );
    let unknown_field = post(
        r#"{"name": "A", "kind": "creditor", "country": "NL", "vat": "x"}"#,
        "application/json",
    )
    .await
    .unwrap();
    let problem = assert_problem(unknown_field, 422).await;
    assert_eq!(problem["errors"][0]["field"], "vat", "{problem}");
    assert_eq!(problem["errors"][0]["code"], "unknown_field");

    let text = post(r#"{"name": "Acme"}"#, "text/plain").await.unwrap();
    assert_problem(text, 415).await;
    let none = app
        .client
        .post(app.url("/v1/organisations"))
        .bearer_auth(&app.admin_token)
        .body("{}")
        .send()
        .await
        .unwrap();
    assert_problem(none, 415).await;

    let huge = json!({"name": "x".repeat(2 * 1024 * 1024), "kind": "creditor", "country": "NL"});
    let too_large = app.post("/v1/organisations", &app.admin_token, &huge).await;
    assert_problem(too_large, 413).await;

    let too_long_name = app
        .post(
            "/v1/organisations",
            &app.admin_token,
            &json!({"name": "x".repeat(201), "kind": "creditor", "country": "NL"}),
        )
        .await;
    let problem = assert_problem(too_long_name, 422).await;
    assert_eq!(problem["errors"][0]["field"], "name");
    assert_eq!(problem["errors"][0]["code"], "length");
    assert_eq!(
        problem["errors"][0]["message"],
        "`name` has 1 to 200 characters."
    );
}

async fn unknown_routes_and_bad_queries_are_problems(backend: Backend) {
    let app = spawn_app(backend).await;
    assert_problem(app.get("/v1/nothing-here", &app.admin_token).await, 404).await;
    let limit = app.get("/v1/organisations?limit=0", &app.admin_token).await;
    assert_eq!(
        assert_problem(limit, 422).await["errors"][0]["field"],
        "limit"
    );
    let not_a_number = app
        .get("/v1/organisations?limit=ten&cursor=", &app.admin_token)
        .await;
    let problem = assert_problem(not_a_number, 422).await;
    assert_eq!(problem["errors"][0]["field"], "query", "{problem}");
    let not_a_number = app
        .get("/v1/organisations?limit=ten", &app.admin_token)
        .await;
    let problem = assert_problem(not_a_number, 422).await;
    assert_eq!(problem["errors"][0]["field"], "limit", "{problem}");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .starts_with("`limit` is not valid here: "),
        "{problem}"
    );
    let bad_time = app
        .get("/v1/users?updated_since=yesterday", &app.admin_token)
        .await;
    assert_eq!(
        assert_problem(bad_time, 422).await["errors"][0]["field"],
        "updated_since"
    );
}
