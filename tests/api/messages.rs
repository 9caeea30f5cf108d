//! Messages on a case: the creditor and the agency write to each other; each reader has their
//! own read markers and unread count; viewers read but do not write; another tenant's case is
//! a 404 like a missing one.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{ApiKeyRequest, Backend, TestApp, TestUser, assert_problem, body, spawn_app};

both_backends!(
    a_creditor_member_and_the_agency_exchange_messages,
    read_markers_and_unread_counts_are_per_reader,
    a_viewer_reads_but_cannot_post,
    an_api_key_reads_and_posts_as_the_creditor,
    message_bodies_are_validated,
    another_tenants_case_answers_404_like_a_missing_one,
);

/// A creditor with a member and a viewer, the agency's collector, and one placed case.
struct Setting {
    app: TestApp,
    creditor: String,
    member: TestUser,
    viewer: TestUser,
    collector: TestUser,
    case_id: String,
}

async fn setting(backend: Backend) -> Setting {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_member").await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    let collector = app.create_covering_collector().await;
    let case_id = app.place_case(&member.token, "REF-1").await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    Setting {
        app,
        creditor,
        member,
        viewer,
        collector,
        case_id,
    }
}

fn messages_path(case_id: &str) -> String {
    format!("/v1/cases/{case_id}/messages")
}

async fn post_message(app: &TestApp, token: &str, case_id: &str, text: &str) -> Value {
    let response = app
        .post(&messages_path(case_id), token, &json!({"body": text}))
        .await;
    assert_eq!(response.status(), 201, "posting {text:?}");
    body(response).await
}

async fn list(app: &TestApp, token: &str, case_id: &str, query: &str) -> Value {
    let response = app
        .get(&format!("{}{query}", messages_path(case_id)), token)
        .await;
    assert_eq!(response.status(), 200);
    body(response).await
}

async fn mark_read(
    app: &TestApp,
    token: &str,
    case_id: &str,
    request: &Value,
) -> reqwest::Response {
    app.post(&format!("{}/read", messages_path(case_id)), token, request)
        .await
}

