//! Promises to pay: kept by payments between their making and their day, one payment keeping
//! one promise; broken by the scheduler the day after; refused where they make no sense.

use serde_json::{Value, json};

use super::{Scene, day, pay, scene, timeline};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};
use crate::test_clock::move_clock;

both_backends!(
    a_promise_is_kept_by_a_payment_and_another_broken_the_day_after_its_date,
    promises_are_refused_with_bad_fields_wrong_callers_and_on_closed_cases,
);

async fn promise(scene: &Scene, amount: &str, due_date: &str) -> Value {
    let response = scene
        .app
        .post(
            &format!("/v1/cases/{}/promises", scene.case),
            &scene.collector.token,
            &json!({"amount": amount, "due_date": due_date, "note": "said on the phone"}),
        )
        .await;
    assert_eq!(response.status(), 201, "promising {amount}");
    body(response).await
}

async fn statuses(scene: &Scene) -> Vec<String> {
    let page = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/promises", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|promise| promise["status"].as_str().unwrap().to_owned())
        .collect()
}

async fn a_promise_is_kept_by_a_payment_and_another_broken_the_day_after_its_date(
    backend: Backend,
) {
    let scene = scene(backend).await;
    let first = promise(&scene, "300.00", "2030-01-15").await;
    assert_eq!(first["status"], "open");
    assert_eq!(first["made_on"], "2030-01-07");
    assert_eq!(
        first["amount"],
        json!({"amount": "300.00", "currency": "EUR"})
    );
    promise(&scene, "200.00", "2030-01-31").await;

    move_clock(&scene.app, day("2030-01-14")).await;
    pay(&scene, "300.00", "2030-01-14").await;
    assert_eq!(
        statuses(&scene).await,
        ["kept", "open"],
        "the payment keeps the first promise at once, and only the first"
    );

    let on_the_day = move_clock(&scene.app, day("2030-01-31")).await;
    assert_eq!(on_the_day["arrangements_reviewed"], 0);
    assert_eq!(statuses(&scene).await, ["kept", "open"]);
    let day_after = move_clock(&scene.app, day("2030-02-01")).await;
    assert_eq!(day_after["arrangements_reviewed"], 1);
    assert_eq!(statuses(&scene).await, ["kept", "broken"]);
    let again = move_clock(&scene.app, day("2030-02-02")).await;
    assert_eq!(
        again["arrangements_reviewed"], 0,
        "a broken promise is judged once"
    );

    let events = timeline(&scene).await;
    let of_promises: Vec<(&str, &str)> = events
        .iter()
        .filter(|(kind, _)| kind.starts_with("promise_"))
        .map(|(kind, actor)| (kind.as_str(), actor.as_str()))
        .collect();
    assert_eq!(
        of_promises,
        [
            ("promise_made", "user"),
            ("promise_made", "user"),
            ("promise_kept", "system"),
            ("promise_broken", "system"),
        ]
    );
}

async fn promises_are_refused_with_bad_fields_wrong_callers_and_on_closed_cases(backend: Backend) {
    let scene = scene(backend).await;
    let app = &scene.app;
    let path = format!("/v1/cases/{}/promises", scene.case);

    let bad = app
        .post(
            &path,
            &scene.collector.token,
            &json!({"amount": "-5", "currency": "USD", "due_date": "2030-01-06"}),
        )
        .await;
    let problem = assert_problem(bad, 422).await;
    let fields: Vec<(&str, &str)> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["field"].as_str().unwrap(), e["code"].as_str().unwrap()))
        .collect();
    assert_eq!(
        fields,
        [
            ("currency", "not_case_currency"),
            ("amount", "not_positive"),
            ("due_date", "in_past"),
        ]
    );
    let too_far = app
        .post(
            &path,
            &scene.collector.token,
            &json!({"amount": "5.00", "due_date": "2031-01-09"}),
        )
        .await;
    assert_eq!(
        assert_problem(too_far, 422).await["errors"][0]["code"],
        "too_far"
    );

    let ok = json!({"amount": "5.00", "due_date": "2030-01-10"});
    // A key is the caller's own: another collector sending the same key and body is a request
    // of their own (refused, the case is not in their book), never a replay of the first.
    let keyed = |token: &str| {
        app.client
            .post(app.url(&path))
            .bearer_auth(token)
            .header("idempotency-key", "promise-key-1")
            .json(&ok)
            .send()
    };
    assert_eq!(keyed(&scene.collector.token).await.unwrap().status(), 201);
    let replayed = keyed(&scene.collector.token).await.unwrap();
    assert_eq!(replayed.headers()["idempotent-replayed"], "true");
    let other_collector = app.create_user(&app.agency_id().await, "collector").await;
    assert_problem(keyed(&other_collector.token).await.unwrap(), 404).await;
    assert_problem(app.post(&path, &scene.member.token, &ok).await, 403).await;
    let stranger = app.create_user(&app.agency_id().await, "collector").await;
    assert_problem(app.post(&path, &stranger.token, &ok).await, 404).await;
    let other_creditor = app.create_creditor("Initech").await;
    let other = app.create_user(&other_creditor, "creditor_admin").await;
    assert_problem(app.get(&path, &other.token).await, 404).await;

    pay(&scene, "2000.00", "2030-01-07").await;
    let closed = app.post(&path, &scene.collector.token, &ok).await;
    assert_eq!(assert_problem(closed, 409).await["code"], "case_closed");
}
