//! A rate history and the set of histories an interest computation reads.

use super::RateSeries;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// One published rate: in force from `effective_from` until the next entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateEntry {
    /// First day the rate is in force.
    pub effective_from: NaiveDate,
    /// The rate in percent per year (`3.62` means 3.62 %).
    pub rate_percent: Decimal,
    /// Where the figure comes from, with its confidence prefix
    /// (`verified-from-source …`, `derived-from-verified: …`).
    pub source: String,
}

/// The answer to "which rate was in force on this day".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RateLookup {
    /// The rate in percent per year.
    pub rate_percent: Decimal,
    /// The day this rate took effect.
    pub effective_from: NaiveDate,
    /// True when the day lies after the table's confirmed range, so the last published rate was
    /// carried forward: a later publication may change the answer.
    pub provisional: bool,
}

/// The history of one [`RateSeries`], ordered by effective date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RateTable {
    series: RateSeries,
    entries: Vec<RateEntry>,
    confirmed_through: NaiveDate,
    carried_forward_through: NaiveDate,
}

impl RateTable {
    /// Builds a table from entries in strictly ascending date order.
    ///
    /// `confirmed_through` is the last day a source confirms; `carried_forward_through` the last
    /// day the table answers at all (see the module docs). Returns `None` when the entries are
    /// empty or out of order, or when the two dates are inverted, because such a table would answer
    /// wrongly rather than not at all.
    #[must_use]
    pub fn new(
        series: RateSeries,
        entries: Vec<RateEntry>,
        confirmed_through: NaiveDate,
        carried_forward_through: NaiveDate,
    ) -> Option<RateTable> {
        let ordered = entries
            .windows(2)
            .all(|pair| pair[0].effective_from < pair[1].effective_from);
        let first = entries.first()?.effective_from;
        if !ordered || confirmed_through > carried_forward_through || confirmed_through < first {
            return None;
        }
        Some(RateTable {
            series,
            entries,
            confirmed_through,
            carried_forward_through,
        })
    }

    /// The series this table belongs to.
    #[must_use]
    pub fn series(&self) -> RateSeries {
        self.series
    }

    /// The published entries, oldest first.
    #[must_use]
    pub fn entries(&self) -> &[RateEntry] {
        &self.entries
    }

    /// The last day for which a source confirms the rate in force.
    #[must_use]
    pub fn confirmed_through(&self) -> NaiveDate {
        self.confirmed_through
    }

    /// The last day this table answers; after it [`RateTable::rate_on`] returns `None`.
    #[must_use]
    pub fn carried_forward_through(&self) -> NaiveDate {
        self.carried_forward_through
    }

    /// The rate in force on `day`, or `None` before the first entry or after
    /// [`RateTable::carried_forward_through`].
    #[must_use]
    pub fn rate_on(&self, day: NaiveDate) -> Option<RateLookup> {
        if day > self.carried_forward_through {
            return None;
        }
        // partition_point gives the number of entries in force on or before `day`.
        let index = self.entries.partition_point(|e| e.effective_from <= day);
        let entry = self.entries.get(index.checked_sub(1)?)?;
        Some(RateLookup {
            rate_percent: entry.rate_percent,
            effective_from: entry.effective_from,
            provisional: day > self.confirmed_through,
        })
    }

    /// The days strictly after `from` and strictly before `to` on which a new entry takes effect.
    #[must_use]
    pub fn changes_between(&self, from: NaiveDate, to: NaiveDate) -> Vec<NaiveDate> {
        self.entries
            .iter()
            .map(|e| e.effective_from)
            .filter(|day| *day > from && *day < to)
            .collect()
    }
}

/// The rate histories available to an interest computation, at most one per series.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RateTables {
    tables: BTreeMap<RateSeries, RateTable>,
}

impl RateTables {
    /// No tables: every lookup is "not available".
    #[must_use]
    pub fn empty() -> RateTables {
        RateTables::default()
    }

    /// Adds or replaces the table of its series.
    pub fn insert(&mut self, table: RateTable) {
        self.tables.insert(table.series(), table);
    }

    /// The table of `series`, if one is loaded.
    #[must_use]
    pub fn get(&self, series: RateSeries) -> Option<&RateTable> {
        self.tables.get(&series)
    }

    /// Every loaded table, ordered by series.
    pub fn iter(&self) -> impl Iterator<Item = &RateTable> {
        self.tables.values()
    }
}
