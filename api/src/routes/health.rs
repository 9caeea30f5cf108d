//! `GET /health/live` and `GET /health/ready` for load balancers and orchestrators.

use actix_web::{HttpResponse, get, web};
use diesel::RunQueryDsl;
use serde::Serialize;
use solvo_app::AppError;
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::state::AppState;

/// Health status.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: String,
}

/// The process is up.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_health_live",
    responses((status = 200, description = "Alive", body = Health)),
    security(())
)]
#[get("/health/live")]
pub async fn live() -> HttpResponse {
    HttpResponse::Ok().json(Health {
        status: "ok".into(),
    })
}

/// The process can serve: a database round trip succeeds.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_health_ready",
    responses(
        (status = 200, description = "Ready", body = Health),
        (status = 503, description = "The database is unreachable", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/health/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state
        .db
        .read(|conn| {
            diesel::sql_query("SELECT 1").execute(conn).map_err(|err| {
                tracing::warn!(error = %err, "readiness check failed");
                AppError::Unavailable
            })
        })
        .await?;
    Ok(HttpResponse::Ok().json(Health {
        status: "ok".into(),
    }))
}
