//! A debtor disputes the claim in the portal, relying on a document they uploaded there: the
//! case moves to `disputed`, the debtor is the actor on the timeline, and after the agency's
//! decision the debtor reads the outcome. The debtor lists only their own uploads, never the
//! creditor's documents, and cannot cite those; another debtor's case answers 404.

use reqwest::Response;
use serde_json::{Value, json};

use super::{DebtorScene, debtor_scene, other_debtor};
use crate::both_backends;
use crate::documents::{BOUNDARY, Part, form, upload_pdf};
use crate::helpers::{Backend, TestApp, assert_problem, body};

both_backends!(
    a_portal_dispute_moves_the_case_to_disputed_and_the_debtor_sees_the_outcome,
    the_debtor_lists_and_cites_only_their_own_documents,
    another_debtors_case_is_not_found_for_disputes_and_documents,
);

/// Uploads a text file to the case as the debtor.
async fn portal_upload(app: &TestApp, token: &str, case: &str, text: &str) -> Response {
    app.client
        .post(app.url(&format!("/v1/portal/cases/{case}/documents")))
        .bearer_auth(token)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={BOUNDARY}"),
        )
        .body(form(&[
            Part::text("kind", "correspondence"),
            Part::file("delivery-note.txt", "text/plain", text.as_bytes().to_vec()),
        ]))
        .send()
        .await
        .unwrap()
}

async fn dispute(scene: &DebtorScene, request: &Value) -> Response {
    scene
        .app
        .post(
            &format!("/v1/portal/cases/{}/disputes", scene.case),
            &scene.token,
            request,
        )
        .await
}

async fn portal_disputes(scene: &DebtorScene) -> Value {
    let response = scene
        .app
        .client
        .get(
            scene
                .app
                .url(&format!("/v1/portal/cases/{}/disputes", scene.case)),
        )
        .bearer_auth(&scene.token)
        .header("accept-language", "en")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["cache-control"],
        "no-store",
        "never cached"
    );
    body(response).await
}

async fn a_portal_dispute_moves_the_case_to_disputed_and_the_debtor_sees_the_outcome(
    backend: Backend,
) {
    let scene = debtor_scene(backend, None).await;
    let uploaded = portal_upload(
        &scene.app,
        &scene.token,
        &scene.case,
        "Delivery note 77: one pallet of two delivered.",
    )
    .await;
    assert_eq!(uploaded.status(), 201);
    let document = body(uploaded).await;
    assert_eq!(document["kind"], "correspondence");
    assert_eq!(document["uploaded_by"], scene.debtor_id.as_str());
    let document = document["id"].as_str().unwrap().to_owned();

    let raised = dispute(
        &scene,
        &json!({
            "category": "goods_not_received",
            "text": "The second pallet never arrived; see the delivery note.",
            "document_ids": [document],
        }),
    )
    .await;
    let status = raised.status();
    let raised = body(raised).await;
    assert_eq!(status, 201, "{raised}");
    assert_eq!(raised["case_state"], "disputed");
    assert_eq!(raised["status"], "open");
    assert_eq!(raised["document_ids"], json!([document]));
    assert!(
        raised.get("raised_by").is_none(),
        "staff fields are not shown"
    );
    let id = raised["id"].as_str().unwrap().to_owned();

    // Staff see the same dispute, raised by the debtor, and the case disputed.
    let case = body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await;
    assert_eq!(case["state"], "disputed");
    let staff = body(
        scene
            .app
            .get(&format!("/v1/disputes/{id}"), &scene.member.token)
            .await,
    )
    .await;
    assert_eq!(staff["raised_by"], scene.debtor_id.as_str());
    let timeline = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/timeline?limit=500", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    let entry = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|event| event["kind"] == "raise_dispute")
        .cloned()
        .unwrap();
    assert_eq!(entry["actor"]["kind"], "debtor");
    let upload_entry = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .find(|event| event["kind"] == "document_uploaded")
        .cloned()
        .unwrap();
    assert_eq!(upload_entry["actor"]["kind"], "debtor");

    // A second dispute while one is open is refused by the state machine.
    let again = dispute(&scene, &json!({"category": "other", "text": "And more."})).await;
    assert_problem(again, 409).await;

    let before = portal_disputes(&scene).await;
    assert_eq!(before["data"][0]["status"], "open");
    assert_eq!(before["data"][0]["outcome"], Value::Null);
    assert_eq!(
        before["data"][0]["status_text"],
        "Your dispute is being reviewed; collection of the disputed claim waits for the outcome."
    );

    let decided = scene
        .app
        .post(
            &format!("/v1/disputes/{id}/resolution"),
            &scene.app.admin_token,
            &json!({"outcome": "rejected", "reasons": "The carrier's record shows both pallets signed for."}),
        )
        .await;
    assert_eq!(decided.status(), 200);

    let after = portal_disputes(&scene).await;
    let seen = &after["data"][0];
    assert_eq!(seen["id"], id.as_str());
    assert_eq!(seen["status"], "rejected");
    assert_eq!(seen["outcome"]["outcome"], "rejected");
    assert_eq!(
        seen["outcome"]["reasons"],
        "The carrier's record shows both pallets signed for."
    );
    assert_eq!(
        seen["status_text"],
        "Your dispute was rejected: the claim stands, for the reasons given."
    );
    let cases = body(scene.app.get("/v1/portal/cases", &scene.token).await).await;
    assert_eq!(
        cases["data"][0]["state"]["status"], "open",
        "back to collection"
    );
}

