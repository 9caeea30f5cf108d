//! Solvo's storage: diesel over SQLite (the embedded default) and PostgreSQL through one
//! [`AnyConnection`], an r2d2 [`Pool`], embedded migrations and one repository module per table.
//!
//! Repository functions take `&mut AnyConnection` so the caller owns the transaction: one write use
//! case is one [`dialect::write_transaction`]. Columns holding a domain code or name are read and
//! written as the domain type (`solvo_domain::storage`).

pub mod connection;
pub mod dialect;
pub mod error;
pub mod ids;
pub mod migrations;
pub mod pool;
pub mod repositories;
pub mod schema;
pub mod stored_time;

pub use connection::{AnyConnection, Backend, DatabaseUrl};
pub use error::{OfRow, PersistenceError};
pub use pool::{Manager, Pool, PooledConnection};
