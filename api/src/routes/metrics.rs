//! `GET /metrics`: Prometheus text exposition of request counts and latencies.

use actix_web::{HttpResponse, get, web};

use crate::telemetry::HttpMetrics;

/// Request counts and latency histograms by route and status, for Prometheus.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_metrics",
    responses((status = 200, description = "Prometheus text format", body = String, content_type = "text/plain")),
    security(())
)]
#[get("/metrics")]
pub async fn metrics(metrics: web::Data<HttpMetrics>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(metrics.render())
}
