//! Every kind of bad credential answers 401; a correctly re-signed copy of a real token passes,
//! which shows the forgeries fail for the reason each one names.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};
use serde_json::Value;

use crate::both_backends;
use crate::helpers::{Backend, TEST_JWT_SECRET, TestApp, assert_problem, spawn_app};

both_backends!(
    forged_expired_and_malformed_tokens_are_refused,
    malformed_authorization_headers_are_refused,
    a_token_of_an_ended_session_is_revoked_not_expired
);

fn real_claims(app: &TestApp) -> Value {
    let payload = app.admin_token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

fn sign(claims: &Value, algorithm: Algorithm, secret: &str) -> String {
    encode(
        &Header::new(algorithm),
        claims,
        &EncodingKey::from_secret(secret.as_bytes()),
    )
    .unwrap()
}

async fn status_with(app: &TestApp, token: &str) -> u16 {
    app.get("/v1/me", token).await.status().as_u16()
}

async fn forged_expired_and_malformed_tokens_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let claims = real_claims(&app);
    let now = chrono::Utc::now().timestamp();

    let control = sign(&claims, Algorithm::HS256, TEST_JWT_SECRET);
    assert_eq!(
        status_with(&app, &control).await,
        200,
        "a faithful re-signing passes"
    );

    let mut expired = claims.clone();
    expired["iat"] = (now - 3600).into();
    expired["exp"] = (now - 1800).into();
    let mut wrong_issuer = claims.clone();
    wrong_issuer["iss"] = "someone-else".into();
    let mut wrong_audience = claims.clone();
    wrong_audience["aud"] = "another-api".into();
    let mut no_expiry = claims.clone();
    no_expiry.as_object_mut().unwrap().remove("exp");
    let header_none = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(serde_json::to_vec(&claims).unwrap());

    let forgeries = [
        ("expired", sign(&expired, Algorithm::HS256, TEST_JWT_SECRET)),
        (
            "wrong secret",
            sign(
                &claims,
                Algorithm::HS256,
                "an-attacker-chosen-secret-0123456789",
            ),
        ),
        ("alg none", format!("{header_none}.{payload}.")),
        (
            "another algorithm",
            sign(&claims, Algorithm::HS384, TEST_JWT_SECRET),
        ),
        (
            "wrong issuer",
            sign(&wrong_issuer, Algorithm::HS256, TEST_JWT_SECRET),
        ),
        (
            "wrong audience",
            sign(&wrong_audience, Algorithm::HS256, TEST_JWT_SECRET),
        ),
        (
            "no expiry",
            sign(&no_expiry, Algorithm::HS256, TEST_JWT_SECRET),
        ),
        ("not a JWT", "not-a-jwt".to_owned()),
        ("truncated", control[..control.len() - 5].to_owned()),
        ("unknown API key", "sk_this-key-does-not-exist".to_owned()),
    ];
    for (what, token) in forgeries {
        let response = app.get("/v1/me", &token).await;
        assert_eq!(response.status(), 401, "{what}");
        // RFC 6750 s.3.1: a token came and was refused.
        let challenge = response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            challenge.starts_with(r#"Bearer error="invalid_token""#),
            "{what}: {challenge}"
        );
        let code = assert_problem(response, 401).await["code"].clone();
        // Only a genuine token past its expiry is worth refreshing.
        let expected = if what == "expired" {
            "token_expired"
        } else {
            "token_invalid"
        };
        assert_eq!(code, expected, "{what}");
    }
}

async fn malformed_authorization_headers_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    for header in [
        "",
        "Bearer",
        "Bearer ",
        "Basic YWRtaW46cGFzc3dvcmQ=",
        &app.admin_token.clone(),
    ] {
        let response = app
            .client
            .get(app.url("/v1/me"))
            .header("authorization", header)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "header `{header}`");
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
    }
    let lowercase_scheme = app
        .client
        .get(app.url("/v1/me"))
        .header("authorization", format!("bearer {}", app.admin_token))
        .send()
        .await;
    assert_eq!(
        lowercase_scheme.unwrap().status(),
        200,
        "the scheme is case-insensitive (RFC 9110)"
    );
}

async fn a_token_of_an_ended_session_is_revoked_not_expired(backend: Backend) {
    let app = spawn_app(backend).await;
    let token = app.admin_token.clone();
    let logout = app
        .client
        .post(app.url("/v1/auth/logout"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(logout.status(), 204);
    let response = app.get("/v1/me", &token).await;
    let challenge = response.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        challenge,
        r#"Bearer error="invalid_token", error_description="The session was revoked""#
    );
    let problem = assert_problem(response, 401).await;
    assert_eq!(problem["code"], "token_revoked");
    assert!(problem["detail"].as_str().unwrap().contains("log in again"));
    let none = app
        .request(reqwest::Method::GET, "/v1/me", None, None)
        .await;
    assert_eq!(none.headers()["www-authenticate"], "Bearer");
    assert_eq!(assert_problem(none, 401).await["code"], "unauthenticated");
}
