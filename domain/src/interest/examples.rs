//! Worked examples with figures computed by hand (base x rate x days / 36 500, rounded to the
//! cent), using the jurisdiction data and the embedded rate tables.

use super::*;
use crate::jurisdiction::{self, JurisdictionCode};
use crate::money::{Currency, Money};
use crate::rates::{RateSeries, RateTables};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

pub(super) fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub(super) fn money(amount: Decimal, currency: Currency) -> Money {
    Money::new(amount, currency).unwrap()
}

/// The rule of `code` for a claim dated `claim_date`.
pub(super) fn rule(code: &'static str, claim_date: NaiveDate) -> &'static InterestRule {
    jurisdiction::find(JurisdictionCode::from_static(code))
        .and_then(|j| j.interest_rule_for(claim_date))
        .expect("jurisdiction has an interest rule")
}

fn tables() -> RateTables {
    RateTables::embedded().unwrap()
}

fn eur(amount: Decimal) -> Money {
    money(amount, Currency::EUR)
}

#[test]
fn german_interest_over_2024_is_split_where_the_basiszinssatz_changed() {
    // Arrange: EUR 10,000 overdue for all of 2024, an obligation from after July 2014.
    let rule = rule("DE", day(2023, 6, 1));
    let balance = BalanceSchedule::constant(eur(dec!(10000)));

    // Act
    let result = statutory_interest(
        rule,
        &tables(),
        &balance,
        day(2024, 1, 1),
        day(2025, 1, 1),
        None,
    )
    .unwrap();

    // Assert: 182 days at 3.62 + 9 = 12.62 %, then 184 days at 3.37 + 9 = 12.37 %.
    let summary: Vec<(i64, Decimal, Decimal)> = result
        .lines
        .iter()
        .map(|l| (l.days, l.rate_percent, l.amount.amount()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (182, dec!(12.62), dec!(629.27)),
            (184, dec!(12.37), dec!(623.58))
        ]
    );
    assert_eq!(result.lines[1].from, day(2024, 7, 1));
    assert_eq!(result.total, eur(dec!(1252.85)));
    assert!(result.lines[0].legal_basis.contains("BGB s.288(2)"));
    assert!(!result.is_provisional());
}

#[test]
fn a_german_obligation_from_before_the_2014_reform_bears_eight_points() {
    let rule = rule("DE", day(2014, 7, 28));

    let result = statutory_interest(
        rule,
        &tables(),
        &BalanceSchedule::constant(eur(dec!(10000))),
        day(2024, 1, 1),
        day(2024, 7, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.lines[0].rate_percent, dec!(11.62));
}

#[test]
fn a_part_payment_splits_the_line_and_lowers_the_base() {
    // Arrange: EUR 4,000 of principal paid on 2024-04-01.
    let balance = BalanceSchedule::new(
        eur(dec!(10000)),
        vec![BalanceChange {
            on: day(2024, 4, 1),
            delta: eur(dec!(-4000)),
        }],
    )
    .unwrap();

    // Act
    let result = statutory_interest(
        rule("DE", day(2023, 1, 1)),
        &tables(),
        &balance,
        day(2024, 1, 1),
        day(2024, 7, 1),
        None,
    )
    .unwrap();

    // Assert: 91 days on 10,000 and 91 days on 6,000, both at 12.62 %.
    let amounts: Vec<Decimal> = result.lines.iter().map(|l| l.amount.amount()).collect();
    assert_eq!(amounts, vec![dec!(314.64), dec!(188.78)]);
    assert_eq!(result.lines[1].base, eur(dec!(6000)));
    assert_eq!(result.total, eur(dec!(503.42)));
}

#[test]
fn dutch_commercial_interest_is_added_to_the_base_after_each_year() {
    // Arrange: EUR 10,000 from 2023-07-01 for two years.
    let rule = rule("NL", day(2023, 7, 1));
    let balance = BalanceSchedule::constant(eur(dec!(10000)));

    // Act
    let result = statutory_interest(
        rule,
        &tables(),
        &balance,
        day(2023, 7, 1),
        day(2025, 7, 1),
        None,
    )
    .unwrap();

    // Assert: year one 184 days at 12 % + 182 days at 12.5 % = 1,228.22; year two runs on
    // 11,228.22: 184 days at 12.25 % and 181 days at 11.15 %.
    let summary: Vec<(Decimal, Decimal, Decimal)> = result
        .lines
        .iter()
        .map(|l| (l.base.amount(), l.rate_percent, l.amount.amount()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (dec!(10000), dec!(12.00), dec!(604.93)),
            (dec!(10000), dec!(12.50), dec!(623.29)),
            (dec!(11228.22), dec!(12.25), dec!(693.38)),
            (dec!(11228.22), dec!(11.15), dec!(620.83)),
        ]
    );
    assert_eq!(result.total, eur(dec!(2542.43)));
}

#[test]
fn english_interest_is_fixed_at_the_bank_rate_before_the_half_year_it_started_in() {
    // Arrange: interest starts 2024-03-01; Bank Rate on 31 December 2023 was 5.25 %, so 13.25 %
    // for the life of the debt although Bank Rate fell on 2024-08-01.
    let rule = rule("GB-ENG", day(2024, 3, 1));
    let balance = BalanceSchedule::constant(money(dec!(10000), Currency::GBP));

    // Act
    let result = statutory_interest(
        rule,
        &tables(),
        &balance,
        day(2024, 3, 1),
        day(2025, 3, 1),
        None,
    )
    .unwrap();

    // Assert: one line of 365 days at 13.25 %.
    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.lines[0].days, 365);
    assert_eq!(result.lines[0].rate_percent, dec!(13.25));
    assert_eq!(result.total, money(dec!(1325), Currency::GBP));
}

#[test]
fn english_debts_overdue_in_the_second_half_of_2026_use_bank_rate_on_30_june_2026() {
    let rule = rule("GB-ENG", day(2026, 7, 15));

    let result = statutory_interest(
        rule,
        &tables(),
        &BalanceSchedule::constant(money(dec!(1000), Currency::GBP)),
        day(2026, 7, 15),
        day(2026, 8, 15),
        None,
    )
    .unwrap();

    // 3.75 + 8: Bank Rate was held at 3.75 % on 18 June 2026.
    assert_eq!(result.lines[0].rate_percent, dec!(11.75));
    assert!(!result.is_provisional());
}

#[test]
fn belgian_rates_are_rounded_up_to_the_next_half_point() {
    // ECB 2.15 + 8 = 10.15, published as 10.50 % for 2026-H1.
    let rule = rule("BE", day(2020, 1, 1));

    let result = statutory_interest(
        rule,
        &tables(),
        &BalanceSchedule::constant(eur(dec!(10000))),
        day(2026, 1, 1),
        day(2026, 7, 1),
        None,
    )
    .unwrap();

    assert_eq!(result.lines[0].rate_percent, dec!(10.5));
    assert_eq!(result.total, eur(dec!(520.68)));
}

#[test]
fn rates_carried_past_their_confirmation_are_marked_provisional() {
    // The ECB rate on 30 June 2026 is carried forward from 2.15 %, confirmed only to 5 February.
    let result = statutory_interest(
        rule("ES", day(2024, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(1000))),
        day(2026, 6, 1),
        day(2026, 8, 1),
        None,
    )
    .unwrap();

    let flags: Vec<bool> = result.lines.iter().map(|l| l.provisional).collect();
    assert_eq!(flags, vec![false, true]);
}

#[test]
fn an_agreed_rate_replaces_the_statutory_rate_and_needs_no_split() {
    let result = statutory_interest(
        rule("DE", day(2023, 1, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(10000))),
        day(2024, 1, 1),
        day(2025, 1, 1),
        Some(dec!(5)),
    )
    .unwrap();

    assert_eq!(result.lines.len(), 1);
    assert_eq!(result.total, eur(dec!(501.37)));
    assert_eq!(
        result.lines[0].legal_basis,
        "contractual rate agreed by the parties"
    );
}

#[test]
fn in_switzerland_an_agreed_rate_below_five_percent_does_not_apply() {
    let rule = rule("CH", day(2024, 1, 1));
    let balance = BalanceSchedule::constant(money(dec!(1000), Currency::CHF));
    let period = (day(2025, 1, 1), day(2026, 1, 1));

    let lower = statutory_interest(
        rule,
        &RateTables::empty(),
        &balance,
        period.0,
        period.1,
        Some(dec!(3)),
    )
    .unwrap();
    let higher = statutory_interest(
        rule,
        &RateTables::empty(),
        &balance,
        period.0,
        period.1,
        Some(dec!(8)),
    )
    .unwrap();

    assert_eq!(lower.total, money(dec!(50), Currency::CHF));
    assert_eq!(higher.total, money(dec!(80), Currency::CHF));
}

#[test]
fn ecb_based_rules_reproduce_the_published_national_rates() {
    // Published: SI 10.5 % (2023-H1) and 12.25 % (2024-H2); MT 10.15 % (2026-H1); IT 4.25 + 8 (2024-H2).
    let cases = [
        ("SI", day(2023, 3, 1), dec!(10.5)),
        ("SI", day(2024, 9, 1), dec!(12.25)),
        ("MT", day(2026, 2, 1), dec!(10.15)),
        ("IT", day(2024, 9, 1), dec!(12.25)),
    ];
    for (code, on, expected) in cases {
        let result = statutory_interest(
            rule(code, day(2020, 1, 1)),
            &tables(),
            &BalanceSchedule::constant(eur(dec!(1000))),
            on,
            on + chrono::Days::new(1),
            None,
        )
        .unwrap();
        assert_eq!(result.lines[0].rate_percent, expected, "{code} {on}");
    }
}

#[test]
fn a_german_balance_into_2027_keeps_the_interest_of_2026_and_names_the_missing_basiszinssatz() {
    // Arrange: EUR 10,000.00 due 2025-12-31, an obligation from after July 2014, so BGB s.288(2)
    // gives the Basiszinssatz + 9 points and BGB s.247 fixes the Basiszinssatz per half-year.
    // Embedded Basiszinssatz (Deutsche Bundesbank):
    // - 1.27 % from 2025-07-01 (Bundesbank announcement for 1 July 2025);
    // - 1.27 % from 2026-01-01 (Bundesbank announcement "Basiszinssatz bleibt unveraendert bei
    //   1,27 %" for 1 January 2026), confirmed for 2026-H1;
    // - no entry for 2026-07-01: the 1.27 % is carried forward to the data horizon 2026-12-31
    //   and marked provisional;
    // - nothing for 2027-01-01, the observation day of 2027-H1.
    let rule = rule("DE", day(2025, 12, 31));
    let balance = BalanceSchedule::constant(eur(dec!(10000.00)));
    let from = day(2026, 1, 1);

    // Act: as of 2026-12-31 and as of 2027-03-31 (periods are half-open, so `to` is the day after).
    let year_end =
        statutory_interest(rule, &tables(), &balance, from, day(2027, 1, 1), None).unwrap();
    let march = statutory_interest(rule, &tables(), &balance, from, day(2027, 4, 1), None).unwrap();

    // Assert, by hand at 1.27 + 9 = 10.27 %:
    // 2026-01-01..2026-07-01, 181 days: 10,000 x 10.27 x 181 / 36,500 = 509.2795 -> 509.28;
    // 2026-07-01..2027-01-01, 184 days: 10,000 x 10.27 x 184 / 36,500 = 517.7205 -> 517.72
    // (provisional); total 1,027.00.
    let summary: Vec<(NaiveDate, NaiveDate, i64, Decimal, Decimal, bool)> = year_end
        .lines
        .iter()
        .map(|l| {
            (
                l.from,
                l.to,
                l.days,
                l.rate_percent,
                l.amount.amount(),
                l.provisional,
            )
        })
        .collect();
    assert_eq!(
        summary,
        vec![
            (
                day(2026, 1, 1),
                day(2026, 7, 1),
                181,
                dec!(10.27),
                dec!(509.28),
                false
            ),
            (
                day(2026, 7, 1),
                day(2027, 1, 1),
                184,
                dec!(10.27),
                dec!(517.72),
                true
            ),
        ]
    );
    assert_eq!(year_end.total, eur(dec!(1027.00)));
    assert_eq!(year_end.gap, None);

    // The lines to 2026-12-31 survive unchanged; 2027-01-01..2027-04-01 (90 days) is the gap.
    assert_eq!(march.lines, year_end.lines);
    assert_eq!(march.total, eur(dec!(1027.00)));
    assert_eq!(
        march.gap,
        Some(InterestGap {
            from: day(2027, 1, 1),
            to: day(2027, 4, 1),
            days: 90,
            reason: MissingRate::Reference {
                series: crate::rates::RateSeries::DeBasiszinssatz,
                observed_on: day(2027, 1, 1),
            },
        })
    );
}

#[test]
fn danish_claims_due_before_march_2013_keep_seven_points_and_later_ones_carry_eight() {
    // Renteloven s.5(1): lending rate + 8 pp for claims due from 1 March 2013, + 7 pp for claims
    // due 1 August 2002 - 28 February 2013, also for days after 1 March 2013. The embedded
    // lending rate fixed on 2013-01-01 is 0.20 % (forbrug.dk: 7.20 % = 0.20 + 7; 8.20 % = 0.20 + 8).
    let tables = tables();
    let interest = |due: NaiveDate, from: NaiveDate, to: NaiveDate| {
        statutory_interest(
            rule("DK", due),
            &tables,
            &BalanceSchedule::constant(dkk(dec!(10000))),
            from,
            to,
            None,
        )
        .unwrap()
    };

    // Due 2013-02-15, 28 days from 2013-03-16: 10 000 x 7.20 x 28 / 36 500 = 55.23.
    let old = interest(day(2013, 2, 15), day(2013, 3, 16), day(2013, 4, 13));
    // Due 2013-03-15, the same 28 days: 10 000 x 8.20 x 28 / 36 500 = 62.90.
    let new = interest(day(2013, 3, 15), day(2013, 3, 16), day(2013, 4, 13));

    assert_eq!(
        (old.lines[0].rate_percent, old.total),
        (dec!(7.20), dkk(dec!(55.23)))
    );
    assert_eq!(
        (new.lines[0].rate_percent, new.total),
        (dec!(8.20), dkk(dec!(62.90)))
    );
    assert!(
        jurisdiction::find(JurisdictionCode::from_static("DK"))
            .and_then(|dk| dk.interest_rule_for(day(2002, 7, 31)))
            .is_none()
    );
}

#[test]
fn finnish_commercial_rates_are_the_ecb_rate_rounded_up_to_a_half_point_plus_eight() {
    // Korkolaki s.12: the ECB rate of the last main refinancing operation before 1 January / 1 July,
    // rounded up to the next half point; s.4 a: + 8 pp. Suomen Pankki announced 8.5 % for 2014-H1
    // (MRO 0.25 -> 0.5), 10.5 % for 2023-H1 (MRO 2.50), 12.5 % for 2024-H1 (MRO 4.50) and 10.5 %
    // for 2026-H1 (MRO 2.15 -> 2.5).
    let cases = [
        (day(2014, 2, 1), dec!(8.5)),
        (day(2023, 2, 1), dec!(10.5)),
        (day(2024, 2, 1), dec!(12.5)),
        (day(2026, 2, 1), dec!(10.5)),
    ];
    for (on, expected) in cases {
        let result = statutory_interest(
            rule("FI", day(2014, 1, 1)),
            &tables(),
            &BalanceSchedule::constant(eur(dec!(1000))),
            on,
            on + chrono::Days::new(1),
            None,
        )
        .unwrap();
        assert_eq!(result.lines[0].rate_percent, expected, "{on}");
    }

    // EUR 10,000 from 2024-01-01 to 2024-07-01, 182 days at 12.5 %: 10,000 x 12.5 x 182 / 36,500
    // = 623.29.
    let half_year = statutory_interest(
        rule("FI", day(2023, 12, 31)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(10000))),
        day(2024, 1, 1),
        day(2024, 7, 1),
        None,
    )
    .unwrap();
    assert_eq!(half_year.total, eur(dec!(623.29)));
}

