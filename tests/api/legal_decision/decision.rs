//! The creditor's decision: approving exactly the estimate on record, other figures
//! `assessment_changed`, a decline back to `amicable` with the reason on the timeline.

use serde_json::{Value, json};

use super::{amicable, approval, assessed, decide, read, state, timeline};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};

both_backends!(
    the_creditor_reads_the_assessment_and_approves_the_estimate_on_record,
    an_approval_of_other_figures_is_assessment_changed_and_changes_nothing,
    a_declined_assessment_returns_the_case_to_amicable_with_the_reason_on_the_timeline,
);

async fn the_creditor_reads_the_assessment_and_approves_the_estimate_on_record(backend: Backend) {
    let scene = amicable(backend).await;

    let recorded = assessed(&scene, "450.00").await;

    assert_eq!(recorded["case_state"], "pre_legal");
    assert_eq!(recorded["status"], "pending");
    assert!(recorded["decision"].is_null());
    assert!(recorded["id"].as_str().unwrap().starts_with("evt_"));
    assert_eq!(
        (
            &recorded["recommendation"],
            &recorded["cost_estimate"],
            &recorded["success_probability_pct"],
            &recorded["court_route"],
            &recorded["expected_duration_months"],
        ),
        (
            &json!("proceed"),
            &json!({"amount": "450.00", "currency": "EUR"}),
            &json!(75),
            &json!("payment_order"),
            &json!(4),
        )
    );
    assert_eq!(
        recorded["recorded_by"],
        json!({"kind": "user", "id": scene.collector.id})
    );
    assert_eq!(state(&scene).await, "pre_legal");
    let response = read(&scene, &scene.member.token).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        body(response).await,
        recorded,
        "the creditor reads what was stored"
    );

    let approved = decide(&scene, &scene.member.token, &approval("450", "EUR")).await;

    assert_eq!(approved.status(), 200, "450 is 450.00");
    let approved = body(approved).await;
    assert_eq!(
        (&approved["status"], &approved["case_state"]),
        (&json!("approved"), &json!("legal"))
    );
    assert_eq!(
        approved["decision"]["approved_cost_estimate"],
        json!({"amount": "450.00", "currency": "EUR"})
    );
    assert_eq!(approved["decision"]["decision"], "approve");
    assert_eq!(approved["decision"]["reason"], "Approved by finance");
    assert_eq!(
        approved["decision"]["decided_by"],
        json!({"kind": "user", "id": scene.member.id})
    );
    assert_eq!(state(&scene).await, "legal");
    assert_eq!(
        body(read(&scene, &scene.collector.token).await).await["status"],
        "approved"
    );
    let kinds: Vec<Value> = timeline(&scene)
        .await
        .iter()
        .map(|event| event["kind"].clone())
        .collect();
    assert!(
        kinds.ends_with(&[json!("escalate_pre_legal"), json!("approve_legal")]),
        "{kinds:?}"
    );
}

async fn an_approval_of_other_figures_is_assessment_changed_and_changes_nothing(backend: Backend) {
    let scene = amicable(backend).await;
    assessed(&scene, "450.00").await;
    let revised = assessed(&scene, "900.00").await;
    assert_eq!(
        revised["case_state"], "pre_legal",
        "a revised assessment replaces the previous one"
    );

    let stale = decide(&scene, &scene.member.token, &approval("450.00", "EUR")).await;

    let problem = assert_problem(stale, 409).await;
    assert_eq!(problem["code"], "assessment_changed");
    assert_eq!(
        problem["type"],
        "https://solvo.dev/problems/assessment_changed"
    );
    assert!(
        problem["detail"].as_str().unwrap().contains("900.00 EUR"),
        "{problem}"
    );
    let other_currency = decide(&scene, &scene.member.token, &approval("900.00", "USD")).await;
    assert_eq!(
        assert_problem(other_currency, 409).await["code"],
        "assessment_changed"
    );
    assert_eq!(state(&scene).await, "pre_legal");
    let on_record = body(read(&scene, &scene.member.token).await).await;
    assert_eq!(
        (&on_record["status"], &on_record["cost_estimate"]["amount"]),
        (&json!("pending"), &json!("900.00"))
    );
    assert!(
        !timeline(&scene)
            .await
            .iter()
            .any(|event| event["kind"] == "approve_legal")
    );

    let approved = decide(&scene, &scene.member.token, &approval("900.00", "EUR")).await;
    assert_eq!(body(approved).await["case_state"], "legal");
}

async fn a_declined_assessment_returns_the_case_to_amicable_with_the_reason_on_the_timeline(
    backend: Backend,
) {
    let scene = amicable(backend).await;
    assessed(&scene, "450.00").await;
    let reason = "Costs too high for the amount; keep trying amicably.";

    let declined = decide(
        &scene,
        &scene.member.token,
        &json!({"decision": "decline", "reason": reason}),
    )
    .await;

    assert_eq!(declined.status(), 200);
    let declined = body(declined).await;
    assert_eq!(
        (&declined["status"], &declined["case_state"]),
        (&json!("declined"), &json!("amicable"))
    );
    assert_eq!(declined["decision"]["reason"], reason);
    assert!(declined["decision"]["approved_cost_estimate"].is_null());
    assert_eq!(state(&scene).await, "amicable");
    let events = timeline(&scene).await;
    let last = events.last().unwrap();
    assert_eq!(
        (&last["kind"], &last["state_before"], &last["state_after"]),
        (
            &json!("decline_legal"),
            &json!("pre_legal"),
            &json!("amicable")
        )
    );
    assert_eq!(last["detail"]["reason"], reason);
    assert_eq!(last["detail"]["command"]["reason"], reason);

    let again = assessed(&scene, "300.00").await;
    assert_eq!(
        (&again["status"], &again["case_state"]),
        (&json!("pending"), &json!("pre_legal")),
        "a new assessment after a refusal awaits its own decision"
    );
}
