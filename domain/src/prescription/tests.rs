//! Prescription deadlines per jurisdiction, computed by hand from the statutes cited in the data.

use super::*;
use crate::jurisdiction::Jurisdiction;
use crate::jurisdiction::{self, JurisdictionCode};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn general(code: &'static str) -> &'static PrescriptionRule {
    jurisdiction::find(JurisdictionCode::from_static(code))
        .and_then(Jurisdiction::general_prescription)
        .expect("prescription rule")
}

fn event(kind: PrescriptionEventKind, on: NaiveDate) -> PrescriptionEvent {
    PrescriptionEvent { kind, on }
}

fn deadline_of(
    code: &'static str,
    due: NaiveDate,
    events: &[PrescriptionEvent],
) -> Option<NaiveDate> {
    deadline(general(code), ClaimDates::due(due), events)
        .unwrap()
        .deadline()
}

#[test]
fn a_german_claim_prescribes_at_the_end_of_the_third_year_after_the_year_it_fell_due() {
    assert_eq!(
        deadline_of("DE", day(2024, 3, 15), &[]),
        Some(day(2027, 12, 31))
    );
}

#[test]
fn a_german_acknowledgment_starts_three_new_years_from_the_day_after() {
    // Arrange
    let events = [event(PrescriptionEventKind::PartPayment, day(2026, 6, 10))];

    // Act
    let outcome = deadline(general("DE"), ClaimDates::due(day(2024, 3, 15)), &events).unwrap();

    // Assert
    assert_eq!(outcome.deadline(), Some(day(2029, 6, 10)));
    assert_eq!(
        outcome.steps.last().map(|s| s.outcome),
        Some(StepOutcome::Restarted)
    );
}

#[test]
fn a_german_court_filing_halts_prescription() {
    let events = [event(PrescriptionEventKind::CourtFiling, day(2027, 12, 20))];

    let outcome = deadline(general("DE"), ClaimDates::due(day(2024, 3, 15)), &events).unwrap();

    assert_eq!(
        outcome.status,
        PrescriptionStatus::Halted {
            since: day(2027, 12, 20)
        }
    );
    assert_eq!(outcome.deadline(), None);
}

#[test]
fn a_dutch_written_demand_starts_a_new_five_year_period() {
    let events = [event(
        PrescriptionEventKind::WrittenDemand,
        day(2026, 1, 10),
    )];

    assert_eq!(
        deadline_of("NL", day(2024, 3, 15), &[]),
        Some(day(2029, 3, 15))
    );
    assert_eq!(
        deadline_of("NL", day(2024, 3, 15), &events),
        Some(day(2031, 1, 10))
    );
}

#[test]
fn in_england_only_a_written_acknowledgment_restarts_time() {
    let oral = [event(
        PrescriptionEventKind::OralAcknowledgement,
        day(2027, 1, 1),
    )];
    let written = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2027, 1, 1),
    )];

    let after_oral = deadline(general("GB-ENG"), ClaimDates::due(day(2024, 3, 15)), &oral).unwrap();

    assert_eq!(after_oral.deadline(), Some(day(2030, 3, 15)));
    assert_eq!(
        after_oral.steps.last().map(|s| s.outcome),
        Some(StepOutcome::NoEffect)
    );
    assert_eq!(
        deadline_of("GB-ENG", day(2024, 3, 15), &written),
        Some(day(2033, 1, 1))
    );
}

#[test]
fn a_french_formal_notice_does_not_interrupt() {
    let events = [event(
        PrescriptionEventKind::WrittenDemand,
        day(2026, 1, 10),
    )];

    let outcome = deadline(general("FR"), ClaimDates::due(day(2024, 3, 15)), &events).unwrap();

    assert_eq!(outcome.deadline(), Some(day(2029, 3, 15)));
    assert_eq!(
        outcome.steps.last().map(|s| s.outcome),
        Some(StepOutcome::NoEffect)
    );
}

