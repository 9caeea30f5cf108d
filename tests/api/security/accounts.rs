//! The account life cycle: a password change ends the other sessions, a reset works once with
//! the token an administrator issued, sessions end at their absolute lifetime however often they
//! are refreshed, and new passwords meet the policy.

use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{
    ApiKeyRequest, Backend, PASSWORD, TestApp, UserRequest, assert_problem, body, execute_sql,
    spawn_app,
};

both_backends!(
    a_password_change_needs_the_current_one_and_ends_the_other_sessions,
    a_reset_token_works_once_for_a_user_its_issuer_manages,
    a_session_ends_at_its_absolute_lifetime,
    new_passwords_meet_the_policy,
    api_keys_belong_to_the_organisation_and_name_their_creator,
);

const NEW_PASSWORD: &str = "a different long passphrase";

async fn login(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    app.request(
        Method::POST,
        "/v1/auth/token",
        None,
        Some(&json!({"email": email, "password": password})),
    )
    .await
}

async fn refresh(app: &TestApp, token: &Value) -> reqwest::Response {
    app.request(
        Method::POST,
        "/v1/auth/refresh",
        None,
        Some(&json!({"refresh_token": token["refresh_token"]})),
    )
    .await
}

fn access(tokens: &Value) -> &str {
    tokens["access_token"].as_str().unwrap()
}

async fn a_password_change_needs_the_current_one_and_ends_the_other_sessions(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let user = app.create_user(&creditor, "creditor_admin").await;
    let here = app.login(&user.email, PASSWORD).await;
    let elsewhere = app.login(&user.email, PASSWORD).await;
    let change =
        |current: &str, new: &str| json!({"current_password": current, "new_password": new});

    let wrong = app
        .post(
            "/v1/me/password",
            access(&here),
            &change("not it at all", NEW_PASSWORD),
        )
        .await;
    let problem = assert_problem(wrong, 422).await;
    assert_eq!(problem["errors"][0]["field"], "current_password");
    assert_eq!(problem["errors"][0]["code"], "incorrect");
    let common = app
        .post(
            "/v1/me/password",
            access(&here),
            &change(PASSWORD, "Password2026!"),
        )
        .await;
    let problem = assert_problem(common, 422).await;
    assert_eq!(problem["errors"][0]["code"], "too_common");

    let changed = app
        .post(
            "/v1/me/password",
            access(&here),
            &change(PASSWORD, NEW_PASSWORD),
        )
        .await;
    assert_eq!(changed.status(), 204);
    assert_eq!(
        app.get("/v1/me", access(&here)).await.status(),
        200,
        "this session goes on"
    );
    assert_eq!(
        app.get("/v1/me", access(&elsewhere)).await.status(),
        401,
        "the other ends"
    );
    assert_problem(refresh(&app, &elsewhere).await, 401).await;
    assert_problem(login(&app, &user.email, PASSWORD).await, 401).await;
    assert_eq!(login(&app, &user.email, NEW_PASSWORD).await.status(), 200);

    let key = body(
        app.post(
            "/v1/api-keys",
            access(&here),
            &ApiKeyRequest::new("erp").role("creditor_member"),
        )
        .await,
    )
    .await;
    let by_key = app
        .post(
            "/v1/me/password",
            key["secret"].as_str().unwrap(),
            &change(NEW_PASSWORD, "yet another passphrase"),
        )
        .await;
    assert_problem(by_key, 403).await;
}

