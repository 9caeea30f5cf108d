//! The prescription summary a case shows: its earliest limitation deadline under the
//! jurisdiction's general rule, the invoice it falls on, and the warning due today.

use crate::cases::timeline_kind::Activity;
use chrono::NaiveDate;
use solvo_domain::case::StateName;
use solvo_domain::jurisdiction;
use solvo_domain::prescription::{
    ClaimDates, DEFAULT_WARNING_HORIZONS_DAYS, PrescriptionEvent, PrescriptionEventKind,
    WarningLevel, deadline, warnings,
};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::InvoiceRow;
use solvo_persistence::repositories::legal_steps;

/// A case's earliest limitation deadline.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PrescriptionSummary {
    /// Last day to interrupt or sue, if the jurisdiction's rule is known.
    pub deadline: Option<NaiveDate>,
    /// The invoice that prescribes first.
    pub invoice: Option<String>,
    /// The warning due today: approaching within a horizon, or expired.
    pub warning: Option<WarningLevel>,
    /// Days left until the deadline.
    pub days_left: Option<i64>,
    /// Statute and article.
    pub legal_basis: Option<String>,
}

impl PrescriptionSummary {
    /// Whether the earliest deadline has passed on `today` (the state machine's guard reads it).
    #[must_use]
    pub fn prescribed_on(&self, today: NaiveDate) -> bool {
        self.deadline.is_some_and(|deadline| deadline < today)
    }
}

/// The events on `case` that the prescription rules read: its court filings and judgments
/// (`POST /v1/cases/{id}/legal-steps`). Part payments and acknowledgments are not fed in yet: a
/// payment acknowledges the invoices it was allocated to only, so leaving them out keeps every
/// deadline on the early, safe side.
///
/// # Errors
/// Database errors.
pub fn events_of(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<PrescriptionEvent>, crate::error::AppError> {
    Ok(legal_steps::all_of_case(conn, case_id)?
        .into_iter()
        .filter_map(|step| {
            let kind = match step.kind.as_str() {
                "filing" => PrescriptionEventKind::CourtFiling,
                "judgment" => PrescriptionEventKind::Judgment,
                _ => return None,
            };
            Some(PrescriptionEvent {
                kind,
                on: step.occurred_on,
            })
        })
        .collect())
}

/// The summary for `case` with `invoices` and its `events` on `today`. A case whose period is
/// halted by proceedings has no deadline.
#[must_use]
pub fn summarise(
    case: &CaseRow,
    invoices: &[InvoiceRow],
    events: &[PrescriptionEvent],
    today: NaiveDate,
) -> PrescriptionSummary {
    let rule = jurisdiction::find(case.jurisdiction)
        .and_then(solvo_domain::jurisdiction::Jurisdiction::general_prescription);
    let Some(rule) = rule else {
        return PrescriptionSummary::default();
    };
    let earliest = invoices
        .iter()
        .filter_map(|invoice| {
            deadline(rule, ClaimDates::due(invoice.due_date), events)
                .ok()
                .and_then(|outcome| outcome.deadline())
                .map(|date| (date, invoice.number.clone()))
        })
        .min();
    let legal_basis = Some(rule.legal_basis.to_owned());
    let Some((date, invoice)) = earliest else {
        return PrescriptionSummary {
            legal_basis,
            ..PrescriptionSummary::default()
        };
    };
    let warning = warnings(date, today, &DEFAULT_WARNING_HORIZONS_DAYS)
        .into_iter()
        .last()
        .map(|warning| warning.level);
    PrescriptionSummary {
        deadline: Some(date),
        invoice: Some(invoice),
        warning,
        days_left: Some((date - today).num_days()),
        legal_basis,
    }
}

/// The day the scheduler warns of `deadline`, as seen on `today`: the most urgent warning due by
/// now (30 days before, else 90 days before, per
/// `solvo_domain::prescription::DEFAULT_WARNING_HORIZONS_DAYS`), or the day after the deadline
/// once it has passed; `None` while no warning is due.
#[must_use]
pub fn warning_day(deadline: NaiveDate, today: NaiveDate) -> Option<NaiveDate> {
    if today > deadline {
        return deadline.checked_add_days(chrono::Days::new(1));
    }
    let mut horizons = DEFAULT_WARNING_HORIZONS_DAYS;
    horizons.sort_unstable();
    horizons
        .iter()
        .filter_map(|days| deadline.checked_sub_days(chrono::Days::new(u64::from(*days))))
        .find(|on| *on <= today)
}

/// Records the prescription warning due on `due_on` on the case's timeline, if the case is open
/// and its deadline still gives that warning on that day; `false` otherwise.
///
/// # Errors
/// Database errors.
pub fn warn(
    conn: &mut solvo_persistence::AnyConnection,
    case_id: &str,
    due_on: NaiveDate,
    today: NaiveDate,
    now: chrono::NaiveDateTime,
) -> Result<bool, crate::error::AppError> {
    use solvo_persistence::repositories::{cases, invoices};
    let case = cases::find(conn, None, case_id)?;
    if case.state == StateName::Closed {
        return Ok(false);
    }
    let invoices = invoices::of_case(conn, &case.id)?;
    let events = events_of(conn, &case.id)?;
    let summary = summarise(&case, &invoices, &events, today);
    let Some(deadline) = summary.deadline else {
        return Ok(false);
    };
    if warning_day(deadline, due_on) != Some(due_on) {
        return Ok(false);
    }
    let detail = serde_json::json!({
        "deadline": deadline,
        "days_left": (deadline - today).num_days(),
        "warning": if due_on > deadline { "expired".to_owned() } else { format!("{} days", (deadline - due_on).num_days()) },
        "invoice": summary.invoice,
        "legal_basis": summary.legal_basis,
    });
    super::events::record_activity(
        conn,
        &case,
        &super::events::ActorRef::system(),
        Activity::PrescriptionWarning,
        &detail,
        now,
    )?;
    Ok(true)
}

#[cfg(test)]
mod watch_tests {
    use super::warning_day;
    use chrono::NaiveDate;

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn the_warning_due_is_the_most_urgent_one_reached() {
        // 2032-12-31 less 90 days is 2 October, less 30 days is 1 December.
        let deadline = day("2032-12-31");
        assert_eq!(warning_day(deadline, day("2032-10-01")), None);
        assert_eq!(
            warning_day(deadline, day("2032-10-02")),
            Some(day("2032-10-02"))
        );
        assert_eq!(
            warning_day(deadline, day("2032-11-30")),
            Some(day("2032-10-02"))
        );
        assert_eq!(
            warning_day(deadline, day("2032-12-01")),
            Some(day("2032-12-01"))
        );
        assert_eq!(
            warning_day(deadline, day("2032-12-31")),
            Some(day("2032-12-01"))
        );
        assert_eq!(
            warning_day(deadline, day("2033-01-01")),
            Some(day("2033-01-01"))
        );
    }
}
