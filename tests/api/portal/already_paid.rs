//! "I already paid": the debtor uploads a proof through the portal (the intake document rules),
//! claims the payment, and collection contact is held for 10 days (the case leaves the
//! collector's work queue until then); the collector confirms it (a direct payment that settles
//! the case) or rejects it with a reason the debtor reads (the hold ends). Refusals, another
//! debtor's case and who may decide.

use serde_json::{Value, json};

use super::{PortalScene, place, portal_post, portal_scene, timeline_of};
use crate::both_backends;
use crate::documents::{BOUNDARY, Part, form, pdf_bytes};
use crate::helpers::{Backend, assert_problem, body};
use crate::test_clock::move_clock;

both_backends!(
    a_confirmed_claim_is_a_direct_payment_that_settles_the_case,
    a_rejected_claim_tells_the_debtor_why_and_ends_the_hold,
    claims_that_break_a_rule_are_refused,
    another_debtors_case_and_other_staff_cannot_reach_a_claim,
);

async fn upload_proof(
    scene: &PortalScene,
    token: &str,
    case: &str,
    parts: &[Part<'_>],
) -> reqwest::Response {
    scene
        .app
        .client
        .post(scene.app.url(&format!("/v1/portal/cases/{case}/documents")))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(parts))
        .send()
        .await
        .unwrap()
}

async fn proof(scene: &PortalScene) -> String {
    let response = upload_proof(
        scene,
        &scene.token,
        &scene.case,
        &[
            Part::text("kind", "correspondence"),
            Part::file("transfer.pdf", "application/pdf", pdf_bytes()),
        ],
    )
    .await;
    let status = response.status();
    let document = body(response).await;
    assert_eq!(status, 201, "{document}");
    document["id"].as_str().unwrap().to_owned()
}

fn claim_body(document: &str) -> Value {
    json!({
        "paid_on": "2030-01-03",
        "amount": "1040.00",
        "bank_reference": "NOTPROVIDED-20300103-4711",
        "document_id": document,
    })
}

async fn claim(scene: &PortalScene, payload: &Value, language: &str) -> reqwest::Response {
    portal_post(
        &scene.app,
        &scene.token,
        &format!("/v1/portal/cases/{}/already-paid", scene.case),
        payload,
        language,
    )
    .await
}

async fn claimed(scene: &PortalScene) -> Value {
    let document = proof(scene).await;
    let response = claim(scene, &claim_body(&document), "en").await;
    let status = response.status();
    let view = body(response).await;
    assert_eq!(status, 201, "{view}");
    view
}

async fn decide(scene: &PortalScene, token: &str, id: &str, decision: &Value) -> reqwest::Response {
    scene
        .app
        .post(
            &format!("/v1/already-paid-claims/{id}/decision"),
            token,
            decision,
        )
        .await
}

/// Whether the case is in the collector's work queue today.
async fn queued(scene: &PortalScene) -> bool {
    let queue = body(
        scene
            .app
            .get("/v1/work-queue", &scene.collector.token)
            .await,
    )
    .await;
    queue["data"]
        .as_array()
        .unwrap()
        .iter()
        .any(|item| item["case_id"] == scene.case.as_str())
}

/// The collector notes a call and sets the next action for today: the case is in the queue.
async fn due_today(scene: &PortalScene) {
    let activity = scene
        .app
        .post(
            &format!("/v1/cases/{}/activities", scene.case),
            &scene.collector.token,
            &json!({"channel": "phone", "outcome": "reached", "notes": "Says they paid.", "next_action_on": "2030-01-07"}),
        )
        .await;
    assert_eq!(activity.status(), 201, "{}", body(activity).await);
    assert!(queued(scene).await, "due today before the claim");
}

async fn portal_claims(scene: &PortalScene, language: &str) -> Value {
    let response = scene
        .app
        .client
        .get(
            scene
                .app
                .url(&format!("/v1/portal/cases/{}/already-paid", scene.case)),
        )
        .bearer_auth(&scene.token)
        .header("accept-language", language)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-language"], language);
    body(response).await
}

