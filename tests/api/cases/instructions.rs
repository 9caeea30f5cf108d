//! Instructions through the state machine, and the decisions only the creditor takes.

use serde_json::json;

use super::{creditor_member, start_amicable};
use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, assert_problem, body, spawn_app};

both_backends!(
    instructions_go_through_the_state_machine,
    the_agency_cannot_take_the_creditors_decisions,
);

async fn instructions_go_through_the_state_machine(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = app.place_case(&token, "ACME-1").await;
    let path = format!("/v1/cases/{}/instructions", case["id"].as_str().unwrap());

    let paused = app
        .post(
            &path,
            &token,
            &InstructionRequest::pause("Debtor called").resume_on("2099-01-01"),
        )
        .await;
    assert_eq!(paused.status(), 200);
    let paused = body(paused).await;
    assert_eq!(
        (paused["state"].as_str(), paused["resume_to"].as_str()),
        (Some("paused"), Some("submitted"))
    );
    assert_eq!(paused["resume_on"], "2099-01-01");
    assert_eq!(
        paused["allowed_instructions"],
        json!(["resume", "close", "withdraw"])
    );

    let twice = app
        .post(&path, &token, &InstructionRequest::pause("again"))
        .await;
    let problem = assert_problem(twice, 409).await;
    assert_eq!(problem["code"], "transition_refused");
    assert_eq!(problem["state"], "paused");
    // What the caller may send now, as the case view lists it: the member may withdraw.
    assert_eq!(
        problem["allowed_commands"], paused["allowed_instructions"],
        "{problem}"
    );
    let detail = problem["detail"].as_str().unwrap().to_owned();
    assert!(
        detail.contains("paused") && detail.contains("resume"),
        "{detail}"
    );

    let resumed = body(
        app.post(&path, &token, &InstructionRequest::resume("Go on"))
            .await,
    )
    .await;
    assert_eq!(resumed["state"], "submitted");
    assert!(resumed["resume_on"].is_null());

    let paid_in_full = app
        .post(
            &path,
            &token,
            &InstructionRequest::close("x", "paid_in_full"),
        )
        .await;
    assert_problem(paid_in_full, 409).await;
    let escalate_without_assessment = app
        .post(&path, &token, &InstructionRequest::escalate("x"))
        .await;
    assert_eq!(
        assert_problem(escalate_without_assessment, 422).await["errors"][0]["field"],
        "assessment"
    );
    let past = app
        .post(
            &path,
            &token,
            &InstructionRequest::pause("x").resume_on("2020-01-01"),
        )
        .await;
    assert_eq!(
        assert_problem(past, 422).await["errors"][0]["field"],
        "resume_on"
    );

    let withdrawn = body(
        app.post(
            &path,
            &token,
            &InstructionRequest::withdraw("Settled with the debtor"),
        )
        .await,
    )
    .await;
    assert_eq!(
        (withdrawn["state"].as_str(), withdrawn["outcome"].as_str()),
        (Some("closed"), Some("withdrawn"))
    );
    assert!(
        withdrawn["allowed_instructions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert_ne!(
        withdrawn["balance"]["fees"]["amount"], "25.00",
        "a withdrawal fee was posted on top of the introduction fee"
    );

    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline", case["id"].as_str().unwrap()),
            &token,
        )
        .await,
    )
    .await;
    let kinds: Vec<&str> = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["placed", "pause", "resume", "withdraw"]);
    assert_eq!(timeline["data"][1]["state_before"], "submitted");
    assert_eq!(timeline["data"][1]["state_after"], "paused");
    assert_eq!(timeline["data"][1]["detail"]["reason"], "Debtor called");

    let creditor = body(app.get("/v1/me", &token).await).await["organisation"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    assert_problem(
        app.post(&path, &viewer.token, &InstructionRequest::pause("x"))
            .await,
        403,
    )
    .await;
}

async fn the_agency_cannot_take_the_creditors_decisions(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, token) = creditor_member(&app).await;
    let case = app.place_case(&token, "ACME-1").await;
    let path = format!("/v1/cases/{}/instructions", case["id"].as_str().unwrap());
    let agency = app.agency_id().await;
    let collector = app.create_user(&agency, "collector").await;
    app.assign_case(case["id"].as_str().unwrap(), &collector.id)
        .await;

    let seen = body(
        app.get(
            &format!("/v1/cases/{}", case["id"].as_str().unwrap()),
            &collector.token,
        )
        .await,
    )
    .await;
    assert!(
        !seen["allowed_instructions"]
            .as_array()
            .unwrap()
            .contains(&json!("withdraw")),
        "{}",
        seen["allowed_instructions"]
    );
    // A refusal offers the collector only what the collector may send, withdrawal not among it.
    let refused = app
        .post(&path, &collector.token, &InstructionRequest::resume("x"))
        .await;
    let problem = assert_problem(refused, 409).await;
    assert_eq!(
        problem["allowed_commands"], seen["allowed_instructions"],
        "{problem}"
    );
    let withdraw = app
        .post(&path, &collector.token, &InstructionRequest::withdraw("x"))
        .await;
    assert_problem(withdraw, 403).await;
    let by_admin = app
        .post(&path, &app.admin_token, &InstructionRequest::withdraw("x"))
        .await;
    assert_problem(by_admin, 403).await;

    let assessment = json!({
        "recommendation": "proceed",
        "cost_estimate": {"amount": "750.00", "currency": "EUR"},
        "success_probability_pct": 70,
        "summary": "Solvent debtor, undisputed invoices."
    });
    let case_id = case["id"].as_str().unwrap().to_owned();
    let assign = json!({"collector_id": collector.id});
    let assigned = app
        .request(
            reqwest::Method::PUT,
            &format!("/v1/cases/{case_id}/assignment"),
            Some(&app.admin_token),
            Some(&assign),
        )
        .await;
    assert_eq!(body(assigned).await["state"], "assessment");
    start_amicable(&app, &case_id).await;
    let escalated = app
        .post(
            &path,
            &collector.token,
            &InstructionRequest::escalate("No reaction").assessment(assessment.clone()),
        )
        .await;
    assert_eq!(
        escalated.status(),
        200,
        "the agency escalates to pre-legal with its assessment"
    );
    assert_eq!(body(escalated).await["state"], "pre_legal");
    let approval_by_agency = app
        .post(&path, &collector.token, &InstructionRequest::escalate("go"))
        .await;
    assert_problem(approval_by_agency, 403).await;
    let approved = app
        .post(
            &path,
            &token,
            &InstructionRequest::escalate("Approved by finance"),
        )
        .await;
    assert_eq!(approved.status(), 200);
    assert_eq!(
        body(approved).await["state"],
        "legal",
        "the creditor's approval moves the case to legal"
    );
}
