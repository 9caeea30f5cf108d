//! The prescription deadline of one claim, given its dates and the case's events.

use super::{
    ClaimDates, EventEffect, PrescriptionError, PrescriptionEvent, PrescriptionEventKind,
    PrescriptionOutcome, PrescriptionRule, PrescriptionStart, PrescriptionStatus, PrescriptionStep,
    StepOutcome,
};
use chrono::{Datelike, Months, NaiveDate};

/// Computes the deadline of a claim under `rule`, applying `events` in date order.
///
/// An event after the deadline changes nothing (no jurisdiction in the data revives a prescribed
/// claim by a later acknowledgment). A restart counts the new period from the event day without
/// any end-of-year shift (DE BGB s.212 has none; PL keeps its year-end rule), so under a year-end
/// rule an early restart can give an earlier deadline than the original one: the earlier,
/// conservative date is kept.
///
/// # Errors
/// [`PrescriptionError::MissingArisingDate`] when the rule needs the arising date.
pub fn deadline(
    rule: &PrescriptionRule,
    claim: ClaimDates,
    events: &[PrescriptionEvent],
) -> Result<PrescriptionOutcome, PrescriptionError> {
    let anchor = match rule.start {
        PrescriptionStart::DueDate => claim.due_date,
        PrescriptionStart::EndOfYearOfDueDate => end_of_year(claim.due_date),
        PrescriptionStart::ClaimArose => claim
            .arose_on
            .ok_or(PrescriptionError::MissingArisingDate)?,
    };
    let long_stop = rule
        .long_stop_years
        .map(|years| add_years(claim.arose_on.unwrap_or(claim.due_date), years));
    let mut current = period_end(rule, anchor, rule.period_years);
    let mut steps = vec![step(
        anchor,
        None,
        StepOutcome::PeriodStarts,
        current,
        Some(rule.legal_basis),
    )];
    cap(&mut current, long_stop, anchor, &mut steps);

    let mut ordered: Vec<&PrescriptionEvent> = events.iter().collect();
    ordered.sort_by_key(|event| event.on);
    let earliest = claim.arose_on.unwrap_or(claim.due_date).min(claim.due_date);
    for event in ordered {
        let kind = Some(event.kind);
        if event.on < earliest {
            steps.push(step(
                event.on,
                kind,
                StepOutcome::BeforeStart,
                current,
                None,
            ));
            continue;
        }
        if event.on > current {
            steps.push(step(
                event.on,
                kind,
                StepOutcome::AfterDeadline,
                current,
                None,
            ));
            continue;
        }
        match effect_of(rule, event.kind) {
            EventEffect::Restart { years, legal_basis } => {
                current = period_end(rule, event.on, years);
                steps.push(step(
                    event.on,
                    kind,
                    StepOutcome::Restarted,
                    current,
                    Some(legal_basis),
                ));
                cap(&mut current, long_stop, event.on, &mut steps);
            }
            EventEffect::Halt { legal_basis } => {
                steps.push(step(
                    event.on,
                    kind,
                    StepOutcome::Halted,
                    current,
                    Some(legal_basis),
                ));
                return Ok(PrescriptionOutcome {
                    status: PrescriptionStatus::Halted { since: event.on },
                    steps,
                });
            }
            EventEffect::NoEffect { legal_basis } => {
                steps.push(step(
                    event.on,
                    kind,
                    StepOutcome::NoEffect,
                    current,
                    Some(legal_basis),
                ));
            }
            EventEffect::NotEstablished => {
                steps.push(step(
                    event.on,
                    kind,
                    StepOutcome::NotEstablished,
                    current,
                    None,
                ));
            }
        }
    }
    Ok(PrescriptionOutcome {
        status: PrescriptionStatus::Running { deadline: current },
        steps,
    })
}

fn effect_of(rule: &PrescriptionRule, kind: PrescriptionEventKind) -> EventEffect {
    let effects = &rule.effects;
    match kind {
        PrescriptionEventKind::WrittenAcknowledgement => effects.written_acknowledgement,
        PrescriptionEventKind::OralAcknowledgement => effects.oral_acknowledgement,
        PrescriptionEventKind::PartPayment => effects.part_payment,
        PrescriptionEventKind::WrittenDemand => effects.written_demand,
        PrescriptionEventKind::CourtFiling => effects.court_filing,
    }
}

fn step(
    on: NaiveDate,
    event: Option<PrescriptionEventKind>,
    outcome: StepOutcome,
    deadline: NaiveDate,
    legal_basis: Option<&'static str>,
) -> PrescriptionStep {
    PrescriptionStep {
        on,
        event,
        outcome,
        deadline,
        legal_basis,
    }
}

/// Applies the long stop to `current`, recording it when it bites.
fn cap(
    current: &mut NaiveDate,
    long_stop: Option<NaiveDate>,
    on: NaiveDate,
    steps: &mut Vec<PrescriptionStep>,
) {
    if let Some(limit) = long_stop.filter(|limit| limit < current) {
        *current = limit;
        steps.push(step(on, None, StepOutcome::CappedByLongStop, limit, None));
    }
}

/// The last day of a period of `years` counted from `anchor` (the anchor day not counted).
fn period_end(rule: &PrescriptionRule, anchor: NaiveDate, years: u32) -> NaiveDate {
    let end = add_years(anchor, years);
    if rule.ends_at_year_end {
        end_of_year(end)
    } else {
        end
    }
}

/// `day` plus whole years; 29 February becomes 28 February in a common year. Saturates at the
/// end of chrono's range, which no real claim reaches.
fn add_years(day: NaiveDate, years: u32) -> NaiveDate {
    day.checked_add_months(Months::new(years.saturating_mul(12)))
        .unwrap_or(NaiveDate::MAX)
}

fn end_of_year(day: NaiveDate) -> NaiveDate {
    NaiveDate::from_ymd_opt(day.year(), 12, 31).unwrap_or(NaiveDate::MAX)
}
