//! A rate history and the set of histories an interest computation reads.

use super::{Cadence, RateSeries};
use chrono::{Datelike, Days, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;

/// The lowest rate [`RateTables::with_entries`] accepts, in percent. The lowest value in any
/// embedded history is the Basiszinssatz of -0.88 % (2016-07 to 2022-12); the bound leaves room
/// for negative policy rates while refusing a misplaced sign or digit.
pub const MIN_ENTRY_RATE_PERCENT: Decimal = Decimal::from_parts(10, 0, 0, true, 0);

/// The highest rate [`RateTables::with_entries`] accepts, in percent. Well above every reference
/// rate a supported statute reads (the Hungarian base rate peaked at 18 % in 2022-2023), so that
/// only typing errors such as `127` for `1.27` are refused.
pub const MAX_ENTRY_RATE_PERCENT: Decimal = Decimal::from_parts(30, 0, 0, false, 0);

/// How many days before [`RateTables::runs_out_on`] a health check should warn, so that the new
/// publication can be entered before any interest turns into a gap.
pub const RUN_OUT_WARNING_DAYS: u64 = 30;

/// Why [`RateTables::with_entries`] refused entries. Each variant names the series and the
/// entry's effective date, so an administrator can see which row to correct.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RateEntryError {
    /// No entries were given for a series that has no table yet, so there is nothing to build.
    #[error("{series:?}: no entries for a series without a history")]
    NoEntries {
        /// The series.
        series: RateSeries,
    },
    /// The entry does not come after what the table already holds or confirms: entries are only
    /// appended, never inserted into or overwriting a history interest was computed on.
    #[error("{series:?}: an entry from {effective_from} must start after {known_through}")]
    NotAfterKnown {
        /// The series.
        series: RateSeries,
        /// The refused entry's effective date.
        effective_from: NaiveDate,
        /// The later of the last entry's effective date and the last confirmed day.
        known_through: NaiveDate,
    },
    /// A half-yearly series' entry does not start on 1 January or 1 July.
    #[error("{series:?}: {effective_from} is not 1 January or 1 July")]
    NotHalfYearStart {
        /// The series.
        series: RateSeries,
        /// The refused entry's effective date.
        effective_from: NaiveDate,
    },
    /// A half-yearly series' entry leaves out a half-year: each half-year's value is published
    /// even when unchanged, so a missing one is an omission, not "no change".
    #[error("{series:?}: expected the value for {expected}, got {effective_from}")]
    SkipsHalfYear {
        /// The series.
        series: RateSeries,
        /// The half-year start that should come next.
        expected: NaiveDate,
        /// The refused entry's effective date.
        effective_from: NaiveDate,
    },
    /// The rate lies outside [`MIN_ENTRY_RATE_PERCENT`]..=[`MAX_ENTRY_RATE_PERCENT`].
    #[error(
        "{series:?}: rate {rate_percent} % from {effective_from} is outside the accepted range"
    )]
    RateOutOfBounds {
        /// The series.
        series: RateSeries,
        /// The refused entry's effective date.
        effective_from: NaiveDate,
        /// The refused rate.
        rate_percent: Decimal,
    },
    /// The entry names no source; every figure in the tables must say where it comes from.
    #[error("{series:?}: the entry from {effective_from} has no source")]
    EmptySource {
        /// The series.
        series: RateSeries,
        /// The refused entry's effective date.
        effective_from: NaiveDate,
    },
    /// A date computation left chrono's range.
    #[error("date out of range")]
    DateOutOfRange,
}

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

    /// The table with `entries` (already checked by [`RateTables::with_entries`]) appended and the
    /// two horizons moved to the given days.
    fn appended(
        mut self,
        entries: Vec<RateEntry>,
        confirmed_through: NaiveDate,
        carried_forward_through: NaiveDate,
    ) -> RateTable {
        self.entries.extend(entries);
        self.confirmed_through = confirmed_through;
        self.carried_forward_through = carried_forward_through;
        self
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

    /// These tables with `entries` appended to the history of `series` (or, for a series without
    /// a table, forming its history), for a rate published after the release.
    ///
    /// Every entry must come after what the table holds or confirms (its last effective date and
    /// its `confirmed_through`), in strictly ascending order, with a rate between
    /// [`MIN_ENTRY_RATE_PERCENT`] and [`MAX_ENTRY_RATE_PERCENT`] and a source. For a
    /// [`Cadence::HalfYearly`] series each entry must be the value of the next half-year
    /// (1 January or 1 July, none left out).
    ///
    /// Entering a value confirms the table up to:
    /// - for a half-yearly series, the last day of the half-year the last entry starts, as the
    ///   value published for a half-year governs all of it (BGB s.247(1), BW 6:120(2));
    /// - otherwise the last entry's effective date: entering a decision asserts that no other
    ///   decision came before it. To confirm that a rate was held, enter it again with the day
    ///   of the decision that held it.
    ///
    /// The table answers at least to that day (`carried_forward_through` never moves back), so
    /// interest that was a gap for lack of the value is computed from then on. An empty
    /// `entries` leaves an existing table unchanged.
    ///
    /// # Errors
    /// [`RateEntryError`] for the first entry that breaks a rule. The tables are consumed either
    /// way (so the common case of building at start-up needs no copy); a caller that must keep
    /// serving the current tables after a refusal passes a clone.
    pub fn with_entries(
        mut self,
        series: RateSeries,
        entries: Vec<RateEntry>,
    ) -> Result<RateTables, RateEntryError> {
        let existing = self.tables.get(&series);
        let Some(last_new) = entries.last().map(|entry| entry.effective_from) else {
            return match existing {
                Some(_) => Ok(self),
                None => Err(RateEntryError::NoEntries { series }),
            };
        };
        let mut known_through = existing.map(|table| {
            let last = table.entries.last().map(|e| e.effective_from);
            last.map_or(table.confirmed_through, |last| {
                last.max(table.confirmed_through)
            })
        });
        let mut previous =
            existing.and_then(|table| table.entries.last().map(|e| e.effective_from));
        for entry in &entries {
            check_entry(series, entry, known_through, previous)?;
            known_through = Some(entry.effective_from);
            previous = Some(entry.effective_from);
        }
        let confirmed = match series.cadence() {
            Cadence::HalfYearly => next_half_year_start(last_new)
                .and_then(|next| next.pred_opt())
                .ok_or(RateEntryError::DateOutOfRange)?,
            Cadence::OnDecision => last_new,
        };
        let table = match self.tables.remove(&series) {
            Some(table) => {
                let confirmed = confirmed.max(table.confirmed_through);
                let carried = confirmed.max(table.carried_forward_through);
                table.appended(entries, confirmed, carried)
            }
            None => RateTable {
                series,
                entries,
                confirmed_through: confirmed,
                carried_forward_through: confirmed,
            },
        };
        self.insert(table);
        Ok(self)
    }

    /// The effective date of the last entry of `series`, or `None` when no table is loaded.
    #[must_use]
    pub fn last_effective(&self, series: RateSeries) -> Option<NaiveDate> {
        self.get(series)
            .and_then(|table| table.entries.last())
            .map(|entry| entry.effective_from)
    }

    /// The last day a source confirms the rate of `series` (after it lookups are provisional), or
    /// `None` when no table is loaded.
    #[must_use]
    pub fn confirmed_through(&self, series: RateSeries) -> Option<NaiveDate> {
        self.get(series).map(RateTable::confirmed_through)
    }

    /// The last observation day `series` answers at all (its `carried_forward_through`), or
    /// `None` when no table is loaded. A rule observing the series on a later day gets a gap.
    #[must_use]
    pub fn known_until(&self, series: RateSeries) -> Option<NaiveDate> {
        self.get(series).map(RateTable::carried_forward_through)
    }

    /// The first day from which some interest reading `series` can no longer be computed, or
    /// `None` when no table is loaded (it has then run out already).
    ///
    /// - [`Cadence::HalfYearly`] series are read on the first day of each half-year (BGB s.247
    ///   with s.288; BW 6:120(2)), so the series runs out on the first 1 January or 1 July whose
    ///   observation is not in the table, i.e. the first half-year start after
    ///   [`RateTables::known_until`]: with a horizon of 2026-12-31 that is 2027-01-01, and a horizon
    ///   of 2026-09-30 still covers all of 2026-H2 because its observation day 2026-07-01 is known.
    /// - Other series may be read on any day (the rate in force when interest starts, ZA), so they
    ///   run out the day after [`RateTables::known_until`]. Rules reading them on the last day
    ///   before a half-year (ES, GB) can in fact go on to the end of the next half-year; the
    ///   earliest day is given so the warning comes early enough for every rule.
    #[must_use]
    pub fn runs_out_on(&self, series: RateSeries) -> Option<NaiveDate> {
        let known_until = self.known_until(series)?;
        match series.cadence() {
            Cadence::HalfYearly => next_half_year_start(known_until),
            Cadence::OnDecision => known_until.succ_opt(),
        }
    }

    /// True when `series` runs out within [`RUN_OUT_WARNING_DAYS`] of `today` or has already run
    /// out, including when it is not loaded at all: the day a health check should warn that a
    /// series in use needs its next publication entered.
    #[must_use]
    pub fn is_running_out(&self, series: RateSeries, today: NaiveDate) -> bool {
        let Some(runs_out_on) = self.runs_out_on(series) else {
            return true;
        };
        today
            .checked_add_days(Days::new(RUN_OUT_WARNING_DAYS))
            .is_none_or(|warn_until| warn_until >= runs_out_on)
    }
}