#[test]
fn portugal_reads_the_last_ecb_operation_before_the_semester_starts() {
    // Código Comercial art. 102 §5: the rate of the ECB's most recent main refinancing operation
    // made before 1 January / 1 July, + 8 pp. DGTF published 8.5 % for 2013-H2 (MRO 0.50 since
    // 2013-05-08), 8.15 % for 2014-H2 (0.15 since 2014-06-11) and 8.05 % for 2015-H1 (0.05 since
    // 2014-09-10).
    for (on, expected) in [
        (day(2013, 9, 1), dec!(8.5)),
        (day(2014, 9, 1), dec!(8.15)),
        (day(2015, 2, 1), dec!(8.05)),
    ] {
        let result = statutory_interest(
            rule("PT", day(2014, 1, 1)),
            &tables(),
            &BalanceSchedule::constant(eur(dec!(1000))),
            on,
            on + chrono::Days::new(1),
            None,
        )
        .unwrap();
        assert_eq!(result.lines[0].rate_percent, expected, "{on}");
    }

    // No ECB change ever took effect on 1 January or 1 July, so a table with one that does shows
    // the difference: 2.00 % up to 30 June, 3.00 % from 1 July. The second semester bears
    // 2.00 + 8 = 10 %: EUR 10,000 x 10 x 31 / 36,500 = 84.93 for July.
    let ecb = crate::rates::RateTable::new(
        RateSeries::EcbMainRefinancing,
        vec![
            crate::rates::RateEntry {
                effective_from: day(2025, 6, 11),
                rate_percent: dec!(2.00),
                source: "supplied for the test".to_owned(),
            },
            crate::rates::RateEntry {
                effective_from: day(2025, 7, 1),
                rate_percent: dec!(3.00),
                source: "supplied for the test".to_owned(),
            },
        ],
        day(2025, 12, 31),
        day(2025, 12, 31),
    )
    .unwrap();
    let mut supplied = RateTables::empty();
    supplied.insert(ecb);
    let july = statutory_interest(
        rule("PT", day(2025, 6, 30)),
        &supplied,
        &BalanceSchedule::constant(eur(dec!(10000))),
        day(2025, 7, 1),
        day(2025, 8, 1),
        None,
    )
    .unwrap();
    assert_eq!(
        (july.lines[0].rate_percent, july.total),
        (dec!(10.00), eur(dec!(84.93)))
    );
}

