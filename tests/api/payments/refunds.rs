//! Refunds of held credit: an overpayment goes back by an explicit posting, never more than is
//! held, and only the agency administrator sends money back.

use serde_json::{Value, json};

use super::{parties, pay, place, transfer};
use crate::both_backends;
use crate::helpers::{Backend, TestApp, assert_problem, body, spawn_app};

both_backends!(
    an_overpayment_is_refunded_by_explicit_postings_up_to_what_is_held,
    credit_a_direct_payment_left_is_not_the_agencys_to_refund,
);

async fn balance_today(app: &TestApp, token: &str, case: &str) -> Value {
    body(app.get(&format!("/v1/cases/{case}/balance"), token).await).await
}

async fn an_overpayment_is_refunded_by_explicit_postings_up_to_what_is_held(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Refund GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-RFD-1",
        "DE",
        &[("RF-1", "2026-02-04", "1000.00")],
    )
    .await;
    // Owed on 2026-06-01: 40.00 + 32.64 + 1000.00 = 1072.64 (BGB s.288(2), (5)); EUR 2,000
    // leaves 927.36 held for the debtor.
    let paid = body(
        pay(
            &app,
            &who.collector.token,
            &case,
            &transfer("2000.00", "2026-06-01"),
        )
        .await,
    )
    .await;
    assert_eq!(paid["unapplied"]["amount"], "927.36");
    let path = format!("/v1/cases/{case}/refunds");
    let refund = |amount: &str| json!({"amount": amount, "method": "bank_transfer", "reference": "RFD-1", "reason": "Overpayment returned"});

    let too_much = app.post(&path, &app.admin_token, &refund("927.37")).await;
    let problem = assert_problem(too_much, 422).await;
    assert_eq!(problem["errors"][0]["code"], "more_than_held");
    assert_problem(
        app.post(&path, &who.collector.token, &refund("10.00"))
            .await,
        403,
    )
    .await;
    assert_problem(
        app.post(&path, &who.admin.token, &refund("10.00")).await,
        403,
    )
    .await;
    let blank = json!({"amount": "10.00", "method": "bank_transfer", "reason": " "});
    assert_problem(app.post(&path, &app.admin_token, &blank).await, 422).await;

    let first = app.post(&path, &app.admin_token, &refund("500.00")).await;
    assert_eq!(first.status(), 201);
    let first = body(first).await;
    assert_eq!(
        first["amount"],
        json!({"amount": "500.00", "currency": "EUR"})
    );
    let after = balance_today(&app, &who.member.token, &case).await;
    assert_eq!(after["unapplied"]["amount"], "427.36", "927.36 - 500.00");
    assert_eq!(
        after["paid"]["amount"], "1500.00",
        "2000.00 received, 500.00 back"
    );
    assert_eq!(
        after["outstanding"]["amount"], "0.00",
        "nothing owed changes"
    );

    let rest = app.post(&path, &app.admin_token, &refund("427.36")).await;
    assert_eq!(rest.status(), 201);
    assert_eq!(
        balance_today(&app, &who.member.token, &case).await["unapplied"]["amount"],
        "0.00"
    );
    let nothing_left = app.post(&path, &app.admin_token, &refund("0.01")).await;
    assert_eq!(
        assert_problem(nothing_left, 422).await["errors"][0]["code"],
        "more_than_held"
    );
    // The transfer bounces after its credit went back: reversing it would return money twice.
    let bounced = app
        .post(
            &format!("/v1/payments/{}/reversal", paid["id"].as_str().unwrap()),
            &app.admin_token,
            &json!({"reason": "Returned by the bank: AC04"}),
        )
        .await;
    let problem = assert_problem(bounced, 409).await;
    assert_eq!(problem["code"], "credit_refunded");
    assert!(
        problem["detail"].as_str().unwrap().contains("927.36"),
        "{problem}"
    );
    let listed = body(app.get(&path, &who.member.token).await).await;
    let amounts: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["amount"]["amount"].as_str().unwrap())
        .collect();
    assert_eq!(amounts, ["500.00", "427.36"]);
    let timeline = body(
        app.get(&format!("/v1/cases/{case}/timeline"), &who.member.token)
            .await,
    )
    .await;
    let refunds = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["kind"] == "refund")
        .count();
    assert_eq!(refunds, 2);
}

async fn credit_a_direct_payment_left_is_not_the_agencys_to_refund(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Direct GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-RFD-2",
        "DE",
        &[("RF-2", "2026-02-04", "1000.00")],
    )
    .await;
    // Owed on 2026-06-01: 1072.64 (as above); the creditor was paid 1,100.00 directly and holds
    // the 27.36 over.
    let direct = app
        .post(
            &format!("/v1/cases/{case}/direct-payments"),
            &who.member.token,
            &transfer("1100.00", "2026-06-01"),
        )
        .await;
    assert_eq!(body(direct).await["unapplied"]["amount"], "27.36");
    let refund = json!({"amount": "10.00", "method": "bank_transfer", "reason": "Overpayment"});
    let refused = app
        .post(
            &format!("/v1/cases/{case}/refunds"),
            &app.admin_token,
            &refund,
        )
        .await;
    let problem = assert_problem(refused, 422).await;
    assert_eq!(problem["errors"][0]["code"], "more_than_held");
    assert!(
        problem["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("27.36"),
        "{problem}"
    );
}
