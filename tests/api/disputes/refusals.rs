//! Disputes that break a rule are refused, and only those who may raise, read and resolve them do.

use serde_json::{Value, json};

use super::{case_of, invalid_fields, raise, raised, resolve, scene};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};

both_backends!(
    disputes_that_break_a_rule_are_refused,
    who_may_raise_read_and_resolve_disputes,
);

async fn disputes_that_break_a_rule_are_refused(backend: Backend) {
    let scene = scene(backend).await;
    let refused = |dispute: Value| {
        let scene = &scene;
        async move {
            let response = raise(scene, &scene.member.token, &dispute).await;
            assert_problem(response, 422).await
        }
    };
    let bad_category = refused(json!({"category": "bad_weather", "text": "Rain."})).await;
    assert_eq!(bad_category["code"], "validation_failed");
    assert_eq!(
        invalid_fields(&bad_category)[0].0,
        "category",
        "{bad_category}"
    );
    let blank = refused(json!({"category": "other", "text": "   "})).await;
    assert_eq!(
        invalid_fields(&blank),
        [("text".to_owned(), "blank".to_owned())]
    );
    let long = refused(json!({"category": "other", "text": "x".repeat(4_001)})).await;
    assert_eq!(
        invalid_fields(&long),
        [("text".to_owned(), "too_long".to_owned())]
    );
    let unknown_document = refused(
        json!({"category": "other", "text": "See attached.", "document_ids": ["doc_missing"]}),
    )
    .await;
    assert_eq!(
        invalid_fields(&unknown_document),
        [("document_ids[0]".to_owned(), "unknown_document".to_owned())]
    );
    let unknown_invoice = refused(
        json!({"category": "wrong_amount", "text": "Wrong.", "invoice_numbers": ["NOPE-1"]}),
    )
    .await;
    assert_eq!(
        invalid_fields(&unknown_invoice),
        [(
            "invoice_numbers[0]".to_owned(),
            "unknown_invoice".to_owned()
        )]
    );
    // The case owes 1,040.00 (see the partial scenario).
    let above = refused(
        json!({"category": "wrong_amount", "text": "Too much.", "disputed_amount": "1040.01"}),
    )
    .await;
    assert_eq!(
        invalid_fields(&above),
        [("disputed_amount".to_owned(), "above_balance".to_owned())]
    );
    let not_positive = refused(
        json!({"category": "wrong_amount", "text": "Too much.", "disputed_amount": "0.00"}),
    )
    .await;
    assert_eq!(
        invalid_fields(&not_positive),
        [("disputed_amount".to_owned(), "not_positive".to_owned())]
    );
    let currency = refused(json!({
        "category": "wrong_amount", "text": "Too much.", "disputed_amount": "100.00", "currency": "USD"
    }))
    .await;
    assert_eq!(
        invalid_fields(&currency),
        [("currency".to_owned(), "not_case_currency".to_owned())]
    );
    assert_eq!(case_of(&scene).await["state"], "amicable", "nothing raised");

    let dispute = raised(&scene, &json!({"category": "other", "text": "Unclear."})).await;
    let blank_reasons = resolve(
        &scene,
        &scene.admin.token,
        dispute["id"].as_str().unwrap(),
        &json!({"outcome": "rejected", "reasons": " "}),
    )
    .await;
    assert_eq!(
        invalid_fields(&assert_problem(blank_reasons, 422).await),
        [("reasons".to_owned(), "blank".to_owned())]
    );
}

async fn who_may_raise_read_and_resolve_disputes(backend: Backend) {
    let scene = scene(backend).await;
    let request = json!({"category": "already_paid", "text": "Paid in December."});
    let viewer = raise(&scene, &scene.viewer.token, &request).await;
    assert_eq!(assert_problem(viewer, 403).await["code"], "forbidden");
    let other_creditor = scene.app.create_creditor("Other").await;
    let stranger = scene
        .app
        .create_user(&other_creditor, "creditor_admin")
        .await;
    let foreign = raise(&scene, &stranger.token, &request).await;
    assert_eq!(assert_problem(foreign, 404).await["code"], "not_found");
    let agency = scene.app.agency_id().await;
    let unassigned = scene.app.create_user(&agency, "collector").await;
    let not_in_book = raise(&scene, &unassigned.token, &request).await;
    assert_eq!(assert_problem(not_in_book, 404).await["code"], "not_found");

    // The collector working the case records it.
    let response = raise(&scene, &scene.collector.token, &request).await;
    assert_eq!(response.status(), 201);
    let id = body(response).await["id"].as_str().unwrap().to_owned();
    let path = format!("/v1/disputes/{id}");
    for (who, token, status) in [
        ("viewer", &scene.viewer.token, 200),
        ("collector", &scene.collector.token, 200),
        ("another tenant", &stranger.token, 404),
        ("an unassigned collector", &unassigned.token, 404),
    ] {
        assert_eq!(
            scene.app.get(&path, token).await.status(),
            status,
            "{who} reads the dispute"
        );
    }
    let listed = scene
        .app
        .get(
            &format!("/v1/cases/{}/disputes", scene.case),
            &stranger.token,
        )
        .await;
    assert_eq!(listed.status(), 404);
    for (who, token, status) in [
        ("another tenant", &stranger.token, 404),
        ("an unassigned collector", &unassigned.token, 403),
        ("the collector", &scene.collector.token, 403),
        ("the viewer", &scene.viewer.token, 403),
    ] {
        let response = resolve(
            &scene,
            token,
            &id,
            &json!({"outcome": "rejected", "reasons": "No."}),
        )
        .await;
        assert_eq!(response.status(), status, "{who} resolves");
    }
    // The agency administrator may decide as well as the creditor's.
    let response = resolve(
        &scene,
        &scene.app.admin_token,
        &id,
        &json!({"outcome": "rejected", "reasons": "Payment not found."}),
    )
    .await;
    assert_eq!(response.status(), 200);
}
