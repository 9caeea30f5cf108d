//! The error codes a client branches on, each provoked over HTTP with the fields that come with
//! it, and the one rule for how often fixed compensation is due, seen from the quote and the
//! booked case alike.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, InstructionRequest, InvoiceRequest, TestApp,
    assert_problem, body, spawn_app,
};

both_backends!(
    a_debtor_with_other_details_is_a_debtor_conflict_naming_it,
    a_stale_if_match_is_stale_version,
    a_slovak_case_is_quoted_and_booked_with_one_compensation,
    the_served_document_lists_every_error_code,
    error_bodies_keep_their_shape,
);

async fn creditor_member(app: &TestApp) -> String {
    let creditor = app.create_creditor("Acme").await;
    app.create_user(&creditor, "creditor_member").await.token
}

fn debtor(name: &str) -> Value {
    json!({"legal_name": name, "vat_id": "DE123456789", "country": "DE"})
}

async fn a_debtor_with_other_details_is_a_debtor_conflict_naming_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = creditor_member(&app).await;
    let first = body(
        app.post("/v1/debtors", &token, &debtor("Globex GmbH"))
            .await,
    )
    .await;

    let again = app.post("/v1/debtors", &token, &debtor("Initech AG")).await;

    let problem = assert_problem(again, 409).await;
    assert_eq!(problem["code"], "debtor_conflict");
    assert_eq!(
        problem["type"],
        "https://solvo.dev/problems/debtor_conflict"
    );
    assert_eq!(problem["debtor_id"], first["id"]);
    assert!(problem.get("existing_case_id").is_none());
}

async fn a_stale_if_match_is_stale_version(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = creditor_member(&app).await;
    let created = body(
        app.post("/v1/debtors", &token, &debtor("Globex GmbH"))
            .await,
    )
    .await;
    let path = format!("/v1/debtors/{}", created["id"].as_str().unwrap());
    let moved_to = |city: &str| json!({"address": {"city": city}});
    let update = |version: &'static str, city: &str| {
        app.client
            .patch(app.url(&path))
            .bearer_auth(&token)
            .header("if-match", version)
            .json(&moved_to(city))
    };
    assert_eq!(
        update("\"1\"", "Berlin").send().await.unwrap().status(),
        200
    );

    let stale = update("\"1\"", "Hamburg").send().await.unwrap();

    let problem = assert_problem(stale, 412).await;
    assert_eq!(problem["code"], "stale_version");
}

/// Three Slovak invoices overdue: Slovak law gives EUR 40 once for the whole default (Obchodný
/// zákonník s. 369c(1) with Government Regulation 21/2013 s. 2), not per invoice. The quote
/// used to say EUR 120 while placement booked EUR 40.
async fn a_slovak_case_is_quoted_and_booked_with_one_compensation(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = creditor_member(&app).await;
    let dues = ["2026-01-10", "2026-02-10", "2026-03-10"];
    let quote = body(
        app.post(
            "/v1/quotes",
            &token,
            &json!({
                "debtor_country": "SK",
                "currency": "EUR",
                "invoices": dues.iter().map(|due| json!({"amount": "500.00", "due_date": due})).collect::<Vec<_>>(),
                "as_of": "2026-06-30"
            }),
        )
        .await,
    )
    .await;
    assert_eq!(quote["compensation"]["total"]["amount"], "40.00", "{quote}");
    assert_eq!(quote["compensation"]["lines"].as_array().unwrap().len(), 1);

    let placed = app
        .post(
            "/v1/cases",
            &token,
            &dues.iter().enumerate().fold(
                CaseRequest::new("SK-1").debtor(
                    DebtorRequest::company("Tatra s.r.o.", "SK").registration_number("35763469"),
                ),
                |case, (index, due)| {
                    case.invoice(
                        InvoiceRequest::new(format!("SK-INV-{index}"), "500.00", due)
                            .issued("2026-01-01"),
                    )
                },
            ),
        )
        .await;
    assert_eq!(placed.status(), 201);
    let case = body(placed).await;
    let balance = body(
        app.get(
            &format!(
                "/v1/cases/{}/balance?as_of=2026-06-30",
                case["id"].as_str().unwrap()
            ),
            &token,
        )
        .await,
    )
    .await;
    assert_eq!(balance["compensation"]["amount"], "40.00", "{balance}");
}