/// The lines of `result` as (days, rate, amount).
fn days_rates_amounts(result: &InterestBreakdown) -> Vec<(i64, Decimal, Decimal)> {
    result
        .lines
        .iter()
        .map(|l| (l.days, l.rate_percent, l.amount.amount()))
        .collect()
}

#[test]
fn austrian_interest_reads_the_basiszinssatz_on_the_first_day_of_each_half_year() {
    // UGB s.456: Basiszinssatz + 9.2 pp, the value on 1 January / 1 July governing the half-year.
    // OeNB: 3.88 % from 2023-09-20, so 13.08 % for 2024-H2; the cut to 3.03 % on 2024-09-18 waits
    // for 2025-01-01, when 2.53 % (from 2024-12-18) gives 11.73 %.
    // 10 000 x 13.08 x 184 / 36 500 = 659.375 -> 659.38; 10 000 x 11.73 x 181 / 36 500 = 581.679.
    let result = statutory_interest(
        rule("AT", day(2024, 6, 1)),
        &tables(),
        &BalanceSchedule::constant(eur(dec!(10000))),
        day(2024, 7, 1),
        day(2025, 7, 1),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![
            (184, dec!(13.08), dec!(659.38)),
            (181, dec!(11.73), dec!(581.68))
        ]
    );
    assert_eq!(result.lines[1].from, day(2025, 1, 1));
    assert_eq!(result.total, eur(dec!(1241.06)));
    assert!(result.is_complete());
    assert!(!result.is_provisional());
}

