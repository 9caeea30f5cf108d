//! Disputes: raised on a case (which moves to `disputed`), decided once. A rejected dispute
//! returns the case where it was; a whole-claim dispute upheld closes it `dispute_upheld`; a
//! partial one upheld credits the principal and returns the case. Refusals, permissions and
//! tenancy. The test clock starts on a fixed day (2030-01-07), so balances are stable.

use serde_json::Value;

use crate::arrangements::{START, day};
use crate::cases::start_amicable;
use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, GLOBEX, InvoiceRequest, TestApp, TestUser, body,
};
use crate::test_clock::{move_clock, spawn_with_test_clock};

mod decisions;
mod lapsing;
mod refusals;

/// A sandbox on [`START`] with a creditor (its admin, member and viewer) that placed one
/// German case of 1,000.00 (invoice 2029-9, due 2029-11-01) in `amicable`, worked by a
/// collector covering every country.
struct Scene {
    app: TestApp,
    admin: TestUser,
    member: TestUser,
    viewer: TestUser,
    collector: TestUser,
    case: String,
}

async fn scene(backend: Backend) -> Scene {
    let app = spawn_with_test_clock(backend).await;
    move_clock(&app, day(START)).await;
    let creditor = app.create_creditor("Acme").await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    let collector = app.create_covering_collector().await;
    let placed = app
        .post(
            "/v1/cases",
            &member.token,
            &CaseRequest::new("DSP-1")
                .debtor(DebtorRequest::company(GLOBEX, "DE").registration_number("HRB 1"))
                .invoice(
                    InvoiceRequest::new("2029-9", "1000.00", "2029-11-01").issued("2029-10-01"),
                ),
        )
        .await;
    assert_eq!(placed.status(), 201);
    let case = body(placed).await["id"].as_str().unwrap().to_owned();
    start_amicable(&app, &case).await;
    Scene {
        app,
        admin,
        member,
        viewer,
        collector,
        case,
    }
}

async fn raise(scene: &Scene, token: &str, dispute: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/cases/{}/disputes", scene.case),
            token,
            dispute,
        )
        .await
}

async fn raised(scene: &Scene, dispute: &Value) -> Value {
    let response = raise(scene, &scene.member.token, dispute).await;
    let status = response.status();
    let dispute = body(response).await;
    assert_eq!(status, 201, "{dispute}");
    dispute
}

async fn resolve(scene: &Scene, token: &str, id: &str, decision: &Value) -> reqwest::Response {
    scene
        .app
        .post(&format!("/v1/disputes/{id}/resolution"), token, decision)
        .await
}

async fn resolved(scene: &Scene, id: &str, decision: &Value) -> Value {
    let response = resolve(scene, &scene.admin.token, id, decision).await;
    let status = response.status();
    let dispute = body(response).await;
    assert_eq!(status, 200, "{dispute}");
    dispute
}

async fn case_of(scene: &Scene) -> Value {
    body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await
}

async fn balance(scene: &Scene) -> Value {
    body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/balance", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await
}

async fn timeline_kinds(scene: &Scene) -> Vec<String> {
    let page = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/timeline?limit=500", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|event| event["kind"].as_str().unwrap().to_owned())
        .collect()
}

fn invalid_fields(problem: &Value) -> Vec<(String, String)> {
    problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_owned(),
                e["code"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
