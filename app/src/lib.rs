//! Solvo's use cases, between the HTTP API and storage: each write use case is one function over
//! one transaction, takes a [`principal::Principal`] and validated commands, and answers with
//! domain data or an [`error::AppError`]. Nothing here knows about HTTP; routes and workers both
//! call these functions.
//!
//! Where things live: `collection` (assessments, activities, the work queue), `arrangements` (promises to pay, payment plans, their judgement),
//! `payments` (recording, allocation, reversal, refunds), `remittances` (money out to creditors),
//! `disputes` (raising and resolving disputes, credit notes), `legal` (proposing legal action
//! with an assessment, the creditor's decision on it), `cases` (placement, bulk and CSV
//! intake, instructions, assignment,
//! balances, lists, timeline), `debtors` (the debtor command, matching, reads and updates),
//! `documents`, `messages`, `quotes`, the identity use cases (`organisations`, `users`,
//! `api_keys`, `sessions`, `collectors`, `credentials`), `rates` (the live reference-rate tables
//! and the agency's rate entries), `idempotency` (replaying a create), `paging`, `db` (running
//! work off the async executor), `clock` (the one reading of the time), `jobs` (the scheduler's jobs, run once, retried).

pub mod api_keys;
pub mod arrangements;
pub mod card_payments;
pub mod cases;
pub mod clock;
pub mod collection;
pub mod collectors;
pub mod credentials;
pub mod db;
pub mod debtors;
pub mod disputes;
pub mod documents;
pub mod error;
pub mod events;
pub mod fee_invoices;
pub mod idempotency;
pub mod identity;
pub mod jobs;
pub mod legal;
pub mod messages;
pub mod money;
pub mod organisations;
pub mod paging;
pub mod passwords;
pub mod payments;
pub mod portal;
pub mod principal;
pub mod quotes;
pub mod rates;
pub mod reconciliation;
pub mod remittances;
pub mod sessions;
pub mod users;
pub mod webhooks;
pub mod wire_names;

pub use db::Db;
pub use error::{AppError, FieldError};
pub use principal::{Actor, Principal};
