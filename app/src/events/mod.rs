//! Events: what creditors' systems are told, by webhook and through the feed
//! (`docs/webhooks.md`).
//!
//! A use case writes its events with [`outbox::record`] (or, for what a case's timeline already
//! says, [`outbox::from_timeline`]) in its own transaction: a rolled back change publishes
//! nothing and a committed one is never lost. The delivery worker runs [`sequencer::run`],
//! which positions committed events in the feed and queues their deliveries.

pub mod feed;
pub mod outbox;
pub mod payload;
pub mod sequencer;

pub use payload::{CaseEventSummary, Envelope};
