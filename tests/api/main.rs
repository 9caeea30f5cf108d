//! Black-box tests: the real server on port 0, a fresh database per test (a temporary SQLite
//! file always; a fresh PostgreSQL database when `SOLVO_TEST_POSTGRES_URL` is set), real HTTP.
//! Each scenario is one async function run on both backends by [`both_backends!`].

// Tests may panic on a surprise: that is how they fail.
#![expect(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "helpers outside #[test] functions panic on a surprise: that is how a test fails"
)]
#![expect(
    clippy::too_many_lines,
    reason = "a scenario reads top to bottom as the story it checks; cut up, its order is lost"
)]

mod helpers;

mod api_keys;
mod arrangements;
mod auth;
mod bank_reconciliation;
mod bulk;
mod cases;
mod collection;
mod collector_scope;
mod collectors;
mod corrupt_rows;
mod cors;
mod csv_import;
mod demo;
mod disputes;
mod documents;
mod error_codes;
mod errors;
mod fee_invoices;
mod forged_tokens;
mod health;
mod import_chunks;
mod invariants;
mod jobs;
mod law_points;
mod legal;
mod legal_decision;
mod messages;
mod migrations;
mod openapi;
mod organisations;
mod payments;
mod portal;
mod quotes;
mod rate_entries;
mod reference;
mod remittances;
mod scheduler;
mod security;
mod tenancy;
mod test_clock;
mod users;
mod webhooks;