async fn a_creditor_member_and_the_agency_exchange_messages(backend: Backend) {
    let Setting {
        app,
        member,
        collector,
        case_id,
        ..
    } = setting(backend).await;

    let question = post_message(
        &app,
        &member.token,
        &case_id,
        "Did the debtor answer our letter?",
    )
    .await;
    assert!(question["id"].as_str().unwrap().starts_with("msg_"));
    assert_eq!(question["case_id"], case_id);
    assert_eq!(
        question["author"],
        json!({"id": member.id, "side": "creditor", "role": "creditor_member"})
    );
    assert_eq!(question["body"], "Did the debtor answer our letter?");
    assert_eq!(question["read_by_me"], true);
    assert!(question["created_at"].as_str().unwrap().ends_with('Z'));
    let timeline = body(
        app.get(&format!("/v1/cases/{case_id}/timeline"), &member.token)
            .await,
    )
    .await;
    let last = timeline["data"].as_array().unwrap().last().unwrap().clone();
    assert_eq!(last["kind"], "message_posted");
    assert_eq!(last["detail"]["message_id"], question["id"]);

    let inbox = list(&app, &collector.token, &case_id, "").await;
    assert_eq!(inbox["unread_count"], 1);
    assert_eq!(inbox["data"][0]["id"], question["id"]);
    assert_eq!(inbox["data"][0]["read_by_me"], false);
    assert!(inbox["next_cursor"].is_null());

    let answer = post_message(
        &app,
        &collector.token,
        &case_id,
        "Yes: they promise to pay by Friday.",
    )
    .await;
    assert_eq!(
        answer["author"],
        json!({"id": collector.id, "side": "agency", "role": "collector"})
    );

    let thread = list(&app, &member.token, &case_id, "").await;
    let data = thread["data"].as_array().unwrap();
    assert_eq!(data.len(), 2, "oldest first");
    assert_eq!(data[0]["id"], question["id"]);
    assert_eq!(data[0]["read_by_me"], true, "one's own message is read");
    assert_eq!(data[1]["id"], answer["id"]);
    assert_eq!(data[1]["read_by_me"], false);
    assert_eq!(data[1]["author"]["side"], "agency");
    assert_eq!(thread["unread_count"], 1);

    let first_page = list(&app, &member.token, &case_id, "?limit=1").await;
    assert_eq!(first_page["data"].as_array().unwrap().len(), 1);
    let cursor = first_page["next_cursor"].as_str().unwrap().to_owned();
    let second_page = list(
        &app,
        &member.token,
        &case_id,
        &format!("?limit=1&cursor={cursor}"),
    )
    .await;
    assert_eq!(second_page["data"][0]["id"], answer["id"]);
    assert!(second_page["next_cursor"].is_null());
    assert_eq!(
        second_page["unread_count"], 1,
        "the count covers the whole case, not the page"
    );

    let newer = list(
        &app,
        &member.token,
        &case_id,
        &format!("?after={}", question["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(
        newer["data"].as_array().unwrap().len(),
        1,
        "polling with after returns only newer messages"
    );
    assert_eq!(newer["data"][0]["id"], answer["id"]);
    let both = app
        .get(
            &format!("{}?after={cursor}&cursor={cursor}", messages_path(&case_id)),
            &member.token,
        )
        .await;
    assert_eq!(
        assert_problem(both, 422).await["errors"][0]["field"],
        "after"
    );
    let too_many = app
        .get(
            &format!("{}?limit=501", messages_path(&case_id)),
            &member.token,
        )
        .await;
    assert_eq!(
        assert_problem(too_many, 422).await["errors"][0]["field"],
        "limit"
    );
}

async fn read_markers_and_unread_counts_are_per_reader(backend: Backend) {
    let Setting {
        app,
        member,
        viewer,
        collector,
        case_id,
        ..
    } = setting(backend).await;
    let mut ids = Vec::new();
    for text in ["one", "two", "three"] {
        ids.push(
            post_message(&app, &member.token, &case_id, text).await["id"]
                .as_str()
                .unwrap()
                .to_owned(),
        );
    }
    let agency_admin = &app.admin_token;
    for token in [&collector.token, agency_admin, &viewer.token] {
        assert_eq!(list(&app, token, &case_id, "").await["unread_count"], 3);
    }
    assert_eq!(
        list(&app, &member.token, &case_id, "").await["unread_count"],
        0,
        "the author has read their own"
    );

    let marked = mark_read(&app, &collector.token, &case_id, &json!({"up_to": ids[1]})).await;
    assert_eq!(marked.status(), 204);
    let seen = list(&app, &collector.token, &case_id, "").await;
    assert_eq!(seen["unread_count"], 1);
    let flags: Vec<&Value> = seen["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|message| &message["read_by_me"])
        .collect();
    assert_eq!(flags, [&json!(true), &json!(true), &json!(false)]);
    assert_eq!(
        list(&app, agency_admin, &case_id, "").await["unread_count"],
        3,
        "another reader is unaffected"
    );

    for _ in 0..2 {
        assert_eq!(
            mark_read(&app, &collector.token, &case_id, &json!({}))
                .await
                .status(),
            204,
            "idempotent"
        );
    }
    assert_eq!(
        list(&app, &collector.token, &case_id, "").await["unread_count"],
        0
    );
    let again = mark_read(&app, &collector.token, &case_id, &json!({"up_to": ids[0]})).await;
    assert_eq!(
        again.status(),
        204,
        "marking earlier messages again is harmless"
    );
    assert_eq!(
        list(&app, &collector.token, &case_id, "").await["unread_count"],
        0
    );

    assert_eq!(
        mark_read(&app, &viewer.token, &case_id, &json!({}))
            .await
            .status(),
        204,
        "viewers keep markers too"
    );
    assert_eq!(
        list(&app, &viewer.token, &case_id, "").await["unread_count"],
        0
    );

    let reply = post_message(&app, &collector.token, &case_id, "noted").await;
    assert_eq!(
        list(&app, &member.token, &case_id, "").await["unread_count"],
        1
    );
    assert_eq!(
        list(&app, &collector.token, &case_id, "").await["unread_count"],
        0
    );

    let unknown = mark_read(&app, &member.token, &case_id, &json!({"up_to": "msg_0000"})).await;
    assert_eq!(
        assert_problem(unknown, 422).await["errors"][0]["field"],
        "up_to"
    );
    let stray = mark_read(
        &app,
        &member.token,
        &case_id,
        &json!({"up_to": reply["id"], "extra": 1}),
    )
    .await;
    assert_problem(stray, 422).await;
}

async fn a_viewer_reads_but_cannot_post(backend: Backend) {
    let Setting {
        app,
        member,
        viewer,
        case_id,
        ..
    } = setting(backend).await;
    post_message(&app, &member.token, &case_id, "hello").await;
    let refused = app
        .post(
            &messages_path(&case_id),
            &viewer.token,
            &json!({"body": "may I?"}),
        )
        .await;
    assert!(
        assert_problem(refused, 403).await["detail"]
            .as_str()
            .unwrap()
            .contains("creditor_viewer")
    );
    let seen = list(&app, &viewer.token, &case_id, "").await;
    assert_eq!(
        seen["data"].as_array().unwrap().len(),
        1,
        "the refused message was not stored"
    );
}

async fn an_api_key_reads_and_posts_as_the_creditor(backend: Backend) {
    let Setting {
        app,
        creditor,
        member,
        case_id,
        ..
    } = setting(backend).await;
    let admin = app.create_user(&creditor, "creditor_admin").await;
    let created = body(
        app.post("/v1/api-keys", &admin.token, &ApiKeyRequest::new("ERP"))
            .await,
    )
    .await;
    let (key_id, secret) = (
        created["id"].as_str().unwrap(),
        created["secret"].as_str().unwrap(),
    );
    post_message(&app, &member.token, &case_id, "from a person").await;

    assert_eq!(list(&app, secret, &case_id, "").await["unread_count"], 1);
    let posted = post_message(&app, secret, &case_id, "from the ERP").await;
    assert_eq!(
        posted["author"],
        json!({"id": key_id, "side": "creditor", "role": "creditor_member"})
    );
    let seen = list(&app, secret, &case_id, "").await;
    assert_eq!(
        seen["unread_count"], 1,
        "the key's own message is read, the person's is not"
    );
    assert_eq!(seen["data"][1]["author"]["id"], key_id);

    let viewer_key = body(
        app.post(
            "/v1/api-keys",
            &admin.token,
            &ApiKeyRequest::new("BI").role("creditor_viewer"),
        )
        .await,
    )
    .await;
    let viewer_secret = viewer_key["secret"].as_str().unwrap();
    assert_problem(
        app.post(
            &messages_path(&case_id),
            viewer_secret,
            &json!({"body": "x"}),
        )
        .await,
        403,
    )
    .await;
    assert_eq!(
        list(&app, viewer_secret, &case_id, "").await["unread_count"],
        2
    );
}

async fn message_bodies_are_validated(backend: Backend) {
    let Setting {
        app,
        member,
        case_id,
        ..
    } = setting(backend).await;
    let path = messages_path(&case_id);
    for bad in [
        json!({"body": ""}),
        json!({"body": "  \n "}),
        json!({"body": "x".repeat(10_001)}),
        json!({}),
    ] {
        let response = app.post(&path, &member.token, &bad).await;
        assert_eq!(
            assert_problem(response, 422).await["errors"][0]["field"],
            "body"
        );
    }
    let longest = app
        .post(&path, &member.token, &json!({"body": "é".repeat(10_000)}))
        .await;
    assert_eq!(
        longest.status(),
        201,
        "the limit counts characters, not bytes"
    );
    let replayed = app
        .client
        .post(app.url(&path))
        .bearer_auth(&member.token)
        .header("idempotency-key", "msg-1")
        .json(&json!({"body": "once"}))
        .send()
        .await
        .unwrap();
    let first = body(replayed).await;
    let again = app
        .client
        .post(app.url(&path))
        .bearer_auth(&member.token)
        .header("idempotency-key", "msg-1")
        .json(&json!({"body": "once"}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.headers()["idempotent-replayed"], "true");
    assert_eq!(body(again).await["id"], first["id"]);
    assert_eq!(
        list(&app, &member.token, &case_id, "").await["data"]
            .as_array()
            .unwrap()
            .len(),
        2
    );
}

async fn another_tenants_case_answers_404_like_a_missing_one(backend: Backend) {
    let Setting {
        app,
        member,
        case_id,
        ..
    } = setting(backend).await;
    post_message(&app, &member.token, &case_id, "private").await;
    let rival = app.create_creditor("Rival").await;
    let outsider = app.create_user(&rival, "creditor_admin").await;
    let missing = "case_00000000000000000000000000000000";
    let requests: [(Method, &str, Option<Value>); 3] = [
        (Method::GET, "", None),
        (Method::POST, "", Some(json!({"body": "let me in"}))),
        (Method::POST, "/read", Some(json!({}))),
    ];
    for (method, suffix, request) in requests {
        let mut bodies = Vec::new();
        for id in [case_id.as_str(), missing] {
            let path = format!("{}{suffix}", messages_path(id));
            let response = app
                .request(
                    method.clone(),
                    &path,
                    Some(&outsider.token),
                    request.as_ref(),
                )
                .await;
            bodies.push(assert_problem(response, 404).await);
        }
        assert_eq!(
            bodies[0], bodies[1],
            "{method} …/messages{suffix}: the same answer as for a missing case"
        );
    }
    let thread = list(&app, &member.token, &case_id, "").await;
    assert_eq!(
        thread["data"].as_array().unwrap().len(),
        1,
        "nothing was posted"
    );
}
