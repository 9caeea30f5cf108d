//! The debtor's conversation with the agency, both ways: the debtor writes in the portal, the
//! collector of the case answers; the creditor-agency messages on the case never show to the
//! debtor, and creditors neither read nor write the debtor conversation. A complaint about the
//! agency reaches agency administrators only.

use serde_json::{Value, json};

use super::{debtor_scene, other_debtor};
use crate::both_backends;
use crate::helpers::{Backend, assert_problem, body};

both_backends!(
    messages_go_both_ways_and_staff_messages_never_reach_the_debtor,
    creditors_and_other_debtors_do_not_reach_the_conversation,
    a_complaint_is_seen_and_answered_by_agency_admins_only,
);

fn bodies(page: &Value) -> Vec<(String, String)> {
    page["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|message| {
            (
                message["from"].as_str().unwrap().to_owned(),
                message["body"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

async fn messages_go_both_ways_and_staff_messages_never_reach_the_debtor(backend: Backend) {
    let scene = debtor_scene(backend, None).await;
    let app = &scene.app;
    // The creditor and the agency talk about the case among themselves.
    let internal = app
        .post(
            &format!("/v1/cases/{}/messages", scene.case),
            &scene.member.token,
            &json!({"body": "Internal: accept 80% if they offer it."}),
        )
        .await;
    assert_eq!(internal.status(), 201);

    let sent = app
        .post(
            "/v1/portal/messages",
            &scene.token,
            &json!({"case_id": scene.case, "body": "Can I pay in two parts?"}),
        )
        .await;
    assert_eq!(sent.status(), 201);
    let sent = body(sent).await;
    assert_eq!(sent["from"], "debtor");
    assert!(sent.get("author_id").is_none());

    let staff_path = format!("/v1/cases/{}/debtor-messages", scene.case);
    let inbox = body(app.get(&staff_path, &scene.collector.token).await).await;
    assert_eq!(
        bodies(&inbox),
        vec![("debtor".to_owned(), "Can I pay in two parts?".to_owned())]
    );
    assert_eq!(inbox["data"][0]["author_id"], scene.debtor_id.as_str());
    let reply = app
        .post(
            &staff_path,
            &scene.collector.token,
            &json!({"body": "Yes: half by the 15th, the rest by the end of the month."}),
        )
        .await;
    assert_eq!(reply.status(), 201);
    assert_eq!(body(reply).await["author_id"], scene.collector.id.as_str());

    let seen = app
        .get(
            &format!("/v1/portal/messages?case_id={}", scene.case),
            &scene.token,
        )
        .await;
    assert_eq!(seen.status(), 200);
    assert_eq!(seen.headers()["cache-control"], "no-store", "never cached");
    let seen = body(seen).await;
    assert_eq!(
        bodies(&seen),
        vec![
            ("debtor".to_owned(), "Can I pay in two parts?".to_owned()),
            (
                "agency".to_owned(),
                "Yes: half by the 15th, the rest by the end of the month.".to_owned()
            ),
        ],
        "the creditor's message is not among them"
    );
    assert!(!seen.to_string().contains("80%"));
    // Neither does the debtor conversation join the creditor-agency one.
    let creditor_side = body(
        app.get(
            &format!("/v1/cases/{}/messages", scene.case),
            &scene.member.token,
        )
        .await,
    )
    .await;
    assert_eq!(creditor_side["data"].as_array().unwrap().len(), 1);
    assert!(!creditor_side.to_string().contains("two parts"));

    // The timeline notes both messages, without their text, which creditors would read.
    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline?limit=500", scene.case),
            &scene.member.token,
        )
        .await,
    )
    .await;
    let noted: Vec<(&str, &str)> = timeline["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|event| event["kind"] == "debtor_message_posted")
        .map(|event| {
            (
                event["actor"]["kind"].as_str().unwrap(),
                event["detail"]["side"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(noted, vec![("debtor", "debtor"), ("user", "agency")]);
    assert!(!timeline.to_string().contains("two parts"));

    // A blank message is refused.
    let blank = app
        .post(
            "/v1/portal/messages",
            &scene.token,
            &json!({"case_id": scene.case, "body": "   "}),
        )
        .await;
    assert_eq!(
        assert_problem(blank, 422).await["errors"][0]["field"],
        "body"
    );
}

async fn creditors_and_other_debtors_do_not_reach_the_conversation(backend: Backend) {
    let scene = debtor_scene(backend, None).await;
    let app = &scene.app;
    let staff_path = format!("/v1/cases/{}/debtor-messages", scene.case);
    // The conversation is the agency's: the creditor's users get 403.
    assert_problem(app.get(&staff_path, &scene.member.token).await, 403).await;
    assert_problem(
        app.post(&staff_path, &scene.member.token, &json!({"body": "Hello"}))
            .await,
        403,
    )
    .await;
    // A collector whose book does not hold the case does not see it.
    let agency = app.agency_id().await;
    let stranger = app.create_user(&agency, "collector").await;
    assert_problem(app.get(&staff_path, &stranger.token).await, 404).await;
    // The agency admin does.
    assert_eq!(app.get(&staff_path, &app.admin_token).await.status(), 200);

    let (other_case, other_token) = other_debtor(app).await;
    assert_problem(
        app.post(
            "/v1/portal/messages",
            &scene.token,
            &json!({"case_id": other_case, "body": "Hello"}),
        )
        .await,
        404,
    )
    .await;
    assert_problem(
        app.get(
            &format!("/v1/portal/messages?case_id={}", scene.case),
            &other_token,
        )
        .await,
        404,
    )
    .await;
}

async fn a_complaint_is_seen_and_answered_by_agency_admins_only(backend: Backend) {
    let scene = debtor_scene(backend, None).await;
    let app = &scene.app;
    let filed = app
        .post(
            "/v1/portal/complaints",
            &scene.token,
            &json!({"case_id": scene.case, "text": "Your collector phoned me at 22:00 twice this week."}),
        )
        .await;
    assert_eq!(filed.status(), 201);
    let filed = body(filed).await;
    assert_eq!(filed["status"], "open");
    let id = filed["id"].as_str().unwrap().to_owned();

    for token in [&scene.collector.token, &scene.member.token] {
        assert_problem(app.get("/v1/complaints", token).await, 403).await;
        assert_problem(
            app.post(
                &format!("/v1/complaints/{id}/resolution"),
                token,
                &json!({"resolution": "Nothing to see."}),
            )
            .await,
            403,
        )
        .await;
    }
    // Not on the timeline the collector and the creditor read.
    let timeline = body(
        app.get(
            &format!("/v1/cases/{}/timeline?limit=500", scene.case),
            &scene.member.token,
        )
        .await,
    )
    .await;
    // The complaint's own words, not its time: timestamps contain "22:00" at that hour.
    assert!(!timeline.to_string().contains("phoned me at"));
    assert!(!timeline.to_string().contains(&id));

    let open = body(
        app.get("/v1/complaints?status=open", &app.admin_token)
            .await,
    )
    .await;
    assert_eq!(open["data"].as_array().unwrap().len(), 1);
    assert_eq!(open["data"][0]["id"], id.as_str());
    assert_eq!(open["data"][0]["debtor_id"], scene.debtor_id.as_str());
    assert_eq!(open["data"][0]["case_id"], scene.case.as_str());

    let answer = "We spoke to the collector; calls are now only between 09:00 and 18:00.";
    let answered = app
        .post(
            &format!("/v1/complaints/{id}/resolution"),
            &app.admin_token,
            &json!({"resolution": answer}),
        )
        .await;
    assert_eq!(answered.status(), 200);
    assert_eq!(body(answered).await["status"], "resolved");
    let twice = app
        .post(
            &format!("/v1/complaints/{id}/resolution"),
            &app.admin_token,
            &json!({"resolution": "Again."}),
        )
        .await;
    assert_problem(twice, 409).await;
    let still_open = body(
        app.get("/v1/complaints?status=open", &app.admin_token)
            .await,
    )
    .await;
    assert_eq!(still_open["data"].as_array().unwrap().len(), 0);

    let mine = app
        .client
        .get(app.url("/v1/portal/complaints"))
        .bearer_auth(&scene.token)
        .header("accept-language", "de")
        .send()
        .await
        .unwrap();
    assert_eq!(mine.headers()["content-language"], "de");
    let mine = body(mine).await;
    assert_eq!(mine["data"][0]["resolution"], answer);
    assert_eq!(
        mine["data"][0]["status_text"],
        "Die Leitung des Inkassobüros hat Ihre Beschwerde beantwortet."
    );
    // Another debtor sees none of it, and cannot name this debtor's case.
    let (_, other_token) = other_debtor(app).await;
    let theirs = body(app.get("/v1/portal/complaints", &other_token).await).await;
    assert_eq!(theirs["data"], json!([]));
    assert_problem(
        app.post(
            "/v1/portal/complaints",
            &other_token,
            &json!({"case_id": scene.case, "text": "About someone else's case."}),
        )
        .await,
        404,
    )
    .await;
}
