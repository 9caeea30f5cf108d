//! `/v1/collectors/{id}/coverage`: which debtor countries and languages a collector works, so
//! that new cases are assigned to a collector who can talk to the debtor. The rules are
//! `solvo_app::collectors`.

use actix_web::{HttpResponse, get, put, web};
use serde::{Deserialize, Serialize};
use solvo_app::collectors::{self, Area};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::ApiError;
use crate::extract::ApiJson;
use crate::state::AppState;

/// One area a collector covers.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CoverageArea {
    /// ISO 3166-1 alpha-2 debtor country, or `*` for any.
    #[schema(value_type = solvo_app::wire_names::CoverageCountry, example = "DE")]
    pub country: String,
    /// ISO 639-1 language, or `*` for any.
    #[schema(example = "de", pattern = r"^\s*(\*|[A-Za-z]{2})\s*$")]
    pub language: String,
}

/// A collector's coverage.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"areas": [{"country": "DE", "language": "de"}, {"country": "AT", "language": "*"}]}))]
pub struct Coverage {
    /// The areas (at most 300).
    #[validate(nested, length(max = 300))]
    #[schema(max_items = 300)]
    pub areas: Vec<CoverageArea>,
}

/// Replaces a collector's coverage (agency admins only).
#[utoipa::path(
    tag = "identity",
    operation_id = "put_collector_coverage",
    params(("id" = String, Path, description = "Collector's user id")),
    request_body = Coverage,
    responses((status = 200, description = "The coverage now", body = Coverage)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[put("/v1/collectors/{id}/coverage")]
pub async fn put_coverage(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
    body: ApiJson<Coverage>,
) -> Result<HttpResponse, ApiError> {
    let areas = body
        .into_inner()
        .areas
        .into_iter()
        .map(|area| Area {
            country: area.country,
            language: area.language,
        })
        .collect();
    let id = id.into_inner();
    let stored = state
        .db
        .write(move |conn| collectors::set_coverage(conn, &caller, &id, areas))
        .await?;
    Ok(HttpResponse::Ok().json(view(stored)))
}

/// Reads a collector's coverage (agency staff).
#[utoipa::path(
    tag = "identity",
    operation_id = "get_collector_coverage",
    params(("id" = String, Path, description = "Collector's user id")),
    responses((status = 200, description = "The coverage", body = Coverage)),
    security(("bearer_jwt" = []), ("api_key" = []))
)]
#[get("/v1/collectors/{id}/coverage")]
pub async fn get_coverage(
    state: web::Data<AppState>,
    caller: Caller,
    id: web::Path<String>,
) -> Result<HttpResponse, ApiError> {
    let id = id.into_inner();
    let stored = state
        .db
        .read(move |conn| collectors::coverage(conn, &caller, &id))
        .await?;
    Ok(HttpResponse::Ok().json(view(stored)))
}

fn view(stored: Vec<Area>) -> Coverage {
    Coverage {
        areas: stored
            .into_iter()
            .map(|Area { country, language }| CoverageArea { country, language })
            .collect(),
    }
}
