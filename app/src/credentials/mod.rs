//! Credentials the use cases check and mint: human passwords (argon2id, behind the [`gate`]
//! that bounds their memory) and opaque secrets (API keys, refresh tokens, stored as SHA-256).
//! JWT access tokens are signed by the api crate, which owns the signing key.

pub mod gate;
pub mod password;
pub mod policy;
pub mod secret;
pub mod throttle;

pub use gate::HashGate;