#[test]
fn an_event_whose_effect_is_not_established_is_reported_and_ignored() {
    let events = [event(
        PrescriptionEventKind::WrittenDemand,
        day(2026, 1, 10),
    )];

    let outcome = deadline(
        general("GB-ENG"),
        ClaimDates::due(day(2024, 3, 15)),
        &events,
    )
    .unwrap();

    assert_eq!(outcome.deadline(), Some(day(2030, 3, 15)));
    assert_eq!(
        outcome.steps.last().map(|s| s.outcome),
        Some(StepOutcome::NotEstablished)
    );
}

#[test]
fn a_polish_period_ends_on_the_last_day_of_a_year_also_after_a_restart() {
    let events = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2026, 5, 1),
    )];

    assert_eq!(
        deadline_of("PL", day(2024, 3, 15), &[]),
        Some(day(2027, 12, 31))
    );
    assert_eq!(
        deadline_of("PL", day(2024, 3, 15), &events),
        Some(day(2029, 12, 31))
    );
}

#[test]
fn an_acknowledgment_after_the_deadline_does_not_revive_the_claim() {
    let events = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2030, 3, 16),
    )];

    let outcome = deadline(
        general("GB-ENG"),
        ClaimDates::due(day(2024, 3, 15)),
        &events,
    )
    .unwrap();

    assert_eq!(outcome.deadline(), Some(day(2030, 3, 15)));
    assert_eq!(
        outcome.steps.last().map(|s| s.outcome),
        Some(StepOutcome::AfterDeadline)
    );
}

#[test]
fn an_acknowledgment_on_the_last_day_still_counts() {
    let events = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2030, 3, 15),
    )];

    assert_eq!(
        deadline_of("GB-ENG", day(2024, 3, 15), &events),
        Some(day(2036, 3, 15))
    );
}

#[test]
fn a_claim_due_on_29_february_prescribes_on_28_february() {
    assert_eq!(
        deadline_of("GB-ENG", day(2024, 2, 29), &[]),
        Some(day(2030, 2, 28))
    );
}

#[test]
fn swedish_prescription_needs_the_day_the_claim_arose() {
    let rule = general("SE");
    let claim = ClaimDates {
        due_date: day(2024, 3, 31),
        arose_on: Some(day(2024, 3, 1)),
    };

    assert_eq!(
        deadline(rule, ClaimDates::due(day(2024, 3, 31)), &[]),
        Err(PrescriptionError::MissingArisingDate)
    );
    assert_eq!(
        deadline(rule, claim, &[]).unwrap().deadline(),
        Some(day(2034, 3, 1))
    );
}

#[test]
fn an_ontario_acknowledgment_moves_the_fifteen_year_ultimate_limit_with_it() {
    // Arrange: a written acknowledgment every two years, the last on 2040-03-01. Each one deems
    // the act or omission to have happened on its day (Limitations Act, 2002 s.13(1)), from which
    // s.4 counts two years and s.15(2) fifteen: after the last, 2042-03-01 and 2055-03-01. The
    // claim is alive until 2042-03-01, past 2039-03-15, fifteen years after the due date.
    let events: Vec<PrescriptionEvent> = (1..=8)
        .map(|n| {
            event(
                PrescriptionEventKind::WrittenAcknowledgement,
                day(2024 + 2 * n, 3, 1),
            )
        })
        .collect();

    // Act
    let outcome = deadline(general("CA-ON"), ClaimDates::due(day(2024, 3, 15)), &events).unwrap();

    // Assert
    assert_eq!(outcome.deadline(), Some(day(2042, 3, 1)));
    assert!(
        outcome
            .steps
            .iter()
            .all(|s| s.outcome != StepOutcome::CappedByLongStop)
    );
}

