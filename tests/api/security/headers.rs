//! Metrics cardinality, request ids, caching of tenant data and the documentation's headers.

use futures_util::future::join_all;
use reqwest::Method;

use crate::both_backends;
use crate::helpers::{Backend, spawn_app};

both_backends!(
    invented_methods_and_paths_share_one_metrics_label_each,
    only_a_short_safe_request_id_is_adopted,
    authenticated_answers_are_never_stored_and_the_docs_are_locked_down,
);

async fn invented_methods_and_paths_share_one_metrics_label_each(backend: Backend) {
    let app = spawn_app(backend).await;
    let requests = (0..200).map(|index| {
        let app = &app;
        async move {
            let method = Method::from_bytes(format!("X{index}").as_bytes()).unwrap();
            let invented = app
                .client
                .request(method, app.url("/health/live"))
                .send()
                .await
                .unwrap();
            assert!(invented.status().is_client_error(), "{}", invented.status());
            let unmatched = app
                .client
                .get(app.url(&format!("/no/such/path/{index}")))
                .send()
                .await
                .unwrap();
            assert_eq!(unmatched.status(), 404);
        }
    });
    join_all(requests).await;

    let text = app
        .get("/metrics", &app.admin_token)
        .await
        .text()
        .await
        .unwrap();
    assert!(!text.contains("X17"), "no invented method is a label");
    assert!(
        !text.contains("/no/such/path"),
        "no unmatched path is a label"
    );
    assert!(text.contains(r#"method="other""#), "{text}");
    assert!(text.contains(r#"route="unmatched""#), "{text}");
    let series = text
        .lines()
        .filter(|line| line.starts_with("http_requests_total{"))
        .count();
    assert!(
        series <= 10,
        "{series} series after 400 odd requests:\n{text}"
    );
}

async fn only_a_short_safe_request_id_is_adopted(backend: Backend) {
    let app = spawn_app(backend).await;
    let echo = |id: String| {
        let app = &app;
        async move {
            let response = app
                .client
                .get(app.url("/health/live"))
                .header("x-request-id", id)
                .send()
                .await
                .unwrap();
            response.headers()["x-request-id"]
                .to_str()
                .unwrap()
                .to_owned()
        }
    };
    assert_eq!(echo("erp-42_A.7".into()).await, "erp-42_A.7");
    for forged in [
        "a b".to_owned(),
        "x\" level=error msg=\"forged".to_owned(),
        "<script>".to_owned(),
        "a".repeat(65),
    ] {
        let answered = echo(forged.clone()).await;
        assert_ne!(answered, forged);
        assert_eq!(answered.len(), 36, "replaced by a UUID: {answered}");
    }
}

async fn authenticated_answers_are_never_stored_and_the_docs_are_locked_down(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/v1/me", "/v1/users", "/v1/cases/cas_missing"] {
        let response = app.get(path, &app.admin_token).await;
        assert_eq!(response.headers()["cache-control"], "no-store", "{path}");
        assert_eq!(response.headers()["x-content-type-options"], "nosniff");
    }
    let docs = app.client.get(app.url("/docs/")).send().await.unwrap();
    assert_eq!(docs.status(), 200);
    let policy = docs.headers()["content-security-policy"].to_str().unwrap();
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert!(policy.contains("script-src 'self'"), "{policy}");
    assert_eq!(docs.headers()["x-frame-options"], "DENY");
    assert_eq!(docs.headers()["x-content-type-options"], "nosniff");
}