#[test]
fn an_austrian_contract_from_before_the_2013_act_has_no_encoded_rule() {
    // Zahlungsverzugsgesetz (BGBl. I 50/2013): the 9.2 pp of UGB s.456 is for contracts from
    // 16 March 2013; the 8 pp of the repealed UGB s.352 is not encoded.
    let austria = jurisdiction::find(JurisdictionCode::from_static("AT")).unwrap();

    assert!(austria.interest_rule_for(day(2013, 3, 15)).is_none());
    assert!(austria.interest_rule_for(day(2013, 3, 16)).is_some());
}

#[test]
fn swedish_interest_is_the_half_yearly_reference_rate_plus_eight_points() {
    // Räntelagen s.6 and s.9; Riksbank: 2.50 % for 2023-H1, 3.50 % for 2023-H2.
    // 10 000 x 10.50 x 181 / 36 500 = 520.685 -> 520.68; 10 000 x 11.50 x 184 / 36 500 = 579.726.
    let result = statutory_interest(
        rule("SE", day(2022, 12, 1)),
        &tables(),
        &BalanceSchedule::constant(money(dec!(10000), Currency::SEK)),
        day(2023, 1, 1),
        day(2024, 1, 1),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![
            (181, dec!(10.50), dec!(520.68)),
            (184, dec!(11.50), dec!(579.73))
        ]
    );
    assert_eq!(result.total, money(dec!(1100.41), Currency::SEK));
    assert!(result.is_complete());
}

