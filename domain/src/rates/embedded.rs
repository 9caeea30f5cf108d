//! The rate histories compiled into Solvo, with how far each is confirmed.

use super::{RateDataError, RateSeries, RateTables, parse_rate_csv};
use chrono::NaiveDate;

/// The last day any embedded table answers. Up to it the last published rate of each series is
/// carried forward (lookups are marked provisional), unless its file stops earlier (the Norwegian
/// forsinkelsesrente and the Danish lending-rate fixings stop at their last verified half-year); after it interest that needs a reference rate
/// is a gap (`interest::InterestGap`) until the data files are updated or the new publication is
/// entered with [`RateTables::with_entries`]. Chosen as the end of the year the data set
/// was last reviewed (2026) so that quotes for the current year work while a stale deployment fails
/// loudly the next year instead of extrapolating.
pub const CARRY_FORWARD_THROUGH: NaiveDate = date(2026, 12, 31);

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(day) => day,
        None => panic!("invalid date in embedded rate metadata"),
    }
}

/// One embedded file and how far a source confirms it.
struct Embedded {
    series: RateSeries,
    text: &'static str,
    /// Why this date: see the comment lines at the top of each CSV file.
    confirmed_through: NaiveDate,
    /// The last day the table answers: [`CARRY_FORWARD_THROUGH`], or `confirmed_through` for a
    /// series whose later values were published but not verified, so that carrying the last one
    /// forward would knowingly price days at a rate that may have changed.
    carried_forward_through: NaiveDate,
}

const FILES: [Embedded; 12] = [
    Embedded {
        series: RateSeries::EcbMainRefinancing,
        text: include_str!("../../data/rates/ecb-mro.csv"),
        // The Governing Council kept the MRO rate at 2.15 % on 2026-02-05. No ECB text of a later
        // 2026 decision was found; a rise to 2.40 % decided on 2026-06-11 is reported only by
        // secondary pages (see the file header), so it is not shipped and 2.15 % stays provisional.
        confirmed_through: date(2026, 2, 5),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::DeBasiszinssatz,
        text: include_str!("../../data/rates/de-basiszins.csv"),
        // The value published for 2026-01-01 governs the half-year to 2026-06-30.
        confirmed_through: date(2026, 6, 30),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::BoeBankRate,
        text: include_str!("../../data/rates/boe-bank-rate.csv"),
        // Held at 3.75 % on 2026-06-18; the next decision was scheduled for 2026-07-30. Only the
        // February 2026 hold was read in the Bank's own words; the later holds rest on secondary
        // reports (see the file header).
        confirmed_through: date(2026, 7, 29),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::NlWettelijkeHandelsrente,
        text: include_str!("../../data/rates/nl-handelsrente.csv"),
        // The value for 2026-01-01 governs the half-year to 2026-06-30.
        confirmed_through: date(2026, 6, 30),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::NoForsinkelsesrente,
        text: include_str!("../../data/rates/no-forsinkelsesrente.csv"),
        // The regulation for 2025-01-01 governs the half-year to 2025-06-30. The rates for 2025-H2
        // and 2026-H1 were fixed but not verified, so the table stops there instead of carrying
        // 12.5 % forward; later days are a gap until an administrator enters the values.
        confirmed_through: date(2025, 6, 30),
        carried_forward_through: date(2025, 6, 30),
    },
    Embedded {
        series: RateSeries::AtBasiszinssatz,
        text: include_str!("../../data/rates/at-basiszinssatz.csv"),
        // Derived from the ECB series by the 1. Euro-JuBeG rule, so confirmed as far as that is.
        confirmed_through: date(2026, 2, 5),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::DkNationalbankLendingRate,
        text: include_str!("../../data/rates/dk-nationalbank-lending-rate.csv"),
        // The fixing of 2023-07-01 governs the half-year to 2023-12-31 (Renteloven s.5(1)). The
        // fixings from 2024-01-01 differ (the rate moved in September 2023 and from June 2024)
        // but were not verified, so the table stops there instead of carrying 3.25 % forward.
        confirmed_through: date(2023, 12, 31),
        carried_forward_through: date(2023, 12, 31),
    },
    Embedded {
        series: RateSeries::SeRiksbankReferenceRate,
        text: include_str!("../../data/rates/se-referensranta.csv"),
        // The value fixed for 2026-01-01 governs the half-year to 2026-06-30 (Räntelagen s.9).
        confirmed_through: date(2026, 6, 30),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::PlNbpReferenceRate,
        text: include_str!("../../data/rates/pl-nbp-reference.csv"),
        // The cut to 3.75 % in force on 2026-03-05 is the last decision found.
        confirmed_through: date(2026, 3, 5),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::CzCnbRepoRate,
        text: include_str!("../../data/rates/cz-cnb-repo.csv"),
        // The bank board kept the rate at 3.50 % on 2026-02-05, the last decision found.
        confirmed_through: date(2026, 2, 5),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::HuMnbBaseRate,
        text: include_str!("../../data/rates/hu-mnb-base-rate.csv"),
        // The cut to 6.25 % in force on 2026-02-25 is the last decision found.
        confirmed_through: date(2026, 2, 25),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
    Embedded {
        series: RateSeries::ZaPrescribedRate,
        text: include_str!("../../data/rates/za-prescribed-rate.csv"),
        // The repo rate was held on 2026-01-29; a decision at the next meeting (2026-03-26) could
        // move the prescribed rate only from 2026-05-01 (Act 55 of 1975 s.1(2)(c)).
        confirmed_through: date(2026, 3, 31),
        carried_forward_through: CARRY_FORWARD_THROUGH,
    },
];

impl RateTables {
    /// The rate histories shipped with Solvo, parsed from the embedded CSV files.
    ///
    /// Parsing is cheap; call it once at start-up and share the result.
    ///
    /// # Errors
    /// [`RateDataError`] if an embedded file is malformed, which the unit tests rule out for the
    /// files in this build.
    pub fn embedded() -> Result<RateTables, RateDataError> {
        let mut tables = RateTables::empty();
        for file in &FILES {
            tables.insert(parse_rate_csv(
                file.series,
                file.text,
                file.confirmed_through,
                file.carried_forward_through,
            )?);
        }
        Ok(tables)
    }
}
