//! Solvo's HTTP API: actix-web routes, authentication, validation, problem+json errors and the
//! OpenAPI document; `startup::Application` runs it, the `solvo` binary wraps it in a CLI.

pub(crate) mod auth;
pub mod bootstrap;
pub(crate) mod closed_sets;
pub mod config;
pub(crate) mod contract;
pub mod demo;
pub(crate) mod error;
pub(crate) mod extract;
pub(crate) mod idempotency;
pub(crate) mod money;
pub mod openapi;
pub(crate) mod portal_language;
pub(crate) mod psp;
pub(crate) mod roles;
pub(crate) mod routes;
pub mod startup;
pub(crate) mod state;
pub mod telemetry;
pub(crate) mod workers;

pub use config::ServerConfig;
pub use startup::Application;
