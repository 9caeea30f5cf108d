//! What a debtor agrees to pay and whether they did: promises to pay and payment plans.
//!
//! A promise is one amount by one date; a plan is a schedule of instalments that add up to an
//! agreed total. Both are judged against the payments received since they were agreed, never
//! against the allocation: a payment that went to costs still keeps the promise. Nothing here
//! reads a clock: the caller passes `today`.

mod paid;
mod plan;
mod promise;
mod schedule;

#[cfg(test)]
mod tests;

pub use paid::Received;
pub use plan::{PlanStanding, instalment_cover, next_review, plan_standing};
pub use promise::{PromiseStatus, PromiseTerms, promise_statuses};
pub use schedule::{
    Frequency, Instalment, MAX_INSTALMENTS, ScheduleError, explicit_schedule, schedule,
};
