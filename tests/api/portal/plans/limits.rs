//! The creditor's own limits decide, and only its admins set them.

use serde_json::{Value, json};

use super::{ask, decide};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};
use crate::portal::portal_scene;

both_backends!(the_creditors_own_limits_decide_and_only_its_admins_set_them,);

async fn the_creditors_own_limits_decide_and_only_its_admins_set_them(backend: Backend) {
    let scene = portal_scene(backend).await;
    let path = format!("/v1/organisations/{}/plan-limits", scene.creditor);
    let defaults = body(scene.app.get(&path, &scene.creditor_admin.token).await).await;
    assert_eq!(defaults["source"], "agency_default");
    assert_eq!(defaults["max_instalments"], 12);
    assert_eq!(defaults["max_duration_months"], 12);
    assert!(defaults["min_instalment"].is_null());
    let limits = json!({"max_instalments": 3, "min_instalment": "300.00", "currency": "EUR", "max_duration_months": 6});
    let viewer = scene.app.put(&path, &scene.viewer.token, &limits).await;
    assert_problem(viewer, 403).await;
    let collector = scene.app.put(&path, &scene.collector.token, &limits).await;
    assert_problem(collector, 403).await;
    let other = scene.app.create_creditor("Other Ltd").await;
    let other_admin = scene.app.create_user(&other, "creditor_admin").await;
    let elsewhere = scene.app.put(&path, &other_admin.token, &limits).await;
    assert_problem(elsewhere, 404).await;
    let bad = scene
        .app
        .put(
            &path,
            &scene.creditor_admin.token,
            &json!({"max_instalments": 0, "min_instalment": "-1", "currency": "EUR", "max_duration_months": 121}),
        )
        .await;
    let bad = assert_problem(bad, 422).await;
    let fields: Vec<&str> = bad["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.get("field").and_then(Value::as_str).unwrap())
        .collect();
    assert_eq!(
        fields,
        ["max_instalments", "max_duration_months", "min_instalment"]
    );
    let set = scene
        .app
        .put(&path, &scene.creditor_admin.token, &limits)
        .await;
    assert_eq!(set.status(), 200);
    let set = body(set).await;
    assert_eq!(set["source"], "creditor");
    assert_eq!(
        set["min_instalment"],
        json!({"amount": "300.00", "currency": "EUR"})
    );
    let agency = body(scene.app.get(&path, &scene.app.admin_token).await).await;
    assert_eq!(agency["max_instalments"], 3);

    // Four of 260.00: too many for 3, each under 300.00; within 6 months (last 2030-05-01).
    let waiting = ask(&scene, 4, "2030-02-01").await;
    assert_eq!(waiting["status"], "pending");
    let listed = body(
        scene
            .app
            .get(
                "/v1/payment-plan-requests?status=pending",
                &scene.app.admin_token,
            )
            .await,
    )
    .await;
    assert_eq!(
        listed["data"][0]["exceeded"],
        json!(["too_many_instalments", "instalment_too_small"])
    );
    // The agency admin accepts it as asked: the plan is the one the debtor asked for.
    let accepted = decide(
        &scene,
        &scene.app.admin_token,
        waiting["id"].as_str().unwrap(),
        &json!({"decision": "accept"}),
    )
    .await;
    assert_eq!(accepted.status(), 200);
    let accepted = body(accepted).await;
    assert_eq!(accepted["status"], "accepted");
    assert_eq!(accepted["case_state"], "payment_plan");
    assert_eq!(accepted["plan"]["instalments"].as_array().unwrap().len(), 4);
    assert_eq!(
        accepted["plan"]["instalments"][3]["amount"]["amount"],
        "260.00"
    );
}