#[test]
fn polish_interest_is_the_reference_rate_on_the_half_years_first_day_plus_ten_points() {
    // Ustawa z 8 marca 2013 r. art. 4 pkt 3 lit. b, art. 11b. NBP: 6.75 % from 2022-09-08, so
    // 16.75 % for 2023-H1; the cut to 6.00 % on 2023-09-07 first counts on 2024-01-01, when 5.75 %
    // (from 2023-10-05) gives 15.75 %; 2023-H2 reads 6.75 % on 2023-07-01, so all of 2023 is one
    // line. 10 000 x 16.75 x 365 / 36 500 = 1 675.00; 10 000 x 15.75 x 182 / 36 500 = 785.342.
    let result = statutory_interest(
        rule("PL", day(2022, 12, 1)),
        &tables(),
        &BalanceSchedule::constant(money(dec!(10000), Currency::PLN)),
        day(2023, 1, 1),
        day(2024, 7, 1),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![
            (365, dec!(16.75), dec!(1675.00)),
            (182, dec!(15.75), dec!(785.34))
        ]
    );
    assert_eq!(result.lines[1].from, day(2024, 1, 1));
    assert_eq!(result.total, money(dec!(2460.34), Currency::PLN));
    assert!(result.is_complete());
}

#[test]
fn czech_interest_is_fixed_for_the_whole_default_at_the_repo_rate_of_its_half_years_first_day() {
    // Nařízení vlády 351/2013 Sb. s.2: the repo rate for the first day of the calendar half-year in
    // which the default began + 8 pp, for the whole default. ČNB: 6.75 % from 2023-12-22, so a
    // default from 2024-05-10 owes 14.75 % throughout, although the rate was 5.25 % that day and
    // fell to 4.00 % before the end. 10 May to 31 December 2024: 22 days in May, 30 + 31 + 31 + 30
    // + 31 + 30 for June to November, 31 in December = 236 days;
    // 100 000 x 14.75 x 236 / 36 500 = 9 536.986 -> 9 536.99.
    let result = statutory_interest(
        rule("CZ", day(2024, 5, 10)),
        &tables(),
        &BalanceSchedule::constant(money(dec!(100000), Currency::CZK)),
        day(2024, 5, 10),
        day(2025, 1, 1),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![(236, dec!(14.75), dec!(9536.99))]
    );
    assert_eq!(result.total, money(dec!(9536.99), Currency::CZK));
    assert!(result.is_complete());
    assert!(!result.is_provisional());
}

