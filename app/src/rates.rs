//! The live reference-rate tables: the histories embedded in the release plus the rates the agency
//! entered since (`POST /v1/reference-rates/{series}/entries`), which every interest computation
//! reads.
//!
//! [`LiveRates`] is the shared handle. It is loaded from the database at start-up, swapped by the
//! node that stored a new entry, and reloaded by every scheduler pass, so the other nodes on one
//! PostgreSQL database see the entry within one scheduler interval. A computation takes
//! [`LiveRates::current`] once and works on that snapshot, so a swap never changes the rates in
//! the middle of one balance.
//!
//! Stored entries are only appended: [`add_entry`] validates a new one with
//! `RateTables::with_entries` against the embedded history and the entries stored before (after
//! the last known entry, each half-year in turn for half-yearly series, a plausible rate, a
//! source), and nothing updates or deletes a stored row. A wrong entry can be corrected only by a
//! later entry where the rules accept one (an ECB decision on a later day); a wrong half-yearly
//! value (the Basiszinssatz, BGB s.247) cannot be replaced through the API at all.

/// The stored entry a use case hands back, until typed storage replaces the row with a domain type.
pub use solvo_persistence::repositories::rate_entries::RateEntryRow;
use std::collections::BTreeMap;
use std::sync::{Arc, PoisonError, RwLock};

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use solvo_domain::interest::RateFormula;
use solvo_domain::jurisdiction;
use solvo_domain::permission::Permission;
use solvo_domain::rates::{
    MAX_ENTRY_RATE_PERCENT, MIN_ENTRY_RATE_PERCENT, RateEntry, RateEntryError, RateSeries,
    RateTables,
};
use solvo_persistence::repositories::rate_entries;
use solvo_persistence::{AnyConnection, PersistenceError};
use utoipa::ToSchema;
use validator::Validate;

use crate::db::Db;
use crate::error::{AppError, FieldError};
use crate::principal::Principal;

/// Longest `source` accepted, in characters.
pub const MAX_SOURCE_CHARS: usize = 1_000;

/// Most decimal places a rate may have: published reference rates have at most two.
pub const MAX_RATE_DECIMALS: u32 = 4;

/// A published rate as the agency administrator enters it.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"effective_date": "2027-01-01", "rate": "1.27", "source": "https://www.bundesbank.de/ (announcement of the Basiszinssatz)"}))]
pub struct AddRateEntry {
    /// First day the rate is in force, `YYYY-MM-DD`. It must come after every rate the series
    /// already knows; for a half-yearly series (Basiszinssatz, wettelijke handelsrente, Suomen
    /// Pankki reference rate) it is the next 1 January or 1 July, none left out.
    #[schema(example = "2027-01-01")]
    pub effective_date: NaiveDate,
    /// The rate in percent per year as a decimal string (`"1.27"` is 1.27 %), between -10 and 30.
    #[schema(example = "1.27")]
    pub rate: String,
    /// Where the rate was published (the announcement's address or the official journal).
    #[schema(
        example = "https://www.bundesbank.de/ (announcement of the Basiszinssatz)",
        min_length = 1,
        max_length = 1000
    )]
    pub source: String,
}

/// Who entered a stored rate and when, for the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AddedRate {
    /// The stored entry's id (`rte_…`).
    pub id: String,
    /// The user or API key that entered it.
    pub created_by: String,
    /// When it was entered.
    pub created_at: NaiveDateTime,
}

/// One state of the live tables: the rates and which of their entries the agency added.
#[derive(Debug, Clone, Default)]
pub struct RatesSnapshot {
    tables: Arc<RateTables>,
    added: BTreeMap<(RateSeries, NaiveDate), AddedRate>,
}

impl RatesSnapshot {
    /// The rates every computation uses.
    #[must_use]
    pub fn tables(&self) -> &Arc<RateTables> {
        &self.tables
    }

    /// Who added the entry of `series` effective on `effective_from`, or `None` when it came
    /// with the release.
    #[must_use]
    pub fn added(&self, series: RateSeries, effective_from: NaiveDate) -> Option<&AddedRate> {
        self.added.get(&(series, effective_from))
    }
}

/// The shared handle on the live tables; clones share one state.
#[derive(Debug, Clone)]
pub struct LiveRates {
    embedded: Arc<RateTables>,
    live: Arc<RwLock<Arc<RatesSnapshot>>>,
}