async fn the_debtor_lists_and_cites_only_their_own_documents(backend: Backend) {
    let scene = debtor_scene(backend, None).await;
    let internal = upload_pdf(&scene.app, &scene.member.token, &scene.case).await;
    let internal = internal["id"].as_str().unwrap().to_owned();
    let own =
        body(portal_upload(&scene.app, &scene.token, &scene.case, "Our bank statement.").await)
            .await["id"]
            .as_str()
            .unwrap()
            .to_owned();

    let listed = body(
        scene
            .app
            .get(
                &format!("/v1/portal/cases/{}/documents", scene.case),
                &scene.token,
            )
            .await,
    )
    .await;
    let ids: Vec<&str> = listed["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|document| document["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![own.as_str()],
        "the creditor's invoice PDF is not listed"
    );
    // Staff see both.
    let staff = body(
        scene
            .app
            .get(
                &format!("/v1/cases/{}/documents", scene.case),
                &scene.member.token,
            )
            .await,
    )
    .await;
    assert_eq!(staff["data"].as_array().unwrap().len(), 2);

    let cited = dispute(
        &scene,
        &json!({"category": "wrong_amount", "text": "Too much.", "document_ids": [own, internal]}),
    )
    .await;
    let problem = assert_problem(cited, 422).await;
    let errors = problem["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1, "{problem}");
    assert_eq!(errors[0]["field"], "document_ids[1]");
    assert_eq!(errors[0]["code"], "unknown_document");
    let case = body(
        scene
            .app
            .get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await;
    assert_ne!(case["state"], "disputed", "nothing was raised");

    // An upload that breaks the intake rules is refused as for staff: an HTML page.
    let html = portal_upload(
        &scene.app,
        &scene.token,
        &scene.case,
        "<!DOCTYPE html><html><script>alert(1)</script></html>",
    )
    .await;
    assert_problem(html, 422).await;
}

async fn another_debtors_case_is_not_found_for_disputes_and_documents(backend: Backend) {
    let scene = debtor_scene(backend, None).await;
    let (other_case, _other_token) = other_debtor(&scene.app).await;
    let request = json!({"category": "other", "text": "Not mine."});
    for response in [
        scene
            .app
            .post(
                &format!("/v1/portal/cases/{other_case}/disputes"),
                &scene.token,
                &request,
            )
            .await,
        scene
            .app
            .get(
                &format!("/v1/portal/cases/{other_case}/disputes"),
                &scene.token,
            )
            .await,
        scene
            .app
            .get(
                &format!("/v1/portal/cases/{other_case}/documents"),
                &scene.token,
            )
            .await,
        portal_upload(&scene.app, &scene.token, &other_case, "x").await,
    ] {
        assert_problem(response, 404).await;
    }
    // A staff token does not open the portal's dispute endpoint.
    let staff = scene
        .app
        .post(
            &format!("/v1/portal/cases/{}/disputes", scene.case),
            &scene.member.token,
            &request,
        )
        .await;
    assert_problem(staff, 401).await;
}