#[test]
fn hungarian_interest_is_the_base_rate_on_the_half_years_first_day_plus_eight_points() {
    // Ptk. 6:155(1). MNB: 10.75 % on 2024-01-01 (from 2023-12-20), so 18.75 % for 2024-H1, though
    // the rate fell every month from 31 January; 7.00 % on 2024-07-01 (from 2024-06-19), so 15.00 %
    // for 2024-H2. 1 000 000 x 18.75 x 182 / 36 500 = 93 493.150 -> 93 493.15;
    // 1 000 000 x 15.00 x 184 / 36 500 = 75 616.438 -> 75 616.44.
    let result = statutory_interest(
        rule("HU", day(2023, 12, 1)),
        &tables(),
        &BalanceSchedule::constant(money(dec!(1000000), Currency::HUF)),
        day(2024, 1, 1),
        day(2025, 1, 1),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![
            (182, dec!(18.75), dec!(93493.15)),
            (184, dec!(15.00), dec!(75616.44))
        ]
    );
    assert_eq!(result.lines[1].from, day(2024, 7, 1));
    assert_eq!(result.total, money(dec!(169109.59), Currency::HUF));
    assert!(result.is_complete());
    assert!(!result.is_provisional());
}

#[test]
fn south_african_interest_is_the_prescribed_rate_as_at_the_day_interest_begins_to_run() {
    // Prescribed Rate of Interest Act 55 of 1975 s.1(1) and (2)(c): 11.25 % from 2023-05-01; the
    // repo rise of 25 May 2023 (to 8.25 %) moves it to 11.75 % only from 2023-07-01, and a debt on
    // which interest began on 2023-06-15 keeps 11.25 % for as long as it runs. 15 June 2023 to
    // 15 June 2024 is 366 days (29 February 2024 included):
    // 100 000 x 11.25 x 366 / 36 500 = 11 280.822 -> 11 280.82.
    let zar = Currency::parse("ZAR").unwrap();
    let result = statutory_interest(
        rule("ZA", day(2023, 6, 15)),
        &tables(),
        &BalanceSchedule::constant(money(dec!(100000), zar)),
        day(2023, 6, 15),
        day(2024, 6, 15),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![(366, dec!(11.25), dec!(11280.82))]
    );
    assert_eq!(result.total, money(dec!(11280.82), zar));
    assert!(result.is_complete());
    assert!(!result.is_provisional());
}

fn nok(amount: Decimal) -> Money {
    money(amount, Currency::NOK)
}

#[test]
fn norwegian_interest_is_the_ministrys_half_year_rate_with_no_margin_added() {
    // Arrange: NOK 100,000.00 due 2025-01-15, at the rate Finansdepartementet fixed for the
    // half-year under Forsinkelsesrenteloven s.3: 12.5 % for 2025-H1 (FOR-2024-12-19-3279 s.1).
    // Simple, actual/365 (the rule's day count), no margin on top of the published rate.
    let rule = rule("NO", day(2025, 1, 15));

    // Act: interest from the day after the due date, as of 2025-03-15 (half-open, so `to` is
    // the day after).
    let result = statutory_interest(
        rule,
        &tables(),
        &BalanceSchedule::constant(nok(dec!(100000.00))),
        day(2025, 1, 16),
        day(2025, 3, 16),
        None,
    )
    .unwrap();

    // Assert, by hand: 16 (16-31 Jan) + 28 (Feb) + 15 (1-15 Mar) = 59 days (counting from the due
    // date to 2025-03-14 gives the same 59); 100,000 x 12.5 x 59 / 36,500 = 73,750,000 / 36,500
    // = 2,020.5479... -> NOK 2,020.55.
    assert_eq!(
        days_rates_amounts(&result),
        vec![(59, dec!(12.5), dec!(2020.55))]
    );
    assert_eq!(result.total, nok(dec!(2020.55)));
    assert!(result.is_complete());
    assert!(!result.is_provisional());
    assert!(
        result.lines[0]
            .legal_basis
            .contains("Forsinkelsesrenteloven")
    );
    assert!(matches!(
        rule.rate,
        RateFormula::Reference {
            series: RateSeries::NoForsinkelsesrente,
            margin_percent,
            fixing: RateFixing::HalfYearly {
                reference_day: ReferenceDay::FirstDayOfHalfYear
            },
            ..
        } if margin_percent.is_zero()
    ));
    assert_eq!(rule.compounding, Compounding::Simple);
    assert_eq!(rule.day_count, DayCount::Actual365Fixed);
}

/// True when no line of `result` runs across a 1 January or 1 July: a half-year start may only be
/// a line's first day or the day after its last.
fn no_line_straddles_a_half_year_start(result: &InterestBreakdown) -> bool {
    result.lines.iter().all(|line| {
        line.from
            .iter_days()
            .take_while(|d| *d < line.to)
            .skip(1)
            .all(|d| !(d.day() == 1 && matches!(d.month(), 1 | 7)))
    })
}

