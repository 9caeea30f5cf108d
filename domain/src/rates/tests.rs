//! Checks of the embedded data: it parses, and the series agree with the statutory formulas that
//! link them, so a typo in one file shows up as a disagreement with another.

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
    // One value per half-year from 2002-07-01 to 2026-01-01; seventeen changes from 2009-05-13.
    assert_eq!(
        tables
            .get(RateSeries::SeRiksbankReferenceRate)
            .map(|t| t.entries().len()),
        Some(48)
    );
    assert_eq!(
        tables
            .get(RateSeries::AtBasiszinssatz)
            .map(|t| t.entries().len()),
        Some(17)
    );
    // The rate in force on 2020-01-01 and the 23 decisions after it, to 2026-03-05.
    assert_eq!(
        tables
            .get(RateSeries::PlNbpReferenceRate)
            .map(|t| t.entries().len()),
        Some(24)
    );
    // The rate in force on 2014-01-01 (from 2012-11-02) and the 31 changes after it, to 2025-05-09.
    assert_eq!(
        tables
            .get(RateSeries::CzCnbRepoRate)
            .map(|t| t.entries().len()),
        Some(32)
    );
    // The rate in force on 2014-01-01 (from 2013-12-18) and the 46 changes after it, to 2026-02-25.
    assert_eq!(
        tables
            .get(RateSeries::HuMnbBaseRate)
            .map(|t| t.entries().len()),
        Some(47)
    );
    // One row for each prescribed rate from 2016-03-01 to the one in force from 2026-01-01.
    assert_eq!(
        tables
            .get(RateSeries::ZaPrescribedRate)
            .map(|t| t.entries().len()),
        Some(27)
    );
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

/// An entry as an administrator would type it. The rates given to it in the tests below for days
/// after the embedded data are made up to exercise the checks; they are not publications.
fn entry(effective_from: NaiveDate, rate_percent: Decimal) -> RateEntry {
    RateEntry {
        effective_from,
        rate_percent,
        source: "entered by an agency administrator from the publication".to_owned(),
    }
}

#[test]
fn the_horizons_of_the_embedded_tables_are_readable() {
    let tables = tables();

    assert_eq!(
        tables.last_effective(RateSeries::DeBasiszinssatz),
        Some(day(2026, 1, 1))
    );
    assert_eq!(
        tables.confirmed_through(RateSeries::DeBasiszinssatz),
        Some(day(2026, 6, 30))
    );
    assert_eq!(
        tables.known_until(RateSeries::DeBasiszinssatz),
        Some(day(2026, 12, 31))
    );
    assert_eq!(
        tables.runs_out_on(RateSeries::DeBasiszinssatz),
        Some(day(2027, 1, 1))
    );
    assert_eq!(
        tables.runs_out_on(RateSeries::EcbMainRefinancing),
        Some(day(2027, 1, 1))
    );
    assert_eq!(tables.last_effective(RateSeries::FiReferenceRate), None);
    assert_eq!(tables.runs_out_on(RateSeries::FiReferenceRate), None);
    // The Danish fixings stop with 2023-H2, so the series ran out on 2024-01-01.
    assert_eq!(
        tables.last_effective(RateSeries::DkNationalbankLendingRate),
        Some(day(2023, 7, 1))
    );
    assert_eq!(
        tables.runs_out_on(RateSeries::DkNationalbankLendingRate),
        Some(day(2024, 1, 1))
    );
}

