//! The scheduler: a paused case with a `resume_on` date is resumed by the system on that date,
//! not before, and its timeline says so.

use chrono::{Days, NaiveDate, Utc};
use serde_json::json;
use solvo_api::workers::resume_due;
use solvo_app::clock::Clock;

use crate::both_backends;
use crate::helpers::{Backend, TestApp, body, spawn_app};

both_backends!(a_paused_case_is_resumed_by_the_system_on_its_date_and_not_before);

/// One scheduler pass over the test server's database, as if today were `today`.
async fn pass(app: &TestApp, today: NaiveDate) -> usize {
    let url = app.database_url.clone();
    tokio::task::spawn_blocking(move || {
        let pool = solvo_api::startup::open_database(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        let clock = Clock::test();
        clock
            .advance_to(today.and_hms_opt(12, 0, 0).unwrap())
            .unwrap();
        resume_due(&mut conn, &clock)
    })
    .await
    .unwrap()
}

async fn a_paused_case_is_resumed_by_the_system_on_its_date_and_not_before(backend: Backend) {
    let app = spawn_app(backend).await;
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
    let pause = |reason: &str, date: Option<NaiveDate>| json!({"type": "pause", "reason": reason, "resume_on": date});
    for (id, body) in [
        (
            &dated,
            pause("Creditor negotiates a new contract", Some(resume_on)),
        ),
        (&open_ended, pause("Until further notice", None)),
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
