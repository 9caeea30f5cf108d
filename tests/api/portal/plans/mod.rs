//! Payment plan requests from the portal: within the creditor's limits agreed at once (the
//! instalments worked out by hand), beyond them queued for the collector, who counters (the
//! debtor accepts) or declines; the debtor declining a counter; the creditor's own limits;
//! refusals with a typed code and a sentence in the debtor's language; another debtor's case;
//! who may decide.

use serde_json::{Value, json};

use super::{PortalScene, portal_post};
use crate::helpers::body;

mod agreed;
mod limits;
mod refusals;

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
