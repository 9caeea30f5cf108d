//! Authentication: passwords, JWT access tokens, opaque refresh tokens and API keys, and the
//! one extractor ([`Caller`]) that tells each handler who is calling.

pub mod caller;
pub mod jwt;
pub mod password;
pub mod secret;
pub mod throttle;

pub use caller::Caller;
pub use jwt::{AccessClaims, JwtKeys};
pub use solvo_app::Actor;
