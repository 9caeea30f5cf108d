//! The jurisdictions added for issue 14: one worked figure per rule, derived by hand from the
//! statute cited in the data (interest as base x rate x days / 36 500, rounded to the minor unit;
//! deadlines as the same calendar day the statutory number of years later), and the gaps that
//! stand where a rule could not be verified.

use super::*;
use crate::interest::{BalanceSchedule, InterestBreakdown, statutory_interest};
use crate::money::{Currency, Money};
use crate::prescription::{
    ClaimDates, PrescriptionEvent, PrescriptionEventKind, PrescriptionRule, deadline,
};
use crate::rates::RateTables;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn get(code: &'static str) -> &'static Jurisdiction {
    find(JurisdictionCode::from_static(code)).expect("jurisdiction present")
}

fn money(amount: Decimal, code: &str) -> Money {
    Money::new(amount, Currency::parse(code).unwrap()).unwrap()
}

/// Statutory interest of `code` on a constant `principal` over `from..to`, the default beginning
/// on `from`.
fn interest(
    code: &'static str,
    principal: Money,
    from: NaiveDate,
    to: NaiveDate,
) -> InterestBreakdown {
    let rule = get(code).interest_rule_for(from).expect("interest rule");
    statutory_interest(
        rule,
        &RateTables::embedded().unwrap(),
        &BalanceSchedule::constant(principal),
        from,
        to,
        None,
    )
    .unwrap()
}

fn lines(result: &InterestBreakdown) -> Vec<(i64, Decimal, Decimal)> {
    result
        .lines
        .iter()
        .map(|l| (l.days, l.rate_percent, l.amount.amount()))
        .collect()
}

fn rule_of(code: &'static str, index: usize) -> &'static PrescriptionRule {
    &get(code).prescription[index]
}

fn event(kind: PrescriptionEventKind, on: NaiveDate) -> PrescriptionEvent {
    PrescriptionEvent { kind, on }
}

fn deadline_under(
    rule: &PrescriptionRule,
    claim: ClaimDates,
    events: &[PrescriptionEvent],
) -> Option<NaiveDate> {
    deadline(rule, claim, events).unwrap().deadline()
}

/// The deadline of an invoice due on 15 March 2024 under the general rule of `code`.
fn general_deadline(code: &'static str, events: &[PrescriptionEvent]) -> Option<NaiveDate> {
    deadline_under(rule_of(code, 0), ClaimDates::due(day(2024, 3, 15)), events)
}

fn gap_reasons(code: &'static str, topic: RuleTopic) -> Vec<&'static str> {
    get(code).gaps_on(topic).map(|gap| gap.reason).collect()
}

// --- Interest from a reference rate ---------------------------------------------------------

#[test]
fn croatian_interest_takes_the_ecb_rate_before_each_half_year_plus_eight_points() {
    // ZOO arts. 29-31: ECB MRO before 1 January 2023 was 2.50 (from 21 December 2022), so 10.50 %
    // (the figure published for 2023-H1); before 1 July 2023 it was 4.00, so 12.00 %.
    // 10,000 x 10.50 x 181 / 36,500 = 520.68; 10,000 x 12.00 x 184 / 36,500 = 604.93.
    let result = interest(
        "HR",
        money(dec!(10000), "EUR"),
        day(2023, 1, 1),
        day(2024, 1, 1),
    );

    assert_eq!(
        lines(&result),
        vec![
            (181, dec!(10.50), dec!(520.68)),
            (184, dec!(12.00), dec!(604.93))
        ]
    );
    assert_eq!(result.total, money(dec!(1125.61), "EUR"));
}

#[test]
fn croatian_interest_from_before_2023_is_a_gap() {
    assert!(get("HR").interest_rule_for(day(2022, 12, 31)).is_none());
    assert!(gap_reasons("HR", RuleTopic::Interest)[0].contains("HNB"));
}

#[test]
fn latvian_interest_follows_the_half_years_of_2024() {
    // Civil Law s.1765(2)-(3): ECB MRO before 1 January 2024 was 4.50 -> 12.50 %; before 1 July
    // 2024 it was 4.25 (from 12 June) -> 12.25 %. 10,000 x 12.50 x 182 / 36,500 = 623.29;
    // 10,000 x 12.25 x 184 / 36,500 = 617.53.
    let result = interest(
        "LV",
        money(dec!(10000), "EUR"),
        day(2024, 1, 1),
        day(2025, 1, 1),
    );

    assert_eq!(
        lines(&result),
        vec![
            (182, dec!(12.50), dec!(623.29)),
            (184, dec!(12.25), dec!(617.53))
        ]
    );
}

#[test]
fn cypriot_interest_matches_the_published_rate_for_early_2016() {
    // Law 123(I)/2012: ECB MRO on 1 January 2016 was 0.05 -> 8.05 %, the published figure.
    // 10,000 x 8.05 x 182 / 36,500 = 401.40.
    let result = interest(
        "CY",
        money(dec!(10000), "EUR"),
        day(2016, 1, 1),
        day(2016, 7, 1),
    );

    assert_eq!(lines(&result), vec![(182, dec!(8.05), dec!(401.40))]);
    assert!(
        gap_reasons("CY", RuleTopic::Interest)[0].contains("payment date"),
        "the doubt on the fixing is served beside the rule"
    );
}

#[test]
fn lithuanian_interest_keeps_the_rate_of_the_half_year_the_default_began() {
    // Law on the prevention of late payment: the rate of the half-year in which the obligation to
    // pay interest arose, read on 1 January for the first half-year: 4.50 + 8 = 12.50 %, also
    // after the ECB cut of June 2024. 10,000 x 12.50 x 182 / 36,500 = 623.29.
    let result = interest(
        "LT",
        money(dec!(10000), "EUR"),
        day(2024, 2, 1),
        day(2024, 8, 1),
    );

    assert_eq!(lines(&result), vec![(182, dec!(12.50), dec!(623.29))]);
}

// --- Interest at a fixed statutory rate -----------------------------------------------------

#[test]
fn korean_commercial_interest_is_six_percent() {
    // Commercial Act art. 54: 10,000,000 won x 6 x 365 / 36,500 = 600,000 won (no minor unit).
    let result = interest(
        "KR",
        money(dec!(10000000), "KRW"),
        day(2025, 1, 1),
        day(2026, 1, 1),
    );

    assert_eq!(result.total, money(dec!(600000), "KRW"));
}

#[test]
fn taiwanese_default_interest_is_five_percent() {
    // Civil Code arts. 203, 233: TWD 100,000 x 5 x 73 / 36,500 = 1,000.00.
    let result = interest(
        "TW",
        money(dec!(100000), "TWD"),
        day(2025, 3, 1),
        day(2025, 5, 13),
    );

    assert_eq!(lines(&result), vec![(73, dec!(5), dec!(1000.00))]);
}

#[test]
fn thai_default_interest_is_the_three_percent_rate_plus_two() {
    // CCC ss.7, 224: 3 + 2 = 5 % for debts due from 11 April 2021.
    // THB 100,000 x 5 x 73 / 36,500 = 1,000.00.
    let result = interest(
        "TH",
        money(dec!(100000), "THB"),
        day(2025, 3, 1),
        day(2025, 5, 13),
    );

    assert_eq!(result.total, money(dec!(1000.00), "THB"));
    let before = interest(
        "TH",
        money(dec!(100000), "THB"),
        day(2021, 4, 10),
        day(2021, 5, 10),
    );
    assert!(before.gap.is_some(), "the former 7.5 % is not encoded");
}

#[test]
fn illinois_interest_on_a_written_instrument_is_five_percent() {
    // 815 ILCS 205/2: USD 10,000 x 5 x 73 / 36,500 = 100.00.
    let result = interest(
        "US-IL",
        money(dec!(10000), "USD"),
        day(2025, 3, 1),
        day(2025, 5, 13),
    );

    assert_eq!(result.total, money(dec!(100.00), "USD"));
}

#[test]
fn quebec_damages_for_delay_are_the_five_percent_legal_rate() {
    // CCQ art. 1617 with the federal Interest Act: CAD 10,000 x 5 x 365 / 36,500 = 500.00.
    let result = interest(
        "CA-QC",
        money(dec!(10000), "CAD"),
        day(2025, 1, 1),
        day(2026, 1, 1),
    );

    assert_eq!(result.total, money(dec!(500.00), "CAD"));
    assert!(gap_reasons("CA-QC", RuleTopic::Interest)[0].contains("formal notice"));
}

// --- Fixed compensation ---------------------------------------------------------------------

#[test]
fn bulgarian_compensation_is_eighty_lev_until_the_euro() {
    // TZ art. 309a: BGN 80; its euro restatement from 1 January 2026 was not found.
    let bulgaria = get("BG");
    let rule = bulgaria.compensation_for(day(2025, 6, 30)).unwrap();

    assert_eq!(
        rule.amount_for(money(dec!(5000), "EUR")).unwrap(),
        money(dec!(80), "BGN")
    );
    assert!(bulgaria.compensation_for(day(2026, 1, 15)).is_none());
    assert!(bulgaria.compensation_for(day(2013, 3, 15)).is_none());
    assert_eq!(bulgaria.currency_code, "EUR");
}

#[test]
fn the_romanian_and_cypriot_minimum_is_forty_euro_per_late_payment() {
    // Legea 72/2013 and Law 123(I)/2012: EUR 40, whatever the currency of the debt.
    for (code, debt) in [
        ("RO", money(dec!(2500), "RON")),
        ("CY", money(dec!(2500), "EUR")),
    ] {
        let rule = get(code).compensation_for(day(2024, 6, 1)).unwrap();

        assert_eq!(
            rule.amount_for(debt).unwrap(),
            money(dec!(40), "EUR"),
            "{code}"
        );
        assert_eq!(rule.unit, CompensationUnit::PerLatePayment, "{code}");
    }
    assert!(get("RO").compensation_for(day(2013, 4, 4)).is_none());
}

#[test]
fn turkish_compensation_is_the_amount_announced_for_the_year() {
    // TCC art. 1530 with the CBRT communiqués: TRY 555 for 2022, TRY 1,310 for 2024; 2023 unknown.
    let turkey = get("TR");
    let debt = money(dec!(100000), "TRY");

    let amount = |due| {
        turkey
            .compensation_for(due)
            .map(|rule| rule.amount_for(debt).unwrap())
    };

    assert_eq!(amount(day(2022, 5, 1)), Some(money(dec!(555), "TRY")));
    assert_eq!(amount(day(2023, 5, 1)), None);
    assert_eq!(amount(day(2024, 5, 1)), Some(money(dec!(1310), "TRY")));
    assert_eq!(amount(day(2025, 5, 1)), None);
}

// --- Allocation -----------------------------------------------------------------------------

#[test]
fn a_taiwanese_payment_goes_to_expenses_then_interest_then_principal() {
    // Civil Code art. 323.
    use crate::allocation::{AllocationOrder, InvoiceOrder};
    let rule = get("TW").allocation.unwrap();

    assert_eq!(rule.order, AllocationOrder::COSTS_INTEREST_PRINCIPAL);
    assert_eq!(rule.invoice_order, InvoiceOrder::OldestDueFirstThenProRata);
    assert!(rule.debtor_designation_binds, "art. 321");
}

// --- Prescription ---------------------------------------------------------------------------

#[test]
fn bulgarian_claims_prescribe_in_five_years_and_interest_in_three() {
    // ZZD arts. 110, 111: due 15 March 2024 -> 15 March 2029 for the price, 15 March 2027 for
    // interest; an acknowledgment changes nothing while art. 117 is unverified.
    let ack = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2026, 1, 10),
    )];

    assert_eq!(general_deadline("BG", &ack), Some(day(2029, 3, 15)));
    assert_eq!(
        deadline_under(rule_of("BG", 1), ClaimDates::due(day(2024, 3, 15)), &[]),
        Some(day(2027, 3, 15))
    );
    let filed = [event(PrescriptionEventKind::CourtFiling, day(2028, 1, 10))];
    assert_eq!(general_deadline("BG", &filed), None, "art. 116 halts it");
}

