//! What a receiver gets: signed events, retried with the same id, each creditor its own.

mod disabling;
mod outages;
mod replay;
mod rotation;
mod signed;
