//! `GET /health/live` and `GET /health/ready` for load balancers and orchestrators.

use actix_web::{HttpResponse, get, web};
use serde::Serialize;
use solvo_app::AppError;
use solvo_app::rates::{self, RunningOut};
use utoipa::ToSchema;

use crate::error::ApiError;
use crate::state::AppState;

/// Health status.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    #[schema(value_type = HealthStatus)]
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

/// Readiness, with what an operator should act on soon.
#[derive(Debug, Serialize, ToSchema)]
pub struct Readiness {
    /// `ok`.
    #[schema(value_type = HealthStatus)]
    pub status: String,
    /// Reference-rate series that some jurisdiction's interest reads and that run out within
    /// 30 days (or have run out, or have no history loaded): enter the next publication with
    /// `POST /v1/reference-rates/{series}/entries`, or interest from `runs_out_on` on is a gap.
    /// Empty when nothing needs doing; a warning never makes the node unready.
    pub warnings: Vec<RunningOut>,
}

/// The process can serve: a database round trip succeeds. Still 200 when `warnings` lists
/// reference-rate series about to run out.
#[utoipa::path(
    tag = "operations",
    operation_id = "get_health_ready",
    responses(
        (status = 200, description = "Ready", body = Readiness),
        (status = 503, description = "The database is unreachable", body = crate::error::Problem, content_type = "application/problem+json"),
    ),
    security(())
)]
#[get("/health/ready")]
pub async fn ready(state: web::Data<AppState>) -> Result<HttpResponse, ApiError> {
    state
        .db
        .read(|conn| {
            conn.ping().map_err(|err| {
                tracing::warn!(error = %err, "readiness check failed");
                AppError::Unavailable
            })
        })
        .await?;
    let warnings = rates::running_out(&state.rates.current(), state.clock.now().date());
    Ok(HttpResponse::Ok().json(Readiness {
        status: "ok".into(),
        warnings,
    }))
}

crate::closed_sets::closed_set!(
    /// The only status a healthy server answers.
    HealthStatus,
    "The only status a healthy server answers.",
    ["ok"]
);
