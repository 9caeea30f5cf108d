//! The prescription deadline of one claim, given its dates and the case's events.

use super::{
    ClaimDates, EventEffect, PrescriptionError, PrescriptionEvent, PrescriptionEventKind,
    PrescriptionOutcome, PrescriptionRule, PrescriptionStart, PrescriptionStatus, PrescriptionStep,
    StepOutcome,
};
use chrono::{Datelike, Months, NaiveDate};

/// Why an acknowledgment or part payment before a year-end start restarts nothing. The German
/// holding is applied to Estonia's identical start (`TsÜS` §147(3)) by the same reasoning, which
/// never gives a deadline earlier than the statute's own start does.
const BEFORE_YEAR_END_START: &str = "A new period presupposes a running one: an acknowledgment or part payment \
     before the year-end start leaves that start in place (BGH 8 January 2013, VIII ZR 344/12, on BGB s.212 \
     and s.199(1))";

/// Computes the deadline of a claim under `rule`, applying `events` in date order.
///
/// An event after the deadline changes nothing (no jurisdiction in the data revives a prescribed
/// claim by a later acknowledgment). A restart counts the new period from the event day without
/// any end-of-year shift (DE BGB s.212 has none; PL keeps its year-end rule). Under a year-end
/// start an event that would restart the period on or before the end of the year the claim fell
/// due restarts nothing: a new start presupposes a running period, so the period still starts at
/// the year-end (`BEFORE_YEAR_END_START`).
///
/// # Errors
/// [`PrescriptionError::MissingArisingDate`] when the rule needs the arising date.
pub fn deadline(
    rule: &PrescriptionRule,
    claim: ClaimDates,
    events: &[PrescriptionEvent],
) -> Result<PrescriptionOutcome, PrescriptionError> {
    let anchor = period_start(rule, claim)?;
    let mut long_stop = rule
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
    let judged = ends_halt_by_judgment(rule, events);
    let mut halted: Option<NaiveDate> = None;
    let earliest = claim.arose_on.unwrap_or(claim.due_date).min(claim.due_date);
    for event in ordered {
        let kind = Some(event.kind);
        // A step that leaves the deadline as it stands before this event.
        let here = move |outcome, legal_basis| step(event.on, kind, outcome, current, legal_basis);
        if event.on < earliest {
            steps.push(here(StepOutcome::BeforeStart, None));
            continue;
        }
        if let (Some(_), EventEffect::Restart { years, legal_basis }) =
            (halted, effect_of(rule, event.kind))
            && event.kind == PrescriptionEventKind::Judgment
        {
            // The judged claim's own period, from the judgment, without the general rule's
            // year-end or long stop: the judgment is its own title (BGB s.201, BW 3:324).
            halted = None;
            long_stop = None;
            current = add_years(event.on, years);
            steps.push(step(
                event.on,
                kind,
                StepOutcome::Restarted,
                current,
                Some(legal_basis),
            ));
            continue;
        }
        if halted.is_some() {
            steps.push(here(StepOutcome::Halted, None));
            continue;
        }
        if event.on > current {
            steps.push(here(StepOutcome::AfterDeadline, None));
            continue;
        }
        match effect_of(rule, event.kind) {
            EventEffect::Restart { .. } if starts_later_than(rule, anchor, event.on) => {
                steps.push(here(StepOutcome::BeforeStart, Some(BEFORE_YEAR_END_START)));
            }
            EventEffect::Restart { years, legal_basis } => {
                if rule.long_stop_moves_with_restart {
                    long_stop = rule.long_stop_years.map(|cap| add_years(event.on, cap));
                }
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
                steps.push(here(StepOutcome::Halted, Some(legal_basis)));
                if judged {
                    halted = Some(event.on);
                    continue;
                }
                return Ok(PrescriptionOutcome {
                    status: PrescriptionStatus::Halted { since: event.on },
                    steps,
                });
            }
            EventEffect::NoEffect { legal_basis } => {
                steps.push(here(StepOutcome::NoEffect, Some(legal_basis)));
            }
            EventEffect::NotEstablished => {
                steps.push(here(StepOutcome::NotEstablished, None));
            }
        }
    }
    if let Some(since) = halted {
        return Ok(PrescriptionOutcome {
            status: PrescriptionStatus::Halted { since },
            steps,
        });
    }
    Ok(PrescriptionOutcome {
        status: PrescriptionStatus::Running { deadline: current },
        steps,
    })
}

/// The day the first period runs from.
fn period_start(
    rule: &PrescriptionRule,
    claim: ClaimDates,
) -> Result<NaiveDate, PrescriptionError> {
    Ok(match rule.start {
        PrescriptionStart::DueDate => claim.due_date,
        // Saturates like `add_years`: no real claim is due on the last day chrono knows.
        PrescriptionStart::DayAfterDueDate => claim.due_date.succ_opt().unwrap_or(NaiveDate::MAX),
        PrescriptionStart::EndOfYearOfDueDate => end_of_year(claim.due_date),
        PrescriptionStart::ClaimArose => claim
            .arose_on
            .ok_or(PrescriptionError::MissingArisingDate)?,
    })
}

/// Whether a judgment among `events` gives the claim its own period, which ends a halt by
/// proceedings: until it, a halt holds the period, and the judgment starts the new one.
fn ends_halt_by_judgment(rule: &PrescriptionRule, events: &[PrescriptionEvent]) -> bool {
    matches!(rule.effects.judgment, EventEffect::Restart { .. })
        && events
            .iter()
            .any(|event| event.kind == PrescriptionEventKind::Judgment)
}

/// Whether the period of a year-end rule has not yet begun on `on`: it begins at the end of the
/// anchor day (31 December), so an event on that day still comes before it.
fn starts_later_than(rule: &PrescriptionRule, anchor: NaiveDate, on: NaiveDate) -> bool {
    rule.start == PrescriptionStart::EndOfYearOfDueDate && on <= anchor
}

fn effect_of(rule: &PrescriptionRule, kind: PrescriptionEventKind) -> EventEffect {
    let effects = &rule.effects;
    match kind {
        PrescriptionEventKind::WrittenAcknowledgement => effects.written_acknowledgement,
        PrescriptionEventKind::OralAcknowledgement => effects.oral_acknowledgement,
        PrescriptionEventKind::PartPayment => effects.part_payment,
        PrescriptionEventKind::WrittenDemand => effects.written_demand,
        PrescriptionEventKind::CourtFiling => effects.court_filing,
        PrescriptionEventKind::Judgment => effects.judgment,
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