async fn a_reset_token_works_once_for_a_user_its_issuer_manages(backend: Backend) {
    let app = spawn_app(backend).await;
    let acme = app.create_creditor("Acme").await;
    let rival = app.create_creditor("Rival").await;
    let admin = app.create_user(&acme, "creditor_admin").await;
    let member = app.create_user(&acme, "creditor_member").await;
    let stranger = app.create_user(&rival, "creditor_member").await;
    let reset_path = |id: &str| format!("/v1/users/{id}/password-reset");

    assert_problem(
        app.post(&reset_path(&stranger.id), &admin.token, &json!({}))
            .await,
        404,
    )
    .await;
    let agency_admin = body(app.get("/v1/me", &app.admin_token).await).await;
    let agency_id = agency_admin["user"]["id"].as_str().unwrap();
    assert_problem(
        app.post(&reset_path(agency_id), &admin.token, &json!({}))
            .await,
        404,
    )
    .await;
    assert_problem(
        app.post(&reset_path(&admin.id), &admin.token, &json!({}))
            .await,
        403,
    )
    .await;
    assert_problem(
        app.post(&reset_path(&member.id), &member.token, &json!({}))
            .await,
        403,
    )
    .await;

    let first = body(
        app.post(&reset_path(&member.id), &admin.token, &json!({}))
            .await,
    )
    .await;
    let issued = app
        .post(&reset_path(&member.id), &admin.token, &json!({}))
        .await;
    assert_eq!(issued.status(), 201);
    assert_eq!(issued.headers()["cache-control"], "no-store");
    let second = body(issued).await;
    let token = second["token"].as_str().unwrap();
    assert!(token.starts_with("pr_"), "{token}");
    let reset = |token: &str, new: &str| {
        let body = json!({"token": token, "new_password": new});
        let app = &app;
        async move {
            app.request(Method::POST, "/v1/auth/password-reset", None, Some(&body))
                .await
        }
    };

    let withdrawn = reset(first["token"].as_str().unwrap(), NEW_PASSWORD).await;
    assert_eq!(
        assert_problem(withdrawn, 422).await["errors"][0]["field"],
        "token"
    );
    let weak = reset(token, "qwertyuiop123").await;
    assert_eq!(
        assert_problem(weak, 422).await["errors"][0]["code"],
        "too_common"
    );
    assert_eq!(reset(token, NEW_PASSWORD).await.status(), 204);
    assert_problem(reset(token, "another long passphrase").await, 422).await;

    assert_eq!(
        app.get("/v1/me", &member.token).await.status(),
        401,
        "the old sessions end"
    );
    assert_problem(login(&app, &member.email, PASSWORD).await, 401).await;
    assert_eq!(login(&app, &member.email, NEW_PASSWORD).await.status(), 200);
    let garbage = reset("pr_not-a-token", NEW_PASSWORD).await;
    assert_problem(garbage, 422).await;
}

async fn a_session_ends_at_its_absolute_lifetime(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let user = app.create_user(&creditor, "creditor_member").await;
    let tokens = app.login(&user.email, PASSWORD).await;
    let renewed = body(refresh(&app, &tokens).await).await;
    assert_eq!(app.get("/v1/me", access(&renewed)).await.status(), 200);

    // The login was 31 days ago (default lifetime 30 days): refreshing kept it going until now.
    // Raw SQL ages the session: its lifetime runs on the real clock, which no endpoint moves.
    let long_ago = (chrono::Utc::now() - chrono::Duration::days(31)).naive_utc();
    execute_sql(
        &app.database_url,
        vec![format!(
            "UPDATE sessions SET created_at = '{}'",
            long_ago.format("%Y-%m-%d %H:%M:%S")
        )],
    )
    .await;

    assert_eq!(app.get("/v1/me", access(&renewed)).await.status(), 401);
    assert_problem(refresh(&app, &renewed).await, 401).await;
    assert_eq!(
        login(&app, &user.email, PASSWORD).await.status(),
        200,
        "a new login starts afresh"
    );
}

async fn new_passwords_meet_the_policy(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    for (password, code) in [
        ("Password1234!", "too_common"),
        ("111111111111", "too_common"),
        ("jane.doe@acme.example", "contains_email"),
    ] {
        let response = app
            .post(
                "/v1/users",
                &app.admin_token,
                &UserRequest::new("jane.doe@acme.example", "creditor_member")
                    .organisation(&creditor)
                    .password(password),
            )
            .await;
        let problem = assert_problem(response, 422).await;
        assert_eq!(problem["errors"][0]["field"], "password", "{password}");
        assert_eq!(problem["errors"][0]["code"], code, "{password}");
    }
}

async fn api_keys_belong_to_the_organisation_and_name_their_creator(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let creator = app.create_user(&creditor, "creditor_admin").await;
    let other_admin = app.create_user(&creditor, "creditor_admin").await;
    let created = body(
        app.post("/v1/api-keys", &creator.token, &ApiKeyRequest::new("erp"))
            .await,
    )
    .await;
    let listed = body(app.get("/v1/api-keys", &other_admin.token).await).await;
    assert_eq!(listed["data"][0]["created_by"], creator.id.as_str());

    let disabled = app
        .patch(
            &format!("/v1/users/{}", creator.id),
            &other_admin.token,
            &json!({"disabled": true}),
        )
        .await;
    assert_eq!(disabled.status(), 200);
    let secret = created["secret"].as_str().unwrap();
    assert_eq!(
        app.get("/v1/me", secret).await.status(),
        200,
        "the key outlives its creator's account"
    );
}
