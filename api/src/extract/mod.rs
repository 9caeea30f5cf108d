//! Request extractors that turn bad input into the right problem (400/413/415/422), never a 500.

pub mod body;
pub mod json;
pub mod precondition;
pub mod query;
pub mod schema_errors;

pub use json::{ApiJson, BodyLimit};
pub use query::query_config;