impl LiveRates {
    /// A handle on `embedded` with nothing added yet (call [`LiveRates::reload`] to add the stored
    /// entries).
    #[must_use]
    pub fn new(embedded: RateTables) -> Self {
        let embedded = Arc::new(embedded);
        let snapshot = RatesSnapshot {
            tables: Arc::clone(&embedded),
            added: BTreeMap::new(),
        };
        Self {
            embedded,
            live: Arc::new(RwLock::new(Arc::new(snapshot))),
        }
    }

    /// The rates to compute with now. Take it once per computation.
    #[must_use]
    pub fn current(&self) -> Arc<RateTables> {
        Arc::clone(&self.snapshot().tables)
    }

    /// The current state with the marks of the added entries, for the listing.
    #[must_use]
    pub fn snapshot(&self) -> Arc<RatesSnapshot> {
        // No code panics while holding the lock, and a snapshot is replaced whole, so a poisoned
        // lock still holds a consistent value.
        Arc::clone(&self.live.read().unwrap_or_else(PoisonError::into_inner))
    }

    /// The histories of the release, without anything added.
    #[must_use]
    pub fn embedded(&self) -> &RateTables {
        &self.embedded
    }

    /// Rebuilds the live tables from the embedded histories and `rows` (every stored entry) and
    /// swaps them in.
    pub fn apply(&self, rows: &[RateEntryRow]) {
        let snapshot = Arc::new(build(&self.embedded, rows));
        *self.live.write().unwrap_or_else(PoisonError::into_inner) = snapshot;
    }

    /// Reads every stored entry and swaps in the tables they give.
    ///
    /// # Errors
    /// Database errors; the current tables stay in use.
    pub fn reload(&self, conn: &mut AnyConnection) -> Result<(), AppError> {
        let rows = rate_entries::all(conn)?;
        self.apply(&rows);
        Ok(())
    }

    /// [`LiveRates::reload`] on a pooled connection, off the async executor.
    ///
    /// # Errors
    /// Database errors; the current tables stay in use.
    pub async fn reload_from(&self, db: &Db) -> Result<(), AppError> {
        let live = self.clone();
        db.read(move |conn| live.reload(conn)).await
    }
}

/// The embedded histories with the stored `rows` appended, series by series in date order.
///
/// A row the rules refuse is left out with a log line rather than stopping the server: after an
/// upgrade whose release embeds a rate the agency had entered, the stored row is superseded by
/// the release (logged at `info`); any other refusal means a row that should not have been
/// stored (logged at `warn`).
#[must_use]
pub fn build(embedded: &RateTables, rows: &[RateEntryRow]) -> RatesSnapshot {
    let mut ordered: Vec<&RateEntryRow> = rows.iter().collect();
    ordered.sort_by(|a, b| (&a.series, a.effective_date).cmp(&(&b.series, b.effective_date)));
    let mut tables = embedded.clone();
    let mut added = BTreeMap::new();
    for row in ordered {
        let Some(series) = RateSeries::from_id(&row.series) else {
            tracing::warn!(id = %row.id, series = %row.series, "stored rate entry of an unknown series left out");
            continue;
        };
        let Ok(rate_percent) = row.rate.trim().parse::<Decimal>() else {
            tracing::warn!(id = %row.id, rate = %row.rate, "stored rate entry with an unreadable rate left out");
            continue;
        };
        let entry = RateEntry {
            effective_from: row.effective_date,
            rate_percent,
            source: row.source.clone(),
        };
        match tables.clone().with_entries(series, vec![entry]) {
            Ok(extended) => {
                tables = extended;
                added.insert(
                    (series, row.effective_date),
                    AddedRate {
                        id: row.id.clone(),
                        created_by: row.created_by.clone(),
                        created_at: row.created_at,
                    },
                );
            }
            Err(err) if covered_by_release(embedded, series, row.effective_date) => {
                tracing::info!(id = %row.id, error = %err, "stored rate entry superseded by the embedded history");
            }
            Err(err) => {
                tracing::warn!(id = %row.id, error = %err, "stored rate entry refused by the rate rules, left out");
            }
        }
    }
    RatesSnapshot {
        tables: Arc::new(tables),
        added,
    }
}

/// True when the release itself already holds or confirms `series` on `day`.
fn covered_by_release(embedded: &RateTables, series: RateSeries, day: NaiveDate) -> bool {
    let last = embedded.last_effective(series);
    let confirmed = embedded.confirmed_through(series);
    last.max(confirmed).is_some_and(|known| day <= known)
}

