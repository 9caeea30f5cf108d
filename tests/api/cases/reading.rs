//! Reading cases: lists filtered and paged within the tenant, balances with hand-computed
//! interest, and another tenant's case answering like a missing one.

use serde_json::json;

use super::{case_body, creditor_member};
use crate::both_backends;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, InvoiceRequest, assert_problem, body, spawn_app,
};

both_backends!(
    lists_filter_and_page_within_the_tenant,
    the_balance_carries_hand_checked_statutory_interest,
    another_tenants_case_answers_like_a_missing_one,
);

async fn lists_filter_and_page_within_the_tenant(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    for index in 0..3 {
        app.post(
            "/v1/cases",
            &token,
            &case_body(&format!("ACME-{index}"), &format!("INV-{index}"), "10.00"),
        )
        .await;
    }
    let french = CaseRequest::new("ACME-FR")
        .debtor(DebtorRequest::company("Fromagerie Dupont SARL", "FR").vat_id("FR40303265045"))
        .invoice(InvoiceRequest::new("INV-FR", "10.00", "2026-02-04"));
    assert_eq!(app.post("/v1/cases", &token, &french).await.status(), 201);
    let other_creditor = app.create_creditor("Other").await;
    let other = app.create_user(&other_creditor, "creditor_member").await;
    app.place_case(&other.token, "OTHER-1").await;

    let all = body(app.get("/v1/cases", &token).await).await;
    assert_eq!(
        all["data"].as_array().unwrap().len(),
        4,
        "only the creditor's own cases"
    );
    let page = body(app.get("/v1/cases?limit=3", &token).await).await;
    let cursor = page["next_cursor"].as_str().unwrap();
    let rest = body(
        app.get(&format!("/v1/cases?limit=3&cursor={cursor}"), &token)
            .await,
    )
    .await;
    assert_eq!(rest["data"].as_array().unwrap().len(), 1);
    let in_france = body(app.get("/v1/cases?country=FR", &token).await).await;
    assert_eq!(in_france["data"][0]["creditor_reference"], "ACME-FR");
    assert_eq!(in_france["data"].as_array().unwrap().len(), 1);
    let by_name = body(app.get("/v1/cases?q=fromagerie", &token).await).await;
    assert_eq!(by_name["data"].as_array().unwrap().len(), 1);
    let by_reference = body(app.get("/v1/cases?creditor_reference=ACME-1", &token).await).await;
    assert_eq!(by_reference["data"].as_array().unwrap().len(), 1);
    let submitted = body(app.get("/v1/cases?state=submitted", &token).await).await;
    assert_eq!(submitted["data"].as_array().unwrap().len(), 4);
    assert_problem(app.get("/v1/cases?state=sleeping", &token).await, 422).await;
    let agency_view = body(app.get("/v1/cases", &app.admin_token).await).await;
    assert_eq!(
        agency_view["data"].as_array().unwrap().len(),
        5,
        "the agency sees every creditor's cases"
    );
}

async fn the_balance_carries_hand_checked_statutory_interest(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = body(
        app.post(
            "/v1/cases",
            &token,
            &case_body("ACME-1", "INV-1", "1000.00"),
        )
        .await,
    )
    .await;
    let id = case["id"].as_str().unwrap();
    // Due 2026-02-04, so interest runs 2026-02-05 through 2026-06-30: 146 days. BGB s.288(2):
    // Basiszinssatz 1.27 % (2026-H1) + 9 points = 10.27 %. 1000.00 x 10.27 % x 146/365
    // = 1000.00 x 0.1027 x 0.4 = 41.08.
    let balance = body(
        app.get(&format!("/v1/cases/{id}/balance?as_of=2026-06-30"), &token)
            .await,
    )
    .await;
    assert_eq!(
        balance["interest"]["total"],
        json!({"amount": "41.08", "currency": "EUR"})
    );
    let line = &balance["interest"]["lines"][0];
    assert_eq!(
        (
            line["from"].as_str(),
            line["to"].as_str(),
            line["days"].as_i64()
        ),
        (Some("2026-02-05"), Some("2026-07-01"), Some(146))
    );
    assert_eq!(line["rate"], "10.27");
    assert!(line["legal_basis"].as_str().unwrap().contains("288"));
    assert_eq!(
        balance["outstanding"]["amount"], "1081.08",
        "1000.00 + 41.08 + 40.00"
    );
    assert_eq!(balance["paid"]["amount"], "0.00");

    let before_due = body(
        app.get(&format!("/v1/cases/{id}/balance?as_of=2026-02-04"), &token)
            .await,
    )
    .await;
    assert_eq!(before_due["interest"]["total"]["amount"], "0.00");
    assert_eq!(
        before_due["compensation"]["amount"], "0.00",
        "compensation is payable from the day after the due date"
    );
    assert_problem(
        app.get(&format!("/v1/cases/{id}/balance?as_of=yesterday"), &token)
            .await,
        422,
    )
    .await;
}

async fn another_tenants_case_answers_like_a_missing_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = app.place_case(&token, "ACME-1").await;
    let id = case["id"].as_str().unwrap();
    let other_creditor = app.create_creditor("Other").await;
    let other = app.create_user(&other_creditor, "creditor_admin").await;
    for (method, suffix, payload) in [
        (reqwest::Method::GET, "", None),
        (reqwest::Method::GET, "/balance", None),
        (reqwest::Method::GET, "/timeline", None),
        (
            reqwest::Method::POST,
            "/instructions",
            Some(json!({"type": "pause", "reason": "x"})),
        ),
    ] {
        let foreign = app
            .request(
                method.clone(),
                &format!("/v1/cases/{id}{suffix}"),
                Some(&other.token),
                payload.as_ref(),
            )
            .await;
        let missing = app
            .request(
                method.clone(),
                &format!("/v1/cases/case_missing{suffix}"),
                Some(&other.token),
                payload.as_ref(),
            )
            .await;
        assert_eq!(
            assert_problem(foreign, 404).await,
            assert_problem(missing, 404).await,
            "{method} {suffix}"
        );
    }
    let debtor_id = body(app.get(&format!("/v1/cases/{id}"), &token).await).await["debtor"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_problem(
        app.get(&format!("/v1/debtors/{debtor_id}"), &other.token)
            .await,
        404,
    )
    .await;
}