#[test]
fn a_chinese_restart_never_passes_the_twenty_year_long_stop() {
    // Civil Code art. 188: no protection more than 20 years after the claim arose, whatever
    // interrupted the 3 years (art. 195). Due 2024-03-15; demands every three years or less keep
    // the claim alive, and the last, on 2043-01-10, would give 2046-01-10, but the long stop ends
    // on 2044-03-15.
    let events: Vec<PrescriptionEvent> = [2026, 2028, 2031, 2034, 2037, 2040, 2043]
        .into_iter()
        .map(|year| event(PrescriptionEventKind::WrittenDemand, day(year, 1, 10)))
        .collect();

    let outcome = deadline(general("CN"), ClaimDates::due(day(2024, 3, 15)), &events).unwrap();

    assert_eq!(outcome.deadline(), Some(day(2044, 3, 15)));
    assert_eq!(
        outcome.steps.last().map(|s| s.outcome),
        Some(StepOutcome::CappedByLongStop)
    );
}

#[test]
fn swiss_craftsmen_claims_have_their_own_five_year_rule() {
    let swiss = jurisdiction::find(JurisdictionCode::from_static("CH")).unwrap();
    let short = &swiss.prescription[1];

    let outcome = deadline(short, ClaimDates::due(day(2024, 3, 15)), &[]).unwrap();

    assert_eq!(short.period_years, 5);
    assert_eq!(outcome.deadline(), Some(day(2029, 3, 15)));
}

#[test]
fn warnings_follow_the_computed_deadline() {
    let outcome = deadline(general("DE"), ClaimDates::due(day(2024, 3, 15)), &[]).unwrap();
    let deadline = outcome.deadline().unwrap();

    let due = warnings(deadline, day(2027, 12, 1), &DEFAULT_WARNING_HORIZONS_DAYS);

    assert_eq!(due.len(), 2);
    assert_eq!(due[0].days_left, 30);
}

#[test]
fn a_german_part_payment_before_the_year_end_start_does_not_start_an_earlier_period() {
    // Due 2024-03-15: the period starts at the end of 2024 (BGB s.199(1)) and ends 2027-12-31
    // (s.195). A part payment on 2024-06-10 comes before that start, so it restarts nothing
    // (BGH VIII ZR 344/12); restarting from it would give 2027-06-10, half a year too early.
    let events = [event(PrescriptionEventKind::PartPayment, day(2024, 6, 10))];

    let outcome = deadline(general("DE"), ClaimDates::due(day(2024, 3, 15)), &events).unwrap();

    assert_eq!(outcome.deadline(), Some(day(2027, 12, 31)));
    assert_eq!(
        outcome.steps.last().map(|s| s.outcome),
        Some(StepOutcome::BeforeStart)
    );
}

#[test]
fn a_german_acknowledgment_on_the_last_day_of_the_due_year_is_still_before_the_start() {
    // The period begins at the end of 31 December 2024, after an acknowledgment that day; the
    // deadline stays 2027-12-31. One made on 2 January 2025 falls inside the running period: the
    // new period begins on 3 January 2025 (s.212(1) no.1) and ends on 2028-01-02 (s.187(2), s.188(2)).
    let on_new_years_eve = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2024, 12, 31),
    )];
    let in_january = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2025, 1, 2),
    )];

    let before = deadline(
        general("DE"),
        ClaimDates::due(day(2024, 3, 15)),
        &on_new_years_eve,
    )
    .unwrap();

    assert_eq!(
        before.steps.last().map(|s| s.outcome),
        Some(StepOutcome::BeforeStart)
    );
    assert_eq!(before.deadline(), Some(day(2027, 12, 31)));
    assert_eq!(
        deadline_of("DE", day(2024, 3, 15), &in_january),
        Some(day(2028, 1, 2))
    );
}

#[test]
fn an_estonian_acknowledgment_in_the_year_the_invoice_fell_due_keeps_the_year_end_start() {
    // Due 2024-05-20: 3 years from the end of 2024 (TsÜS §146(1), §147(3)) end on 2027-12-31; the
    // acknowledgment of 2024-11-01 precedes that start and leaves it in place.
    let events = [event(
        PrescriptionEventKind::WrittenAcknowledgement,
        day(2024, 11, 1),
    )];

    assert_eq!(
        deadline_of("EE", day(2024, 5, 20), &events),
        Some(day(2027, 12, 31))
    );
}

