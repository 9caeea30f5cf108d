//! Data-protection requests about the debtor's contact persons (GDPR art. 15 to 17): the
//! deadline is one month from receipt (art. 12(3)), worked out by hand below; an access request
//! exports the contacts and what the debtor's people wrote; an erasure removes the contacts and
//! keeps the business data of the claim; only agency administrators handle requests; another
//! debtor's request answers 404.

use serde_json::{Value, json};

use super::{DebtorScene, debtor_token, issue_code, other_debtor};
use crate::both_backends;
use crate::helpers::{Backend, TestApp, TestUser, assert_problem, body};
use crate::test_clock::{move_clock, spawn_with_test_clock};

both_backends!(
    the_deadline_is_one_month_clamped_to_the_end_of_the_month,
    an_access_request_exports_the_contacts_and_the_debtors_messages,
    erasure_removes_the_contacts_and_keeps_the_claim,
    rectification_replaces_the_contacts,
    only_agency_admins_handle_requests_and_only_their_debtor_reads_them,
);

fn placement() -> Value {
    json!({
        "debtor": {
            "legal_name": "Globex GmbH",
            "vat_id": "DE123456789",
            "country": "DE",
            "preferred_language": "de",
            "contacts": [
                {"name": "Jan de Vries", "email": "jan.devries@globex.example", "phone": "+49 30 1234567", "role": "accounts payable"},
                {"name": "Petra Klein", "email": "petra.klein@globex.example"}
            ]
        },
        "currency": "EUR",
        "creditor_reference": "P-1",
        "invoices": [{
            "number": "P-1-INV-1",
            "issue_date": "2026-01-05",
            "due_date": "2026-02-04",
            "amount": "1000.00"
        }]
    })
}

/// The scene on a server with a test clock at `today`, the debtor record with two contacts.
async fn scene_on(backend: Backend, today: &str) -> DebtorScene {
    let app = spawn_with_test_clock(backend).await;
    move_clock(&app, crate::arrangements::day(today)).await;
    let collector = app.create_covering_collector().await;
    let creditor = app.create_creditor("Acme Supplies BV").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let placed = app.post("/v1/cases", &member.token, &placement()).await;
    assert_eq!(placed.status(), 201);
    let case = body(placed).await;
    let debtor_id = case["debtor"]["id"].as_str().unwrap().to_owned();
    let case = case["id"].as_str().unwrap().to_owned();
    let token = debtor_token(&app, &issue_code(&app, &case).await).await;
    DebtorScene {
        app,
        member,
        collector,
        case,
        debtor_id,
        token,
    }
}

async fn request(app: &TestApp, token: &str, kind: &str, text: &str) -> Value {
    let response = app
        .post(
            "/v1/portal/data-requests",
            token,
            &json!({"kind": kind, "text": text}),
        )
        .await;
    let status = response.status();
    let made = body(response).await;
    assert_eq!(status, 201, "{made}");
    made
}

async fn complete(app: &TestApp, id: &str, completion: &Value) -> reqwest::Response {
    app.post(
        &format!("/v1/data-requests/{id}/completion"),
        &app.admin_token,
        completion,
    )
    .await
}

async fn contacts_of(app: &TestApp, member: &TestUser, debtor_id: &str) -> Value {
    body(
        app.get(&format!("/v1/debtors/{debtor_id}"), &member.token)
            .await,
    )
    .await["contacts"]
        .clone()
}

