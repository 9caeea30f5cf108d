//! CORS for the separate single-page app: configured origins only.

use crate::both_backends;
use crate::helpers::{Backend, spawn_app_with};

both_backends!(configured_origins_get_preflight_answers_and_others_do_not);

async fn configured_origins_get_preflight_answers_and_others_do_not(backend: Backend) {
    let app = spawn_app_with(backend, |config| {
        config.cors_origins = vec!["https://app.solvo.example".into()];
    })
    .await;
    let preflight = |origin: &'static str| {
        app.client
            .request(reqwest::Method::OPTIONS, app.url("/v1/cases"))
            .header("origin", origin)
            .header("access-control-request-method", "POST")
            .header(
                "access-control-request-headers",
                "authorization, idempotency-key, content-type",
            )
            .send()
    };
    let allowed = preflight("https://app.solvo.example").await.unwrap();
    assert!(allowed.status().is_success(), "{}", allowed.status());
    assert_eq!(
        allowed.headers()["access-control-allow-origin"],
        "https://app.solvo.example"
    );
    let headers = allowed.headers()["access-control-allow-headers"]
        .to_str()
        .unwrap()
        .to_ascii_lowercase();
    assert!(
        headers.contains("authorization") && headers.contains("idempotency-key"),
        "{headers}"
    );

    let refused = preflight("https://evil.example").await.unwrap();
    assert!(
        !refused
            .headers()
            .contains_key("access-control-allow-origin")
    );

    let simple = app
        .client
        .get(app.url("/health/live"))
        .header("origin", "https://app.solvo.example")
        .send()
        .await
        .unwrap();
    let exposed = simple.headers()["access-control-expose-headers"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(exposed.contains("x-request-id"), "{exposed}");
}
