//! A collector's book: a collector reads and acts on the cases assigned to them, and any other
//! case answers 404 as if it did not exist; the agency admin sees and reassigns every case.

use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    ApiKeyRequest, Backend, InstructionRequest, TestApp, assert_problem, body, spawn_app,
};

both_backends!(
    a_collector_works_only_the_cases_assigned_to_them,
    a_reassigned_case_moves_to_the_new_collectors_book,
    a_collector_key_without_a_user_has_no_book
);

/// Asserts that `token` is answered 404 on every read and write of `case_id`.
async fn assert_case_like_missing(app: &TestApp, token: &str, case_id: &str) {
    for path in [
        format!("/v1/cases/{case_id}"),
        format!("/v1/cases/{case_id}/balance"),
        format!("/v1/cases/{case_id}/timeline"),
        format!("/v1/cases/{case_id}/messages"),
        format!("/v1/cases/{case_id}/documents"),
        format!("/v1/cases/{case_id}/payments"),
        format!("/v1/cases/{case_id}/promises"),
        format!("/v1/cases/{case_id}/payment-plans"),
        format!("/v1/cases/{case_id}/activities"),
    ] {
        assert_problem(app.get(&path, token).await, 404).await;
    }
    let pause = InstructionRequest::pause("not mine").resume_on("2099-01-01");
    assert_problem(
        app.post(&format!("/v1/cases/{case_id}/instructions"), token, &pause)
            .await,
        404,
    )
    .await;
    let payment = json!({"amount": "10.00", "value_date": "2026-06-01", "method": "cash"});
    let promise = json!({"amount": "10.00", "due_date": "2099-01-01"});
    let activity = json!({"channel": "phone", "outcome": "reached"});
    for (path, body) in [
        ("payments", &payment),
        ("promises", &promise),
        ("activities", &activity),
    ] {
        assert_problem(
            app.post(&format!("/v1/cases/{case_id}/{path}"), token, body)
                .await,
            404,
        )
        .await;
    }
}

/// The ids on the first page of the case list as `token` sees it, with `query` appended.
async fn listed(app: &TestApp, token: &str, query: &str) -> Vec<String> {
    let page = body(app.get(&format!("/v1/cases{query}"), token).await).await;
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|case| case["id"].as_str().unwrap().to_owned())
        .collect()
}

fn id_of(case: &Value) -> String {
    case["id"].as_str().unwrap().to_owned()
}

async fn a_collector_works_only_the_cases_assigned_to_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let agency = app.agency_id().await;
    let anna = app.create_user(&agency, "collector").await;
    let bert = app.create_user(&agency, "collector").await;
    let annas = id_of(&app.place_case(&member.token, "BOOK-1").await);
    let berts = id_of(&app.place_case(&member.token, "BOOK-2").await);
    let nobodys = id_of(&app.place_case(&member.token, "BOOK-3").await);
    app.assign_case(&annas, &anna.id).await;
    app.assign_case(&berts, &bert.id).await;

    assert_eq!(listed(&app, &anna.token, "").await, vec![annas.clone()]);
    assert_eq!(listed(&app, &bert.token, "").await, vec![berts.clone()]);
    let case = body(app.get(&format!("/v1/cases/{annas}"), &anna.token).await).await;
    assert_eq!(case["collector_id"], anna.id.as_str());
    let pause = InstructionRequest::pause("Debtor on holiday").resume_on("2099-01-01");
    let paused = app
        .post(
            &format!("/v1/cases/{annas}/instructions"),
            &anna.token,
            &pause,
        )
        .await;
    assert_eq!(paused.status(), 200, "a collector acts on their own case");

    assert_case_like_missing(&app, &anna.token, &berts).await;
    assert_case_like_missing(&app, &anna.token, &nobodys).await;
    assert_case_like_missing(&app, &bert.token, &annas).await;

    let everything = listed(&app, &app.admin_token, "").await;
    assert_eq!(everything, vec![annas.clone(), berts.clone(), nobodys]);
    assert_eq!(
        listed(
            &app,
            &app.admin_token,
            &format!("?collector_id={}", bert.id)
        )
        .await,
        vec![berts.clone()],
        "the admin filters the list by collector"
    );
    assert!(
        listed(&app, &anna.token, &format!("?collector_id={}", bert.id))
            .await
            .is_empty(),
        "a collector asking for another's book gets nothing of it"
    );
    assert_eq!(
        listed(&app, &member.token, "").await.len(),
        3,
        "the creditor sees all its cases, whoever works them"
    );
}

async fn a_reassigned_case_moves_to_the_new_collectors_book(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let agency = app.agency_id().await;
    let anna = app.create_user(&agency, "collector").await;
    let bert = app.create_user(&agency, "collector").await;
    let case = id_of(&app.place_case(&member.token, "MOVE-1").await);
    app.assign_case(&case, &anna.id).await;
    assert_eq!(
        app.get(&format!("/v1/cases/{case}"), &anna.token)
            .await
            .status(),
        200
    );

    let moved = app.assign_case(&case, &bert.id).await;
    assert_eq!(moved["collector_id"], bert.id.as_str());
    assert_case_like_missing(&app, &anna.token, &case).await;
    assert_eq!(listed(&app, &bert.token, "").await, vec![case.clone()]);
    let refused = app
        .put(
            &format!("/v1/cases/{case}/assignment"),
            &bert.token,
            &json!({"collector_id": bert.id}),
        )
        .await;
    assert_problem(refused, 403).await;
}

async fn a_collector_key_without_a_user_has_no_book(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let agency = app.agency_id().await;
    let anna = app.create_user(&agency, "collector").await;
    let case = id_of(&app.place_case(&member.token, "KEY-1").await);
    app.assign_case(&case, &anna.id).await;
    let key = body(
        app.post(
            "/v1/api-keys",
            &app.admin_token,
            &ApiKeyRequest::new("Dialler"),
        )
        .await,
    )
    .await;
    assert_eq!(key["role"], "collector");
    let secret = key["secret"].as_str().unwrap();
    assert!(listed(&app, secret, "").await.is_empty());
    assert_case_like_missing(&app, secret, &case).await;
}