/// Stores a published rate of the series named `series_id` after checking it against the
/// embedded history and the entries stored before, in the caller's transaction.
///
/// # Errors
/// [`AppError::Forbidden`] unless the caller may manage reference rates;
/// [`AppError::NotFound`] for an unknown series; [`AppError::Validation`] naming `effective_date`,
/// `rate` or `source` with what to change.
pub fn add_entry(
    conn: &mut AnyConnection,
    principal: &Principal,
    embedded: &RateTables,
    series_id: &str,
    command: &AddRateEntry,
    now: NaiveDateTime,
) -> Result<RateEntryRow, AppError> {
    principal.require(Permission::ManageReferenceRates)?;
    let series = RateSeries::from_id(series_id).ok_or(AppError::NotFound)?;
    let rate_percent = parse_rate(&command.rate)?;
    let source = command.source.trim().to_owned();
    if source.chars().count() > MAX_SOURCE_CHARS {
        return Err(AppError::invalid(
            "source",
            "too_long",
            format!("Shorten the source to at most {MAX_SOURCE_CHARS} characters."),
        ));
    }
    let stored = rate_entries::of_series(conn, series.id())?;
    let known = build(embedded, &stored);
    let entry = RateEntry {
        effective_from: command.effective_date,
        rate_percent,
        source: source.clone(),
    };
    (**known.tables())
        .clone()
        .with_entries(series, vec![entry])
        .map_err(|err| entry_refused(series, &err))?;
    let row = RateEntryRow {
        id: solvo_persistence::ids::new_id("rte"),
        series: series.id().to_owned(),
        effective_date: command.effective_date,
        rate: rate_percent.normalize().to_string(),
        source,
        created_by: principal.actor_id().to_owned(),
        created_at: now,
    };
    match rate_entries::insert(conn, &row) {
        Ok(()) => Ok(row),
        // A concurrent request stored the same date first (PostgreSQL, two nodes).
        Err(PersistenceError::Conflict(_)) => Err(AppError::invalid(
            "effective_date",
            "already_entered",
            format!(
                "{} already has a rate effective {}; stored rates are never replaced.",
                series.id(),
                command.effective_date
            ),
        )),
        Err(err) => Err(err.into()),
    }
}

fn parse_rate(raw: &str) -> Result<Decimal, AppError> {
    let invalid = |message: String| AppError::invalid("rate", "invalid_rate", message);
    let rate = raw.trim().parse::<Decimal>().map_err(|_| {
        invalid("Give the rate in percent as a decimal string, e.g. \"1.27\" for 1.27 %.".into())
    })?;
    if rate.normalize().scale() > MAX_RATE_DECIMALS {
        return Err(invalid(format!(
            "Give the rate with at most {MAX_RATE_DECIMALS} decimal places, as published."
        )));
    }
    Ok(rate)
}

/// The 422 for a refused entry: the field to change and what to change it to.
fn entry_refused(series: RateSeries, err: &RateEntryError) -> AppError {
    let id = series.id();
    let field = |field: &str, code: &str, message: String| {
        AppError::Validation(vec![FieldError::new(field, code, message)])
    };
    match err {
        RateEntryError::NotAfterKnown {
            effective_from,
            known_through,
            ..
        } => field(
            "effective_date",
            "not_after_known",
            format!(
                "{id} is already known through {known_through}, so a rate from {effective_from} \
                 would rewrite its history; enter a rate effective after {known_through}. Stored \
                 rates are never edited or deleted."
            ),
        ),
        RateEntryError::NotHalfYearStart { effective_from, .. } => field(
            "effective_date",
            "not_half_year_start",
            format!(
                "{id} is published for each half-year; use 1 January or 1 July instead of \
                 {effective_from}."
            ),
        ),
        RateEntryError::SkipsHalfYear {
            expected,
            effective_from,
            ..
        } => field(
            "effective_date",
            "skips_half_year",
            format!(
                "{id} needs the value for {expected} before the one for {effective_from}: each \
                 half-year is published even when unchanged, so enter {expected} first."
            ),
        ),
        RateEntryError::RateOutOfBounds { rate_percent, .. } => field(
            "rate",
            "rate_out_of_range",
            format!(
                "{rate_percent} % is outside {MIN_ENTRY_RATE_PERCENT} to \
                 {MAX_ENTRY_RATE_PERCENT} %; give the rate in percent (\"1.27\" for 1.27 %)."
            ),
        ),
        RateEntryError::EmptySource { .. } => field(
            "source",
            "required",
            "Say where the rate was published (the announcement's address or journal).".into(),
        ),
        RateEntryError::DateOutOfRange => field(
            "effective_date",
            "out_of_range",
            "Give a date between the years 1900 and 9999.".into(),
        ),
        RateEntryError::NoEntries { .. } => {
            AppError::internal(format!("no entry was passed for {id}"))
        }
    }
}

