//! Promises to pay and payment plans, driven by the test clock: a promise kept and one broken,
//! a plan defaulted after its grace period, a plan paid off, cancellation, refusals and tenancy.
//! The clock starts at a fixed day (2030-01-07) so every date below is written out.

mod plans;
mod promises;

use chrono::NaiveDate;
use serde_json::Value;

use crate::helpers::{
    Backend, CaseRequest, DebtorRequest, GLOBEX, InvoiceRequest, PaymentRequest, TestApp, TestUser,
    body,
};
use crate::test_clock::{move_clock, spawn_with_test_clock};

/// The day every scenario starts on.
pub const START: &str = "2030-01-07";

pub fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

/// A sandbox on [`START`] with a creditor member who placed one German case of 1,000.00 due
/// 2029-11-01, and the collector who works it.
pub struct Scene {
    pub app: TestApp,
    pub member: TestUser,
    pub collector: TestUser,
    pub case: String,
}

pub async fn scene(backend: Backend) -> Scene {
    let app = spawn_with_test_clock(backend).await;
    move_clock(&app, day(START)).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let collector = app.create_covering_collector().await;
    let placed = app
        .post(
            "/v1/cases",
            &member.token,
            &CaseRequest::new("PLAN-1")
                .debtor(DebtorRequest::company(GLOBEX, "DE").registration_number("HRB 1"))
                .invoice(
                    InvoiceRequest::new("2029-9", "1000.00", "2029-11-01").issued("2029-10-01"),
                ),
        )
        .await;
    assert_eq!(placed.status(), 201);
    let case = body(placed).await["id"].as_str().unwrap().to_owned();
    Scene {
        app,
        member,
        collector,
        case,
    }
}

/// Records a bank transfer of `amount` value-dated `value_date` as the collector.
pub async fn pay(scene: &Scene, amount: &str, value_date: &str) -> Value {
    let response = scene
        .app
        .post(
            &format!("/v1/cases/{}/payments", scene.case),
            &scene.collector.token,
            &PaymentRequest::transfer(amount, value_date),
        )
        .await;
    assert_eq!(response.status(), 201, "paying {amount}");
    body(response).await
}

/// The kinds of the case's timeline events with their actor kinds, oldest first.
pub async fn timeline(scene: &Scene) -> Vec<(String, String)> {
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
        .map(|event| {
            (
                event["kind"].as_str().unwrap().to_owned(),
                event["actor"]["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}