#[test]
fn periods_counted_from_the_due_date_end_on_its_anniversary() {
    // Due 15 March 2024, no events: the same day `years` later.
    let expected = [
        ("RO", 2027),     // Codul civil: 3 years from exigibility (art. 2524(1))
        ("IS", 2028),     // Act 150/2007 art. 3: 4 years
        ("KR", 2027),     // Civil Act art. 163(vi): 3 years
        ("TW", 2026),     // Civil Code art. 127(viii): 2 years
        ("TH", 2029),     // CCC s.193/33(5): 5 years for goods for the debtor's business
        ("MY", 2030),     // Limitation Act 1953 s.6(1)(a): 6 years
        ("US-TX", 2028),  // CPRC s.16.004: 4 years
        ("US-FL", 2028),  // Fla. Stat. s.95.11(3)(k): 4 years
        ("US-IL", 2028),  // 810 ILCS 5/2-725: 4 years
        ("CA-BC", 2026),  // Limitation Act, SBC 2012: 2 years
        ("CA-QC", 2027),  // CCQ art. 2925: 3 years
        ("AU-VIC", 2030), // Limitation of Actions Act 1958 s.5(1)(a): 6 years
        ("CY", 2030),     // Law 66(I)/2012: 6 years
        ("CL", 2028),     // Código de Comercio art. 822: 4 years
    ];
    for (code, year) in expected {
        assert_eq!(
            general_deadline(code, &[]),
            Some(day(year, 3, 15)),
            "{code}"
        );
    }
}

