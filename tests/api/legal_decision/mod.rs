//! Proposing legal action and the creditor's decision: the collector records a legal assessment
//! (the case to `pre_legal`), the creditor reads it and approves exactly the estimate on record
//! (to `legal`) or declines it (back to `amicable`, the reason on the timeline). Other figures
//! are `assessment_changed`; permissions, books, tenancy, field errors and refusals; and the
//! `escalate` instruction recording the same.

use serde_json::{Value, json};

use crate::arrangements::{Scene, scene};
use crate::helpers::{Backend, body};

mod decision;
mod escalate;
mod refusals;

fn assessment(amount: &str) -> Value {
    json!({
        "recommendation": "proceed",
        "cost_estimate": {"amount": amount, "currency": "EUR"},
        "success_probability_pct": 75,
        "court_route": "payment_order",
        "expected_duration_months": 4,
        "summary": "Undisputed invoices, debtor trading; a payment order is likely to go unopposed."
    })
}

fn approval(amount: &str, currency: &str) -> Value {
    json!({
        "decision": "approve",
        "approved_cost_estimate": {"amount": amount, "currency": currency},
        "reason": "Approved by finance"
    })
}

/// The scene's case moved to `amicable` by the collector's case assessment.
async fn amicable(backend: Backend) -> Scene {
    let scene = scene(backend).await;
    start_collection(&scene).await;
    scene
}

/// The collector records the case assessment, which moves the case to `amicable`.
async fn start_collection(scene: &Scene) {
    let recorded = scene
        .app
        .post(
            &format!("/v1/cases/{}/assessment", scene.case),
            &scene.collector.token,
            &json!({
                "approach": "Amicable first", "expected_timeline": "4 weeks", "cost_structure": "Commission",
                "findings": {"solvency": "good", "reachable": true}
            }),
        )
        .await;
    assert_eq!(recorded.status(), 201);
}

async fn assess(scene: &Scene, token: &str, assessment: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/cases/{}/legal-assessment", scene.case),
            token,
            assessment,
        )
        .await
}

async fn assessed(scene: &Scene, amount: &str) -> Value {
    let response = assess(scene, &scene.collector.token, &assessment(amount)).await;
    let status = response.status();
    let recorded = body(response).await;
    assert_eq!(status, 201, "{recorded}");
    recorded
}

async fn decide(scene: &Scene, token: &str, decision: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/cases/{}/legal-decision", scene.case),
            token,
            decision,
        )
        .await
}

async fn read(scene: &Scene, token: &str) -> reqwest::Response {
    scene
        .app
        .get(&format!("/v1/cases/{}/legal-assessment", scene.case), token)
        .await
}

async fn state(scene: &Scene) -> String {
    let case = body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await;
    case["state"].as_str().unwrap().to_owned()
}

/// The case's timeline events, oldest first.
async fn timeline(scene: &Scene) -> Vec<Value> {
    let page = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/timeline?limit=500", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    page["data"].as_array().unwrap().clone()
}
