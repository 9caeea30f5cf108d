//! Solvo's use cases, between the HTTP API and storage: each write use case is one function over
//! one transaction, takes a [`principal::Principal`] and validated commands, and answers with
//! domain data or an [`error::AppError`]. Nothing here knows about HTTP; routes and workers both
//! call these functions.
//!
//! Where things live: `cases` (placement, bulk and CSV intake, instructions, assignment,
//! balances), `debtors` (the debtor command and matching), `idempotency` (replaying a create),
//! `db` (running work off the async executor), `clock` (the one reading of the time), `rates`
//! (the live reference-rate tables and the agency's rate entries).

pub mod cases;
pub mod clock;
pub mod db;
pub mod debtors;
pub mod error;
pub mod idempotency;
pub mod money;
pub mod principal;
pub mod rates;

pub use db::Db;
pub use error::{AppError, FieldError};
pub use principal::{Actor, Principal};
