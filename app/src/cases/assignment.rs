//! Assignment: a new case goes to an enabled collector who covers the debtor's country and
//! language, least loaded first (ties to the earliest-created collector, so the choice is
//! deterministic). Without a covering collector the case waits unassigned for an agency admin.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::case::{Command, Facts};
use solvo_domain::identity::Role;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::{collectors, users};
use solvo_persistence::{AnyConnection, PersistenceError};

use super::access::visible_case;
use super::balance;
use super::events::ActorRef;
use super::transition::{Extras, apply_command};
use crate::error::AppError;
use crate::principal::Principal;

/// The collector for a debtor in `country` speaking `language` (`None`: any language).
///
/// # Errors
/// Database errors only.
pub fn choose_collector(
    conn: &mut AnyConnection,
    country: &str,
    language: Option<&str>,
) -> Result<Option<String>, AppError> {
    let candidates = collectors::candidates(conn, country, language)?;
    Ok(candidates
        .into_iter()
        .min_by(|a, b| {
            a.open_cases
                .cmp(&b.open_cases)
                .then_with(|| a.user_id.cmp(&b.user_id))
        })
        .map(|candidate| candidate.user_id))
}

/// An agency admin (re)assigns the case `case_id` to the enabled collector `collector_id`,
/// through the state machine's `assign` (refused on a closed case); returns the case as it is now.
///
/// # Errors
/// [`AppError::Forbidden`] for other roles, a validation error when `collector_id` is not an
/// enabled collector, [`AppError::TransitionRefused`], [`AppError::StaleVersion`].
pub fn assign(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    collector_id: &str,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseRow, AppError> {
    caller.require(Permission::AssignCases)?;
    let case = visible_case(conn, caller, case_id)?;
    let collector = match users::find(conn, collector_id) {
        Ok(user) if user.role == Role::Collector && !user.disabled => user,
        Ok(_) | Err(PersistenceError::NotFound) => {
            return Err(AppError::invalid(
                "collector_id",
                "not_a_collector",
                "No enabled collector has this id.",
            ));
        }
        Err(err) => return Err(err.into()),
    };
    let before = balance::load(conn, &case, rates, now.date())?;
    let command = Command::Assign {
        collector: collector.id.clone(),
    };
    cases::assign(conn, &case.id, Some(&collector.id), now)?;
    let current = cases::find(conn, None, &case.id)?;
    let extras = Extras {
        resume_on: current.resume_on,
        detail: json!({"collector_id": collector.id, "previous": case.collector_id}),
    };
    apply_command(
        conn,
        &current,
        &command,
        &Facts::owing(before.outstanding),
        &ActorRef::from(caller),
        extras,
        now,
    )
}