#[test]
fn an_acknowledgment_restarts_the_period_where_the_statute_says_so() {
    // A new period from the event day: KR arts. 168, 178(1) (3 y); TW arts. 129, 137(1), also oral
    // (2 y); TH s.193/14-15 (5 y); CA-BC confirmation (2 y); US-TX s.16.065 in writing (4 y).
    let written = |on| [event(PrescriptionEventKind::WrittenAcknowledgement, on)];
    let oral = |on| [event(PrescriptionEventKind::OralAcknowledgement, on)];

    assert_eq!(
        general_deadline("KR", &written(day(2026, 1, 10))),
        Some(day(2029, 1, 10))
    );
    assert_eq!(
        general_deadline("TW", &oral(day(2025, 6, 1))),
        Some(day(2027, 6, 1))
    );
    assert_eq!(
        general_deadline("TH", &written(day(2027, 1, 10))),
        Some(day(2032, 1, 10))
    );
    assert_eq!(
        general_deadline("CA-BC", &written(day(2026, 1, 10))),
        Some(day(2028, 1, 10))
    );
    assert_eq!(
        general_deadline("US-TX", &written(day(2027, 1, 10))),
        Some(day(2031, 1, 10))
    );
    assert_eq!(
        general_deadline("US-TX", &oral(day(2027, 1, 10))),
        Some(day(2028, 3, 15)),
        "s.16.065 needs writing"
    );
}

