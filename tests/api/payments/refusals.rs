//! What a payment request may not do: bad fields, the wrong caller, another tenant's case.

use serde_json::json;

use super::{parties, pay, place, transfer};
use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, assert_problem, body, spawn_app};

both_backends!(
    bad_payment_fields_are_named_in_one_problem,
    only_agency_staff_record_agency_payments_and_tenants_see_their_own,
    a_closed_case_refuses_a_payment,
    a_retried_payment_with_the_same_key_is_recorded_once,
);

async fn bad_payment_fields_are_named_in_one_problem(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Fields GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-BAD-1",
        "DE",
        &[("DE-F", "2026-02-04", "1000.00")],
    )
    .await;

    let response = pay(
        &app,
        &who.collector.token,
        &case,
        &json!({
            "amount": "12.345", "currency": "USD", "value_date": "2999-01-01",
            "method": "bank_transfer", "invoice_number": "NOPE",
            "allocation_order": ["costs", "costs", "principal"]
        }),
    )
    .await;
    let problem = assert_problem(response, 422).await;
    let mut fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|error| error["field"].as_str().unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(
        fields,
        ["allocation_order", "amount", "currency", "value_date"]
    );

    let unknown_invoice = pay(&app, &who.collector.token, &case, &json!({
        "amount": "10.00", "value_date": "2026-06-01", "method": "cash", "invoice_number": "NOPE"
    }))
    .await;
    let problem = assert_problem(unknown_invoice, 422).await;
    assert_eq!(problem["errors"][0]["field"], "invoice_number");
    for bad in [
        json!({"amount": "10.00", "value_date": "2026-06-01", "method": "bitcoin"}),
        json!({"amount": "-10.00", "value_date": "2026-06-01", "method": "cash"}),
        json!({"amount": "0", "value_date": "2026-06-01", "method": "cash"}),
        json!({"amount": 10.0, "value_date": "2026-06-01", "method": "cash"}),
        json!({"value_date": "2026-06-01", "method": "cash"}),
    ] {
        let response = pay(&app, &who.collector.token, &case, &bad).await;
        let status = response.status().as_u16();
        assert!(matches!(status, 400 | 422), "{bad}: {status}");
        assert_eq!(
            response.headers()["content-type"],
            "application/problem+json",
            "{bad}"
        );
    }
    let listed = body(
        app.get(&format!("/v1/cases/{case}/payments"), &who.member.token)
            .await,
    )
    .await;
    assert_eq!(listed["data"], json!([]), "nothing was recorded");
}

async fn only_agency_staff_record_agency_payments_and_tenants_see_their_own(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Scope GmbH").await;
    let other = parties(&app, "Other GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-SCOPE-1",
        "DE",
        &[("DE-S", "2026-02-04", "1000.00")],
    )
    .await;

    let by_creditor = pay(
        &app,
        &who.member.token,
        &case,
        &transfer("10.00", "2026-06-01"),
    )
    .await;
    assert_problem(by_creditor, 403).await;
    let paid = body(
        pay(
            &app,
            &app.admin_token,
            &case,
            &transfer("10.00", "2026-06-01"),
        )
        .await,
    )
    .await;
    let id = paid["id"].as_str().unwrap();

    for path in [
        format!("/v1/cases/{case}/payments"),
        format!("/v1/payments/{id}"),
    ] {
        assert_problem(app.get(&path, &other.member.token).await, 404).await;
        assert_eq!(
            app.get(&path, &who.member.token).await.status(),
            200,
            "{path}"
        );
    }
    let foreign = app
        .post(
            &format!("/v1/cases/{case}/direct-payments"),
            &other.member.token,
            &transfer("10.00", "2026-06-01"),
        )
        .await;
    assert_problem(foreign, 404).await;
    let foreign_reversal = app
        .post(
            &format!("/v1/payments/{id}/reversal"),
            &other.admin.token,
            &json!({"reason": "x"}),
        )
        .await;
    assert_problem(foreign_reversal, 404).await;
    let missing = app.get("/v1/payments/pay_0000", &who.member.token).await;
    assert_problem(missing, 404).await;
}

async fn a_closed_case_refuses_a_payment(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Closed GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-CLOSED-1",
        "DE",
        &[("DE-C", "2026-02-04", "1000.00")],
    )
    .await;
    let withdrawn = app
        .post(
            &format!("/v1/cases/{case}/instructions"),
            &who.member.token,
            &InstructionRequest::withdraw("Settled elsewhere"),
        )
        .await;
    assert_eq!(withdrawn.status(), 200);

    let refused = pay(
        &app,
        &who.collector.token,
        &case,
        &transfer("10.00", "2026-06-01"),
    )
    .await;

    let problem = assert_problem(refused, 409).await;
    assert_eq!(problem["code"], "transition_refused");
}

async fn a_retried_payment_with_the_same_key_is_recorded_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Retry GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-RETRY-1",
        "DE",
        &[("DE-K", "2026-02-04", "1000.00")],
    )
    .await;
    let send = || {
        app.client
            .post(app.url(&format!("/v1/cases/{case}/payments")))
            .bearer_auth(&who.collector.token)
            .header("Idempotency-Key", "erp-7781")
            .json(&transfer("75.00", "2026-06-01"))
            .send()
    };

    let first = body(send().await.unwrap()).await;
    let second = body(send().await.unwrap()).await;

    assert_eq!(first["id"], second["id"]);
    let listed = body(
        app.get(&format!("/v1/cases/{case}/payments"), &who.member.token)
            .await,
    )
    .await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
}