#[test]
fn a_half_yearly_series_runs_out_on_the_next_half_year_observation_it_lacks() {
    // A horizon inside 2026-H2 still answers that half-year's observation day, 2026-07-01.
    let half_yearly = RateTable::new(
        RateSeries::DeBasiszinssatz,
        vec![entry(day(2026, 7, 1), dec!(1.27))],
        day(2026, 9, 30),
        day(2026, 9, 30),
    )
    .unwrap();
    let on_decision = RateTable::new(
        RateSeries::EcbMainRefinancing,
        vec![entry(day(2026, 7, 1), dec!(2.15))],
        day(2026, 9, 30),
        day(2026, 9, 30),
    )
    .unwrap();
    let mut tables = RateTables::empty();
    tables.insert(half_yearly);
    tables.insert(on_decision);

    assert_eq!(
        tables.runs_out_on(RateSeries::DeBasiszinssatz),
        Some(day(2027, 1, 1))
    );
    assert_eq!(
        tables.runs_out_on(RateSeries::EcbMainRefinancing),
        Some(day(2026, 10, 1))
    );
}

#[test]
fn a_health_check_warns_thirty_days_before_a_series_runs_out() {
    let tables = tables();

    assert!(!tables.is_running_out(RateSeries::DeBasiszinssatz, day(2026, 12, 1)));
    assert!(tables.is_running_out(RateSeries::DeBasiszinssatz, day(2026, 12, 2)));
    assert!(tables.is_running_out(RateSeries::DeBasiszinssatz, day(2027, 3, 31)));
    assert!(tables.is_running_out(RateSeries::DkNationalbankLendingRate, day(2026, 1, 1)));
    assert!(tables.is_running_out(RateSeries::FiReferenceRate, day(2026, 1, 1)));
}

#[test]
fn published_basiszinssatz_values_extend_the_table_and_confirm_their_half_years() {
    let tables = tables()
        .with_entries(
            RateSeries::DeBasiszinssatz,
            vec![
                entry(day(2026, 7, 1), dec!(1.27)),
                entry(day(2027, 1, 1), dec!(1.02)),
            ],
        )
        .unwrap();
    let table = tables.get(RateSeries::DeBasiszinssatz).unwrap();

    // The value for 2027-01-01 governs 2027-H1 (BGB s.247(1)); 1.02 % is a made-up figure.
    assert_eq!(table.confirmed_through(), day(2027, 6, 30));
    assert_eq!(table.carried_forward_through(), day(2027, 6, 30));
    let lookup = table.rate_on(day(2027, 3, 31)).unwrap();
    assert_eq!(lookup.rate_percent, dec!(1.02));
    assert!(!lookup.provisional);
    assert!(!table.rate_on(day(2026, 8, 1)).unwrap().provisional);
    assert_eq!(table.rate_on(day(2027, 7, 1)), None);
    assert_eq!(
        tables.runs_out_on(RateSeries::DeBasiszinssatz),
        Some(day(2027, 7, 1))
    );
    // The embedded history is untouched.
    assert_eq!(
        table.entries().len(),
        tables_entries(RateSeries::DeBasiszinssatz) + 2
    );
}

fn tables_entries(series: RateSeries) -> usize {
    tables().get(series).unwrap().entries().len()
}

#[test]
fn a_decision_confirms_the_series_up_to_its_day_and_never_shortens_the_horizon() {
    let tables = tables()
        .with_entries(
            RateSeries::EcbMainRefinancing,
            vec![entry(day(2026, 4, 30), dec!(2.40))],
        )
        .unwrap();
    let table = tables.get(RateSeries::EcbMainRefinancing).unwrap();

    assert_eq!(table.confirmed_through(), day(2026, 4, 30));
    assert_eq!(table.carried_forward_through(), day(2026, 12, 31));
    assert_eq!(
        table.rate_on(day(2026, 4, 29)).unwrap().rate_percent,
        dec!(2.15)
    );
    let carried = table.rate_on(day(2026, 7, 1)).unwrap();
    assert_eq!(carried.rate_percent, dec!(2.40));
    assert!(carried.provisional);
}

