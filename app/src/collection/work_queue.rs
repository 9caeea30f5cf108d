//! The work queue: the caller's cases that need them now, most urgent first. A case is in it
//! while it awaits its assessment (due 48 hours after placement) and from the day its next
//! action falls due. A collector sees their book, the agency admin every case.

use std::collections::BTreeMap;

use chrono::NaiveDateTime;
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseRow};

use super::assessment::assessment_due_at;
use crate::error::AppError;
use crate::principal::{CaseBook, Principal};

/// Why a case is in the queue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum QueueReason {
    /// It awaits its assessment.
    Assessment,
    /// Its next action is due.
    NextAction,
}

impl QueueReason {
    /// The wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Assessment => "assessment",
            Self::NextAction => "next_action",
        }
    }
}

/// One case in the queue.
#[derive(Debug, Clone)]
pub struct QueueItem {
    /// The case.
    pub case: CaseRow,
    /// Its debtor's legal name.
    pub debtor_name: String,
    /// Why it is here.
    pub reason: QueueReason,
    /// When it is due: the assessment deadline, or the start of the next action's day.
    pub due_at: NaiveDateTime,
    /// Past due: the assessment deadline has passed, or the next action's day was before today.
    pub overdue: bool,
}

/// At most `limit` cases of the caller's queue on `now`, most urgent first.
///
/// # Errors
/// [`AppError::Forbidden`] without `work_cases`; database errors.
pub fn queue(
    conn: &mut AnyConnection,
    caller: &Principal,
    now: NaiveDateTime,
    limit: i64,
) -> Result<Vec<QueueItem>, AppError> {
    caller.require(Permission::WorkCases)?;
    let collector = match caller.case_book() {
        CaseBook::Every => None,
        CaseBook::AssignedTo(me) => Some(me),
        CaseBook::Empty => return Ok(Vec::new()),
    };
    let today = now.date();
    let mut items: BTreeMap<String, QueueItem> = BTreeMap::new();
    for (case, debtor_name) in cases::awaiting_assessment(conn, collector, limit)? {
        let due_at = assessment_due_at(case.created_at);
        keep_earliest(
            &mut items,
            QueueItem {
                case,
                debtor_name,
                reason: QueueReason::Assessment,
                due_at,
                overdue: now > due_at,
            },
        );
    }
    for (case, debtor_name) in cases::next_action_due(conn, collector, today, limit)? {
        let Some(day) = case.next_action_on else {
            continue;
        };
        keep_earliest(
            &mut items,
            QueueItem {
                case,
                debtor_name,
                reason: QueueReason::NextAction,
                due_at: day.and_time(chrono::NaiveTime::MIN),
                overdue: day < today,
            },
        );
    }
    let mut items: Vec<QueueItem> = items.into_values().collect();
    items.sort_by(|a, b| (a.due_at, &a.case.id).cmp(&(b.due_at, &b.case.id)));
    items.truncate(usize::try_from(limit).unwrap_or(usize::MAX));
    Ok(items)
}

/// A case due for two reasons is listed once, under the earlier.
fn keep_earliest(items: &mut BTreeMap<String, QueueItem>, item: QueueItem) {
    match items.get(&item.case.id) {
        Some(held) if (held.due_at, held.reason) <= (item.due_at, item.reason) => {}
        _ => {
            items.insert(item.case.id.clone(), item);
        }
    }
}