async fn the_deadline_is_one_month_clamped_to_the_end_of_the_month(backend: Backend) {
    // Received 2030-01-31: February 2030 has no 31st (2030 is not a leap year), so the month
    // ends on its last day, 2030-02-28 (not 2030-03-02, which a flat 30 days would give).
    let scene = scene_on(backend, "2030-01-31").await;
    let made = request(
        &scene.app,
        &scene.token,
        "access",
        "Jan de Vries asks for his data.",
    )
    .await;
    assert_eq!(made["due_on"], "2030-02-28");
    assert_eq!(made["legal_basis"], "Art. 15 GDPR");
    assert_eq!(made["status"], "open");
    let id = made["id"].as_str().unwrap().to_owned();

    let open = body(
        scene
            .app
            .get("/v1/data-requests?status=open", &scene.app.admin_token)
            .await,
    )
    .await;
    assert_eq!(open["data"][0]["id"], id.as_str());
    assert_eq!(open["data"][0]["due_on"], "2030-02-28");
    assert_eq!(open["data"][0]["overdue"], false);
    // On the due day it is not late yet; the day after, it is.
    move_clock(&scene.app, crate::arrangements::day("2030-02-28")).await;
    let on_the_day = body(
        scene
            .app
            .get("/v1/data-requests?status=open", &scene.app.admin_token)
            .await,
    )
    .await;
    assert_eq!(on_the_day["data"][0]["overdue"], false);
    move_clock(&scene.app, crate::arrangements::day("2030-03-01")).await;
    let late = body(
        scene
            .app
            .get("/v1/data-requests?status=open", &scene.app.admin_token)
            .await,
    )
    .await;
    assert_eq!(late["data"][0]["overdue"], true);

    // The debtor reads the two days in German, the debtor record's language.
    let mine = body(
        scene
            .app
            .get("/v1/portal/data-requests", &scene.token)
            .await,
    )
    .await;
    assert_eq!(
        mine["data"][0]["status_text"],
        "Wir haben Ihren Antrag am 2030-01-31 erhalten und beantworten ihn spätestens bis zum 2030-02-28."
    );
    // The timeline of the case notes the request with its due day.
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
        .find(|event| event["kind"] == "data_request_received")
        .cloned()
        .unwrap();
    assert_eq!(entry["detail"]["due_on"], "2030-02-28");
    assert_eq!(entry["actor"]["kind"], "debtor");
}

async fn an_access_request_exports_the_contacts_and_the_debtors_messages(backend: Backend) {
    let scene = scene_on(backend, "2030-01-07").await;
    let app = &scene.app;
    let wrote = app
        .post(
            "/v1/portal/messages",
            &scene.token,
            &json!({"case_id": scene.case, "body": "Jan here: please call me on my mobile."}),
        )
        .await;
    assert_eq!(wrote.status(), 201);
    let answered = app
        .post(
            &format!("/v1/cases/{}/debtor-messages", scene.case),
            &scene.collector.token,
            &json!({"body": "Will do."}),
        )
        .await;
    assert_eq!(answered.status(), 201);

    let made = request(
        app,
        &scene.token,
        "access",
        "Jan de Vries asks for his data.",
    )
    .await;
    let id = made["id"].as_str().unwrap().to_owned();
    let url = format!("/v1/portal/data-requests/{id}/export");
    assert_eq!(made["export_url"], url.as_str(), "there at once for access");
    let export = app.get(&url, &scene.token).await;
    assert_eq!(export.status(), 200);
    assert_eq!(
        export.headers()["content-disposition"],
        format!("attachment; filename=\"personal-data-{id}.json\"").as_str()
    );
    let export = body(export).await;
    assert_eq!(export["data_request_id"], id.as_str());
    assert_eq!(export["debtor"]["legal_name"], "Globex GmbH");
    assert_eq!(
        export["contacts"],
        json!([
            {"name": "Jan de Vries", "email": "jan.devries@globex.example", "phone": "+49 30 1234567", "role": "accounts payable"},
            {"name": "Petra Klein", "email": "petra.klein@globex.example", "phone": null, "role": null}
        ])
    );
    let messages = export["messages"].as_array().unwrap();
    assert_eq!(messages.len(), 1, "only what the debtor's people wrote");
    assert_eq!(
        messages[0]["body"],
        "Jan here: please call me on my mobile."
    );
    assert_eq!(messages[0]["case_id"], scene.case.as_str());

    let done = complete(app, &id, &json!({"note": "Export provided."})).await;
    assert_eq!(done.status(), 200);
    assert_eq!(body(done).await["status"], "completed");
    assert_problem(complete(app, &id, &json!({"note": "Again."})).await, 409).await;
}