#[test]
fn a_part_payment_restarts_the_period_in_malaysia_florida_and_thailand() {
    // MY s.26(2): 6 years from the payment; US-FL s.95.04: 4 years; TH s.193/14-15: 5 years.
    let paid = |on| [event(PrescriptionEventKind::PartPayment, on)];

    assert_eq!(
        general_deadline("MY", &paid(day(2029, 6, 10))),
        Some(day(2035, 6, 10))
    );
    assert_eq!(
        general_deadline("US-FL", &paid(day(2027, 3, 1))),
        Some(day(2031, 3, 1))
    );
    assert_eq!(
        general_deadline("TH", &paid(day(2027, 3, 1))),
        Some(day(2032, 3, 1))
    );
    let oral = [event(
        PrescriptionEventKind::OralAcknowledgement,
        day(2029, 6, 10),
    )];
    assert_eq!(
        general_deadline("MY", &oral),
        Some(day(2030, 3, 15)),
        "s.27 needs writing"
    );
}

#[test]
fn an_indian_price_of_goods_runs_from_delivery() {
    // Limitation Act 1963 Art. 14: delivered 10 January 2024 -> 10 January 2027, whatever the due
    // date; a signed written acknowledgment on 1 December 2026 gives 3 years from it (s.18).
    let claim = ClaimDates {
        due_date: day(2024, 3, 15),
        arose_on: Some(day(2024, 1, 10)),
    };
    let rule = rule_of("IN", 0);

    assert_eq!(deadline_under(rule, claim, &[]), Some(day(2027, 1, 10)));
    let ack = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2026, 12, 1),
    )];
    assert_eq!(deadline_under(rule, claim, &ack), Some(day(2029, 12, 1)));
    assert!(deadline(rule, ClaimDates::due(day(2024, 3, 15)), &[]).is_err());
}