#[test]
fn a_norwegian_line_ends_on_30_june_and_the_unverified_half_year_after_it_is_a_gap() {
    // NOK 100,000.00 due 2025-01-15, from 2025-01-16 as of 2025-08-15. The 2025-H1 line stops
    // at 2025-07-01: 16 + 28 + 31 + 30 + 31 + 30 = 166 days; 100,000 x 12.5 x 166 / 36,500 =
    // 207,500,000 / 36,500 = 5,684.9315... -> NOK 5,684.93. The rate of 2025-H2
    // (FOR-2025-06-23-1321) is not embedded, so 2025-07-01..2025-08-16 (31 + 15 = 46 days) is a
    // gap observed on 2025-07-01, not 12.5 % carried forward.
    let result = statutory_interest(
        rule("NO", day(2025, 1, 15)),
        &tables(),
        &BalanceSchedule::constant(nok(dec!(100000.00))),
        day(2025, 1, 16),
        day(2025, 8, 16),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![(166, dec!(12.5), dec!(5684.93))]
    );
    assert_eq!(result.lines[0].to, day(2025, 7, 1));
    assert_eq!(result.total, nok(dec!(5684.93)));
    assert_eq!(
        result.gap,
        Some(InterestGap {
            from: day(2025, 7, 1),
            to: day(2025, 8, 16),
            days: 46,
            reason: MissingRate::Reference {
                series: RateSeries::NoForsinkelsesrente,
                observed_on: day(2025, 7, 1),
            },
        })
    );
    assert!(no_line_straddles_a_half_year_start(&result));
}

#[test]
fn norwegian_lines_split_on_1_july_and_1_january_once_the_next_rates_are_entered() {
    // The 1.00 % and 2.00 % entered for 2025-H2 and 2026-H1 are made up to place the
    // boundaries; they are not the Ministry's rates. The first line is 2025-06-01..2025-07-01,
    // 30 days at the published 12.5 %: 100,000 x 12.5 x 30 / 36,500 = 1,027.397... -> 1,027.40.
    let entered = |on: NaiveDate, rate_percent: Decimal| crate::rates::RateEntry {
        effective_from: on,
        rate_percent,
        source: "made up for the test".to_owned(),
    };
    let tables = tables()
        .with_entries(
            RateSeries::NoForsinkelsesrente,
            vec![
                entered(day(2025, 7, 1), dec!(1.00)),
                entered(day(2026, 1, 1), dec!(2.00)),
            ],
        )
        .unwrap();

    let result = statutory_interest(
        rule("NO", day(2025, 5, 31)),
        &tables,
        &BalanceSchedule::constant(nok(dec!(100000.00))),
        day(2025, 6, 1),
        day(2026, 2, 1),
        None,
    )
    .unwrap();

    let spans: Vec<(NaiveDate, NaiveDate, Decimal)> = result
        .lines
        .iter()
        .map(|l| (l.from, l.to, l.rate_percent))
        .collect();
    assert_eq!(
        spans,
        vec![
            (day(2025, 6, 1), day(2025, 7, 1), dec!(12.5)),
            (day(2025, 7, 1), day(2026, 1, 1), dec!(1.00)),
            (day(2026, 1, 1), day(2026, 2, 1), dec!(2.00)),
        ]
    );
    assert_eq!(result.lines[0].amount, nok(dec!(1027.40)));
    assert!(result.is_complete());
    assert!(no_line_straddles_a_half_year_start(&result));
}

#[test]
fn a_norwegian_debt_overdue_before_2025_is_a_gap_from_its_first_day() {
    // Due 2024-12-15: the half-year's observation day is 2024-07-01, whose rate (FOR-2024-06-26-1320)
    // is not embedded, so the whole period (17 + 31 + 14 = 62 days to 2025-02-15) is a gap; no line
    // guesses 2024-H2, and none is computed after the gap.
    let result = statutory_interest(
        rule("NO", day(2024, 12, 15)),
        &tables(),
        &BalanceSchedule::constant(nok(dec!(100000.00))),
        day(2024, 12, 15),
        day(2025, 2, 15),
        None,
    )
    .unwrap();

    assert!(result.lines.is_empty());
    assert_eq!(
        result.gap,
        Some(InterestGap {
            from: day(2024, 12, 15),
            to: day(2025, 2, 15),
            days: 62,
            reason: MissingRate::Reference {
                series: RateSeries::NoForsinkelsesrente,
                observed_on: day(2024, 7, 1),
            },
        })
    );
}

fn dkk(amount: Decimal) -> Money {
    money(amount, Currency::DKK)
}

