//! What a debtor agrees to pay: promises to pay ([`promises`]) and payment plans ([`plans`]),
//! and the one judgement of both ([`judge::judge`]) that a payment, a reversal and the
//! scheduler run on a case under its lock. The rules (a promise's window, instalments that add
//! up to the total, a plan's grace period) are `solvo_domain::arrangement`.
//!
//! A promise changes once, from `open` to `kept` or `broken`; a plan once, from `active` to
//! `completed`, `defaulted` or `cancelled`. Each change is one timeline event, and for a plan
//! one state-machine command on the case (`default_payment_plan`, `end_payment_plan`).

pub mod input;
pub mod judge;
pub mod plans;
pub mod promises;
mod received;
pub mod review;

pub use input::{CancelPlan, NewInstalment, NewPlan, NewPromise, PlanFrequency};
pub use plans::{InstalmentRecord, PlanRecord};
pub use solvo_domain::arrangement::{Frequency, PromiseStatus};
pub use solvo_persistence::repositories::promises::PromiseRow;