#[test]
fn a_quebec_formal_notice_does_not_interrupt() {
    // CCQ arts. 2892, 2898: only a judicial demand or an acknowledgment interrupts.
    let notice = [event(PrescriptionEventKind::WrittenDemand, day(2026, 6, 1))];

    assert_eq!(general_deadline("CA-QC", &notice), Some(day(2027, 3, 15)));
}

#[test]
fn the_british_columbia_ultimate_period_caps_restarts_at_fifteen_years() {
    // Limitation Act, SBC 2012: ultimate 15 years from the due date, 15 March 2039, held fixed.
    let acks: Vec<PrescriptionEvent> = (0..8)
        .map(|i| {
            event(
                PrescriptionEventKind::WrittenAcknowledgement,
                day(2026 + 2 * i, 1, 10),
            )
        })
        .collect();

    assert_eq!(general_deadline("CA-BC", &acks), Some(day(2039, 3, 15)));
}

// --- Where the law gives nothing computable -------------------------------------------------

#[test]
fn jurisdictions_without_statutory_interest_say_so_in_their_gap() {
    // No statutory B2B rate: the agreed rate applies (or, in Saudi Arabia, no interest at all).
    for code in ["US-TX", "US-FL", "CA-BC", "AU-VIC", "MY", "IL", "IN"] {
        assert!(get(code).interest.is_empty(), "{code}");
        assert!(
            gap_reasons(code, RuleTopic::Interest)[0].contains("agreed rate applies"),
            "{code}"
        );
    }
    assert!(gap_reasons("SA", RuleTopic::Interest)[0].contains("prohibited"));
}

#[test]
fn rates_on_series_the_domain_does_not_ship_are_gaps_naming_the_series() {
    let expected = [
        ("BG", "BNB base-rate series"),
        ("RO", "BNR reference-rate series"),
        ("IS", "Seðlabanki series"),
        ("CO", "series of the certified rate"),
        ("TR", "series of the announced rates"),
    ];
    for (code, series) in expected {
        assert!(get(code).interest.is_empty(), "{code}");
        assert!(
            gap_reasons(code, RuleTopic::Interest)[0].contains(series),
            "{code}"
        );
    }
}

#[test]
fn a_bare_code_of_an_added_country_resolves_to_itself() {
    for country in ["HR", "tr", "IN", "Is", "KR", "TW"] {
        assert_eq!(
            default_for_country(country).map(|c| c.to_string()),
            Some(country.to_ascii_uppercase()),
        );
    }
    assert!(find(JurisdictionCode::parse("US-TX").unwrap()).is_some());
}
