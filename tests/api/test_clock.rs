//! The test clock: off unless the server starts with `--test-clock`; on, the agency
//! administrator moves it forward, never back, and the move runs what fell due (a paused case
//! resumes) and moves "today" for balances.

use chrono::{DateTime, Days, NaiveDate, Utc};
use serde_json::json;

use crate::both_backends;
use crate::helpers::{
    Backend, InstructionRequest, TestApp, assert_problem, body, spawn_app, spawn_app_with,
};

both_backends!(
    without_the_flag_the_test_clock_does_not_exist,
    the_test_clock_moves_forward_only_and_only_for_the_agency_administrator,
    moving_the_test_clock_resumes_a_paused_case_and_moves_the_balance_date,
);

pub async fn spawn_with_test_clock(backend: Backend) -> TestApp {
    spawn_app_with(backend, |config| config.test_clock = true).await
}

/// Moves the test clock to noon on `day`; returns the answer's body.
pub async fn move_clock(app: &TestApp, day: NaiveDate) -> serde_json::Value {
    let response = app
        .put(
            "/v1/test-clock",
            &app.admin_token,
            &json!({"now": format!("{day}T12:00:00Z")}),
        )
        .await;
    assert_eq!(response.status(), 200, "moving the clock to {day}");
    body(response).await
}

async fn without_the_flag_the_test_clock_does_not_exist(backend: Backend) {
    let app = spawn_app(backend).await;

    let read = app.get("/v1/test-clock", &app.admin_token).await;
    let moved = app
        .put(
            "/v1/test-clock",
            &app.admin_token,
            &json!({"now": "2099-01-01T00:00:00Z"}),
        )
        .await;

    assert_problem(read, 404).await;
    assert_problem(moved, 404).await;
}

async fn the_test_clock_moves_forward_only_and_only_for_the_agency_administrator(backend: Backend) {
    let app = spawn_with_test_clock(backend).await;
    let agency = app.agency_id().await;
    let collector = app.create_user(&agency, "collector").await;

    let started = body(app.get("/v1/test-clock", &app.admin_token).await).await;
    let started: DateTime<Utc> = started["now"].as_str().unwrap().parse().unwrap();
    assert!((Utc::now() - started).num_minutes().abs() < 5, "{started}");

    let target = Utc::now().date_naive() + Days::new(45);
    let moved = move_clock(&app, target).await;
    assert_eq!(
        moved["now"].as_str(),
        Some(format!("{target}T12:00:00.000000Z").as_str())
    );
    let read = body(app.get("/v1/test-clock", &app.admin_token).await).await;
    assert!(
        read["now"]
            .as_str()
            .unwrap()
            .starts_with(&target.to_string())
    );

    let back = app
        .put(
            "/v1/test-clock",
            &app.admin_token,
            &json!({"now": format!("{}T12:00:00Z", target - Days::new(1))}),
        )
        .await;
    let problem = assert_problem(back, 422).await;
    assert_eq!(problem["errors"][0]["field"], "now");
    let garbage = app
        .put(
            "/v1/test-clock",
            &app.admin_token,
            &json!({"now": "next tuesday"}),
        )
        .await;
    assert_problem(garbage, 422).await;
    let forbidden = app
        .put(
            "/v1/test-clock",
            &collector.token,
            &json!({"now": "2099-01-01T00:00:00Z"}),
        )
        .await;
    assert_problem(forbidden, 403).await;
}

async fn moving_the_test_clock_resumes_a_paused_case_and_moves_the_balance_date(backend: Backend) {
    let app = spawn_with_test_clock(backend).await;
    let creditor = app.create_creditor("Clockwork GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let case = app.place_case(&member.token, "CLOCK-1").await;
    let id = case["id"].as_str().unwrap();
    let resume_on = Utc::now().date_naive() + Days::new(20);
    let paused = app
        .post(
            &format!("/v1/cases/{id}/instructions"),
            &member.token,
            &InstructionRequest::pause("Negotiating").resume_on(resume_on.to_string()),
        )
        .await;
    assert_eq!(paused.status(), 200);

    let early = move_clock(&app, resume_on - Days::new(1)).await;
    assert_eq!(early["resumed"], 0);
    let on_the_day = move_clock(&app, resume_on).await;
    assert_eq!(on_the_day["resumed"], 1);

    let case = body(app.get(&format!("/v1/cases/{id}"), &member.token).await).await;
    assert_eq!(case["state"], "submitted");
    let balance = body(
        app.get(&format!("/v1/cases/{id}/balance"), &member.token)
            .await,
    )
    .await;
    assert_eq!(balance["as_of"], resume_on.to_string());
}
