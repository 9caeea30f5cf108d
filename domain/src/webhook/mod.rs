//! Webhooks by the Standard Webhooks specification (version 1.0.0,
//! <https://www.standardwebhooks.com/>): the catalogue of event types, the signing secret and
//! signature, the retry schedule, and which destination addresses a delivery may reach.
//!
//! Pure rules: the outbox, the delivery worker and its HTTP client live in `app/` and `api/`
//! (see `docs/webhooks.md`).

pub mod destination;
pub mod event_type;
pub mod retry;
pub mod secret;
pub mod signature;

pub use destination::{Destination, DestinationError, forbidden_address};
pub use event_type::EventType;
pub use retry::{RetrySchedule, Verdict};
pub use secret::{Secret, SecretError};
pub use signature::{sign, signature_header};