async fn a_confirmed_claim_is_a_direct_payment_that_settles_the_case(backend: Backend) {
    let scene = portal_scene(backend).await;
    due_today(&scene).await;
    let view = claimed(&scene).await;
    assert_eq!(view["status"], "pending");
    assert_eq!(
        view["amount"],
        json!({"amount": "1040.00", "currency": "EUR"})
    );
    // Ten days from 2030-01-07.
    assert_eq!(view["contact_held_until"], "2030-01-17");
    assert!(
        view["text"].as_str().unwrap().contains("10 days"),
        "{}",
        view["text"]
    );
    assert!(!queued(&scene).await, "contact is held");
    let pending = body(
        scene
            .app
            .get(
                "/v1/already-paid-claims?status=pending",
                &scene.collector.token,
            )
            .await,
    )
    .await;
    assert_eq!(pending["data"].as_array().unwrap().len(), 1);
    let id = pending["data"][0]["id"].as_str().unwrap().to_owned();
    assert_eq!(id, view["id"].as_str().unwrap());
    // The proof is on the case for the staff.
    let document = view["document_id"].as_str().unwrap();
    let download = scene
        .app
        .get(
            &format!("/v1/cases/{}/documents/{document}/content", scene.case),
            &scene.collector.token,
        )
        .await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.bytes().await.unwrap().to_vec(), pdf_bytes());

    let confirmed = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "confirm"}),
    )
    .await;
    let status = confirmed.status();
    let confirmed = body(confirmed).await;
    assert_eq!(status, 200, "{confirmed}");
    assert_eq!(confirmed["status"], "confirmed");
    // 1,040.00 is all the case owed: the direct payment settles it.
    assert_eq!(confirmed["case_state"], "closed");
    let payment_id = confirmed["payment_id"].as_str().unwrap();
    let payment = body(
        scene
            .app
            .get(&format!("/v1/payments/{payment_id}"), &scene.member.token)
            .await,
    )
    .await;
    assert_eq!(payment["amount"]["amount"], "1040.00");
    assert_eq!(payment["value_date"], "2030-01-03");
    assert_eq!(payment["received_by"], "creditor");
    assert_eq!(payment["bank_reference"], "NOTPROVIDED-20300103-4711");

    let seen = portal_claims(&scene, "fr").await;
    assert_eq!(seen["data"][0]["status"], "confirmed");
    assert_eq!(
        seen["data"][0]["text"],
        "Votre paiement est confirmé et imputé sur ce dossier."
    );
    let case = body(
        scene
            .app
            .get(&format!("/v1/portal/cases/{}", scene.case), &scene.token)
            .await,
    )
    .await;
    assert_eq!(case["state"]["status"], "settled");
    let again = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "confirm"}),
    )
    .await;
    assert_eq!(assert_problem(again, 409).await["code"], "conflict");
    let kinds: Vec<String> = timeline_of(&scene.app, &scene.member.token, &scene.case)
        .await
        .into_iter()
        .filter(|(kind, _)| kind.starts_with("already_paid") || kind == "document_uploaded")
        .map(|(kind, actor)| format!("{kind}/{actor}"))
        .collect();
    assert_eq!(
        kinds,
        [
            "document_uploaded/debtor",
            "already_paid_claimed/debtor",
            "already_paid_confirmed/user",
        ]
    );
}

async fn a_rejected_claim_tells_the_debtor_why_and_ends_the_hold(backend: Backend) {
    let scene = portal_scene(backend).await;
    due_today(&scene).await;
    let view = claimed(&scene).await;
    let id = view["id"].as_str().unwrap().to_owned();
    move_clock(&scene.app, crate::arrangements::day("2030-01-09")).await;
    assert!(!queued(&scene).await, "still held on 2030-01-09");
    let blank = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "reject", "reason": ""}),
    )
    .await;
    assert_problem(blank, 422).await;
    let rejected = decide(
        &scene,
        &scene.collector.token,
        &id,
        &json!({"decision": "reject", "reason": "No such transfer reached the creditor's account"}),
    )
    .await;
    assert_eq!(rejected.status(), 200);
    let rejected = body(rejected).await;
    assert_eq!(rejected["status"], "rejected");
    assert!(rejected["payment_id"].is_null());
    assert!(queued(&scene).await, "the hold ends with the rejection");
    let seen = portal_claims(&scene, "en").await;
    assert_eq!(seen["data"][0]["status"], "rejected");
    assert_eq!(
        seen["data"][0]["reject_reason"],
        "No such transfer reached the creditor's account"
    );
    assert_eq!(
        seen["data"][0]["text"],
        "We could not confirm your payment; the reason is given below."
    );
    let balance = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/balance", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    assert_eq!(
        balance["outstanding"]["amount"], "1040.00",
        "nothing was paid"
    );
    // Decided, the debtor may claim again.
    let document = proof(&scene).await;
    let second = claim(&scene, &claim_body(&document), "en").await;
    assert_eq!(second.status(), 201);
}

