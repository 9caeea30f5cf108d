//! Payment plan requests from the portal: within the creditor's limits agreed at once (the
//! instalments worked out by hand), beyond them queued for the collector, who counters (the
//! debtor accepts) or declines; the debtor declining a counter; the creditor's own limits;
//! refusals with a typed code and a sentence in the debtor's language; another debtor's case;
//! who may decide.

use serde_json::{Value, json};

use super::{PortalScene, debtor_token, issue_code, place, portal_post, portal_scene, timeline_of};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};

both_backends!(
    a_request_within_the_limits_is_a_plan_at_once,
    a_request_beyond_the_limits_waits_and_the_debtor_accepts_the_counter,
    declined_requests_and_declined_counters_agree_nothing,
    the_creditors_own_limits_decide_and_only_its_admins_set_them,
    requests_the_case_cannot_take_are_refused_in_the_debtors_language,
    another_debtors_case_and_other_staff_cannot_reach_a_request,
);

fn requests_path(scene: &PortalScene) -> String {
    format!("/v1/portal/cases/{}/payment-plan-requests", scene.case)
}

async fn ask(scene: &PortalScene, count: u32, first: &str) -> Value {
    let response = portal_post(
        &scene.app,
        &scene.token,
        &requests_path(scene),
        &json!({"instalment_count": count, "first_due_date": first}),
        "en",
    )
    .await;
    let status = response.status();
    assert_eq!(
        response.headers()["cache-control"],
        "no-store",
        "never cached"
    );
    let view = body(response).await;
    assert_eq!(status, 201, "{view}");
    view
}

async fn decide(scene: &PortalScene, token: &str, id: &str, decision: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/payment-plan-requests/{id}/decision"),
            token,
            decision,
        )
        .await
}