#[test]
fn a_polish_invoice_due_on_31_december_prescribes_at_the_end_of_the_fourth_year() {
    // Due 2024-12-31: enforceable from 2025-01-01 (KC art. 120 §1), the first day of the period;
    // 3 years end on 2028-01-01 (art. 112), which art. 118 moves to the year's last day, 2028-12-31.
    // Counting from the due date instead would end the period a year early, on 2027-12-31.
    assert_eq!(
        deadline_of("PL", day(2024, 12, 31), &[]),
        Some(day(2028, 12, 31))
    );
    // Due 2024-12-30: enforceable 2024-12-31, 3 years end 2027-12-31, already a year's last day.
    assert_eq!(
        deadline_of("PL", day(2024, 12, 30), &[]),
        Some(day(2027, 12, 31))
    );
}

mod judgments {
    use crate::jurisdiction::{self, JurisdictionCode};
    use crate::prescription::{
        ClaimDates, PrescriptionEvent, PrescriptionEventKind, PrescriptionStatus, deadline,
    };
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn rule(code: &str) -> &'static crate::prescription::PrescriptionRule {
        jurisdiction::find(JurisdictionCode::parse(code).unwrap())
            .unwrap()
            .general_prescription()
            .unwrap()
    }

    fn event(kind: PrescriptionEventKind, on: &str) -> PrescriptionEvent {
        PrescriptionEvent { kind, on: day(on) }
    }

    /// BGB s.204(1) no.1 suspends on filing; s.197(1) no.3 gives the judged claim 30 years,
    /// s.201 from finality. Judgment of 2026-05-04 (taken as the start, finality being later):
    /// s.187(1) leaves out that day, s.188(2) ends the period on 2056-05-04.
    #[test]
    fn a_german_judgment_after_a_filing_starts_thirty_years() {
        let outcome = deadline(
            rule("DE"),
            ClaimDates::due(day("2025-02-04")),
            &[
                event(PrescriptionEventKind::CourtFiling, "2026-01-15"),
                event(PrescriptionEventKind::Judgment, "2026-05-04"),
            ],
        )
        .unwrap();
        assert_eq!(
            outcome.status,
            PrescriptionStatus::Running {
                deadline: day("2056-05-04")
            }
        );
    }

    /// The filing alone halts the period (s.204): no deadline runs while proceedings last.
    #[test]
    fn a_filing_without_judgment_still_halts() {
        let outcome = deadline(
            rule("DE"),
            ClaimDates::due(day("2025-02-04")),
            &[event(PrescriptionEventKind::CourtFiling, "2026-01-15")],
        )
        .unwrap();
        assert_eq!(
            outcome.status,
            PrescriptionStatus::Halted {
                since: day("2026-01-15")
            }
        );
    }

    /// BW 3:324(1): twenty years from the beginning of the day after the judgment. Judgment of
    /// 2026-03-10: the period runs from 2026-03-11 and its last day is 2046-03-10.
    #[test]
    fn a_dutch_judgment_starts_twenty_years() {
        let outcome = deadline(
            rule("NL"),
            ClaimDates::due(day("2025-06-30")),
            &[
                event(PrescriptionEventKind::CourtFiling, "2025-11-01"),
                event(PrescriptionEventKind::Judgment, "2026-03-10"),
            ],
        )
        .unwrap();
        assert_eq!(
            outcome.status,
            PrescriptionStatus::Running {
                deadline: day("2046-03-10")
            }
        );
    }

    /// Where no source establishes a judgment's effect (France here), a filing still halts and
    /// the judgment changes nothing the module can vouch for.
    #[test]
    fn elsewhere_a_judgment_is_not_established() {
        let outcome = deadline(
            rule("FR"),
            ClaimDates::due(day("2025-06-30")),
            &[
                event(PrescriptionEventKind::CourtFiling, "2025-11-01"),
                event(PrescriptionEventKind::Judgment, "2026-03-10"),
            ],
        )
        .unwrap();
        assert!(matches!(outcome.status, PrescriptionStatus::Halted { .. }));
    }
}
