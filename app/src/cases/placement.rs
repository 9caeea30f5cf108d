//! Placing a case: debtor, jurisdiction, duplicate checks, case number and RF reference, fee
//! terms, invoices, opening ledger postings, timeline, and assignment — all in the caller's
//! transaction, so a refused case leaves nothing behind.

use chrono::NaiveDateTime;
use solvo_domain::fees::FeeSchedule;
use solvo_domain::jurisdiction::{JurisdictionCode, choice};
use solvo_persistence::repositories::case_events::{self, CaseEventRow};
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::debtors::{self, DebtorRow};
use solvo_persistence::repositories::fee_schedules;
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::ledger::{self, PostingRow};
use solvo_persistence::{AnyConnection, PersistenceError};

use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;

use super::assignment::choose_collector;
use super::events::ActorRef;
use super::input::{DebtorChoice, ValidCase, ValidInvoice};
use super::plan::{Resolved, plan};
use super::read::{CaseDetails, assemble};
use crate::debtors::find_or_create;
use crate::error::{AppError, FieldError};
use crate::principal::Principal;

/// Sequence that numbers cases (and so their RF references).
pub const CASE_NUMBER_SEQUENCE: &str = "case_number";

/// Who places, for whom.
#[derive(Debug, Clone)]
pub struct PlacementContext {
    /// The creditor organisation.
    pub organisation_id: String,
    /// Who placed it, for the timeline.
    pub actor: ActorRef,
}

/// A placed case with what it was placed with.
#[derive(Debug, Clone)]
pub struct Placed {
    /// The case as stored (after assignment).
    pub case: CaseRow,
    /// Its debtor.
    pub debtor: DebtorRow,
    /// Its invoices.
    pub invoices: Vec<InvoiceRow>,
}

/// Why a case was not placed.
#[derive(Debug)]
pub enum PlacementError {
    /// A field is invalid in a way only the database can tell (unknown debtor id, …).
    Rejected(Vec<FieldError>),
    /// The case or one of its invoices was placed before.
    Duplicate {
        /// The case that holds it.
        existing_case_id: String,
        /// What is duplicated.
        detail: String,
    },
    /// Any other failure (conflicting debtor details, database errors).
    Failed(AppError),
}

impl From<AppError> for PlacementError {
    fn from(err: AppError) -> Self {
        Self::Failed(err)
    }
}

impl From<PersistenceError> for PlacementError {
    fn from(err: PersistenceError) -> Self {
        Self::Failed(err.into())
    }
}

impl From<diesel::result::Error> for PlacementError {
    fn from(err: diesel::result::Error) -> Self {
        Self::Failed(err.into())
    }
}

impl From<PlacementError> for AppError {
    fn from(err: PlacementError) -> Self {
        match err {
            PlacementError::Rejected(errors) => Self::Validation(errors),
            PlacementError::Duplicate {
                existing_case_id,
                detail,
            } => Self::DuplicateCase {
                existing_case_id,
                detail,
            },
            PlacementError::Failed(err) => err,
        }
    }
}

/// Places one case. `fee_terms` is the schedule charged (the quote's or the default).
///
/// # Errors
/// [`PlacementError`] saying why; nothing is written then (run it in a transaction or savepoint).
pub fn place(
    conn: &mut AnyConnection,
    context: &PlacementContext,
    case: ValidCase,
    fee_terms: Option<FeeSchedule>,
    now: NaiveDateTime,
) -> Result<Placed, PlacementError> {
    let debtor = resolve_debtor(conn, &context.organisation_id, case.debtor.clone())?;
    let jurisdiction = resolve_jurisdiction(case.jurisdiction, &debtor.country)?;
    reject_duplicates(
        conn,
        &context.organisation_id,
        &case.creditor_reference,
        &case.invoices,
    )?;
    let case_number = cases::next_number(conn, CASE_NUMBER_SEQUENCE, 1)?;
    let fee_terms = fee_terms.unwrap_or_else(|| FeeSchedule::default_for(case.currency));
    let schedule = super::fee_terms::stored(&fee_terms, now)?;
    fee_schedules::ensure(conn, std::slice::from_ref(&schedule))?;
    let collector = choose_collector(conn, &debtor.country, debtor.preferred_language.as_deref())?;
    let resolved = Resolved {
        case_id: solvo_persistence::ids::new_id("case"),
        organisation_id: &context.organisation_id,
        actor: &context.actor,
        debtor: &debtor,
        jurisdiction,
        case_number,
        fee_terms: &fee_terms,
        fee_schedule_id: &schedule.id,
        collector,
        now,
    };
    let reference = case.creditor_reference.clone();
    let plan = plan(case, &resolved)?;
    cases::insert(conn, &plan.case)
        .map_err(|err| duplicate_reference(conn, &context.organisation_id, &reference, err))?;
    write_rows(
        conn,
        std::slice::from_ref(&plan.case),
        &plan.invoices,
        &plan.postings,
        &plan.events,
    )?;
    Ok(Placed {
        case: plan.case,
        debtor,
        invoices: plan.invoices,
    })
}