#[test]
fn entries_that_would_rewrite_a_known_history_are_refused() {
    // 2026-01-01 collides with the embedded entry; 2026-01-15 lies before the ECB decision of
    // 2026-02-05 that confirmed 2.15 %.
    assert_eq!(
        tables().with_entries(
            RateSeries::DeBasiszinssatz,
            vec![entry(day(2026, 1, 1), dec!(1.27))]
        ),
        Err(RateEntryError::NotAfterKnown {
            series: RateSeries::DeBasiszinssatz,
            effective_from: day(2026, 1, 1),
            known_through: day(2026, 6, 30),
        })
    );
    assert_eq!(
        tables().with_entries(
            RateSeries::EcbMainRefinancing,
            vec![entry(day(2026, 1, 15), dec!(2.40))]
        ),
        Err(RateEntryError::NotAfterKnown {
            series: RateSeries::EcbMainRefinancing,
            effective_from: day(2026, 1, 15),
            known_through: day(2026, 2, 5),
        })
    );
    // Entries out of order among themselves.
    assert!(matches!(
        tables().with_entries(
            RateSeries::EcbMainRefinancing,
            vec![
                entry(day(2026, 6, 1), dec!(2.40)),
                entry(day(2026, 5, 1), dec!(2.65)),
            ]
        ),
        Err(RateEntryError::NotAfterKnown { .. })
    ));
}

#[test]
fn a_half_yearly_series_takes_only_the_next_half_years_in_turn() {
    assert_eq!(
        tables().with_entries(
            RateSeries::DeBasiszinssatz,
            vec![entry(day(2027, 1, 1), dec!(1.02))]
        ),
        Err(RateEntryError::SkipsHalfYear {
            series: RateSeries::DeBasiszinssatz,
            expected: day(2026, 7, 1),
            effective_from: day(2027, 1, 1),
        })
    );
    assert_eq!(
        tables().with_entries(
            RateSeries::NlWettelijkeHandelsrente,
            vec![entry(day(2026, 7, 15), dec!(10.15))]
        ),
        Err(RateEntryError::NotHalfYearStart {
            series: RateSeries::NlWettelijkeHandelsrente,
            effective_from: day(2026, 7, 15),
        })
    );
}

#[test]
fn implausible_rates_and_missing_sources_are_refused() {
    assert_eq!(
        tables().with_entries(
            RateSeries::DeBasiszinssatz,
            vec![entry(day(2026, 7, 1), dec!(127))]
        ),
        Err(RateEntryError::RateOutOfBounds {
            series: RateSeries::DeBasiszinssatz,
            effective_from: day(2026, 7, 1),
            rate_percent: dec!(127),
        })
    );
    assert!(matches!(
        tables().with_entries(
            RateSeries::BoeBankRate,
            vec![entry(day(2026, 8, 1), dec!(-10.01))]
        ),
        Err(RateEntryError::RateOutOfBounds { .. })
    ));
    let mut unsourced = entry(day(2026, 7, 30), dec!(3.5));
    unsourced.source = " ".to_owned();
    assert_eq!(
        tables().with_entries(RateSeries::BoeBankRate, vec![unsourced]),
        Err(RateEntryError::EmptySource {
            series: RateSeries::BoeBankRate,
            effective_from: day(2026, 7, 30),
        })
    );
}

#[test]
fn a_series_without_history_can_be_given_one() {
    // The Suomen Pankki series is the one left without embedded history; half-yearly, so the
    // first entry is a half-year's value and confirms that half-year. 1.53 is made up.
    let tables = tables()
        .with_entries(
            RateSeries::FiReferenceRate,
            vec![entry(day(2025, 1, 1), dec!(1.53))],
        )
        .unwrap();

    let table = tables.get(RateSeries::FiReferenceRate).unwrap();
    assert_eq!(table.confirmed_through(), day(2025, 6, 30));
    assert_eq!(
        table.rate_on(day(2025, 3, 12)).unwrap().rate_percent,
        dec!(1.53)
    );
    assert_eq!(
        RateTables::empty().with_entries(RateSeries::FiReferenceRate, Vec::new()),
        Err(RateEntryError::NoEntries {
            series: RateSeries::FiReferenceRate
        })
    );
    assert_eq!(
        RateTables::embedded()
            .unwrap()
            .with_entries(RateSeries::DeBasiszinssatz, Vec::new()),
        Ok(RateTables::embedded().unwrap())
    );
}

