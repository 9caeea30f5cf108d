//! The legal path: once the creditor approved legal action, the agency records filings,
//! hearings, a judgment (its costs posted as owed by the debtor) and enforcement; insolvency
//! steps only in insolvency.

use serde_json::{Value, json};

use crate::arrangements::{Scene, day, scene};
use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, assert_problem, body};
use crate::test_clock::move_clock;

both_backends!(
    the_court_steps_of_an_approved_case_are_recorded_and_judgment_costs_are_owed,
    a_filing_halts_prescription_and_a_judgment_starts_thirty_years,
);

async fn step(scene: &Scene, token: &str, step: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/cases/{}/legal-steps", scene.case),
            token,
            step,
        )
        .await
}

/// The collector assesses, proposes legal action, and the creditor's member approves it.
async fn to_legal(scene: &Scene) {
    let app = &scene.app;
    let collector = scene.collector.token.clone();
    let assessment = json!({
        "approach": "Amicable first", "expected_timeline": "4 weeks", "cost_structure": "Commission",
        "findings": {"solvency": "good", "reachable": false}
    });
    let assessed = app
        .post(
            &format!("/v1/cases/{}/assessment", scene.case),
            &collector,
            &assessment,
        )
        .await;
    assert_eq!(assessed.status(), 201);
    let instructions = format!("/v1/cases/{}/instructions", scene.case);
    let escalate = json!({"type": "escalate", "reason": "No reaction to three letters", "assessment": {
        "recommendation": "proceed", "cost_estimate": {"amount": "450.00", "currency": "EUR"},
        "success_probability_pct": 80, "summary": "Solvent, undisputed."
    }});
    assert_eq!(
        app.post(&instructions, &collector, &escalate)
            .await
            .status(),
        200
    );
    let approve = InstructionRequest::escalate("Approved by finance");
    let approved = body(app.post(&instructions, &scene.member.token, &approve).await).await;
    assert_eq!(approved["state"], "legal");
}

async fn costs_owed(scene: &Scene) -> String {
    let balance = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/balance", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    balance["costs"]["amount"].as_str().unwrap().to_owned()
}

async fn the_court_steps_of_an_approved_case_are_recorded_and_judgment_costs_are_owed(
    backend: Backend,
) {
    let scene = scene(backend).await;
    let app = &scene.app;
    let collector = scene.collector.token.clone();
    let filing = json!({"kind": "filing", "occurred_on": "2030-01-07", "court": "Amtsgericht Berlin-Mitte", "reference": "12 C 345/30"});
    let early = step(&scene, &collector, &filing).await;
    assert_eq!(
        assert_problem(early, 409).await["code"],
        "conflict",
        "not before legal action is approved"
    );

    to_legal(&scene).await;

    let no_court = json!({"kind": "filing", "occurred_on": "2030-01-07"});
    let problem = assert_problem(step(&scene, &collector, &no_court).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "court");
    assert_problem(step(&scene, &scene.member.token, &filing).await, 403).await;
    assert_eq!(step(&scene, &collector, &filing).await.status(), 201);
    let hearing = json!({"kind": "hearing", "occurred_on": "2030-03-01", "court": "Amtsgericht Berlin-Mitte"});
    assert_eq!(
        step(&scene, &collector, &hearing).await.status(),
        201,
        "a hearing is set ahead"
    );
    let late_filing = json!({"kind": "enforcement", "occurred_on": "2030-03-01"});
    assert_problem(step(&scene, &collector, &late_filing).await, 422).await;

    assert_eq!(costs_owed(&scene).await, "0.00");
    let judgment = json!({"kind": "judgment", "occurred_on": "2030-01-07", "court": "Amtsgericht Berlin-Mitte", "amount": "1040.00", "costs_awarded": "184.50"});
    let judged = step(&scene, &collector, &judgment).await;
    assert_eq!(judged.status(), 201);
    let judged = body(judged).await;
    assert_eq!(
        judged["costs_awarded"],
        json!({"amount": "184.50", "currency": "EUR"})
    );
    assert_eq!(
        costs_owed(&scene).await,
        "184.50",
        "the costs awarded are owed by the debtor"
    );
    let with_costs =
        json!({"kind": "enforcement", "occurred_on": "2030-01-07", "costs_awarded": "10.00"});
    assert_problem(step(&scene, &collector, &with_costs).await, 422).await;
    let enforcement =
        json!({"kind": "enforcement", "occurred_on": "2030-01-07", "notes": "Bailiff instructed"});
    assert_eq!(step(&scene, &collector, &enforcement).await.status(), 201);
    let insolvency =
        json!({"kind": "claim_lodged", "occurred_on": "2030-01-07", "amount": "1224.50"});
    assert_problem(step(&scene, &collector, &insolvency).await, 409).await;

    let listed = body(
        app.get(
            &format!("/v1/cases/{}/legal-steps", scene.case),
            &scene.member.token,
        )
        .await,
    )
    .await;
    let kinds: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["filing", "hearing", "judgment", "enforcement"]);
}

async fn prescription(scene: &Scene) -> Value {
    let case = body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await;
    case["prescription"].clone()
}

/// A German invoice due 2029-11-01 prescribes at the end of 2032 (BGB s.195, s.199(1)). Filing
/// suit on 2030-01-07 halts the period (s.204(1) no.1): no deadline runs. The judgment of
/// 2030-05-06 gives the judged claim 30 years (s.197(1) no.3, from finality under s.201; the
/// judgment's date is taken, never later than finality): its last day is 2060-05-06.
async fn a_filing_halts_prescription_and_a_judgment_starts_thirty_years(backend: Backend) {
    let scene = scene(backend).await;
    assert_eq!(prescription(&scene).await["deadline"], "2032-12-31");
    to_legal(&scene).await;
    let collector = scene.collector.token.clone();
    let filing =
        json!({"kind": "filing", "occurred_on": "2030-01-07", "court": "Amtsgericht Berlin-Mitte"});
    assert_eq!(step(&scene, &collector, &filing).await.status(), 201);
    let halted = prescription(&scene).await;
    assert!(
        halted["deadline"].is_null(),
        "halted by the proceedings: {halted}"
    );
    assert!(halted["warning"].is_null());
    move_clock(&scene.app, day("2030-05-07")).await;
    let judgment = json!({"kind": "judgment", "occurred_on": "2030-05-06", "court": "Amtsgericht Berlin-Mitte", "amount": "1000.00"});
    assert_eq!(step(&scene, &collector, &judgment).await.status(), 201);
    assert_eq!(prescription(&scene).await["deadline"], "2060-05-06");
}
