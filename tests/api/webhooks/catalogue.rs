//! The catalogue, event by event: what collectors, creditors and the agency do on a case is in
//! the feed, each as its type, and a payment's confirmation carries its allocation.

use chrono::{Duration, Utc};
use serde_json::{Value, json};

use super::{creditor, items, poll, webhook_app};
use crate::both_backends;
use crate::helpers::{Backend, BillingRequest, InstructionRequest, PaymentRequest};

both_backends!(
    the_work_on_a_case_is_in_the_feed_event_by_event,
    money_out_and_the_legal_path_are_in_the_feed,
    a_payment_in_full_is_confirmed_before_the_case_closes,
);

async fn the_work_on_a_case_is_in_the_feed_event_by_event(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let collector = app.create_covering_collector().await;
    let admin = creditor(&app, "Acme").await;
    let case = app.place_case(&admin.token, "CAT-1").await;
    let id = case["id"].as_str().unwrap();
    let today = Utc::now().date_naive();
    let step = |response: reqwest::Response, what: &str| {
        let what = what.to_owned();
        async move {
            let status = response.status();
            let answer: Value = response.json().await.unwrap();
            assert!(status.is_success(), "{what}: {status} {answer}");
            answer
        }
    };

    let payment = step(
        app.post(
            &format!("/v1/cases/{id}/payments"),
            &collector.token,
            &PaymentRequest::transfer("100.00", today.to_string()),
        )
        .await,
        "payment",
    )
    .await;
    step(
        app.post(
            &format!("/v1/payments/{}/reversal", payment["id"].as_str().unwrap()),
            &app.admin_token,
            &json!({"reason": "Returned by the bank: AC04"}),
        )
        .await,
        "reversal",
    )
    .await;
    step(
        app.post(
            &format!("/v1/cases/{id}/promises"),
            &collector.token,
            &json!({"amount": "200.00", "due_date": today + Duration::days(10)}),
        )
        .await,
        "promise",
    )
    .await;
    step(
        app.post(
            &format!("/v1/cases/{id}/messages"),
            &admin.token,
            &json!({"body": "Any news?"}),
        )
        .await,
        "message",
    )
    .await;
    let dispute = step(
        app.post(
            &format!("/v1/cases/{id}/disputes"),
            &admin.token,
            &json!({"category": "goods_not_received", "text": "The debtor says the pallet never arrived."}),
        )
        .await,
        "dispute",
    )
    .await;
    step(
        app.post(
            &format!(
                "/v1/disputes/{}/resolution",
                dispute["id"].as_str().unwrap()
            ),
            &app.admin_token,
            &json!({"outcome": "rejected", "reasons": "Delivery note signed by the debtor."}),
        )
        .await,
        "resolution",
    )
    .await;
    step(
        app.post(
            &format!("/v1/cases/{id}/instructions"),
            &admin.token,
            &InstructionRequest::withdraw("Settled with the debtor"),
        )
        .await,
        "withdrawal",
    )
    .await;

    let events = feed_until(&app, &admin.token, "case.closed").await;
    let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    for expected in [
        "case.created",
        "case.assigned",
        "case.state_changed",
        "payment.received",
        "payment.reversed",
        "promise.created",
        "message.created",
        "dispute.raised",
        "dispute.resolved",
        "case.closed",
    ] {
        assert!(types.contains(&expected), "{expected} in {types:?}");
    }
    let position = |kind: &str| types.iter().position(|t| *t == kind).unwrap();
    assert!(position("case.created") < position("payment.received"));
    assert!(position("payment.received") < position("payment.reversed"));
    assert!(position("dispute.raised") < position("dispute.resolved"));

    let received = events
        .iter()
        .find(|event| event["type"] == "payment.received")
        .unwrap();
    let data = &received["data"];
    assert_eq!(data["payment"]["id"], payment["id"]);
    assert_eq!(data["payment"]["amount"], "100.00");
    assert_eq!(data["payment"]["currency"], "EUR");
    let applied: i64 = data["payment"]["allocation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| cents(&line["amount"]))
        .sum();
    assert_eq!(
        applied + cents(&data["payment"]["unapplied"]),
        10_000,
        "the allocation and what no debt took add up to the payment"
    );
    assert!(cents(&data["outstanding"]) > 0);
    let closed = events.iter().find(|e| e["type"] == "case.closed").unwrap();
    assert_eq!(closed["data"]["case"]["outcome"], "withdrawn");
    assert!(
        events
            .iter()
            .all(|e| e["organisation_id"] == admin.organisation_id.as_str())
    );
}

/// A two-decimal amount string in cents.
fn cents(amount: &Value) -> i64 {
    let (units, fraction) = amount.as_str().unwrap().split_once('.').unwrap();
    units.parse::<i64>().unwrap() * 100 + fraction.parse::<i64>().unwrap()
}

/// Waits until the creditor's feed has an event of `last`; returns the feed.
async fn feed_until(app: &crate::helpers::TestApp, token: &str, last: &str) -> Vec<Value> {
    let feed = poll(app, "/v1/events?limit=500", token, |feed| {
        items(feed).iter().any(|event| event["type"] == last)
    })
    .await;
    items(&feed)
}

async fn money_out_and_the_legal_path_are_in_the_feed(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let collector = app.create_covering_collector().await;
    let admin = creditor(&app, "Acme").await;
    let case = app.place_case(&admin.token, "CAT-2").await;
    let id = case["id"].as_str().unwrap();
    let today = Utc::now().date_naive();
    let ok = |response: reqwest::Response, what: &'static str| async move {
        let status = response.status();
        let answer: Value = response.json().await.unwrap();
        assert!(status.is_success(), "{what}: {status} {answer}");
        answer
    };
    ok(
        app.post(
            &format!("/v1/cases/{id}/assessment"),
            &collector.token,
            &json!({
                "approach": "Letters and calls, then court",
                "expected_timeline": "6 weeks",
                "cost_structure": "15 % success commission",
                "findings": {"solvency": "good", "reachable": true, "notes": "Trading"}
            }),
        )
        .await,
        "assessment",
    )
    .await;
    ok(
        app.post(
            &format!("/v1/cases/{id}/payments"),
            &collector.token,
            &PaymentRequest::transfer("300.00", today.to_string()),
        )
        .await,
        "payment",
    )
    .await;
    let remittance = ok(
        app.post(
            "/v1/remittances",
            &app.admin_token,
            &json!({"organisation_id": admin.organisation_id, "currency": "EUR", "period_end": today}),
        )
        .await,
        "remittance",
    )
    .await;
    for (organisation, token, details) in [
        (
            app.agency_id().await,
            app.admin_token.clone(),
            BillingRequest::new(
                "Test Agency B.V.",
                &["Keizersgracht 1", "1015 CJ Amsterdam"],
            )
            .vat_id("NL123456789B01")
            .vat_rate("21"),
        ),
        (
            admin.organisation_id.clone(),
            admin.token.clone(),
            BillingRequest::new("Acme GmbH", &["Ring 1", "50667 Köln"]).vat_id("DE123456789"),
        ),
    ] {
        ok(
            app.put(
                &format!("/v1/organisations/{organisation}/billing"),
                &token,
                &details,
            )
            .await,
            "billing details",
        )
        .await;
    }
    let invoice = ok(
        app.post(
            "/v1/fee-invoices",
            &app.admin_token,
            &json!({"organisation_id": admin.organisation_id, "currency": "EUR", "period_end": today}),
        )
        .await,
        "fee invoice",
    )
    .await;
    ok(
        app.post(
            &format!("/v1/cases/{id}/legal-assessment"),
            &collector.token,
            &json!({
                "recommendation": "proceed",
                "cost_estimate": {"amount": "450.00", "currency": "EUR"},
                "success_probability_pct": 75,
                "court_route": "payment_order",
                "expected_duration_months": 4,
                "summary": "Undisputed invoices, debtor trading."
            }),
        )
        .await,
        "legal assessment",
    )
    .await;

    let events = feed_until(&app, &admin.token, "legal.decision_requested").await;
    let of = |kind: &str| {
        events
            .iter()
            .find(|event| event["type"] == kind)
            .unwrap_or_else(|| panic!("{kind} in {events:?}"))
            .clone()
    };
    let remitted = of("remittance.created");
    assert_eq!(remitted["data"]["remittance"]["id"], remittance["id"]);
    assert_eq!(
        remitted["data"]["remittance"]["net"],
        remittance["net"]["amount"]
    );
    let issued = of("fee_invoice.issued");
    assert_eq!(issued["data"]["fee_invoice"]["number"], invoice["number"]);
    assert_eq!(issued["data"]["fee_invoice"]["kind"], "invoice");
    assert_eq!(
        issued["data"]["fee_invoice"]["amount_due"],
        invoice["amount_due"]["amount"]
    );
    let legal = of("legal.decision_requested");
    assert_eq!(legal["data"]["case"]["state"], "pre_legal");
    assert_eq!(
        legal["data"]["timeline_event"]["kind"],
        "escalate_pre_legal"
    );
}

async fn a_payment_in_full_is_confirmed_before_the_case_closes(backend: Backend) {
    let app = webhook_app(backend, |_| {}).await;
    let collector = app.create_covering_collector().await;
    let admin = creditor(&app, "Acme").await;
    let case = app.place_case(&admin.token, "FULL-1").await;
    let paid = app
        .post(
            &format!("/v1/cases/{}/payments", case["id"].as_str().unwrap()),
            &collector.token,
            &json!({"amount": "5000.00", "value_date": Utc::now().date_naive(), "method": "bank_transfer"}),
        )
        .await;
    assert_eq!(paid.status(), 201);
    let events = feed_until(&app, &admin.token, "case.closed").await;
    let types: Vec<&str> = events.iter().map(|e| e["type"].as_str().unwrap()).collect();
    let received = types.iter().position(|t| *t == "payment.received").unwrap();
    let closed = types.iter().position(|t| *t == "case.closed").unwrap();
    assert!(received < closed, "the confirmation first: {types:?}");
    assert_eq!(events[closed]["data"]["case"]["outcome"], "paid_in_full");
}
