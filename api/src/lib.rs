//! Solvo's HTTP API: actix-web routes, authentication, validation, problem+json errors and the
//! OpenAPI document; `startup::Application` runs it, the `solvo` binary wraps it in a CLI.

pub mod auth;
pub mod bootstrap;
pub mod config;
pub mod demo;
pub mod error;
pub mod extract;
pub mod idempotency;
pub mod money;
pub mod openapi;
pub mod portal_language;
pub mod psp;
pub mod roles;
pub mod routes;
pub mod startup;
pub mod state;
pub mod telemetry;
pub mod workers;

pub use config::ServerConfig;
pub use startup::Application;
