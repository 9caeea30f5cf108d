//! Authentication: JWT access tokens and the one extractor ([`Caller`]) that tells each handler
//! who is calling. Passwords, the login throttle and opaque secrets live in
//! `solvo_app::credentials`.

pub mod caller;
pub mod client_address;
pub mod debtor;
pub mod ed25519;
pub mod jwt;

pub use caller::{Caller, Credential};
pub use jwt::JwtKeys;
pub use solvo_app::Actor;
// The extractor, bootstrap and demo seeding mint and check the same credentials as the use cases.
pub use solvo_app::credentials::{password, secret};