async fn erasure_removes_the_contacts_and_keeps_the_claim(backend: Backend) {
    let scene = scene_on(backend, "2030-01-07").await;
    let app = &scene.app;
    let made = request(
        app,
        &scene.token,
        "erasure",
        "Petra Klein has left; erase her and Jan.",
    )
    .await;
    assert_eq!(made["legal_basis"], "Art. 17 GDPR");
    assert_eq!(made["export_url"], Value::Null, "not before completion");
    let id = made["id"].as_str().unwrap().to_owned();
    let early = app
        .get(
            &format!("/v1/portal/data-requests/{id}/export"),
            &scene.token,
        )
        .await;
    assert_problem(early, 409).await;
    // Contacts are refused on anything but a rectification.
    let refused = complete(
        app,
        &id,
        &json!({"note": "Done.", "contacts": [{"name": "Someone"}]}),
    )
    .await;
    assert_eq!(
        assert_problem(refused, 422).await["errors"][0]["code"],
        "not_allowed"
    );
    assert_eq!(
        contacts_of(app, &scene.member, &scene.debtor_id)
            .await
            .as_array()
            .unwrap()
            .len(),
        2
    );

    let done = complete(
        app,
        &id,
        &json!({"note": "The contact persons were erased; the claim against Globex GmbH stands."}),
    )
    .await;
    assert_eq!(done.status(), 200);
    assert_eq!(
        contacts_of(app, &scene.member, &scene.debtor_id).await,
        json!([])
    );
    // The business and its claim stay (art. 17(3)(e)).
    let debtor = body(
        app.get(
            &format!("/v1/debtors/{}", scene.debtor_id),
            &scene.member.token,
        )
        .await,
    )
    .await;
    assert_eq!(debtor["legal_name"], "Globex GmbH");
    assert_eq!(debtor["vat_id"], "DE123456789");
    let case = body(
        app.get(&format!("/v1/cases/{}", scene.case), &scene.member.token)
            .await,
    )
    .await;
    assert_eq!(case["invoices"][0]["number"], "P-1-INV-1");
    let export = body(
        app.get(
            &format!("/v1/portal/data-requests/{id}/export"),
            &scene.token,
        )
        .await,
    )
    .await;
    assert_eq!(export["contacts"], json!([]));
    let timeline = body(
        app.get(
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
        .find(|event| event["kind"] == "data_request_completed")
        .cloned()
        .unwrap();
    assert_eq!(entry["detail"]["kind"], "erasure");
    assert_eq!(entry["detail"]["contacts_now"], 0);
}

async fn rectification_replaces_the_contacts(backend: Backend) {
    let scene = scene_on(backend, "2030-01-07").await;
    let app = &scene.app;
    let made = request(
        app,
        &scene.token,
        "rectification",
        "Jan's phone is +49 30 7654321.",
    )
    .await;
    let id = made["id"].as_str().unwrap().to_owned();
    // A contact the debtor rules refuse (a bad e-mail address) changes nothing.
    let bad = complete(
        app,
        &id,
        &json!({"note": "Corrected.", "contacts": [{"name": "Jan de Vries", "email": "not an address"}]}),
    )
    .await;
    assert_problem(bad, 422).await;
    let corrected = json!([{"name": "Jan de Vries", "email": "jan.devries@globex.example", "phone": "+49 30 7654321", "role": "accounts payable"}]);
    let done = complete(
        app,
        &id,
        &json!({"note": "Phone corrected.", "contacts": corrected}),
    )
    .await;
    assert_eq!(done.status(), 200);
    assert_eq!(
        contacts_of(app, &scene.member, &scene.debtor_id).await,
        corrected
    );
    let mine = body(app.get("/v1/portal/data-requests", &scene.token).await).await;
    assert_eq!(mine["data"][0]["status"], "completed");
    assert_eq!(mine["data"][0]["completion_note"], "Phone corrected.");
}

async fn only_agency_admins_handle_requests_and_only_their_debtor_reads_them(backend: Backend) {
    let scene = scene_on(backend, "2030-01-07").await;
    let app = &scene.app;
    let made = request(app, &scene.token, "access", "My data, please.").await;
    let id = made["id"].as_str().unwrap().to_owned();
    for token in [&scene.collector.token, &scene.member.token] {
        assert_problem(app.get("/v1/data-requests", token).await, 403).await;
        assert_problem(
            app.post(
                &format!("/v1/data-requests/{id}/completion"),
                token,
                &json!({"note": "Done."}),
            )
            .await,
            403,
        )
        .await;
    }
    let (_, other_token) = other_debtor(app).await;
    assert_problem(
        app.get(
            &format!("/v1/portal/data-requests/{id}/export"),
            &other_token,
        )
        .await,
        404,
    )
    .await;
    let theirs = body(app.get("/v1/portal/data-requests", &other_token).await).await;
    assert_eq!(theirs["data"], json!([]));
    assert_problem(
        complete(app, "dsr_missing", &json!({"note": "Done."})).await,
        404,
    )
    .await;
    // A bad kind is refused.
    let unknown = app
        .post(
            "/v1/portal/data-requests",
            &scene.token,
            &json!({"kind": "portability", "text": "All of it."}),
        )
        .await;
    assert_problem(unknown, 422).await;
}