#[test]
fn the_austrian_basiszinssatz_follows_the_ecb_rate_in_steps_of_at_least_half_a_point() {
    // 1. Euro-JuBeG Art. I s.1 with BGBl. II 27/1999 as amended by BGBl. II 309/2002: the
    // Basiszinssatz moves by the change of the MRO rate since its own last change, on the day that
    // rate takes effect, once the change reaches 0.5 pp. Recomputed from the ECB file from the
    // first (OeNB-published) entry, every later entry must come out exactly.
    let tables = tables();
    let ecb = tables.get(RateSeries::EcbMainRefinancing).unwrap();
    let austria = tables.get(RateSeries::AtBasiszinssatz).unwrap();
    let first = &austria.entries()[0];
    let mut basis = first.rate_percent;
    let mut since = ecb.rate_on(first.effective_from).unwrap().rate_percent;
    let mut expected = vec![(first.effective_from, basis)];
    for entry in ecb
        .entries()
        .iter()
        .filter(|e| e.effective_from > first.effective_from)
    {
        let change = entry.rate_percent - since;
        if change.abs() >= dec!(0.5) {
            basis += change;
            since = entry.rate_percent;
            expected.push((entry.effective_from, basis));
        }
    }

    let shipped: Vec<(NaiveDate, Decimal)> = austria
        .entries()
        .iter()
        .map(|e| (e.effective_from, e.rate_percent))
        .collect();
    assert_eq!(shipped, expected);
    assert_eq!(austria.confirmed_through(), ecb.confirmed_through());
}

#[test]
fn austrian_and_swedish_figures_are_read_as_published() {
    // OeNB: -0.62 % from 2016-03-16; 3.88 % to 3.03 % on 2024-09-18; 2.53 % from 2024-12-18.
    assert_eq!(
        rate(RateSeries::AtBasiszinssatz, day(2016, 3, 16)),
        dec!(-0.62)
    );
    assert_eq!(
        rate(RateSeries::AtBasiszinssatz, day(2024, 9, 17)),
        dec!(3.88)
    );
    assert_eq!(
        rate(RateSeries::AtBasiszinssatz, day(2024, 9, 18)),
        dec!(3.03)
    );
    assert_eq!(
        rate(RateSeries::AtBasiszinssatz, day(2024, 12, 18)),
        dec!(2.53)
    );
    // Riksbank: 4.50 % for 2002-H2 (the first value), 3.50 % for 2023-H2.
    assert_eq!(
        rate(RateSeries::SeRiksbankReferenceRate, day(2002, 7, 1)),
        dec!(4.50)
    );
    assert_eq!(
        rate(RateSeries::SeRiksbankReferenceRate, day(2023, 12, 31)),
        dec!(3.50)
    );
}

/// Every day a rule of `code` on `series` reads, from the half-year of `from` to the end of the
/// series' confirmed range, has a confirmed rate, and the entries are in date order.
fn assert_series_covers(code: &'static str, series: RateSeries, from: NaiveDate) {
    let jurisdiction =
        crate::jurisdiction::find(crate::jurisdiction::JurisdictionCode::from_static(code))
            .unwrap();
    assert!(jurisdiction.interest.iter().any(|rule| matches!(
        rule.rate,
        crate::interest::RateFormula::Reference { series: read, .. } if read == series
    )));
    let table = tables().get(series).cloned().unwrap();
    assert!(
        table
            .entries()
            .windows(2)
            .all(|pair| pair[0].effective_from < pair[1].effective_from)
    );
    let first_half_year = day(from.year(), if from.month() <= 6 { 1 } else { 7 }, 1);
    for observed in half_year_starts(from.year())
        .into_iter()
        .filter(|d| *d >= first_half_year && *d <= table.confirmed_through())
    {
        let lookup = table.rate_on(observed).unwrap();
        assert!(!lookup.provisional, "{code} {observed}");
    }
}