/// Every series some jurisdiction's statutory interest rule reads, in series order.
#[must_use]
pub fn series_in_use() -> Vec<RateSeries> {
    RateSeries::ALL
        .into_iter()
        .filter(|series| {
            jurisdiction::all().iter().any(|record| {
                record.interest.iter().any(|rule| {
                    matches!(rule.rate, RateFormula::Reference { series: used, .. } if used == *series)
                })
            })
        })
        .collect()
}

/// A series in use whose next publication must be entered soon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct RunningOut {
    /// The series id, e.g. `de_basiszinssatz`.
    #[schema(example = "de_basiszinssatz")]
    pub series: String,
    /// The first day some interest needing the series can no longer be computed (it is then a
    /// gap); absent when no history of the series is loaded at all.
    pub runs_out_on: Option<NaiveDate>,
    /// What to do, in a sentence.
    pub message: String,
}

/// The series in use that `RateTables::is_running_out` on `today`: within
/// `RUN_OUT_WARNING_DAYS` of running out, run out already, or never loaded.
#[must_use]
pub fn running_out(tables: &RateTables, today: NaiveDate) -> Vec<RunningOut> {
    series_in_use()
        .into_iter()
        .filter(|series| tables.is_running_out(*series, today))
        .map(|series| {
            let runs_out_on = tables.runs_out_on(series);
            let message = match runs_out_on {
                Some(day) => format!(
                    "{} runs out on {day}: enter its next publication with POST \
                     /v1/reference-rates/{}/entries before then, or interest from that day on \
                     is a gap.",
                    series.name(),
                    series.id()
                ),
                None => format!(
                    "No history of {} is loaded, so interest reading it is a gap; enter its \
                     publications with POST /v1/reference-rates/{}/entries.",
                    series.name(),
                    series.id()
                ),
            };
            RunningOut {
                series: series.id().to_owned(),
                runs_out_on,
                message,
            }
        })
        .collect()
}

/// Days from `today` to the day `series` runs out: 0 or less once interest needing it is a gap,
/// and 0 for a series without a loaded history.
#[must_use]
pub fn days_left(tables: &RateTables, series: RateSeries, today: NaiveDate) -> i64 {
    tables
        .runs_out_on(series)
        .map_or(0, |day| (day - today).num_days())
}

#[cfg(test)]
mod tests {

    use super::*;
    use rust_decimal_macros::dec;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    /// A stored row. The rates given to it are made up to exercise the rules, not publications.
    fn row(series: &str, effective: NaiveDate, rate: &str) -> RateEntryRow {
        RateEntryRow {
            id: format!("rte_{series}_{effective}"),
            series: series.to_owned(),
            effective_date: effective,
            rate: rate.to_owned(),
            source: "test".to_owned(),
            created_by: "usr_test".to_owned(),
            created_at: day(2026, 12, 1).and_hms_opt(9, 0, 0).unwrap(),
        }
    }

    fn live() -> LiveRates {
        LiveRates::new(RateTables::embedded().unwrap())
    }

    #[test]
    fn a_new_handle_serves_the_embedded_tables() {
        let live = live();
        assert_eq!(*live.current(), RateTables::embedded().unwrap());
        assert!(
            live.snapshot()
                .added(RateSeries::DeBasiszinssatz, day(2026, 1, 1))
                .is_none()
        );
    }

    #[test]
    fn stored_entries_extend_the_tables_and_every_clone_sees_the_swap() {
        let live = live();
        let other_handler = live.clone();
        let before = live.current();

        live.apply(&[
            row("de_basiszinssatz", day(2027, 1, 1), "1.52"),
            row("de_basiszinssatz", day(2026, 7, 1), "1.27"),
        ]);

        let now = other_handler.current();
        let lookup = now
            .get(RateSeries::DeBasiszinssatz)
            .unwrap()
            .rate_on(day(2027, 3, 31))
            .unwrap();
        assert_eq!(lookup.rate_percent, dec!(1.52));
        assert_eq!(
            now.runs_out_on(RateSeries::DeBasiszinssatz),
            Some(day(2027, 7, 1))
        );
        let added = other_handler
            .snapshot()
            .added(RateSeries::DeBasiszinssatz, day(2027, 1, 1))
            .cloned()
            .unwrap();
        assert_eq!(added.created_by, "usr_test");
        // A computation that took the tables before the swap keeps its snapshot.
        assert_eq!(
            before.known_until(RateSeries::DeBasiszinssatz),
            Some(day(2026, 12, 31))
        );
        assert_eq!(*live.embedded(), RateTables::embedded().unwrap());
    }