/// Checks one entry for [`RateTables::with_entries`], given the day the history is known through
/// so far and the previous entry's effective date.
fn check_entry(
    series: RateSeries,
    entry: &RateEntry,
    known_through: Option<NaiveDate>,
    previous: Option<NaiveDate>,
) -> Result<(), RateEntryError> {
    let effective_from = entry.effective_from;
    if let Some(known_through) = known_through.filter(|known| effective_from <= *known) {
        return Err(RateEntryError::NotAfterKnown {
            series,
            effective_from,
            known_through,
        });
    }
    if series.cadence() == Cadence::HalfYearly {
        if !(effective_from.day() == 1 && matches!(effective_from.month(), 1 | 7)) {
            return Err(RateEntryError::NotHalfYearStart {
                series,
                effective_from,
            });
        }
        if let Some(previous) = previous {
            let expected = next_half_year_start(previous).ok_or(RateEntryError::DateOutOfRange)?;
            if effective_from != expected {
                return Err(RateEntryError::SkipsHalfYear {
                    series,
                    expected,
                    effective_from,
                });
            }
        }
    }
    if entry.rate_percent < MIN_ENTRY_RATE_PERCENT || entry.rate_percent > MAX_ENTRY_RATE_PERCENT {
        return Err(RateEntryError::RateOutOfBounds {
            series,
            effective_from,
            rate_percent: entry.rate_percent,
        });
    }
    if entry.source.trim().is_empty() {
        return Err(RateEntryError::EmptySource {
            series,
            effective_from,
        });
    }
    Ok(())
}

/// 1 January or 1 July after `day`, whichever comes first.
fn next_half_year_start(day: NaiveDate) -> Option<NaiveDate> {
    if day.month() <= 6 {
        NaiveDate::from_ymd_opt(day.year(), 7, 1)
    } else {
        NaiveDate::from_ymd_opt(day.year().checked_add(1)?, 1, 1)
    }
}
