//! Login, refresh rotation with reuse detection, logout and `GET /v1/me`.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use reqwest::Method;
use serde_json::{Value, json};

use crate::both_backends;
use crate::helpers::{ADMIN_EMAIL, Backend, PASSWORD, TestApp, assert_problem, body, spawn_app};

both_backends!(
    login_issues_a_short_lived_access_token_with_the_required_claims,
    wrong_passwords_unknown_emails_and_disabled_users_get_the_same_401,
    a_refresh_token_rotates_and_its_reuse_revokes_the_session,
    logout_ends_the_session_at_once,
    me_describes_the_caller,
    bootstrap_refuses_a_second_agency,
);

async fn refresh(app: &TestApp, token: &str) -> reqwest::Response {
    app.request(
        Method::POST,
        "/v1/auth/refresh",
        None,
        Some(&json!({"refresh_token": token})),
    )
    .await
}

fn claims(token: &str) -> Value {
    let payload = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

async fn login_issues_a_short_lived_access_token_with_the_required_claims(backend: Backend) {
    let app = spawn_app(backend).await;
    let tokens = app.login(ADMIN_EMAIL, PASSWORD).await;
    assert_eq!(tokens["token_type"], "Bearer");
    assert!(tokens["expires_in"].as_i64().unwrap() <= 900);
    assert!(tokens["refresh_token"].as_str().unwrap().starts_with("rt_"));
    let claims = claims(tokens["access_token"].as_str().unwrap());
    assert_eq!(claims["iss"], "solvo");
    assert_eq!(claims["aud"], "solvo-api");
    assert_eq!(claims["role"], "agency_admin");
    assert!(claims["sub"].as_str().unwrap().starts_with("usr_"));
    assert!(claims["org"].as_str().unwrap().starts_with("org_"));
    let lifetime = claims["exp"].as_i64().unwrap() - claims["iat"].as_i64().unwrap();
    assert!(lifetime > 0 && lifetime <= 900, "lifetime {lifetime}");
}

async fn wrong_passwords_unknown_emails_and_disabled_users_get_the_same_401(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let user = app.create_user(&creditor, "creditor_member").await;
    let disable = app
        .patch(
            &format!("/v1/users/{}", user.id),
            &app.admin_token,
            &json!({"disabled": true}),
        )
        .await;
    assert_eq!(disable.status(), 200);

    let mut details = Vec::new();
    for (email, password) in [
        (ADMIN_EMAIL, "wrong password!"),
        ("nobody@example.com", PASSWORD),
        (user.email.as_str(), PASSWORD),
    ] {
        let response = app
            .request(
                Method::POST,
                "/v1/auth/token",
                None,
                Some(&json!({"email": email, "password": password})),
            )
            .await;
        details.push(assert_problem(response, 401).await["detail"].clone());
    }
    assert!(
        details.windows(2).all(|pair| pair[0] == pair[1]),
        "{details:?}"
    );
    let token_of_disabled = app.get("/v1/me", &user.token).await;
    assert_problem(token_of_disabled, 401).await;
}

async fn a_refresh_token_rotates_and_its_reuse_revokes_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.login(ADMIN_EMAIL, PASSWORD).await;
    let first_refresh = first["refresh_token"].as_str().unwrap();

    let rotated = refresh(&app, first_refresh).await;
    assert_eq!(rotated.status(), 200);
    let second = body(rotated).await;
    let second_refresh = second["refresh_token"].as_str().unwrap();
    assert_ne!(first_refresh, second_refresh);
    let second_access = second["access_token"].as_str().unwrap();
    assert_eq!(app.get("/v1/me", second_access).await.status(), 200);

    let reused = refresh(&app, first_refresh).await;
    let problem = assert_problem(reused, 401).await;
    assert!(problem["detail"].as_str().unwrap().contains("already used"));
    assert_problem(refresh(&app, second_refresh).await, 401).await;
    assert_problem(app.get("/v1/me", second_access).await, 401).await;

    let other_session = app.login(ADMIN_EMAIL, PASSWORD).await;
    assert_eq!(
        refresh(&app, other_session["refresh_token"].as_str().unwrap())
            .await
            .status(),
        200
    );
    assert_problem(refresh(&app, "rt_unknown").await, 401).await;
}

async fn logout_ends_the_session_at_once(backend: Backend) {
    let app = spawn_app(backend).await;
    let tokens = app.login(ADMIN_EMAIL, PASSWORD).await;
    let access = tokens["access_token"].as_str().unwrap();
    let logout = app
        .request(Method::POST, "/v1/auth/logout", Some(access), None)
        .await;
    assert_eq!(logout.status(), 204);
    assert_problem(app.get("/v1/me", access).await, 401).await;
    assert_problem(
        refresh(&app, tokens["refresh_token"].as_str().unwrap()).await,
        401,
    )
    .await;
    assert_eq!(
        app.get("/v1/me", &app.admin_token).await.status(),
        200,
        "other sessions live on"
    );
    let unauthenticated = app
        .request(Method::POST, "/v1/auth/logout", None, None)
        .await;
    assert_problem(unauthenticated, 401).await;
}

async fn me_describes_the_caller(backend: Backend) {
    let app = spawn_app(backend).await;
    let creditor = app.create_creditor("Acme").await;
    let viewer = app.create_user(&creditor, "creditor_viewer").await;
    let me = body(app.get("/v1/me", &viewer.token).await).await;
    assert_eq!(me["kind"], "user");
    assert_eq!(me["user"]["email"], viewer.email.as_str());
    assert_eq!(me["role"], "creditor_viewer");
    assert_eq!(me["organisation"]["id"], creditor.as_str());
    assert_eq!(me["organisation"]["kind"], "creditor");
    assert_problem(app.client.get(app.url("/v1/me")).send().await.unwrap(), 401).await;
}

async fn bootstrap_refuses_a_second_agency(backend: Backend) {
    let app = spawn_app(backend).await;
    let url = app.database_url.clone();
    let outcome = tokio::task::spawn_blocking(move || {
        let pool = solvo_api::startup::open_database(&url, 1).unwrap();
        let mut conn = pool.get().unwrap();
        solvo_api::bootstrap::bootstrap(
            &mut conn,
            "second@agency.example",
            PASSWORD,
            "Second",
            "NL",
        )
    })
    .await
    .unwrap();
    assert!(
        matches!(
            outcome,
            Err(solvo_api::bootstrap::BootstrapError::AlreadyBootstrapped(_))
        ),
        "{outcome:?}"
    );
    let response = app
        .request(
            Method::POST,
            "/v1/auth/token",
            None,
            Some(&json!({"email": "second@agency.example", "password": PASSWORD})),
        )
        .await;
    assert_problem(response, 401).await;
}
