//! Health, metrics and request ids.

use crate::both_backends;
use crate::helpers::{Backend, assert_problem, spawn_app, spawn_app_with};

both_backends!(
    health_endpoints_answer_and_metrics_count_requests,
    request_ids_are_echoed_or_generated,
    metrics_need_the_metrics_token_or_an_agency_admin,
);

async fn health_endpoints_answer_and_metrics_count_requests(backend: Backend) {
    let app = spawn_app(backend).await;
    let live = app
        .client
        .get(app.url("/health/live"))
        .send()
        .await
        .unwrap();
    assert_eq!(live.status(), 200);
    let ready = app
        .client
        .get(app.url("/health/ready"))
        .send()
        .await
        .unwrap();
    assert_eq!(ready.status(), 200);
    let metrics = app.get("/metrics", &app.admin_token).await;
    assert_eq!(metrics.status(), 200);
    let text = metrics.text().await.unwrap();
    assert!(
        text.contains(r#"http_requests_total{method="GET",route="/health/ready",status="200"} 1"#),
        "{text}"
    );
    assert!(
        text.contains("http_request_duration_seconds_bucket"),
        "{text}"
    );
}

async fn request_ids_are_echoed_or_generated(backend: Backend) {
    let app = spawn_app(backend).await;
    let echoed = app
        .client
        .get(app.url("/health/live"))
        .header("x-request-id", "erp-42")
        .send()
        .await
        .unwrap();
    assert_eq!(echoed.headers()["x-request-id"], "erp-42");
    let generated = app
        .client
        .get(app.url("/health/live"))
        .send()
        .await
        .unwrap();
    let id = generated.headers()["x-request-id"].to_str().unwrap();
    assert_eq!(id.len(), 36, "a UUID: {id}");
    let failing = app.client.get(app.url("/v1/me")).send().await.unwrap();
    assert!(
        failing.headers().contains_key("x-request-id"),
        "errors carry the id too"
    );
}

async fn metrics_need_the_metrics_token_or_an_agency_admin(backend: Backend) {
    const TOKEN: &str = "scraper-token-0123456789";
    let app = spawn_app_with(backend, |config| {
        config.metrics_token = Some(TOKEN.to_owned().into());
    })
    .await;
    let anonymous = app.client.get(app.url("/metrics")).send().await.unwrap();
    assert_problem(anonymous, 401).await;
    assert_problem(app.get("/metrics", "wrong-token").await, 401).await;
    assert_eq!(app.get("/metrics", TOKEN).await.status(), 200);
    assert_eq!(app.get("/metrics", &app.admin_token).await.status(), 200);
    let creditor = app.create_creditor("Acme").await;
    let member = app.create_user(&creditor, "creditor_admin").await;
    assert_problem(app.get("/metrics", &member.token).await, 403).await;
}
