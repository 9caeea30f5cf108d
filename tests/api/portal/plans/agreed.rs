//! Requests within the limits agreed at once, beyond them countered by the collector and accepted
//! by the debtor, and declined requests and counters agreeing nothing.

use serde_json::json;

use super::{ask, case_state, decide, requests_path, rows, schedule};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};
use crate::portal::{portal_post, portal_scene, timeline_of};

both_backends!(
    a_request_within_the_limits_is_a_plan_at_once,
    a_request_beyond_the_limits_waits_and_the_debtor_accepts_the_counter,
    declined_requests_and_declined_counters_agree_nothing,
);

async fn a_request_within_the_limits_is_a_plan_at_once(backend: Backend) {
    let scene = portal_scene(backend).await;
    // Four monthly instalments of 1,040.00: 260.00 each, the last on 2030-05-01, well within
    // the agency defaults (12 instalments, none under 25.00, at most 12 months).
    let view = ask(&scene, 4, "2030-02-01").await;
    assert_eq!(view["status"], "accepted");
    assert_eq!(view["case_state"], "payment_plan");
    assert_eq!(
        view["text"],
        "Your payment plan is agreed. Pay each instalment on its date."
    );
    assert_eq!(
        schedule(&view),
        rows(&[
            ("2030-02-01", "260.00"),
            ("2030-03-01", "260.00"),
            ("2030-04-01", "260.00"),
            ("2030-05-01", "260.00"),
        ])
    );
    assert_eq!(case_state(&scene).await, "payment_plan");
    // The plan is a plan like a collector's: the staff see it with the same rules.
    let plan_id = view["plan_id"].as_str().unwrap();
    let plan = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/payment-plans/{plan_id}", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    assert_eq!(plan["status"], "active");
    assert_eq!(plan["total"]["amount"], "1040.00");
    assert_eq!(plan["frequency"], "monthly");
    assert_eq!(plan["grace_days"], 7);
    let timeline = timeline_of(&scene.app, &scene.member.token, &scene.case).await;
    let tail: Vec<_> = timeline.iter().rev().take(2).rev().cloned().collect();
    assert_eq!(
        tail,
        [
            ("payment_plan_requested".to_owned(), "debtor".to_owned()),
            ("agree_payment_plan".to_owned(), "debtor".to_owned()),
        ]
    );
    // The portal lists the request with its answer.
    let listed = body(scene.app.get(&requests_path(&scene), &scene.token).await).await;
    assert_eq!(listed["data"][0]["status"], "accepted");
    assert_eq!(listed["data"][0]["plan_id"], plan_id);
}

async fn a_request_beyond_the_limits_waits_and_the_debtor_accepts_the_counter(backend: Backend) {
    let scene = portal_scene(backend).await;
    // 13 instalments: one more than 12, and the 13th falls due 2031-02-01, past 2031-01-07.
    // 1,040.00 / 13 = 80.00 is above the smallest instalment.
    let view = ask(&scene, 13, "2030-02-01").await;
    assert_eq!(view["status"], "pending");
    assert!(view["plan_id"].is_null());
    assert!(view["instalments"].is_null());
    assert_eq!(case_state(&scene).await, "amicable");
    let id = view["id"].as_str().unwrap().to_owned();

    let pending = body(
        scene
            .app
            .get(
                "/v1/payment-plan-requests?status=pending",
                &scene.collector.token,
            )
            .await,
    )
    .await;
    let listed = pending["data"].as_array().unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], id.as_str());
    assert_eq!(
        listed[0]["exceeded"],
        json!(["too_many_instalments", "too_long"])
    );
    // The collector counters: ten monthly instalments from 2030-02-01, 104.00 each.
    let countered = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "counter", "instalment_count": 10, "first_due_date": "2030-02-01"}),
    )
    .await;
    assert_eq!(countered.status(), 200);
    let countered = body(countered).await;
    assert_eq!(countered["status"], "countered");
    let seen = body(scene.app.get(&requests_path(&scene), &scene.token).await).await;
    assert_eq!(seen["data"][0]["status"], "countered");
    assert_eq!(
        seen["data"][0]["counter"],
        json!({"instalment_count": 10, "first_due_date": "2030-02-01"})
    );
    let nothing_pending = body(
        scene
            .app
            .get(
                "/v1/payment-plan-requests?status=pending",
                &scene.collector.token,
            )
            .await,
    )
    .await;
    assert_eq!(nothing_pending["data"], json!([]));
    // A countered request is not decided again.
    let again = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "accept"}),
    )
    .await;
    assert_eq!(assert_problem(again, 409).await["code"], "conflict");

    let accepted = portal_post(
        &scene.app,
        &scene.token,
        &format!("{}/{id}/response", requests_path(&scene)),
        &json!({"answer": "accept"}),
        "de",
    )
    .await;
    assert_eq!(accepted.status(), 200);
    assert_eq!(accepted.headers()["content-language"], "de");
    let accepted = body(accepted).await;
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["case_state"], "payment_plan");
    assert_eq!(
        accepted["text"],
        "Ihre Ratenzahlung ist vereinbart. Zahlen Sie jede Rate zu ihrem Termin."
    );
    let expected: Vec<(String, String)> = (2..=11)
        .map(|month| (format!("2030-{month:02}-01"), "104.00".to_owned()))
        .collect();
    assert_eq!(schedule(&accepted), expected);
    assert_eq!(case_state(&scene).await, "payment_plan");
    let kinds: Vec<String> = timeline_of(&scene.app, &scene.member.token, &scene.case)
        .await
        .into_iter()
        .map(|(kind, actor)| format!("{kind}/{actor}"))
        .filter(|entry| entry.contains("payment_plan"))
        .collect();
    assert_eq!(
        kinds,
        [
            "payment_plan_requested/debtor",
            "payment_plan_request_countered/user",
            "payment_plan_counter_accepted/debtor",
            "agree_payment_plan/debtor",
        ]
    );
}

