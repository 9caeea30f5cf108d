//! Collection work: the assessment due 48 hours after placement (flagged past it, shown to the
//! creditor, moving the case to amicable), the activity log with the next action's day, and
//! the work queue of a collector's own cases, driven by the test clock.

use serde_json::{Value, json};

use crate::arrangements::{Scene, day, scene};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};
use crate::test_clock::move_clock;

both_backends!(
    the_assessment_is_due_48_hours_after_placement_and_moves_the_case_to_amicable,
    an_activitys_next_action_puts_the_case_in_its_collectors_work_queue,
);

fn assessment() -> Value {
    json!({
        "approach": "Amicable: letter and calls; a short payment plan is acceptable",
        "expected_timeline": "6 to 8 weeks",
        "cost_structure": "15 % success commission; EUR 40 compensation recoverable",
        "findings": {"solvency": "doubtful", "reachable": true, "notes": "Two other collections in the register"}
    })
}

async fn queue(scene: &Scene, token: &str) -> Vec<(String, String, bool)> {
    let response = scene.app.get("/v1/work-queue", token).await;
    assert_eq!(response.status(), 200);
    body(response).await["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| {
            (
                item["case_id"].as_str().unwrap().to_owned(),
                item["reason"].as_str().unwrap().to_owned(),
                item["overdue"].as_bool().unwrap(),
            )
        })
        .collect()
}

async fn case(scene: &Scene) -> Value {
    body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await
}

async fn the_assessment_is_due_48_hours_after_placement_and_moves_the_case_to_amicable(
    backend: Backend,
) {
    let scene = scene(backend).await;
    let placed = case(&scene).await;
    assert_eq!(placed["state"], "assessment");
    assert!(placed["assessment"].is_null());
    // Placed a moment after noon on 7 January (the test clock runs on from where it is set).
    let due_at = placed["assessment_due_at"].as_str().unwrap();
    assert!(due_at.starts_with("2030-01-09T12:00:"), "{due_at}");
    assert_eq!(placed["assessment_overdue"], false);
    let token = scene.collector.token.clone();
    assert_eq!(
        queue(&scene, &token).await,
        [(scene.case.clone(), "assessment".into(), false)]
    );

    move_clock(&scene.app, day("2030-01-09")).await;
    assert_eq!(
        case(&scene).await["assessment_overdue"],
        false,
        "due at noon, not past it"
    );
    move_clock(&scene.app, day("2030-01-10")).await;
    assert_eq!(case(&scene).await["assessment_overdue"], true);
    assert_eq!(
        queue(&scene, &token).await,
        [(scene.case.clone(), "assessment".into(), true)]
    );

    let path = format!("/v1/cases/{}/assessment", scene.case);
    let app = &scene.app;
    assert_problem(
        app.post(&path, &scene.member.token, &assessment()).await,
        403,
    )
    .await;
    let stranger = app.create_user(&app.agency_id().await, "collector").await;
    assert_problem(app.post(&path, &stranger.token, &assessment()).await, 404).await;
    let mut blank = assessment();
    blank["approach"] = json!("   ");
    let problem = assert_problem(app.post(&path, &token, &blank).await, 422).await;
    assert_eq!(problem["errors"][0]["field"], "approach");

    let recorded = app.post(&path, &token, &assessment()).await;
    assert_eq!(recorded.status(), 201);
    let recorded = body(recorded).await;
    assert_eq!(recorded["case_state"], "amicable");
    let seen = case(&scene).await;
    assert_eq!(seen["state"], "amicable");
    assert_eq!(seen["assessment_overdue"], false);
    assert_eq!(seen["assessment"]["expected_timeline"], "6 to 8 weeks");
    assert_eq!(seen["assessment"]["findings"]["solvency"], "doubtful");
    assert!(queue(&scene, &token).await.is_empty());
    let again = app.post(&path, &token, &assessment()).await;
    assert_eq!(
        assert_problem(again, 409).await["code"],
        "transition_refused"
    );
}

async fn an_activitys_next_action_puts_the_case_in_its_collectors_work_queue(backend: Backend) {
    let scene = scene(backend).await;
    let app = &scene.app;
    let token = scene.collector.token.clone();
    let recorded = app
        .post(
            &format!("/v1/cases/{}/assessment", scene.case),
            &token,
            &assessment(),
        )
        .await;
    assert_eq!(recorded.status(), 201);
    let path = format!("/v1/cases/{}/activities", scene.case);

    let logged = app
        .post(
            &path,
            &token,
            &json!({"channel": "phone", "outcome": "left_message", "notes": "Asked for the bookkeeper", "next_action_on": "2030-01-09"}),
        )
        .await;
    assert_eq!(logged.status(), 201);
    let logged = body(logged).await;
    assert_eq!(logged["channel"], "phone");
    assert_eq!(logged["next_action_on"], "2030-01-09");
    assert_eq!(case(&scene).await["next_action_on"], "2030-01-09");
    assert!(
        queue(&scene, &token).await.is_empty(),
        "not due before its day"
    );

    move_clock(app, day("2030-01-09")).await;
    let due = [(scene.case.clone(), "next_action".to_owned(), false)];
    assert_eq!(queue(&scene, &token).await, due);
    assert_eq!(
        queue(&scene, &app.admin_token).await,
        due,
        "the admin sees every case"
    );
    let stranger = app.create_user(&app.agency_id().await, "collector").await;
    assert!(
        queue(&scene, &stranger.token).await.is_empty(),
        "another collector's book"
    );
    assert_problem(app.get("/v1/work-queue", &scene.member.token).await, 403).await;
    move_clock(app, day("2030-01-10")).await;
    assert_eq!(
        queue(&scene, &token).await,
        [(scene.case.clone(), "next_action".into(), true)]
    );

    for (bad, field) in [
        (
            json!({"channel": "phone", "outcome": "reached", "next_action_on": "2030-01-09"}),
            "next_action_on",
        ),
        (
            json!({"channel": "pigeon", "outcome": "reached"}),
            "channel",
        ),
    ] {
        let refused = app.post(&path, &token, &bad).await;
        let problem = assert_problem(refused, 422).await;
        assert!(problem.to_string().contains(field), "{problem}");
    }
    let cleared = app
        .post(
            &path,
            &token,
            &json!({"channel": "email", "outcome": "sent"}),
        )
        .await;
    assert_eq!(cleared.status(), 201);
    assert!(case(&scene).await["next_action_on"].is_null());
    assert!(queue(&scene, &token).await.is_empty());

    let listed = body(app.get(&path, &scene.member.token).await).await;
    let outcomes: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|activity| activity["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(
        outcomes,
        ["left_message", "sent"],
        "the creditor reads the log"
    );
}
