//! Who may assess and decide, field errors by name, and a decision with no assessment awaiting it.

use serde_json::json;

use super::{
    amicable, approval, assess, assessed, assessment, decide, read, start_collection, state,
};
use crate::arrangements::scene;
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};

both_backends!(
    only_agency_staff_on_the_case_assess_and_only_the_creditor_decides,
    invalid_fields_are_422_each_by_name,
    a_decision_without_an_assessment_awaiting_it_is_refused,
);

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
    let field_errors = crate::helpers::field_codes;
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
