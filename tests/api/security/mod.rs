//! Attacks replayed over HTTP against the real server (issue 13), on both backends: the findings
//! of the review (memory by logins, the login throttle, documents, metrics, the email oracle,
//! the account life cycle, headers, key rotation, `EdDSA` keys) and the attacks that held
//! (cross-tenant ids on every operation, mass assignment, deep and oversize bodies; forged tokens
//! are `forged_tokens.rs`). Each test fails if its attack works again.

mod accounts;
mod bodies;
mod cross_tenant;
mod documents;
mod eddsa;
mod hashing;
mod headers;
mod keys;
mod oracle;
mod throttle;