async fn declined_requests_and_declined_counters_agree_nothing(backend: Backend) {
    let scene = portal_scene(backend).await;
    let first = ask(&scene, 24, "2030-02-01").await;
    assert_eq!(first["status"], "pending");
    let id = first["id"].as_str().unwrap().to_owned();
    let blank = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "decline", "reason": "   "}),
    )
    .await;
    assert_eq!(
        assert_problem(blank, 422).await["errors"][0]["field"],
        "reason"
    );
    let declined = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "decline", "reason": "Please pay at least 200.00 a month"}),
    )
    .await;
    assert_eq!(declined.status(), 200);
    let declined = body(declined).await;
    assert_eq!(declined["status"], "declined");
    assert_eq!(declined["declined_by"], "collector");
    let seen = body(scene.app.get(&requests_path(&scene), &scene.token).await).await;
    assert_eq!(seen["data"][0]["status"], "declined");
    assert_eq!(
        seen["data"][0]["decline_reason"],
        "Please pay at least 200.00 a month"
    );
    assert_eq!(
        seen["data"][0]["text"],
        "No payment plan was agreed. The amount remains due."
    );

    // Answered, the debtor may ask again; this time the debtor declines the counter.
    let second = ask(&scene, 20, "2030-02-01").await;
    let second_id = second["id"].as_str().unwrap().to_owned();
    let countered = decide(
        &scene,
        &scene.collector.token,
        &second_id,
        &json!({"decision": "counter", "instalment_count": 5, "first_due_date": "2030-02-01"}),
    )
    .await;
    assert_eq!(countered.status(), 200);
    let refused = portal_post(
        &scene.app,
        &scene.token,
        &format!("{}/{second_id}/response", requests_path(&scene)),
        &json!({"answer": "decline"}),
        "en",
    )
    .await;
    assert_eq!(refused.status(), 200);
    let refused = body(refused).await;
    assert_eq!(refused["status"], "declined");
    assert!(refused["plan_id"].is_null());
    let staff = body(
        scene
            .app
            .get(
                "/v1/payment-plan-requests?status=declined",
                &scene.collector.token,
            )
            .await,
    )
    .await;
    let by: Vec<&str> = staff["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["declined_by"].as_str().unwrap())
        .collect();
    assert_eq!(by, ["collector", "debtor"]);
    assert_eq!(case_state(&scene).await, "amicable");
    // A declined counter cannot be accepted afterwards.
    let late = portal_post(
        &scene.app,
        &scene.token,
        &format!("{}/{second_id}/response", requests_path(&scene)),
        &json!({"answer": "accept"}),
        "en",
    )
    .await;
    assert_eq!(assert_problem(late, 409).await["code"], "conflict");
}