#[test]
fn the_austrian_series_covers_every_half_year_its_rule_reads() {
    // UGB s.456 applies to contracts from 2013-03-16, so 2013-01-01 is its first observation day.
    assert_series_covers("AT", RateSeries::AtBasiszinssatz, day(2013, 3, 16));
    let rule = crate::jurisdiction::find(crate::jurisdiction::JurisdictionCode::from_static("AT"))
        .unwrap()
        .interest[0];
    assert_eq!(rule.applies_to.from, Some(day(2013, 3, 16)));
}

#[test]
fn the_swedish_series_has_a_value_for_every_half_year_since_it_replaced_the_discount_rate() {
    // Räntelagen s.9: fixed for each half-year from 2002-07-01; a half-year left out would be an
    // omission, so each start has its own entry, and there is none before.
    assert_series_covers("SE", RateSeries::SeRiksbankReferenceRate, day(2002, 7, 1));
    let table = tables()
        .get(RateSeries::SeRiksbankReferenceRate)
        .cloned()
        .unwrap();
    let starts: Vec<NaiveDate> = table.entries().iter().map(|e| e.effective_from).collect();
    let expected: Vec<NaiveDate> = half_year_starts(2002)
        .into_iter()
        .filter(|d| *d >= day(2002, 7, 1) && *d <= day(2026, 1, 1))
        .collect();
    assert_eq!(starts, expected);
    assert_eq!(table.rate_on(day(2002, 6, 30)), None);
    assert_eq!(table.confirmed_through(), day(2026, 6, 30));
}

#[test]
fn the_polish_series_covers_every_half_year_since_its_rule_applies() {
    // Ustawa z 8 marca 2013 r. art. 4 pkt 3 lit. b and art. 11b: from 2020-01-01, the reference rate
    // in force on 1 January / 1 July.
    assert_series_covers("PL", RateSeries::PlNbpReferenceRate, day(2020, 1, 1));
    let table = tables()
        .get(RateSeries::PlNbpReferenceRate)
        .cloned()
        .unwrap();
    assert_eq!(table.confirmed_through(), day(2026, 3, 5));
    // NBP: 1.50 % from 2015-03-05 (in force on 2020-01-01), 0.10 % from 2020-05-29 (M.P. 2020
    // poz. 1212 for 2021-H1), 6.75 % from 2022-09-08, 5.75 % from 2023-10-05 to 2025-05-07.
    assert_eq!(
        rate(RateSeries::PlNbpReferenceRate, day(2020, 1, 1)),
        dec!(1.50)
    );
    assert_eq!(
        rate(RateSeries::PlNbpReferenceRate, day(2021, 1, 1)),
        dec!(0.10)
    );
    assert_eq!(
        rate(RateSeries::PlNbpReferenceRate, day(2023, 1, 1)),
        dec!(6.75)
    );
    assert_eq!(
        rate(RateSeries::PlNbpReferenceRate, day(2025, 5, 7)),
        dec!(5.75)
    );
    assert_eq!(
        rate(RateSeries::PlNbpReferenceRate, day(2026, 1, 1)),
        dec!(4.00)
    );
}

