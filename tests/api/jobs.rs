//! The scheduler's jobs: a due item is one job, done once even by two passes at the same moment;
//! a job that fails is recorded with its error, retried with backoff, and listed for the agency
//! administrator until it succeeds.

use serde_json::{Value, json};

use crate::arrangements::scene;
use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, TestApp, assert_problem, body, execute_sql};

both_backends!(
    a_failing_job_is_listed_and_retried_with_backoff_until_it_succeeds,
    two_passes_at_once_do_each_due_item_once,
    prescription_is_warned_90_and_30_days_before_and_once_expired,
);

async fn failed_jobs(app: &TestApp) -> Vec<Value> {
    let page = body(app.get("/v1/jobs?status=failed", &app.admin_token).await).await;
    page["data"].as_array().unwrap().clone()
}

async fn moved_to(app: &TestApp, at: &str) -> Value {
    let response = app
        .put("/v1/test-clock", &app.admin_token, &json!({"now": at}))
        .await;
    assert_eq!(response.status(), 200, "moving the clock to {at}");
    body(response).await
}

async fn a_failing_job_is_listed_and_retried_with_backoff_until_it_succeeds(backend: Backend) {
    let scene = scene(backend).await;
    let app = &scene.app;
    let pause = InstructionRequest::pause("Talks").resume_on("2030-01-10");
    let paused = app
        .post(
            &format!("/v1/cases/{}/instructions", scene.case),
            &scene.member.token,
            &pause,
        )
        .await;
    assert_eq!(paused.status(), 200);
    // A stored currency no money has: the resume job cannot read the case and fails. Raw SQL
    // is the point: no endpoint can store a corrupt row.
    execute_sql(
        &app.database_url,
        vec![format!(
            "UPDATE cases SET currency = 'ZZZ' WHERE id = '{}'",
            scene.case
        )],
    )
    .await;

    let due = moved_to(app, "2030-01-10T12:00:00Z").await;
    assert_eq!(due["resumed"], 0);
    let failed = failed_jobs(app).await;
    assert_eq!(failed.len(), 1, "{failed:?}");
    let job = &failed[0];
    assert_eq!(job["kind"], "resume_case");
    assert_eq!(job["case_id"], scene.case.as_str());
    assert_eq!(job["due_on"], "2030-01-10");
    assert_eq!(job["attempts"], 1);
    assert!(
        job["last_error"].as_str().unwrap().contains("corrupt"),
        "{job}"
    );
    let next = job["next_attempt_at"].as_str().unwrap();
    assert!(
        next.starts_with("2030-01-10T12:01:00"),
        "one minute after the first failure: {next}"
    );

    moved_to(app, "2030-01-10T12:00:30Z").await;
    assert_eq!(
        failed_jobs(app).await[0]["attempts"],
        1,
        "not before its time"
    );
    moved_to(app, "2030-01-10T12:01:30Z").await;
    let again = &failed_jobs(app).await[0];
    assert_eq!(again["attempts"], 2);
    assert!(
        again["next_attempt_at"]
            .as_str()
            .unwrap()
            .starts_with("2030-01-10T12:05:30"),
        "four minutes after the second: {again}"
    );

    execute_sql(
        &app.database_url,
        vec![format!(
            "UPDATE cases SET currency = 'EUR' WHERE id = '{}'",
            scene.case
        )],
    )
    .await;
    let retried = moved_to(app, "2030-01-10T12:06:00Z").await;
    assert_eq!(retried["resumed"], 1);
    assert!(failed_jobs(app).await.is_empty());
    let done = body(app.get("/v1/jobs?status=done", &app.admin_token).await).await;
    assert_eq!(done["data"][0]["attempts"], 3);
    let case = body(
        app.get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await;
    assert_eq!(case["state"], "assessment", "resumed to where it was");

    assert_problem(app.get("/v1/jobs", &scene.collector.token).await, 403).await;
    assert_problem(
        app.get("/v1/jobs?status=bogus", &app.admin_token).await,
        422,
    )
    .await;
}

async fn two_passes_at_once_do_each_due_item_once(backend: Backend) {
    let scene = scene(backend).await;
    let app = &scene.app;
    let mut cases = vec![scene.case.clone()];
    for reference in ["ONCE-2", "ONCE-3", "ONCE-4"] {
        cases.push(
            app.place_case(&scene.member.token, reference).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    for case in &cases {
        let promised = app
            .post(
                &format!("/v1/cases/{case}/promises"),
                &scene.collector.token,
                &json!({"amount": "100.00", "due_date": "2030-01-08"}),
            )
            .await;
        assert_eq!(promised.status(), 201);
    }

    // Two nodes of one installation move their test clocks to 2030-01-10 at the same moment:
    // each runs a scheduler pass before it answers, so the two race for the same due items.
    // The other node's own scheduler is off: its first tick, at start-up, could otherwise run
    // after the clock moved and take items from both passes.
    let other_node = app
        .start_node(|config| {
            config.test_clock = true;
            config.scheduler_interval_seconds = 0;
        })
        .await;
    let move_on = |url: String| {
        let request = app
            .client
            .put(url)
            .bearer_auth(&app.admin_token)
            .json(&json!({"now": "2030-01-10T12:00:00Z"}));
        async move {
            let response = request.send().await.unwrap();
            assert_eq!(response.status(), 200);
            body(response).await
        }
    };
    let (a, b) = tokio::join!(
        move_on(app.url("/v1/test-clock")),
        move_on(format!("{other_node}/v1/test-clock"))
    );
    assert!(failed_jobs(app).await.is_empty());
    let reviewed = |moved: &Value| moved["arrangements_reviewed"].as_u64().unwrap();
    assert_eq!(
        reviewed(&a) + reviewed(&b),
        cases.len() as u64,
        "each case judged once between the two: {a} {b}"
    );
    for case in &cases {
        let timeline = body(
            app.get(&format!("/v1/cases/{case}/timeline"), &scene.member.token)
                .await,
        )
        .await;
        let broken = timeline["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["kind"] == "promise_broken")
            .count();
        assert_eq!(broken, 1, "case {case}");
    }
}

async fn prescription_is_warned_90_and_30_days_before_and_once_expired(backend: Backend) {
    // A German claim due 2029-11-01 prescribes at the end of the third year after the year it
    // arose in (BGB s.195, s.199(1)): 2032-12-31. 90 days before is 2032-10-02, 30 days before
    // 2032-12-01.
    let scene = scene(backend).await;
    let app = &scene.app;
    let warnings = |moved: &Value| moved["prescription_warnings"].as_u64().unwrap();
    for (day, given) in [
        ("2030-01-08", 0),
        ("2032-10-01", 0),
        ("2032-10-02", 1),
        ("2032-10-03", 0),
        ("2032-12-01", 1),
        ("2032-12-31", 0),
        ("2033-01-01", 1),
        ("2033-01-02", 0),
    ] {
        let moved = moved_to(app, &format!("{day}T12:00:00Z")).await;
        assert_eq!(warnings(&moved), given, "warnings given on {day}");
    }
    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline?limit=500", scene.case),
            &scene.member.token,
        )
        .await,
    )
    .await;
    let given: Vec<(String, i64)> = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|event| event["kind"] == "prescription_warning")
        .map(|event| {
            assert_eq!(event["actor"]["kind"], "system");
            assert_eq!(event["detail"]["deadline"], "2032-12-31");
            (
                event["detail"]["warning"].as_str().unwrap().to_owned(),
                event["detail"]["days_left"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        given,
        [
            ("90 days".to_owned(), 90),
            ("30 days".to_owned(), 30),
            ("expired".to_owned(), -1)
        ]
    );
}
