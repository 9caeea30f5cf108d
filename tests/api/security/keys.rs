//! JWT signing keys: a rotation (a node restarted with a new `SOLVO_JWT_SECRET` and the old one in
//! `SOLVO_JWT_PREVIOUS_SECRETS`) keeps the tokens signed before valid, and dropping the old key
//! ends them; a token signed by a key the server does not hold is refused.

use crate::both_backends;
use crate::helpers::{Backend, TEST_JWT_SECRET, spawn_app};

both_backends!(a_rotated_key_logs_nobody_out_until_it_is_dropped);

const NEW_SECRET: &str = "rotated-secret-rotated-secret-rotated-01";

/// The status of `GET /v1/me` with `token` at `node`.
pub(super) async fn me(app: &crate::helpers::TestApp, node: &str, token: &str) -> u16 {
    app.client
        .get(format!("{node}/v1/me"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// The agency admin's access token from a login at `node`.
pub(super) async fn login_at(app: &crate::helpers::TestApp, node: &str) -> String {
    let response: serde_json::Value = app
        .client
        .post(format!("{node}/v1/auth/token"))
        .json(&serde_json::json!({"email": crate::helpers::ADMIN_EMAIL, "password": crate::helpers::PASSWORD}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    response["access_token"].as_str().unwrap().to_owned()
}

async fn a_rotated_key_logs_nobody_out_until_it_is_dropped(backend: Backend) {
    let app = spawn_app(backend).await;
    let old_token = app.admin_token.clone();

    let rotated = app
        .start_node(|config| {
            config.jwt_secret = Some(NEW_SECRET.to_owned().into());
            config.jwt_previous_secrets = vec![TEST_JWT_SECRET.to_owned().into()];
        })
        .await;
    assert_eq!(
        me(&app, &rotated, &old_token).await,
        200,
        "a token of the old key still works"
    );

    let dropped = app
        .start_node(|config| config.jwt_secret = Some(NEW_SECRET.to_owned().into()))
        .await;
    assert_eq!(
        me(&app, &dropped, &old_token).await,
        401,
        "dropping the old key ends its tokens"
    );
    let fresh = &login_at(&app, &rotated).await;
    assert_eq!(
        me(&app, &dropped, fresh).await,
        200,
        "the new key's tokens work everywhere"
    );
    assert_eq!(
        me(&app, &app.address, fresh).await,
        401,
        "a node without the new key refuses them"
    );

    let mut short = solvo_api::ServerConfig::for_database(&app.database_url);
    short.jwt_secret = Some(NEW_SECRET.to_owned().into());
    short.jwt_previous_secrets = vec!["too short".to_owned().into()];
    assert!(
        solvo_api::Application::build(short).await.is_err(),
        "a short previous secret is refused"
    );
}