#[test]
fn the_czech_series_covers_every_half_year_since_its_rule_applies() {
    // Nařízení vlády 351/2013 Sb. s.2: from 2014-01-01, the repo rate for the first day of the
    // half-year in which the default began.
    assert_series_covers("CZ", RateSeries::CzCnbRepoRate, day(2014, 1, 1));
    let table = tables().get(RateSeries::CzCnbRepoRate).cloned().unwrap();
    assert_eq!(table.confirmed_through(), day(2026, 2, 5));
    // ČNB: 0.05 % from 2012-11-02 (the statutory 8.05 % of 2014-2017), 1.00 % from 2018-06-28
    // (9.00 % for 2018-H2), 7.00 % from 2022-06-23 (15.00 % from 2022-07-01), 6.75 % from
    // 2023-12-22, 4.00 % by November 2024, 3.50 % from 2025-05-09.
    for (on, expected) in [
        (day(2014, 1, 1), dec!(0.05)),
        (day(2017, 7, 1), dec!(0.05)),
        (day(2018, 7, 1), dec!(1.00)),
        (day(2022, 7, 1), dec!(7.00)),
        (day(2023, 12, 21), dec!(7.00)),
        (day(2024, 1, 1), dec!(6.75)),
        (day(2024, 7, 1), dec!(4.75)),
        (day(2025, 1, 1), dec!(4.00)),
        (day(2025, 7, 1), dec!(3.50)),
        (day(2026, 1, 1), dec!(3.50)),
    ] {
        assert_eq!(rate(RateSeries::CzCnbRepoRate, on), expected, "{on}");
    }
    assert_eq!(table.rate_on(day(2012, 11, 1)), None);
}

#[test]
fn the_hungarian_series_covers_every_half_year_since_the_civil_code_applies() {
    // Ptk. 6:155(1) (Act V of 2013, in force from 2014-03-15): the base rate valid on the first day
    // of the half-year.
    assert_series_covers("HU", RateSeries::HuMnbBaseRate, day(2014, 3, 15));
    let table = tables().get(RateSeries::HuMnbBaseRate).cloned().unwrap();
    assert_eq!(table.confirmed_through(), day(2026, 2, 25));
    // MNB: 3.00 % from 2013-12-18, 0.90 % from 2016-05-25 to 2020-06-23, 13.00 % from 2022-09-28
    // to 2023-10-24, 10.75 % on 2024-01-01 (the January 2024 release's previous rate), 7.00 % from
    // 2024-06-19, 6.50 % from September 2024 to 2026-02-24, 6.25 % from 2026-02-25.
    for (on, expected) in [
        (day(2014, 1, 1), dec!(3.00)),
        (day(2014, 7, 1), dec!(2.30)),
        (day(2017, 1, 1), dec!(0.90)),
        (day(2020, 7, 1), dec!(0.75)),
        (day(2023, 1, 1), dec!(13.00)),
        (day(2023, 7, 1), dec!(13.00)),
        (day(2024, 1, 1), dec!(10.75)),
        (day(2024, 7, 1), dec!(7.00)),
        (day(2025, 1, 1), dec!(6.50)),
        (day(2026, 1, 1), dec!(6.50)),
        (day(2026, 2, 25), dec!(6.25)),
    ] {
        assert_eq!(rate(RateSeries::HuMnbBaseRate, on), expected, "{on}");
    }
    assert_eq!(table.rate_on(day(2013, 12, 17)), None);
}

#[test]
fn the_south_african_series_takes_effect_on_the_first_day_of_the_second_month_after_each_repo_change()
 {
    // Prescribed Rate of Interest Act 55 of 1975 s.1(2)(c): every change takes effect on the first
    // day of a month; the rate governs from the day interest begins to run, so every day from the
    // first row to confirmed_through must have a confirmed rate.
    assert_series_covers("ZA", RateSeries::ZaPrescribedRate, day(2016, 7, 1));
    let table = tables().get(RateSeries::ZaPrescribedRate).cloned().unwrap();
    assert_eq!(table.confirmed_through(), day(2026, 3, 31));
    assert!(table.entries().iter().all(|e| e.effective_from.day() == 1));
    assert_eq!(table.rate_on(day(2016, 2, 29)), None);
    // GN 266 of 2016: 10.25 % from 2016-03-01; GN 435 of 2018: 10 % from 2018-05-01; the
    // Minister's notice of 26 June 2020: 8.75 % from 2020-05-01; the May 2023 repo rise to 8.25 %
    // first counts on 2023-07-01 (11.75 %); the November 2025 cut to 6.75 % on 2026-01-01.
    for (on, expected) in [
        (day(2016, 3, 1), dec!(10.25)),
        (day(2018, 4, 30), dec!(10.25)),
        (day(2018, 5, 1), dec!(10.00)),
        (day(2020, 5, 31), dec!(8.75)),
        (day(2021, 6, 30), dec!(7.00)),
        (day(2023, 6, 30), dec!(11.25)),
        (day(2023, 7, 1), dec!(11.75)),
        (day(2024, 10, 31), dec!(11.75)),
        (day(2025, 12, 31), dec!(10.50)),
        (day(2026, 3, 31), dec!(10.25)),
    ] {
        let lookup = table.rate_on(on).unwrap();
        assert_eq!(lookup.rate_percent, expected, "{on}");
        assert!(!lookup.provisional, "{on}");
    }
}