async fn claims_that_break_a_rule_are_refused(backend: Backend) {
    let scene = portal_scene(backend).await;
    // A staff upload on the case is not the debtor's proof.
    let staff_doc =
        crate::documents::upload_pdf(&scene.app, &scene.member.token, &scene.case).await;
    let not_theirs = claim(&scene, &claim_body(staff_doc["id"].as_str().unwrap()), "en").await;
    assert_eq!(
        assert_problem(not_theirs, 422).await["errors"][0]["field"],
        "document_id"
    );
    let document = proof(&scene).await;
    let wrong = claim(
        &scene,
        &json!({
            "paid_on": "2030-01-08",
            "amount": "0",
            "currency": "USD",
            "bank_reference": " ",
            "document_id": document,
        }),
        "en",
    )
    .await;
    let wrong = assert_problem(wrong, 422).await;
    let mut fields: Vec<&str> = wrong["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e.get("field").and_then(Value::as_str).unwrap())
        .collect();
    fields.sort_unstable();
    assert_eq!(fields, ["amount", "bank_reference", "currency", "paid_on"]);
    // An executable is refused by the intake rules, whatever it is called.
    let exe = upload_proof(
        &scene,
        &scene.token,
        &scene.case,
        &[
            Part::text("kind", "correspondence"),
            Part::file(
                "proof.pdf",
                "application/pdf",
                b"MZ\x90\x00\x03\x00\x00\x00".to_vec(),
            ),
        ],
    )
    .await;
    assert_problem(exe, 422).await;

    let first = claim(&scene, &claim_body(&document), "en").await;
    assert_eq!(first.status(), 201);
    let twice = claim(&scene, &claim_body(&document), "de").await;
    let twice = assert_problem(twice, 409).await;
    assert_eq!(twice["code"], "portal_request_refused");
    assert_eq!(twice["reason"], "claim_pending");
    assert_eq!(
        twice["detail"],
        "Wir prüfen noch die Zahlung, die Sie uns gemeldet haben; wir teilen Ihnen das Ergebnis mit."
    );
}

async fn another_debtors_case_and_other_staff_cannot_reach_a_claim(backend: Backend) {
    let scene = portal_scene(backend).await;
    let stranger = place(
        &scene.app,
        &scene.member.token,
        "OTHER-1",
        "HRB 99",
        "Initech AG",
    )
    .await;
    let unseen = upload_proof(
        &scene,
        &scene.token,
        &stranger,
        &[
            Part::text("kind", "correspondence"),
            Part::file("transfer.pdf", "application/pdf", pdf_bytes()),
        ],
    )
    .await;
    assert_problem(unseen, 404).await;
    let document = proof(&scene).await;
    let elsewhere = portal_post(
        &scene.app,
        &scene.token,
        &format!("/v1/portal/cases/{stranger}/already-paid"),
        &claim_body(&document),
        "en",
    )
    .await;
    assert_problem(elsewhere, 404).await;
    let listed = scene
        .app
        .get(
            &format!("/v1/portal/cases/{stranger}/already-paid"),
            &scene.token,
        )
        .await;
    assert_problem(listed, 404).await;

    let view = claim(&scene, &claim_body(&document), "en").await;
    let id = body(view).await["id"].as_str().unwrap().to_owned();
    for token in [&scene.viewer.token, &scene.member.token] {
        let refused = decide(&scene, token, &id, &json!({"decision": "confirm"})).await;
        assert_problem(refused, 403).await;
        let list = scene.app.get("/v1/already-paid-claims", token).await;
        assert_problem(list, 403).await;
    }
    let outsider = scene
        .app
        .create_user(&scene.app.agency_id().await, "collector")
        .await;
    let refused = decide(
        &scene,
        &outsider.token,
        &id,
        &json!({"decision": "confirm"}),
    )
    .await;
    assert_problem(refused, 404).await;
    let portal = decide(&scene, &scene.token, &id, &json!({"decision": "confirm"})).await;
    assert_problem(portal, 403).await;
    let still = portal_claims(&scene, "en").await;
    assert_eq!(still["data"][0]["status"], "pending");
}
