//! Requests the case cannot take, refused with a typed code and a sentence in the debtor's
//! language; another debtor's case and other staff cannot reach a request.

use serde_json::{Value, json};

use super::{ask, case_state, decide, requests_path};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};
use crate::portal::{debtor_token, issue_code, place, portal_post, portal_scene};

both_backends!(
    requests_the_case_cannot_take_are_refused_in_the_debtors_language,
    another_debtors_case_and_other_staff_cannot_reach_a_request,
);

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
    let in_the_past = post(
        json!({"instalment_count": 2, "first_due_date": "2030-01-06"}),
        "en",
    )
    .await;
    assert_eq!(
        assert_problem(in_the_past, 422).await["errors"][0]["field"],
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
