//! The `escalate` instruction proposes and approves as the legal endpoints do.

use serde_json::{Value, json};

use super::{amicable, read, timeline};
use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, assert_problem, body};

both_backends!(the_escalate_instruction_proposes_and_approves_as_before,);

async fn the_escalate_instruction_proposes_and_approves_as_before(backend: Backend) {
    let scene = amicable(backend).await;
    let instructions = format!("/v1/cases/{}/instructions", scene.case);
    let escalate = json!({"type": "escalate", "reason": "No reaction to three letters", "assessment": {
        "recommendation": "settle", "cost_estimate": {"amount": "450.00", "currency": "EUR"},
        "success_probability_pct": 60, "summary": "Solvent, slow."
    }});
    let mut foreign = escalate.clone();
    foreign["assessment"]["cost_estimate"]["currency"] = json!("USD");
    let refused = scene
        .app
        .post(&instructions, &scene.collector.token, &foreign)
        .await;
    let problem = assert_problem(refused, 422).await;
    assert_eq!(
        problem["errors"][0]["field"], "assessment.cost_estimate.currency",
        "the instruction names the fields under `assessment`"
    );
    let escalated = scene
        .app
        .post(&instructions, &scene.collector.token, &escalate)
        .await;
    assert_eq!(escalated.status(), 200);
    assert_eq!(body(escalated).await["state"], "pre_legal");

    let on_record = body(read(&scene, &scene.member.token).await).await;
    assert_eq!(
        (
            &on_record["status"],
            &on_record["recommendation"],
            &on_record["court_route"],
            &on_record["expected_duration_months"]
        ),
        (
            &json!("pending"),
            &json!("settle"),
            &Value::Null,
            &Value::Null
        ),
        "the instruction asks for no route or duration"
    );
    let events = timeline(&scene).await;
    let proposal = events.last().unwrap();
    assert_eq!(proposal["kind"], "escalate_pre_legal");
    assert_eq!(proposal["detail"]["instruction"], "escalate");
    assert!(
        proposal["detail"]["command"]["assessment"]
            .get("court_route")
            .is_none(),
        "the stored assessment has the shape it always had"
    );

    let approve = InstructionRequest::escalate("Approved by finance");
    let approved = scene
        .app
        .post(&instructions, &scene.member.token, &approve)
        .await;
    assert_eq!(body(approved).await["state"], "legal");
    let decided = body(read(&scene, &scene.member.token).await).await;
    assert_eq!(decided["status"], "approved");
    assert_eq!(
        decided["decision"]["approved_cost_estimate"],
        json!({"amount": "450.00", "currency": "EUR"})
    );
    assert_eq!(decided["decision"]["reason"], "Approved by finance");
}
