//! The scheduler: a paused case with a `resume_on` date is resumed by the system on that date,
//! not before, and its timeline says so.

use chrono::{Days, Utc};
use serde_json::json;

use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, TestApp, body};
use crate::test_clock::{move_clock, spawn_with_test_clock};

both_backends!(a_paused_case_is_resumed_by_the_system_on_its_date_and_not_before);

/// One scheduler pass, run by moving the test clock to noon on `today` (what the worker does on
/// its timer); returns how many cases it resumed.
async fn pass(app: &TestApp, today: chrono::NaiveDate) -> u64 {
    move_clock(app, today).await["resumed"].as_u64().unwrap()
}

async fn a_paused_case_is_resumed_by_the_system_on_its_date_and_not_before(backend: Backend) {
    let app = spawn_with_test_clock(backend).await;
    let creditor = app.create_creditor("Scheduler GmbH").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let dated = app.place_case(&member.token, "SCHED-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let open_ended = app.place_case(&member.token, "SCHED-2").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let resume_on = Utc::now().date_naive() + Days::new(10);
    for (id, body) in [
        (
            &dated,
            InstructionRequest::pause("Creditor negotiates a new contract")
                .resume_on(resume_on.to_string()),
        ),
        (
            &open_ended,
            InstructionRequest::pause("Until further notice"),
        ),
    ] {
        let paused = app
            .post(
                &format!("/v1/cases/{id}/instructions"),
                &member.token,
                &body,
            )
            .await;
        assert_eq!(paused.status(), 200);
    }

    assert_eq!(
        pass(&app, resume_on - Days::new(1)).await,
        0,
        "not before its date"
    );
    let case = body(app.get(&format!("/v1/cases/{dated}"), &member.token).await).await;
    assert_eq!(case["state"], "paused");

    assert_eq!(pass(&app, resume_on).await, 1, "on its date");
    assert_eq!(
        pass(&app, resume_on + Days::new(30)).await,
        0,
        "once, and never without a date"
    );

    let case = body(app.get(&format!("/v1/cases/{dated}"), &member.token).await).await;
    assert_eq!(
        (case["state"].as_str(), case["resume_on"].as_str()),
        (Some("submitted"), None)
    );
    let other = body(
        app.get(&format!("/v1/cases/{open_ended}"), &member.token)
            .await,
    )
    .await;
    assert_eq!(other["state"], "paused");
    let timeline = body(
        app.get(&format!("/v1/cases/{dated}/timeline"), &member.token)
            .await,
    )
    .await;
    let last = timeline["data"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "resume");
    assert_eq!(last["actor"], json!({"kind": "system", "id": null}));
    assert_eq!(
        (last["state_before"].as_str(), last["state_after"].as_str()),
        (Some("paused"), Some("submitted"))
    );
}