#[test]
fn a_danish_claim_due_in_2023_bears_the_lending_rate_fixed_on_1_january_plus_eight() {
    // Arrange: DKK 100,000.00 due 2023-01-15 (after 1 March 2013, so + 8 pp). The lending rate in
    // force on 2023-01-01 is 1.90 % (forbrug.dk: morarente 9.90 % from 1 January 2023 = 1.90 + 8;
    // the Nationalbank set 1.90 % from 16 December 2022), so 9.90 %. Simple, actual/365.
    let rule = rule("DK", day(2023, 1, 15));

    // Act: from the day after the due date (Renteloven s.3(1)), as of 2023-03-15 (half-open).
    let result = statutory_interest(
        rule,
        &tables(),
        &BalanceSchedule::constant(dkk(dec!(100000.00))),
        day(2023, 1, 16),
        day(2023, 3, 16),
        None,
    )
    .unwrap();

    // Assert, by hand: 16 (16-31 Jan) + 28 (Feb) + 15 (1-15 Mar) = 59 days;
    // 100,000 x 9.90 x 59 / 36,500 = 58,410,000 / 36,500 = 1,600.2739... -> DKK 1,600.27.
    assert_eq!(
        days_rates_amounts(&result),
        vec![(59, dec!(9.90), dec!(1600.27))]
    );
    assert_eq!(result.total, dkk(dec!(1600.27)));
    assert!(result.is_complete());
    assert!(!result.is_provisional());
    assert!(result.lines[0].legal_basis.contains("Renteloven"));
    assert!(matches!(
        rule.rate,
        RateFormula::Reference {
            series: RateSeries::DkNationalbankLendingRate,
            margin_percent,
            fixing: RateFixing::HalfYearly {
                reference_day: ReferenceDay::FirstDayOfHalfYear
            },
            ..
        } if margin_percent == dec!(8)
    ));
    assert_eq!(rule.compounding, Compounding::Simple);
    assert_eq!(rule.day_count, DayCount::Actual365Fixed);
}

#[test]
fn a_danish_line_splits_on_1_july_into_each_half_years_fixing() {
    // DKK 100,000.00 due 2023-05-31, from 2023-06-01 as of 2023-07-31 (to 2023-08-01, half-open).
    // 2023-H1: 1.90 + 8 = 9.90 %, 2023-06-01..2023-07-01 = 30 days:
    //   100,000 x 9.90 x 30 / 36,500 = 29,700,000 / 36,500 = 813.6986... -> 813.70.
    // 2023-H2: the lending rate in force on 2023-07-01 is 3.25 % (forbrug.dk: 11.25 % from
    //   1 July 2023 = 3.25 + 8), so 11.25 %, 2023-07-01..2023-08-01 = 31 days:
    //   100,000 x 11.25 x 31 / 36,500 = 34,875,000 / 36,500 = 955.4794... -> 955.48.
    // Total: 813.70 + 955.48 = DKK 1,769.18.
    let result = statutory_interest(
        rule("DK", day(2023, 5, 31)),
        &tables(),
        &BalanceSchedule::constant(dkk(dec!(100000.00))),
        day(2023, 6, 1),
        day(2023, 8, 1),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![
            (30, dec!(9.90), dec!(813.70)),
            (31, dec!(11.25), dec!(955.48))
        ]
    );
    assert_eq!(result.lines[0].to, day(2023, 7, 1));
    assert_eq!(result.total, dkk(dec!(1769.18)));
    assert!(result.is_complete());
    assert!(no_line_straddles_a_half_year_start(&result));
}

#[test]
fn a_danish_claim_due_in_2012_bears_the_lending_rate_plus_seven() {
    // DKK 100,000.00 due 2012-03-15 (before 1 March 2013, so + 7 pp). The lending rate in force
    // on 2012-01-01 is 0.70 % (forbrug.dk: 7.7 % from 1 January 2012 = 0.70 + 7), so 7.70 %.
    // From 2012-03-16 to 2012-05-16 (half-open): 16 (16-31 Mar) + 30 (Apr) + 15 (1-15 May) = 61
    // days; actual/365 even in the leap year: 100,000 x 7.70 x 61 / 36,500 = 46,970,000 / 36,500
    // = 1,286.8493... -> DKK 1,286.85.
    let result = statutory_interest(
        rule("DK", day(2012, 3, 15)),
        &tables(),
        &BalanceSchedule::constant(dkk(dec!(100000.00))),
        day(2012, 3, 16),
        day(2012, 5, 16),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![(61, dec!(7.70), dec!(1286.85))]
    );
    assert_eq!(result.total, dkk(dec!(1286.85)));
    assert!(result.is_complete());
}

#[test]
fn danish_days_from_2024_are_a_gap_until_the_fixings_are_entered() {
    // DKK 100,000.00 due 2023-11-30, from 2023-12-01 to 2024-02-01. December 2023 is priced at
    // the 2023-H2 fixing: 3.25 + 8 = 11.25 %, 31 days: 100,000 x 11.25 x 31 / 36,500 = 955.48.
    // The 2024-01-01 fixing is not embedded, so 2024-01-01..2024-02-01 (31 days) is a gap, not
    // 11.25 % carried forward.
    let result = statutory_interest(
        rule("DK", day(2023, 11, 30)),
        &tables(),
        &BalanceSchedule::constant(dkk(dec!(100000.00))),
        day(2023, 12, 1),
        day(2024, 2, 1),
        None,
    )
    .unwrap();

    assert_eq!(
        days_rates_amounts(&result),
        vec![(31, dec!(11.25), dec!(955.48))]
    );
    assert_eq!(
        result.gap,
        Some(InterestGap {
            from: day(2024, 1, 1),
            to: day(2024, 2, 1),
            days: 31,
            reason: MissingRate::Reference {
                series: RateSeries::DkNationalbankLendingRate,
                observed_on: day(2024, 1, 1),
            },
        })
    );
}
