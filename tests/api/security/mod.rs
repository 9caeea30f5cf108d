//! Attacks replayed over HTTP against the real server (issue 13): each module is one finding,
//! run on both backends, and fails if the attack works again.

mod accounts;
mod documents;
mod hashing;
mod headers;
mod oracle;
mod throttle;