    #[test]
    fn refused_or_unreadable_rows_are_left_out_and_the_rest_still_applies() {
        let snapshot = build(
            &RateTables::embedded().unwrap(),
            &[
                // Already in the embedded history (as after an upgrade that ships it).
                row("de_basiszinssatz", day(2026, 1, 1), "1.27"),
                row("de_basiszinssatz", day(2026, 7, 1), "1.27"),
                row("libor", day(2026, 7, 1), "1.00"),
                row("boe_bank_rate", day(2026, 8, 1), "not a number"),
                row("boe_bank_rate", day(2026, 9, 17), "3.5"),
            ],
        );
        let tables = snapshot.tables();
        assert_eq!(
            tables.confirmed_through(RateSeries::DeBasiszinssatz),
            Some(day(2026, 12, 31))
        );
        assert!(
            snapshot
                .added(RateSeries::DeBasiszinssatz, day(2026, 1, 1))
                .is_none()
        );
        assert!(
            snapshot
                .added(RateSeries::DeBasiszinssatz, day(2026, 7, 1))
                .is_some()
        );
        assert_eq!(
            tables.last_effective(RateSeries::BoeBankRate),
            Some(day(2026, 9, 17))
        );
    }

    #[test]
    fn each_refusal_names_the_field_to_change() {
        let cases = [
            (
                RateEntryError::NotAfterKnown {
                    series: RateSeries::DeBasiszinssatz,
                    effective_from: day(2026, 1, 1),
                    known_through: day(2026, 6, 30),
                },
                "effective_date",
            ),
            (
                RateEntryError::SkipsHalfYear {
                    series: RateSeries::DeBasiszinssatz,
                    expected: day(2026, 7, 1),
                    effective_from: day(2027, 1, 1),
                },
                "effective_date",
            ),
            (
                RateEntryError::RateOutOfBounds {
                    series: RateSeries::DeBasiszinssatz,
                    effective_from: day(2026, 7, 1),
                    rate_percent: dec!(127),
                },
                "rate",
            ),
            (
                RateEntryError::EmptySource {
                    series: RateSeries::DeBasiszinssatz,
                    effective_from: day(2026, 7, 1),
                },
                "source",
            ),
        ];
        for (err, expected) in cases {
            let AppError::Validation(fields) = entry_refused(RateSeries::DeBasiszinssatz, &err)
            else {
                panic!("{err:?} is not a validation error");
            };
            assert_eq!(fields[0].field, expected, "{err:?}");
        }
        assert!(parse_rate("1,27").is_err());
        assert!(parse_rate("1.27001").is_err());
        assert_eq!(parse_rate(" 1.27 ").unwrap(), dec!(1.27));
    }

    #[test]
    fn a_series_in_use_is_warned_about_thirty_days_before_it_runs_out() {
        let tables = RateTables::embedded().unwrap();
        let in_use = series_in_use();
        assert!(in_use.contains(&RateSeries::DeBasiszinssatz));
        assert!(in_use.contains(&RateSeries::EcbMainRefinancing));

        let warned = |today| -> Vec<String> {
            running_out(&tables, today)
                .into_iter()
                .map(|w| w.series)
                .collect()
        };
        assert!(!warned(day(2026, 12, 1)).contains(&"de_basiszinssatz".to_owned()));
        let december = running_out(&tables, day(2026, 12, 2));
        let de = december
            .iter()
            .find(|w| w.series == "de_basiszinssatz")
            .unwrap();
        assert_eq!(de.runs_out_on, Some(day(2027, 1, 1)));
        assert_eq!(
            days_left(&tables, RateSeries::DeBasiszinssatz, day(2026, 12, 2)),
            30
        );
        // The Danish fixings stop with 2023-H2: runs out on 2024-01-01, 731 (2024, 2025) + 335
        // (2026-01-01 to 2026-12-02) = 1,066 days before; a series without history has 0.
        assert_eq!(
            days_left(
                &tables,
                RateSeries::DkNationalbankLendingRate,
                day(2026, 12, 2)
            ),
            -1066
        );
        assert_eq!(
            days_left(&tables, RateSeries::FiReferenceRate, day(2026, 12, 2)),
            0
        );
    }
}
