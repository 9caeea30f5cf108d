//! Reference-rate histories: the published rates that statutory late-payment interest is built on.
//!
//! Use [`RateTables::embedded`] at start-up to get the histories shipped with Solvo (ECB main
//! refinancing rate, German Basiszinssatz, Bank of England Bank Rate, Dutch wettelijke
//! handelsrente), and pass the [`RateTables`] to `interest::statutory_interest`. A [`RateTable`]
//! answers "which rate was in force on this day" through [`RateTable::rate_on`].
//!
//! The data lives in `domain/data/rates/*.csv` (columns `effective_from,rate_percent,source`,
//! copied from the researched reference with their sources) and is compiled into the binary, so a
//! deployment never depends on a file or a network call. Each table knows two dates:
//! - `confirmed_through`: the last day for which a source confirms the rate in force;
//! - `carried_forward_through`: the last day this data set answers at all. Between the two the last
//!   published rate is carried forward and every lookup says so (`provisional`); after it, lookups
//!   return `None`, so a stale data set makes interest "not available" instead of silently wrong.
//!   We never invent a future rate change.
//!
//! Series whose rules are encoded but whose histories are not embedded (for example the Austrian
//! Basiszinssatz) are still [`RateSeries`] values: a caller can add a [`RateTable`] for them with
//! [`RateTables::insert`].

mod embedded;
mod parse;
mod series;
mod table;

#[cfg(test)]
mod tests;

pub use embedded::CARRY_FORWARD_THROUGH;
pub use parse::{RateDataError, parse_rate_csv};
pub use series::RateSeries;
pub use table::{RateEntry, RateLookup, RateTable, RateTables};