async fn the_served_document_lists_every_error_code(backend: Backend) {
    let app = spawn_app(backend).await;
    let served = app.served_openapi().await;
    let codes = served["components"]["schemas"]["ErrorCode"]["enum"]
        .as_array()
        .unwrap()
        .clone();
    for code in [
        "transition_refused",
        "duplicate_case",
        "debtor_conflict",
        "assessment_changed",
        "stale_version",
        "validation_failed",
        "not_found",
        "forbidden",
        "unauthenticated",
        "rate_limited",
        "unavailable",
    ] {
        assert!(
            codes.contains(&json!(code)),
            "{code} missing from {codes:?}"
        );
    }
    assert_eq!(
        served["components"]["schemas"]["Problem"]["properties"]["code"]["$ref"],
        "#/components/schemas/ErrorCode"
    );
}

/// Ids change on every run; a snapshot keeps the shape and the words.
fn redacted(mut problem: Value, ids: &[&str]) -> Value {
    let mut text = problem.to_string();
    for id in ids {
        text = text.replace(id, "[id]");
    }
    problem = serde_json::from_str(&text).unwrap();
    problem
}

/// The bodies a client branches on, snapshotted once for both backends: the same request gets
/// the same body on SQLite and PostgreSQL, and a change to any of them shows in review.
async fn error_bodies_keep_their_shape(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = creditor_member(&app).await;
    let case = app.place_case(&token, "SNAP-1").await;
    let case_id = case["id"].as_str().unwrap();

    let unauthenticated = app.request(Method::GET, "/v1/me", None, None).await;
    insta::assert_json_snapshot!(
        "unauthenticated",
        assert_problem(unauthenticated, 401).await
    );

    let forbidden = app.get("/v1/organisations", &token).await;
    insta::assert_json_snapshot!("forbidden", assert_problem(forbidden, 403).await);

    let missing = app.get("/v1/cases/case_missing", &token).await;
    insta::assert_json_snapshot!("not_found", assert_problem(missing, 404).await);

    let invalid = app
        .post(
            "/v1/cases",
            &token,
            &json!({"currency": "EUR", "creditor_reference": " ", "invoices": [
                {"number": "X", "issue_date": "2026-02-01", "due_date": "2026-01-01", "amount": "1.001"}
            ]}),
        )
        .await;
    insta::assert_json_snapshot!("validation_failed", assert_problem(invalid, 422).await);

    let path = format!("/v1/cases/{case_id}/instructions");
    let resume = app
        .post(&path, &token, &InstructionRequest::resume("not paused"))
        .await;
    insta::assert_json_snapshot!("transition_refused", assert_problem(resume, 409).await);

    let again = app
        .post(
            "/v1/cases",
            &token,
            &CaseRequest::new("SNAP-1").invoice(InvoiceRequest::new(
                "SNAP-2-INV-1",
                "10.00",
                "2026-02-04",
            )),
        )
        .await;
    let duplicate = assert_problem(again, 409).await;
    insta::assert_json_snapshot!("duplicate_case", redacted(duplicate, &[case_id]));

    let conflict = app.post("/v1/debtors", &token, &debtor("Initech AG")).await;
    let debtor_id = case["debtor"]["id"].as_str().unwrap();
    insta::assert_json_snapshot!(
        "debtor_conflict",
        redacted(assert_problem(conflict, 409).await, &[debtor_id])
    );
}

both_backends!(a_known_path_with_another_method_is_405_with_allow);

/// RFC 9110 s.15.5.6: a known path asked with a method it does not answer is `405` with the
/// methods it does answer in `Allow`; an unknown path stays `404`.
async fn a_known_path_with_another_method_is_405_with_allow(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = creditor_member(&app).await;

    let response = app.delete("/v1/me", &token).await;
    assert_eq!(
        response
            .headers()
            .get("allow")
            .and_then(|v| v.to_str().ok()),
        Some("GET")
    );
    let problem = assert_problem(response, 405).await;
    assert_eq!(problem["code"], "method_not_allowed");

    let case = app.place_case(&token, "METHOD-1").await;
    let case_path = format!("/v1/cases/{}", case["id"].as_str().unwrap());
    let response = app.put(&case_path, &token, &json!({})).await;
    let allow = response
        .headers()
        .get("allow")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    assert!(allow.split(", ").any(|m| m == "GET"), "{allow}");
    assert!(!allow.split(", ").any(|m| m == "PUT"), "{allow}");
    assert_problem(response, 405).await;

    assert_problem(app.delete("/v1/no-such-thing", &token).await, 404).await;
}