#[test]
fn the_norwegian_series_holds_only_the_half_year_read_in_the_ministrys_regulation() {
    // FOR-2024-12-19-3279 s.1: forsinkelsesrenten 12,5 prosent p.a. from 2025-01-01, repealed
    // from 2025-07-01. 2024-H2 and 2025-H2 were not verified, so nothing before or after that
    // half-year is answered: the table is not carried forward to the general horizon.
    assert_series_covers("NO", RateSeries::NoForsinkelsesrente, day(2025, 1, 1));
    let tables = tables();
    let table = tables
        .get(RateSeries::NoForsinkelsesrente)
        .cloned()
        .unwrap();
    let starts: Vec<(NaiveDate, Decimal)> = table
        .entries()
        .iter()
        .map(|e| (e.effective_from, e.rate_percent))
        .collect();
    assert_eq!(starts, vec![(day(2025, 1, 1), dec!(12.5))]);
    assert!(
        table
            .entries()
            .iter()
            .all(|e| e.source.starts_with("verified-from-source ") && e.source.contains("lovdata"))
    );
    assert_eq!(table.rate_on(day(2024, 12, 31)), None);
    let june = table.rate_on(day(2025, 6, 30)).unwrap();
    assert_eq!(june.rate_percent, dec!(12.5));
    assert!(!june.provisional);
    assert_eq!(table.rate_on(day(2025, 7, 1)), None);
    assert_eq!(table.confirmed_through(), day(2025, 6, 30));
    assert_eq!(table.carried_forward_through(), day(2025, 6, 30));
    assert_eq!(
        tables.runs_out_on(RateSeries::NoForsinkelsesrente),
        Some(day(2025, 7, 1))
    );
    assert!(tables.is_running_out(RateSeries::NoForsinkelsesrente, day(2025, 6, 1)));
}

#[test]
fn the_norwegian_series_takes_the_next_half_years_regulations_in_turn() {
    // Forsinkelsesrenteloven s.3: one regulation per half-year, effective 1 January / 1 July, so
    // the next entry must be 2025-07-01. The 12.25 % below is made up to exercise the checks.
    assert_eq!(
        RateSeries::NoForsinkelsesrente.cadence(),
        Cadence::HalfYearly
    );
    assert_eq!(
        tables().with_entries(
            RateSeries::NoForsinkelsesrente,
            vec![entry(day(2026, 1, 1), dec!(12.25))]
        ),
        Err(RateEntryError::SkipsHalfYear {
            series: RateSeries::NoForsinkelsesrente,
            expected: day(2025, 7, 1),
            effective_from: day(2026, 1, 1),
        })
    );
    let extended = tables()
        .with_entries(
            RateSeries::NoForsinkelsesrente,
            vec![entry(day(2025, 7, 1), dec!(12.25))],
        )
        .unwrap();
    let table = extended.get(RateSeries::NoForsinkelsesrente).unwrap();
    assert_eq!(table.confirmed_through(), day(2025, 12, 31));
    assert_eq!(table.carried_forward_through(), day(2025, 12, 31));
    assert_eq!(table.rate_on(day(2026, 1, 1)), None);
}

