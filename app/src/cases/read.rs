//! Reading one case with everything its screen needs: the debtor, the invoices, the balance and
//! prescription today, the state machine's state and the instructions the caller may send now.

use chrono::NaiveDateTime;
use solvo_domain::case::StateName;
use solvo_domain::case::{CaseState, Instruction, allowed_instructions};
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::collection_work::{self, AssessmentRow};
use solvo_persistence::repositories::debtors::{self, DebtorRow};
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::ledger;

use super::access::visible_case_with_debtor;
use super::balance::{self, Balance};
use super::prescription::{PrescriptionSummary, summarise};
use super::transition::state_of;
use crate::collection::assessment_due_at;
use crate::error::AppError;
use crate::principal::Principal;

/// One case as its screen shows it.
#[derive(Debug, Clone)]
pub struct CaseDetails {
    /// The case row.
    pub case: CaseRow,
    /// Its state machine state (with what a pause resumes to).
    pub state: CaseState,
    /// Its debtor.
    pub debtor: DebtorRow,
    /// Its invoices.
    pub invoices: Vec<InvoiceRow>,
    /// The balance today.
    pub balance: Balance,
    /// The earliest limitation deadline.
    pub prescription: PrescriptionSummary,
    /// What the caller may instruct now.
    pub allowed: Vec<Instruction>,
    /// The latest assessment, once recorded.
    pub assessment: Option<AssessmentRow>,
    /// When the assessment is due: 48 hours after placement.
    pub assessment_due_at: NaiveDateTime,
    /// The case still awaits its assessment past that time.
    pub assessment_overdue: bool,
}

/// The case `id` as the caller may see it.
///
/// # Errors
/// [`AppError::NotFound`] for another tenant's or a missing case; database errors.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseDetails, AppError> {
    let (case, debtor) = visible_case_with_debtor(conn, caller, id)?;
    details_with_debtor(conn, case, debtor, caller, rates, now)
}

/// Everything the case screen needs for a case already read.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for unreadable stored data.
pub fn details(
    conn: &mut AnyConnection,
    case: CaseRow,
    caller: &Principal,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseDetails, AppError> {
    let debtor = debtors::find(conn, None, &case.debtor_id)?;
    details_with_debtor(conn, case, debtor, caller, rates, now)
}

fn details_with_debtor(
    conn: &mut AnyConnection,
    case: CaseRow,
    debtor: DebtorRow,
    caller: &Principal,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseDetails, AppError> {
    let invoices = invoices::of_case(conn, &case.id)?;
    let postings = ledger::of_case(conn, &case.id)?;
    let balance = balance::compute(&case, &invoices, &postings, rates, now.date())?;
    let assessment = collection_work::latest_assessment(conn, &case.id)?;
    let events = super::prescription::events_of(conn, &case.id)?;
    let mut details = assemble(case, debtor, invoices, &events, balance, caller, now)?;
    details.assessment = assessment;
    Ok(details)
}

/// The details from parts a use case already holds (placement has them all).
///
/// # Errors
/// [`AppError::Corrupt`] when the stored state is unreadable.
pub fn assemble(
    case: CaseRow,
    debtor: DebtorRow,
    invoices: Vec<InvoiceRow>,
    events: &[solvo_domain::prescription::PrescriptionEvent],
    balance: Balance,
    caller: &Principal,
    now: NaiveDateTime,
) -> Result<CaseDetails, AppError> {
    let state = state_of(&case)?;
    let allowed = allowed_instructions(caller.role, &state);
    let prescription = summarise(&case, &invoices, events, now.date());
    let assessment_due_at = assessment_due_at(case.created_at);
    let assessment_overdue = case.state == StateName::Assessment && now > assessment_due_at;
    Ok(CaseDetails {
        case,
        state,
        debtor,
        invoices,
        balance,
        prescription,
        allowed,
        assessment: None,
        assessment_due_at,
        assessment_overdue,
    })
}
