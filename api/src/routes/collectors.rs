//! `/v1/collectors/{id}/coverage`: which debtor countries and languages a collector works, so
//! that new cases are assigned to a collector who can talk to the debtor.

use actix_web::{HttpResponse, get, put, web};
use serde::{Deserialize, Serialize};
use solvo_app::AppError;
use solvo_domain::country::CountryCode;
use solvo_domain::permission::Permission;
use solvo_persistence::PersistenceError;
use solvo_persistence::repositories::{collectors, users};
use utoipa::ToSchema;
use validator::Validate;

use crate::auth::Caller;
use crate::error::{ApiError, FieldError};
use crate::extract::ApiJson;
use crate::state::AppState;

/// One area a collector covers.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct CoverageArea {
    /// ISO 3166-1 alpha-2 debtor country, or `*` for any.
    #[schema(example = "DE")]
    pub country: String,
    /// ISO 639-1 language, or `*` for any.
    #[schema(example = "de")]
    pub language: String,
}

/// A collector's coverage.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    /// The areas (at most 300).
    #[validate(nested, length(max = 300))]
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
    caller.require(Permission::SetCollectorCoverage)?;
    let areas = normalise(body.into_inner().areas)?;
    let id = id.into_inner();
    let stored = state
        .db
        .write(move |conn| {
            require_collector(conn, &id)?;
            collectors::set_coverage(conn, &id, &areas)?;
            Ok(collectors::coverage_of(conn, &id)?)
        })
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
    if !caller.role.is_agency_staff() {
        return Err(AppError::NotFound.into());
    }
    let id = id.into_inner();
    let stored = state
        .db
        .read(move |conn| {
            require_collector(conn, &id)?;
            Ok(collectors::coverage_of(conn, &id)?)
        })
        .await?;
    Ok(HttpResponse::Ok().json(view(stored)))
}

fn require_collector(
    conn: &mut solvo_persistence::AnyConnection,
    id: &str,
) -> Result<(), AppError> {
    match users::find(conn, id) {
        Ok(user) if user.role == "collector" => Ok(()),
        Ok(_) | Err(PersistenceError::NotFound) => Err(AppError::NotFound),
        Err(err) => Err(err.into()),
    }
}

fn normalise(areas: Vec<CoverageArea>) -> Result<Vec<(String, String)>, AppError> {
    let mut errors = Vec::new();
    let mut out = Vec::new();
    for (index, area) in areas.into_iter().enumerate() {
        let country = if area.country.trim() == "*" {
            Some("*".to_owned())
        } else {
            CountryCode::parse(&area.country)
                .map(|code| code.to_string())
                .map_err(|err| {
                    errors.push(FieldError::new(
                        format!("areas[{index}].country"),
                        "invalid_country",
                        err.to_string(),
                    ))
                })
                .ok()
        };
        let language = area.language.trim().to_ascii_lowercase();
        if language != "*"
            && !(language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase()))
        {
            errors.push(FieldError::new(
                format!("areas[{index}].language"),
                "invalid_language",
                "Use ISO 639-1 such as `de`, or `*`.",
            ));
        }
        if let Some(country) = country {
            let pair = (country, language);
            if !out.contains(&pair) {
                out.push(pair);
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(AppError::Validation(errors))
    }
}

fn view(stored: Vec<(String, String)>) -> Coverage {
    Coverage {
        areas: stored
            .into_iter()
            .map(|(country, language)| CoverageArea { country, language })
            .collect(),
    }
}