#[test]
fn the_danish_series_holds_the_lending_rate_fixed_on_each_1_january_and_1_july_to_2023_h2() {
    // Renteloven s.5(1) reads the lending rate in force on 1 January / 1 July. The rows are the
    // published morarente minus the margin (forbrug.dk): 7.7 - 7 = 0.70 (2012-H1), 7.45 - 7 = 0.45
    // (2012-H2), 7.20 - 7 = 0.20 (2013-H1; 8.20 - 8 from 1 March), 8.20 - 8 = 0.20 (2013-H2 to
    // 2015-H1), 8.05 - 8 = 0.05 (2015-H2 to 2021-H1), 7.65 - 8 = -0.35 (2021-H2), 7.55 - 8 = -0.45
    // (2022-H1 and H2), 9.90 - 8 = 1.90 (2023-H1), 11.25 - 8 = 3.25 (2023-H2).
    assert_series_covers("DK", RateSeries::DkNationalbankLendingRate, day(2012, 1, 1));
    assert_eq!(
        RateSeries::DkNationalbankLendingRate.cadence(),
        Cadence::HalfYearly
    );
    let tables = tables();
    let table = tables
        .get(RateSeries::DkNationalbankLendingRate)
        .cloned()
        .unwrap();
    let mut expected = vec![(day(2012, 1, 1), dec!(0.70)), (day(2012, 7, 1), dec!(0.45))];
    let mut push = |from: (i32, u32), to: (i32, u32), rate: Decimal| {
        let mut on = day(from.0, from.1, 1);
        while on <= day(to.0, to.1, 1) {
            expected.push((on, rate));
            on = if on.month() == 1 {
                day(on.year(), 7, 1)
            } else {
                day(on.year() + 1, 1, 1)
            };
        }
    };
    push((2013, 1), (2015, 1), dec!(0.20));
    push((2015, 7), (2021, 1), dec!(0.05));
    push((2021, 7), (2021, 7), dec!(-0.35));
    push((2022, 1), (2022, 7), dec!(-0.45));
    push((2023, 1), (2023, 1), dec!(1.90));
    push((2023, 7), (2023, 7), dec!(3.25));
    let starts: Vec<(NaiveDate, Decimal)> = table
        .entries()
        .iter()
        .map(|e| (e.effective_from, e.rate_percent))
        .collect();
    assert_eq!(starts, expected);
    assert_eq!(starts.len(), 24);
    assert!(table.entries().iter().all(
        |e| e.source.starts_with("derived-from-verified: ") && e.source.contains("forbrug.dk")
    ));
    assert_eq!(table.rate_on(day(2011, 12, 31)), None);
    let december = table.rate_on(day(2023, 12, 31)).unwrap();
    assert_eq!(december.rate_percent, dec!(3.25));
    assert!(!december.provisional);
    // The 2024-01-01 fixing is not verified: no 3.25 % carried into 2024.
    assert_eq!(table.rate_on(day(2024, 1, 1)), None);
    assert_eq!(table.confirmed_through(), day(2023, 12, 31));
    assert_eq!(table.carried_forward_through(), day(2023, 12, 31));
}

#[test]
fn the_danish_series_takes_the_next_fixings_half_year_by_half_year() {
    // The next entry must be the 2024-01-01 fixing; 3.10 % below is made up for the checks.
    assert_eq!(
        tables().with_entries(
            RateSeries::DkNationalbankLendingRate,
            vec![entry(day(2024, 3, 8), dec!(3.10))]
        ),
        Err(RateEntryError::NotHalfYearStart {
            series: RateSeries::DkNationalbankLendingRate,
            effective_from: day(2024, 3, 8),
        })
    );
    let extended = tables()
        .with_entries(
            RateSeries::DkNationalbankLendingRate,
            vec![entry(day(2024, 1, 1), dec!(3.10))],
        )
        .unwrap();
    let table = extended.get(RateSeries::DkNationalbankLendingRate).unwrap();
    assert_eq!(table.confirmed_through(), day(2024, 6, 30));
    assert_eq!(table.rate_on(day(2024, 7, 1)), None);
}
