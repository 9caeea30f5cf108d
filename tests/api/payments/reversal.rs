//! A bounced payment is reversed by negating postings: what it settled is owed again, a case it
//! closed is reopened, and it is reversed once.

use serde_json::json;

use super::{balance, parties, pay, place, transfer};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body, spawn_app};

both_backends!(
    a_reversal_reopens_what_the_payment_had_settled,
    a_creditor_reverses_only_its_own_direct_payments,
);

async fn a_reversal_reopens_what_the_payment_had_settled(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Bounce GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-REV-1",
        "DE",
        &[("DE-R", "2026-02-04", "1000.00")],
    )
    .await;
    let before = balance(&app, &who.member.token, &case, "2026-06-30").await;
    let paid = body(
        pay(
            &app,
            &who.collector.token,
            &case,
            &transfer("1072.64", "2026-06-01"),
        )
        .await,
    )
    .await;
    assert_eq!(paid["case_outcome"], "paid_in_full");
    let reversal = format!("/v1/payments/{}/reversal", paid["id"].as_str().unwrap());

    let blank = app
        .post(&reversal, &app.admin_token, &json!({"reason": "  "}))
        .await;
    assert_problem(blank, 422).await;
    let response = app
        .post(
            &reversal,
            &app.admin_token,
            &json!({"reason": "Returned: AC04 account closed"}),
        )
        .await;
    assert_eq!(response.status(), 200);
    let reversed = body(response).await;

    assert_eq!(reversed["status"], "reversed");
    assert_eq!(
        reversed["reversal"]["reason"],
        "Returned: AC04 account closed"
    );
    assert_eq!(reversed["case_state"], "assessment");
    assert!(reversed["case_outcome"].is_null());
    // The allocation stays readable: where the money had gone.
    assert_eq!(reversed["allocation"], paid["allocation"]);
    let after = balance(&app, &who.member.token, &case, "2026-06-30").await;
    assert_eq!(after["outstanding"], before["outstanding"]);
    assert_eq!(after["interest"]["total"], before["interest"]["total"]);
    assert_eq!(after["paid"]["amount"], "0.00");

    let again = app
        .post(&reversal, &app.admin_token, &json!({"reason": "twice"}))
        .await;
    let problem = assert_problem(again, 409).await;
    assert_eq!(problem["code"], "conflict");
    let timeline = body(
        app.get(&format!("/v1/cases/{case}/timeline"), &who.member.token)
            .await,
    )
    .await;
    let kinds: Vec<&str> = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.ends_with(&["record_payment", "payment_reversed", "reopen"]),
        "{kinds:?}"
    );
}

async fn a_creditor_reverses_only_its_own_direct_payments(backend: Backend) {
    let app = spawn_app(backend).await;
    let who = parties(&app, "Direct GmbH").await;
    let case = place(
        &app,
        &who.member.token,
        "DE-REV-2",
        "DE",
        &[("DE-D", "2026-02-04", "1000.00")],
    )
    .await;
    let agency_payment = body(
        pay(
            &app,
            &who.collector.token,
            &case,
            &transfer("100.00", "2026-06-01"),
        )
        .await,
    )
    .await;
    let direct = app
        .post(
            &format!("/v1/cases/{case}/direct-payments"),
            &who.member.token,
            &transfer("50.00", "2026-06-02"),
        )
        .await;
    assert_eq!(direct.status(), 201);
    let direct = body(direct).await;
    assert_eq!(direct["received_by"], "creditor");

    let theirs = app
        .post(
            &format!(
                "/v1/payments/{}/reversal",
                agency_payment["id"].as_str().unwrap()
            ),
            &who.admin.token,
            &json!({"reason": "not ours to undo"}),
        )
        .await;
    assert_problem(theirs, 403).await;
    let by_member = app
        .post(
            &format!("/v1/payments/{}/reversal", direct["id"].as_str().unwrap()),
            &who.member.token,
            &json!({"reason": "members do not reverse"}),
        )
        .await;
    assert_problem(by_member, 403).await;
    let own = app
        .post(
            &format!("/v1/payments/{}/reversal", direct["id"].as_str().unwrap()),
            &who.admin.token,
            &json!({"reason": "Reported twice by mistake"}),
        )
        .await;
    assert_eq!(own.status(), 200);
}
