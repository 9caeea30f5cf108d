//! Writing events in the transaction of their change. Most events about a case are what its
//! timeline records ([`from_timeline`] maps a timeline entry to its event types); the rest
//! (a payment's confirmation, a remittance, a fee invoice) are recorded with [`record`].

use chrono::NaiveDateTime;
use serde::Serialize;
use solvo_domain::webhook::EventType;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::case_events::CaseEventRow;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::events::{self, EventRow};

use super::payload::CaseEventData;
use crate::error::AppError;

/// Records one event of `organisation_id` (about `case_id`, when it is about a case).
///
/// # Errors
/// Database errors.
pub fn record(
    conn: &mut AnyConnection,
    organisation_id: &str,
    case_id: Option<&str>,
    kind: EventType,
    data: &impl Serialize,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    record_as(
        conn,
        new_id("evt"),
        organisation_id,
        case_id,
        kind,
        data,
        now,
    )
}

/// [`record`] under an id taken earlier with [`reserve_id`]: events of one transaction are
/// published in the order of their ids, so an event whose data is only known at the end (a
/// payment's confirmation) can still come before the changes it caused (the case closing).
///
/// # Errors
/// Database errors.
pub fn record_as(
    conn: &mut AnyConnection,
    id: String,
    organisation_id: &str,
    case_id: Option<&str>,
    kind: EventType,
    data: &impl Serialize,
    now: NaiveDateTime,
) -> Result<(), AppError> {
    let row = EventRow {
        id,
        ..row(organisation_id, case_id, kind, data, now)?
    };
    events::insert_all(conn, &[row])?;
    Ok(())
}

/// An event id for [`record_as`], taken before the events it must precede.
#[must_use]
pub fn reserve_id() -> String {
    new_id("evt")
}

fn row(
    organisation_id: &str,
    case_id: Option<&str>,
    kind: EventType,
    data: &impl Serialize,
    now: NaiveDateTime,
) -> Result<EventRow, AppError> {
    Ok(EventRow {
        id: new_id("evt"),
        organisation_id: organisation_id.to_owned(),
        event_type: kind.as_str().to_owned(),
        case_id: case_id.map(ToOwned::to_owned),
        created_at: now,
        data: serde_json::to_string(data).map_err(|err| AppError::internal(err.to_string()))?,
        position: None,
    })
}

/// Records the events that timeline entries `rows` of `case` (as it is after them) stand for.
///
/// # Errors
/// Database errors.
pub fn from_timeline(
    conn: &mut AnyConnection,
    case: &CaseRow,
    rows: &[CaseEventRow],
) -> Result<(), AppError> {
    from_timelines(conn, std::slice::from_ref(case), rows)
}

/// [`from_timeline`] for entries of several cases (a bulk placement); an entry of a case not
/// in `cases` stands for nothing.
///
/// # Errors
/// Database errors.
pub fn from_timelines(
    conn: &mut AnyConnection,
    cases: &[CaseRow],
    rows: &[CaseEventRow],
) -> Result<(), AppError> {
    let by_id: std::collections::HashMap<&str, &CaseRow> =
        cases.iter().map(|case| (case.id.as_str(), case)).collect();
    let mut out = Vec::new();
    for entry in rows {
        let kinds = types_of(entry);
        let Some(case) = by_id.get(entry.case_id.as_str()) else {
            continue;
        };
        if kinds.is_empty() {
            continue;
        }
        let data = CaseEventData::new(case, entry);
        for kind in kinds {
            out.push(row(
                &case.organisation_id,
                Some(&case.id),
                kind,
                &data,
                entry.occurred_at,
            )?);
        }
    }
    events::insert_all(conn, &out)?;
    Ok(())
}

/// The event types a timeline entry stands for: what it records, then a change of state, then
/// a closing. An activity log entry, a fee or a refund is no event of the catalogue.
#[must_use]
pub fn types_of(entry: &CaseEventRow) -> Vec<EventType> {
    let mut kinds = Vec::new();
    let named = match entry.kind.as_str() {
        "placed" => Some(EventType::CaseCreated),
        "assign" => Some(EventType::CaseAssigned),
        "promise_made" => Some(EventType::PromiseCreated),
        "promise_kept" => Some(EventType::PromiseKept),
        "promise_broken" => Some(EventType::PromiseBroken),
        "agree_payment_plan" => Some(EventType::PaymentPlanAgreed),
        "payment_plan_defaulted" => Some(EventType::PaymentPlanDefaulted),
        "raise_dispute" => Some(EventType::DisputeRaised),
        "resolve_dispute" => Some(EventType::DisputeResolved),
        "escalate_pre_legal" => Some(EventType::LegalDecisionRequested),
        "message_posted" => Some(EventType::MessageCreated),
        "document_uploaded" => Some(EventType::DocumentAdded),
        "prescription_warning" => Some(EventType::PrescriptionWarning),
        "payment_reversed" => Some(EventType::PaymentReversed),
        _ => None,
    };
    kinds.extend(named);
    // A placement's first state is the case's creation, not a change.
    if let (Some(before), Some(after)) = (&entry.state_before, &entry.state_after)
        && before != after
    {
        kinds.push(EventType::CaseStateChanged);
        if after == "closed" {
            kinds.push(EventType::CaseClosed);
        }
    }
    kinds
}

#[cfg(test)]
mod tests {
    use super::types_of;
    use chrono::NaiveDate;
    use solvo_domain::webhook::EventType;
    use solvo_persistence::repositories::case_events::CaseEventRow;

    fn entry(kind: &str, before: Option<&str>, after: Option<&str>) -> CaseEventRow {
        CaseEventRow {
            id: "evt_1".into(),
            case_id: "case_1".into(),
            occurred_at: NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(9, 0, 0)
                .unwrap(),
            actor_kind: "system".into(),
            actor_id: None,
            kind: kind.into(),
            state_before: before.map(Into::into),
            state_after: after.map(Into::into),
            detail: "{}".into(),
        }
    }

    #[test]
    fn a_placement_is_a_creation_and_not_a_change_of_state() {
        assert_eq!(
            types_of(&entry("placed", None, Some("submitted"))),
            [EventType::CaseCreated]
        );
    }

    #[test]
    fn an_assignment_that_moves_the_case_is_both() {
        assert_eq!(
            types_of(&entry("assign", Some("submitted"), Some("assessment"))),
            [EventType::CaseAssigned, EventType::CaseStateChanged]
        );
    }

    #[test]
    fn a_payment_that_closes_the_case_changes_its_state_and_closes_it() {
        // The payment's own confirmation is recorded by the payment use case, with its
        // allocation; the timeline entry adds the change of state.
        assert_eq!(
            types_of(&entry("record_payment", Some("amicable"), Some("closed"))),
            [EventType::CaseStateChanged, EventType::CaseClosed]
        );
        assert!(types_of(&entry("record_payment", Some("amicable"), Some("amicable"))).is_empty());
    }

    #[test]
    fn activities_and_fees_are_not_events() {
        assert!(
            types_of(&entry(
                "activity_logged",
                Some("amicable"),
                Some("amicable")
            ))
            .is_empty()
        );
    }
}
