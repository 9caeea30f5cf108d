//! Proposing legal action and the creditor's decision on it.
//!
//! An agency user who works the case (its collector, or the agency admin) records a legal
//! assessment: recommendation, cost estimate, success probability, court route and expected
//! duration ([`assessment::record`]). It sends `escalate_pre_legal`, which moves the case to
//! `pre_legal`, where a revised assessment replaces the previous one. The creditor reads it
//! ([`assessment::latest`]) and decides ([`decision::decide`]): an approval names the estimate it
//! approves, which must be the one on record (else [`AppError::AssessmentChanged`]), and sends
//! `approve_legal` (to `legal`); a refusal sends `decline_legal` with its reason (back to
//! `amicable`). Assessment and decision are stored on the case's timeline only ([`record`]).
//!
//! The `escalate` instruction (`cases::instructions`) proposes and approves through the same
//! [`commands`], so both paths check and record the same.

pub mod assessment;
mod commands;
pub mod decision;
pub mod input;
pub mod record;

pub(crate) use commands::{LegalTurn, approve, propose};
pub use input::{
    AssessmentCommand, CourtRouteName, LegalDecision, LegalRecommendationName, NewLegalAssessment,
    NewLegalDecision,
};
pub use record::{AssessmentStatus, RecordedAssessment, RecordedBy, RecordedDecision};

use chrono::NaiveDateTime;
use solvo_domain::case::Facts;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::{invoices, ledger};

use crate::cases::access::visible_case;
use crate::cases::balance;
use crate::cases::facts::facts_for;
use crate::error::AppError;
use crate::principal::Principal;

/// The case `case_id` as the caller may see it, locked for this transaction (a concurrent
/// revision of the assessment waits, so a decision is taken on what is on record), with the
/// facts the guards read.
fn locked_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<(CaseRow, Facts), AppError> {
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    let invoices = invoices::of_case(conn, &case.id)?;
    let postings = ledger::of_case(conn, &case.id)?;
    let today = now.date();
    let balance = balance::compute(&case, &invoices, &postings, rates, today)?;
    let facts = facts_for(conn, &case, &invoices, &balance, today)?;
    Ok((case, facts))
}

/// The assessment just recorded or decided, read back with the case after the change.
fn read_back(conn: &mut AnyConnection, case: &CaseRow) -> Result<RecordedAssessment, AppError> {
    record::latest(conn, case)?
        .ok_or_else(|| AppError::internal(format!("case {} lost its legal assessment", case.id)))
}
