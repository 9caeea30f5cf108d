//! Proposing legal action and the creditor's decision: the collector records a legal assessment
//! (the case to `pre_legal`), the creditor reads it and approves exactly the estimate on record
//! (to `legal`) or declines it (back to `amicable`, the reason on the timeline). Other figures
//! are `assessment_changed`; permissions, books, tenancy, field errors and refusals; and the
//! `escalate` instruction recording the same.

use serde_json::{Value, json};

use crate::arrangements::{Scene, scene};
use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, assert_problem, body};

both_backends!(
    the_creditor_reads_the_assessment_and_approves_the_estimate_on_record,
    an_approval_of_other_figures_is_assessment_changed_and_changes_nothing,
    a_declined_assessment_returns_the_case_to_amicable_with_the_reason_on_the_timeline,
    only_agency_staff_on_the_case_assess_and_only_the_creditor_decides,
    invalid_fields_are_422_each_by_name,
    a_decision_without_an_assessment_awaiting_it_is_refused,
    the_escalate_instruction_proposes_and_approves_as_before,
);

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

async fn only_agency_staff_on_the_case_assess_and_only_the_creditor_decides(backend: Backend) {
    let scene = amicable(backend).await;
    let app = &scene.app;
    assert_problem(
        assess(&scene, &scene.member.token, &assessment("450.00")).await,
        403,
    )
    .await;
    let agency = app.agency_id().await;
    let other_collector = app.create_user(&agency, "collector").await;
    for response in [
        assess(&scene, &other_collector.token, &assessment("450.00")).await,
        read(&scene, &other_collector.token).await,
    ] {
        assert_problem(response, 404).await;
    }
    let by_admin = assess(&scene, &app.admin_token, &assessment("450.00")).await;
    assert_eq!(by_admin.status(), 201, "the agency admin works every case");

    let by_collector = decide(&scene, &scene.collector.token, &approval("450.00", "EUR")).await;
    assert_problem(by_collector, 403).await;
    let by_agency_admin = decide(&scene, &app.admin_token, &approval("450.00", "EUR")).await;
    assert_problem(by_agency_admin, 403).await;
    let creditor = body(app.get("/v1/me", &scene.member.token).await).await["organisation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    assert_eq!(
        body(read(&scene, &viewer.token).await).await["status"],
        "pending",
        "every creditor user reads it"
    );
    assert_problem(
        decide(&scene, &viewer.token, &approval("450.00", "EUR")).await,
        403,
    )
    .await;

    let other = app.create_creditor("Initech").await;
    let stranger = app.create_user(&other, "creditor_admin").await;
    for response in [
        read(&scene, &stranger.token).await,
        decide(&scene, &stranger.token, &approval("450.00", "EUR")).await,
    ] {
        assert_eq!(assert_problem(response, 404).await["code"], "not_found");
    }
    assert_eq!(state(&scene).await, "pre_legal");
}

async fn invalid_fields_are_422_each_by_name(backend: Backend) {
    let scene = amicable(backend).await;
    let field_errors = |problem: &Value| -> Vec<(String, String)> {
        problem["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|error| {
                (
                    error["field"].as_str().unwrap().to_owned(),
                    error["code"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let token = &scene.collector.token;
    let mut out_of_range = assessment("450.00");
    out_of_range["success_probability_pct"] = json!(101);
    out_of_range["expected_duration_months"] = json!(0);
    let problem = assert_problem(assess(&scene, token, &out_of_range).await, 422).await;
    assert_eq!(problem["code"], "validation_failed");
    let mut fields: Vec<String> = field_errors(&problem)
        .into_iter()
        .map(|(field, _)| field)
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        ["expected_duration_months", "success_probability_pct"]
    );
    let mut too_long = assessment("450.00");
    too_long["expected_duration_months"] = json!(121);
    let problem = assert_problem(assess(&scene, token, &too_long).await, 422).await;
    assert_eq!(field_errors(&problem)[0].0, "expected_duration_months");
    let mut unknown_route = assessment("450.00");
    unknown_route["court_route"] = json!("trial_by_combat");
    let problem = assert_problem(assess(&scene, token, &unknown_route).await, 422).await;
    assert_eq!(
        field_errors(&problem),
        [("court_route".to_owned(), "invalid_type".to_owned())]
    );
    let mut foreign = assessment("450.00");
    foreign["cost_estimate"]["currency"] = json!("USD");
    let problem = assert_problem(assess(&scene, token, &foreign).await, 422).await;
    assert_eq!(
        field_errors(&problem),
        [(
            "cost_estimate.currency".to_owned(),
            "currency_mismatch".to_owned()
        )]
    );
    let mut blank = assessment("4.505");
    blank["summary"] = json!("   ");
    let problem = assert_problem(assess(&scene, token, &blank).await, 422).await;
    assert_eq!(
        field_errors(&problem),
        [
            (
                "cost_estimate.amount".to_owned(),
                "invalid_amount".to_owned()
            ),
            ("summary".to_owned(), "blank".to_owned())
        ]
    );
    assert_eq!(state(&scene).await, "amicable", "nothing was recorded");

    assessed(&scene, "450.00").await;
    let member = &scene.member.token;
    let problem = assert_problem(
        decide(&scene, member, &json!({"decision": "approve"})).await,
        422,
    )
    .await;
    assert_eq!(
        field_errors(&problem),
        [("approved_cost_estimate".to_owned(), "required".to_owned())]
    );
    let problem = assert_problem(
        decide(&scene, member, &json!({"decision": "maybe"})).await,
        422,
    )
    .await;
    assert_eq!(field_errors(&problem)[0].0, "decision");
    let problem = assert_problem(decide(&scene, member, &approval("lots", "EUR")).await, 422).await;
    assert_eq!(field_errors(&problem)[0].0, "approved_cost_estimate.amount");
    assert_eq!(state(&scene).await, "pre_legal");
}

async fn a_decision_without_an_assessment_awaiting_it_is_refused(backend: Backend) {
    let scene = scene(backend).await;
    let member = &scene.member.token;
    let early = assess(&scene, &scene.collector.token, &assessment("450.00")).await;
    let problem = assert_problem(early, 409).await;
    assert_eq!(
        (&problem["code"], &problem["state"]),
        (&json!("transition_refused"), &json!("assessment")),
        "legal action is proposed from amicable collection"
    );
    start_collection(&scene).await;

    assert_eq!(
        assert_problem(read(&scene, member).await, 404).await["code"],
        "not_found",
        "no assessment yet"
    );
    for decision in [
        approval("450.00", "EUR"),
        json!({"decision": "decline", "reason": "No"}),
    ] {
        let problem = assert_problem(decide(&scene, member, &decision).await, 409).await;
        assert_eq!(
            (&problem["code"], &problem["state"]),
            (&json!("transition_refused"), &json!("amicable"))
        );
    }

    assessed(&scene, "450.00").await;
    let approved = decide(&scene, member, &approval("450.00", "EUR")).await;
    assert_eq!(approved.status(), 200);
    let twice = decide(&scene, member, &json!({"decision": "decline"})).await;
    let problem = assert_problem(twice, 409).await;
    assert_eq!(
        (&problem["code"], &problem["state"]),
        (&json!("transition_refused"), &json!("legal")),
        "a decision is taken once"
    );
    let in_court = assess(&scene, &scene.collector.token, &assessment("450.00")).await;
    assert_eq!(
        assert_problem(in_court, 409).await["code"],
        "transition_refused"
    );
    assert_eq!(body(read(&scene, member).await).await["status"], "approved");
}

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
