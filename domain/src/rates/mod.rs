//! Reference-rate histories: the published rates that statutory late-payment interest is built on.
//!
//! Use [`RateTables::embedded`] at start-up to get the histories shipped with Solvo (ECB main
//! refinancing rate, German Basiszinssatz, Bank of England Bank Rate, Dutch wettelijke
//! handelsrente, Norwegian forsinkelsesrente, Austrian Basiszinssatz, Danmarks Nationalbank lending
//! rate on each 1 January / 1 July, Riksbank reference rate, NBP reference rate, ČNB repo rate, MNB
//! base rate, South African prescribed rate), and pass the [`RateTables`] to
//! `interest::statutory_interest`. A [`RateTable`] answers "which rate was in force on this day"
//! through [`RateTable::rate_on`].
//!
//! The data lives in `domain/data/rates/*.csv` (columns `effective_from,rate_percent,source`,
//! copied from the researched reference with their sources) and is compiled into the binary, so a
//! deployment never depends on a file or a network call. Each table knows two dates:
//! - `confirmed_through`: the last day for which a source confirms the rate in force;
//! - `carried_forward_through`: the last day this data set answers at all. Between the two the last
//!   published rate is carried forward and every lookup says so (`provisional`); after it, lookups
//!   return `None`, so a stale data set makes interest "not available" instead of silently wrong.
//!   We never invent a future rate change. A series whose later values are published but not
//!   verified (the Norwegian forsinkelsesrente after 2025-H1, the Danish lending-rate fixings after
//!   2023-H2) is not carried forward at all: its two dates are the same.
//!
//! Series whose histories are not embedded (the Suomen Pankki reference rate, which no rule reads)
//! are still [`RateSeries`] values: a caller can add a [`RateTable`] for them with
//! [`RateTables::insert`].
//!
//! A rate published after the release (the Basiszinssatz for the next half-year, an ECB decision)
//! is added without a new build through [`RateTables::with_entries`], which only appends after
//! what the tables already confirm and checks the entries, so an administrator cannot rewrite a
//! history that interest was already computed on. A health check reads
//! [`RateTables::runs_out_on`] (the first day some interest needing the series can no longer be
//! computed) and [`RateTables::is_running_out`] ([`RUN_OUT_WARNING_DAYS`] before it).

mod embedded;
mod parse;
mod series;
mod table;

#[cfg(test)]
mod tests;

pub use embedded::CARRY_FORWARD_THROUGH;
pub use parse::{RateDataError, parse_rate_csv};
pub use series::{Cadence, RateSeries};
pub use table::{
    MAX_ENTRY_RATE_PERCENT, MIN_ENTRY_RATE_PERCENT, RUN_OUT_WARNING_DAYS, RateEntry,
    RateEntryError, RateLookup, RateTable, RateTables,
};
