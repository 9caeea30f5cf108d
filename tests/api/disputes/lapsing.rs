//! A dispute still undecided lapses when its case is withdrawn.

use serde_json::json;

use super::{raised, scene};
use crate::both_backends;
use crate::helpers::{Backend, InstructionRequest, assert_problem, body};

both_backends!(a_dispute_lapses_when_its_case_is_withdrawn_undecided,);

async fn a_dispute_lapses_when_its_case_is_withdrawn_undecided(backend: Backend) {
    let scene = scene(backend).await;
    let dispute = raised(
        &scene,
        &json!({"category": "goods_not_received", "text": "Nothing was delivered."}),
    )
    .await;
    let id = dispute["id"].as_str().unwrap();
    let withdraw = InstructionRequest::withdraw("Settled between the parties");
    let withdrawn = scene
        .app
        .post(
            &format!("/v1/cases/{}/instructions", scene.case),
            &scene.admin.token,
            &withdraw,
        )
        .await;
    assert_eq!(withdrawn.status(), 200);
    let seen = body(
        scene
            .app
            .get(&format!("/v1/disputes/{id}"), &scene.member.token)
            .await,
    )
    .await;
    assert_eq!(seen["status"], "lapsed", "{seen}");
    let resolution = json!({"outcome": "rejected", "reasons": "Too late"});
    let late = scene
        .app
        .post(
            &format!("/v1/disputes/{id}/resolution"),
            &scene.admin.token,
            &resolution,
        )
        .await;
    assert_eq!(assert_problem(late, 409).await["code"], "dispute_resolved");
}