/// Writes the invoices, postings, timeline and outbox events of placed cases, whose case rows
/// the caller has written (single placement maps a unique-index failure on the case to a
/// duplicate first).
///
/// # Errors
/// Database errors.
pub fn write_rows(
    conn: &mut AnyConnection,
    cases: &[CaseRow],
    invoices: &[InvoiceRow],
    postings: &[PostingRow],
    events: &[CaseEventRow],
) -> Result<(), PlacementError> {
    invoices::insert_all(conn, invoices)?;
    ledger::insert_all(conn, postings)?;
    case_events::insert_all(conn, events)?;
    crate::events::outbox::from_timelines(conn, cases, events)?;
    Ok(())
}

pub(crate) fn resolve_debtor(
    conn: &mut AnyConnection,
    organisation_id: &str,
    choice: DebtorChoice,
) -> Result<DebtorRow, PlacementError> {
    match choice {
        DebtorChoice::New(row) => Ok(find_or_create(conn, *row)?.0),
        DebtorChoice::Existing(id) => match debtors::find(conn, Some(organisation_id), &id) {
            Ok(row) => Ok(row),
            Err(PersistenceError::NotFound) => {
                Err(PlacementError::Rejected(vec![FieldError::new(
                    "debtor_id",
                    "unknown_debtor",
                    "No debtor of yours has this id.",
                )]))
            }
            Err(err) => Err(err.into()),
        },
    }
}

/// The explicit jurisdiction, or the debtor country's default; countries whose law differs by
/// state or province (US, CA, AU) need it named.
pub(crate) fn resolve_jurisdiction(
    explicit: Option<JurisdictionCode>,
    country: &str,
) -> Result<JurisdictionCode, PlacementError> {
    choice::choose(explicit.as_ref().map(JurisdictionCode::as_str), country)
        .map(|jurisdiction| jurisdiction.code)
        .map_err(|err| {
            PlacementError::Rejected(vec![FieldError::new(
                "jurisdiction",
                err.code(),
                err.to_string(),
            )])
        })
}

fn reject_duplicates(
    conn: &mut AnyConnection,
    organisation_id: &str,
    creditor_reference: &str,
    invoices: &[ValidInvoice],
) -> Result<(), PlacementError> {
    if let Some(existing) = cases::find_by_reference(conn, organisation_id, creditor_reference)? {
        return Err(PlacementError::Duplicate {
            detail: format!(
                "The creditor reference {creditor_reference} was placed before as case {}.",
                existing.id
            ),
            existing_case_id: existing.id,
        });
    }
    let numbers: Vec<String> = invoices
        .iter()
        .map(|invoice| invoice.number.clone())
        .collect();
    if let Some((number, case_id)) = invoices::placed_numbers(conn, organisation_id, &numbers)?
        .into_iter()
        .next()
    {
        return Err(PlacementError::Duplicate {
            detail: format!("Invoice {number} was placed before in case {case_id}."),
            existing_case_id: case_id,
        });
    }
    Ok(())
}

/// A unique-index failure on insert means a concurrent placement won the race: report it like
/// the duplicate it is.
fn duplicate_reference(
    conn: &mut AnyConnection,
    organisation_id: &str,
    reference: &str,
    err: PersistenceError,
) -> PlacementError {
    match err {
        PersistenceError::Conflict(_) => {
            match cases::find_by_reference(conn, organisation_id, reference) {
                Ok(Some(existing)) => PlacementError::Duplicate {
                    detail: format!(
                        "The creditor reference {reference} was placed before as case {}.",
                        existing.id
                    ),
                    existing_case_id: existing.id,
                },
                _ => PlacementError::Failed(AppError::Conflict(
                    "The case conflicts with one placed concurrently.".into(),
                )),
            }
        }
        other => other.into(),
    }
}

/// The use case behind `POST /v1/cases`: the caller's creditor places one validated case on the
/// quoted fee terms (or the default ones), and gets it back as its screen shows it.
///
/// # Errors
/// [`AppError::Forbidden`] for roles that may not place, a validation error for an unknown or
/// expired quote or debtor id, [`AppError::DuplicateCase`], [`AppError::DebtorConflict`].
pub fn place_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case: ValidCase,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<CaseDetails, AppError> {
    caller.require(Permission::PlaceCases)?;
    let context = PlacementContext {
        organisation_id: caller.organisation_id.clone(),
        actor: ActorRef::from(caller),
    };
    let fee_terms = super::fee_terms::for_placement(
        conn,
        &context.organisation_id,
        case.quote_id.as_deref(),
        case.currency,
        now,
    )?;
    let placed = place(conn, &context, case, fee_terms, now)?;
    let balance = super::balance::load(conn, &placed.case, rates, now.date())?;
    assemble(
        placed.case,
        placed.debtor,
        placed.invoices,
        // A new case has no legal steps.
        &[],
        balance,
        caller,
        now,
    )
}
