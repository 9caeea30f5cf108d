//! Checks of the embedded data: it parses, and the series agree with the statutory formulas that
//! link them, so a typo in one file shows up as a disagreement with another.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn tables() -> RateTables {
    RateTables::embedded().expect("embedded rate data parses")
}

fn rate(series: RateSeries, on: NaiveDate) -> Decimal {
    tables()
        .get(series)
        .unwrap()
        .rate_on(on)
        .unwrap()
        .rate_percent
}

#[test]
fn the_embedded_rate_data_parses() {
    let tables = tables();

    for series in [
        RateSeries::EcbMainRefinancing,
        RateSeries::DeBasiszinssatz,
        RateSeries::BoeBankRate,
        RateSeries::NlWettelijkeHandelsrente,
    ] {
        let table = tables.get(series).expect("table present");
        assert!(table.entries().len() > 20, "{series:?}");
    }
}

#[test]
fn published_figures_are_read_as_published() {
    assert_eq!(
        rate(RateSeries::DeBasiszinssatz, day(2024, 1, 1)),
        dec!(3.62)
    );
    assert_eq!(
        rate(RateSeries::DeBasiszinssatz, day(2024, 12, 31)),
        dec!(3.37)
    );
    assert_eq!(rate(RateSeries::BoeBankRate, day(2023, 12, 31)), dec!(5.25));
    assert_eq!(
        rate(RateSeries::EcbMainRefinancing, day(2025, 7, 1)),
        dec!(2.15)
    );
    assert_eq!(
        rate(RateSeries::NlWettelijkeHandelsrente, day(2024, 3, 1)),
        dec!(12.50)
    );
}

#[test]
fn the_last_rate_is_carried_forward_to_the_end_of_2026_and_marked_provisional() {
    let ecb = tables()
        .get(RateSeries::EcbMainRefinancing)
        .cloned()
        .unwrap();

    let confirmed = ecb.rate_on(day(2026, 2, 5)).unwrap();
    let carried = ecb.rate_on(day(2026, 12, 31)).unwrap();

    assert!(!confirmed.provisional);
    assert_eq!(carried.rate_percent, dec!(2.15));
    assert!(carried.provisional);
    assert_eq!(ecb.rate_on(day(2027, 1, 1)), None);
}

#[test]
fn no_rate_is_known_before_a_series_starts() {
    let nl = tables()
        .get(RateSeries::NlWettelijkeHandelsrente)
        .cloned()
        .unwrap();

    assert_eq!(nl.rate_on(day(2013, 6, 30)), None);
    assert_eq!(
        nl.rate_on(day(2013, 7, 1)).unwrap().rate_percent,
        dec!(8.50)
    );
}

/// The MRO rate in force on the last day before the half-year starting on `start`.
fn mro_before(start: NaiveDate) -> Decimal {
    rate(RateSeries::EcbMainRefinancing, start.pred_opt().unwrap())
}

fn half_year_starts(from_year: i32) -> Vec<NaiveDate> {
    (from_year..=2026)
        .flat_map(|y| [day(y, 1, 1), day(y, 7, 1)])
        .collect()
}

#[test]
fn the_dutch_rate_equals_the_ecb_rate_before_each_half_year_plus_eight_points() {
    // BW 6:120(2): the rate of the most recent MRO before 1 January / 1 July, plus 8 pp.
    for start in half_year_starts(2014) {
        assert_eq!(
            rate(RateSeries::NlWettelijkeHandelsrente, start),
            mro_before(start) + dec!(8),
            "half-year starting {start}"
        );
    }
}

#[test]
fn each_basiszinssatz_change_equals_the_change_in_the_ecb_rate() {
    // BGB s.247(1): it moves by the change of the MRO rate of the last operation before the
    // half-year. Checked from 2009-07 on; before the 2008 switch to fixed-rate tenders the law read
    // the rate actually applied, which the minimum-bid series cannot reproduce.
    let starts = half_year_starts(2009);
    for pair in starts.windows(2).filter(|p| p[0] >= day(2009, 7, 1)) {
        let (previous, current) = (pair[0], pair[1]);
        let de_change = rate(RateSeries::DeBasiszinssatz, current)
            - rate(RateSeries::DeBasiszinssatz, previous);
        let ecb_change = mro_before(current) - mro_before(previous);
        assert_eq!(de_change, ecb_change, "half-year starting {current}");
        assert!(current.month() == 1 || current.month() == 7);
    }
}
