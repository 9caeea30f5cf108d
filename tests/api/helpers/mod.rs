//! The test harness: [`spawn_app`], typed request bodies and response checks.

#![expect(dead_code, reason = "each test module uses only some of the helpers")]

mod app;
mod builders;
mod database;
mod responses;

pub use app::*;
pub use builders::*;
pub use database::*;
pub use responses::*;
