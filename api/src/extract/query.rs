//! Query-string errors as 422 problems that name the parameter serde complained about.

use actix_web::web::QueryConfig;

use crate::error::ApiError;

/// The app-wide query extractor configuration.
#[must_use]
pub fn query_config() -> QueryConfig {
    QueryConfig::default().error_handler(|err, _req| {
        let message = err.to_string();
        let field = message
            .split('`')
            .nth(1)
            .filter(|name| !name.is_empty() && name.len() < 64)
            .unwrap_or("query")
            .to_owned();
        ApiError::invalid(field, "invalid_query", message).into()
    })
}
