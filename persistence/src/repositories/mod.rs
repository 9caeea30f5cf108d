//! One module per table: row types and the queries on them. Every function takes the caller's
//! connection (and so its transaction); tenant scoping is an explicit argument, never implied.

pub mod api_keys;
pub mod bank_reconciliation;
pub mod billing;
pub mod case_events;
pub mod cases;
pub mod collection_work;
pub mod collectors;
pub mod debtors;
pub mod disputes;
pub mod documents;
pub mod events;
pub mod fee_invoices;
pub mod fee_schedules;
pub mod idempotency;
pub mod invoices;
pub mod jobs;
pub mod ledger;
pub mod legal_steps;
pub mod login_throttle;
pub mod messages;
pub mod organisations;
pub mod page;
pub mod password_resets;
pub mod payment_plans;
pub mod payments;
pub mod promises;
pub mod quotes;
pub mod rate_entries;
pub mod refunds;
pub mod remittances;
pub mod server_secrets;
pub mod sessions;
pub mod users;
pub mod webhook_deliveries;
pub mod webhook_endpoints;