async fn case_state(scene: &PortalScene) -> String {
    body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await["state"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn schedule(view: &Value) -> Vec<(String, String)> {
    view["instalments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["due_date"].as_str().unwrap().to_owned(),
                i["amount"]["amount"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn rows(rows: &[(&str, &str)]) -> Vec<(String, String)> {
    rows.iter()
        .map(|(due, amount)| ((*due).to_owned(), (*amount).to_owned()))
        .collect()
}

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

async fn requests_the_case_cannot_take_are_refused_in_the_debtors_language(backend: Backend) {
    let scene = portal_scene(backend).await;
    let post = |payload: Value, language: &'static str| {
        let (app, token, path) = (&scene.app, &scene.token, requests_path(&scene));
        async move { portal_post(app, token, &path, &payload, language).await }
    };
    let zero = post(
        json!({"instalment_count": 0, "first_due_date": "2030-02-01"}),
        "en",
    )
    .await;
    assert_eq!(
        assert_problem(zero, 422).await["errors"][0]["field"],
        "instalment_count"
    );
    let past = post(
        json!({"instalment_count": 2, "first_due_date": "2030-01-06"}),
        "en",
    )
    .await;
    assert_eq!(
        assert_problem(past, 422).await["errors"][0]["field"],
        "first_due_date"
    );

    let waiting = ask(&scene, 30, "2030-02-01").await;
    assert_eq!(waiting["status"], "pending");
    let twice = post(
        json!({"instalment_count": 2, "first_due_date": "2030-02-01"}),
        "en",
    )
    .await;
    let twice = assert_problem(twice, 409).await;
    assert_eq!(twice["code"], "portal_request_refused");
    assert_eq!(twice["reason"], "request_pending");
    decide(
        &scene,
        &scene.collector.token,
        waiting["id"].as_str().unwrap(),
        &json!({"decision": "decline", "reason": "Too long"}),
    )
    .await;

    let plan = ask(&scene, 2, "2030-02-01").await;
    assert_eq!(plan["status"], "accepted");
    let on_plan = post(
        json!({"instalment_count": 2, "first_due_date": "2030-02-01"}),
        "nl",
    )
    .await;
    let on_plan = assert_problem(on_plan, 409).await;
    assert_eq!(on_plan["reason"], "payment_plan");
    assert_eq!(
        on_plan["detail"],
        "Voor dit dossier loopt al een betalingsregeling; betaal elke termijn op de afgesproken datum."
    );

    // A disputed case: the creditor raises a dispute on a second case of the same debtor.
    let disputed = place(
        &scene.app,
        &scene.member.token,
        "PORTAL-2",
        "HRB 1",
        "Globex GmbH",
    )
    .await;
    crate::cases::start_amicable(&scene.app, &disputed).await;
    let raised = scene
        .app
        .post(
            &format!("/v1/cases/{disputed}/disputes"),
            &scene.member.token,
            &json!({"category": "goods_not_received", "text": "The pallet never arrived."}),
        )
        .await;
    assert_eq!(raised.status(), 201);
    let refused = portal_post(
        &scene.app,
        &scene.token,
        &format!("/v1/portal/cases/{disputed}/payment-plan-requests"),
        &json!({"instalment_count": 2, "first_due_date": "2030-02-01"}),
        "de",
    )
    .await;
    let refused = assert_problem(refused, 409).await;
    assert_eq!(refused["code"], "portal_request_refused");
    assert_eq!(refused["reason"], "disputed");
    assert_eq!(
        refused["detail"],
        "Ihr Einwand gegen diesen Fall wird geprüft; eine Ratenzahlung kann vereinbart werden, sobald darüber entschieden ist."
    );
}

async fn another_debtors_case_and_other_staff_cannot_reach_a_request(backend: Backend) {
    let scene = portal_scene(backend).await;
    let stranger = place(
        &scene.app,
        &scene.member.token,
        "OTHER-1",
        "HRB 99",
        "Initech AG",
    )
    .await;
    crate::cases::start_amicable(&scene.app, &stranger).await;
    let unseen = portal_post(
        &scene.app,
        &scene.token,
        &format!("/v1/portal/cases/{stranger}/payment-plan-requests"),
        &json!({"instalment_count": 2, "first_due_date": "2030-02-01"}),
        "en",
    )
    .await;
    assert_problem(unseen, 404).await;
    let listed = scene
        .app
        .get(
            &format!("/v1/portal/cases/{stranger}/payment-plan-requests"),
            &scene.token,
        )
        .await;
    assert_problem(listed, 404).await;

    let waiting = ask(&scene, 13, "2030-02-01").await;
    let id = waiting["id"].as_str().unwrap().to_owned();
    // The other debtor's session cannot answer this debtor's request.
    let other_token = debtor_token(&scene.app, &issue_code(&scene.app, &stranger).await).await;
    let foreign = portal_post(
        &scene.app,
        &other_token,
        &format!("{}/{id}/response", requests_path(&scene)),
        &json!({"answer": "accept"}),
        "en",
    )
    .await;
    assert_problem(foreign, 404).await;

    for token in [&scene.viewer.token, &scene.member.token] {
        let refused = decide(&scene, token, &id, &json!({"decision": "accept"})).await;
        assert_problem(refused, 403).await;
        let list = scene.app.get("/v1/payment-plan-requests", token).await;
        assert_problem(list, 403).await;
    }
    // A collector whose book does not hold the case does not find the request.
    let outsider = scene
        .app
        .create_user(&scene.app.agency_id().await, "collector")
        .await;
    let refused = decide(&scene, &outsider.token, &id, &json!({"decision": "accept"})).await;
    assert_problem(refused, 404).await;
    let theirs = body(
        scene
            .app
            .get("/v1/payment-plan-requests?status=pending", &outsider.token)
            .await,
    )
    .await;
    assert_eq!(theirs["data"], json!([]));
    let unknown = scene
        .app
        .get(
            "/v1/payment-plan-requests?status=maybe",
            &scene.collector.token,
        )
        .await;
    assert_problem(unknown, 422).await;
    // The portal token is no staff credential.
    let portal = decide(&scene, &scene.token, &id, &json!({"decision": "accept"})).await;
    assert_problem(portal, 403).await;
    assert_eq!(case_state(&scene).await, "amicable");
}
