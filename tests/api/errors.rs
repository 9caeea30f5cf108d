//! Bad input gets the right problem, never a 500.

use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, assert_problem, spawn_app};

both_backends!(
    malformed_bodies_get_400_413_415_and_422,
    unknown_routes_and_bad_queries_are_problems,
    an_integer_field_takes_a_number_with_a_zero_fraction,
    every_wrong_field_of_a_body_is_reported_at_once,
    every_wrong_field_of_a_bulk_item_is_reported_at_once
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
    assert_eq!(
        fields_and_codes(&problem),
        pairs(&[("limit", "invalid_type")]),
        "the parameter, not `query`, though two were sent: {problem}"
    );
    assert_eq!(
        problem["errors"][0]["message"],
        "`limit` is a whole number."
    );
    // Every wrong parameter at once, across the operation's filters and its paging.
    let three = app
        .get(
            "/v1/cases?limit=ten&state=bogus&updated_since=yesterday&country=de",
            &app.admin_token,
        )
        .await;
    let problem = assert_problem(three, 422).await;
    assert_eq!(
        fields_and_codes(&problem),
        pairs(&[
            ("limit", "invalid_type"),
            ("state", "invalid_type"),
            ("updated_since", "invalid_type"),
        ]),
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

/// The placement a finance clerk's script got wrong in six places: one answer names all six,
/// each by its JSON path, instead of one per round trip.
fn placement_wrong_in_six_places() -> serde_json::Value {
    json!({
        "debtor": {"legal_name": 17, "country": "DE", "vat_id": "DE123456789", "colour": "red"},
        "currency": "EUR",
        "creditor_reference": "ALL-AT-ONCE-1",
        "invoices": [
            {"number": "A-1", "issue_date": "2026-01-05", "due_date": "31.01.2026", "amount": "100.00"},
            {"number": "A-2", "issue_date": "2026-01-05", "amount": "100.00"},
            {"number": "A-3", "issue_date": "2026-01-05", "due_date": "2026-02-04", "amount": 100, "currency": "EUR"}
        ]
    })
}

/// The six mistakes of [`placement_wrong_in_six_places`], sorted.
fn six_mistakes() -> Vec<(String, String)> {
    pairs(&[
        ("debtor.colour", "unknown_field"),
        ("debtor.legal_name", "invalid_type"),
        ("invoices[0].due_date", "invalid_type"),
        ("invoices[1].due_date", "required"),
        ("invoices[2].amount", "invalid_type"),
        ("invoices[2].currency", "unknown_field"),
    ])
}

/// The problem's `(field, code)` pairs, sorted.
fn fields_and_codes(problem: &serde_json::Value) -> Vec<(String, String)> {
    let mut pairs = crate::helpers::field_codes(problem);
    pairs.sort();
    pairs
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(field, code)| ((*field).to_owned(), (*code).to_owned()))
        .collect()
}

async fn every_wrong_field_of_a_body_is_reported_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("All At Once GmbH").await;
    let clerk = app.create_user(&creditor, "creditor_admin").await;

    let response = app
        .post("/v1/cases", &clerk.token, &placement_wrong_in_six_places())
        .await;
    let problem = assert_problem(response, 422).await;
    assert_eq!(fields_and_codes(&problem), six_mistakes(), "{problem}");
    let message = |field: &str| {
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|error| error["field"] == field)
            .map(|error| error["message"].as_str().unwrap().to_owned())
            .unwrap()
    };
    assert_eq!(
        message("debtor.legal_name"),
        "`debtor.legal_name` is a string."
    );
    assert_eq!(
        message("invoices[0].due_date"),
        "`invoices[0].due_date` is a date, such as 2026-01-31."
    );
    assert_eq!(
        message("invoices[1].due_date"),
        "Send `due_date`: it is required."
    );
    assert!(
        message("debtor.colour")
            .starts_with("`colour` is not a field of this request; remove it. Known here: "),
        "{problem}"
    );
    assert!(
        message("debtor.colour").contains("`legal_name`"),
        "{problem}"
    );

    // Another body, two mistakes of two kinds.
    let case = app.place_case(&clerk.token, "ALL-AT-ONCE-2").await;
    let instructions = format!("/v1/cases/{}/instructions", case["id"].as_str().unwrap());
    let unknown = app
        .post(
            &instructions,
            &clerk.token,
            &json!({"type": "pause", "reason": 5, "resume_on": "soon"}),
        )
        .await;
    let problem = assert_problem(unknown, 422).await;
    assert_eq!(
        fields_and_codes(&problem),
        pairs(&[("reason", "invalid_type"), ("resume_on", "invalid_type")]),
        "{problem}"
    );
    assert_eq!(
        app.get("/v1/cases?limit=5", &clerk.token)
            .await
            .json::<serde_json::Value>()
            .await
            .unwrap()["data"]
            .as_array()
            .unwrap()
            .len(),
        1,
        "nothing was placed by the refused request"
    );
}

async fn every_wrong_field_of_a_bulk_item_is_reported_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Bulk At Once GmbH").await;
    let clerk = app.create_user(&creditor, "creditor_admin").await;

    let response = app
        .post(
            "/v1/cases/bulk",
            &clerk.token,
            &json!([placement_wrong_in_six_places()]),
        )
        .await;
    assert_eq!(response.status(), 200);
    let outcome: serde_json::Value = response.json().await.unwrap();
    let item = &outcome["results"][0];
    assert_eq!(fields_and_codes(item), six_mistakes(), "{outcome}");
}
