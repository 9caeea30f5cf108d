//! Placing a case: debtor, jurisdiction, duplicate checks, case number and RF reference, fee
//! terms, invoices, opening ledger postings, timeline, and assignment — all in the caller's
//! transaction, so a refused case leaves nothing behind.

use chrono::{Days, NaiveDateTime};
use serde_json::json;
use solvo_domain::case::{CaseState, Command, Facts};
use solvo_domain::fees::FeeSchedule;
use solvo_domain::identifiers::CreditorReference;
use solvo_domain::jurisdiction::{self, CompensationUnit, JurisdictionCode};
use solvo_domain::money::Money;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::debtors::{self, DebtorRow};
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::ledger::{self, PostingRow};
use solvo_persistence::repositories::case_events;
use solvo_persistence::{AnyConnection, PersistenceError};

use super::assignment::choose_collector;
use super::events::{ActorRef, event};
use super::input::{DebtorChoice, ValidCase};
use super::transition::apply_command;
use crate::error::{ApiError, FieldError};
use crate::money::{MoneyView, to_minor};
use crate::routes::debtors::find_or_create;

/// Sequence that numbers cases (and so their RF references).
const CASE_NUMBER_SEQUENCE: &str = "case_number";

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
    Failed(ApiError),
}

impl From<ApiError> for PlacementError {
    fn from(err: ApiError) -> Self {
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

impl From<PlacementError> for ApiError {
    fn from(err: PlacementError) -> Self {
        match err {
            PlacementError::Rejected(errors) => Self::Validation(errors),
            PlacementError::Duplicate { detail, .. } => Self::Conflict(detail),
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
    let debtor = resolve_debtor(conn, &context.organisation_id, case.debtor)?;
    let jurisdiction = resolve_jurisdiction(case.jurisdiction, &debtor.country)?;
    reject_duplicates(conn, &context.organisation_id, &case.creditor_reference, &case.invoices)?;
    let case_number = cases::next_number(conn, CASE_NUMBER_SEQUENCE)?;
    let rf = CreditorReference::from_number(u64::try_from(case_number).unwrap_or_default());
    let fee_terms = fee_terms.unwrap_or_else(|| FeeSchedule::default_for(case.currency));
    let state = CaseState::Submitted;
    let row = CaseRow {
        id: new_id("case"),
        organisation_id: context.organisation_id.clone(),
        debtor_id: debtor.id.clone(),
        case_number,
        rf_reference: rf.as_str().to_owned(),
        creditor_reference: case.creditor_reference,
        currency: case.currency.code().to_owned(),
        jurisdiction: jurisdiction.as_str().to_owned(),
        state: state.name().as_str().to_owned(),
        state_detail: serde_json::to_string(&state).map_err(anyhow::Error::from).map_err(ApiError::from)?,
        outcome: None,
        collector_id: None,
        contractual_interest_rate: case.contractual_interest_rate.map(|rate| rate.normalize().to_string()),
        notes: case.notes,
        quote_id: case.quote_id,
        fee_terms: serde_json::to_string(&fee_terms).map_err(anyhow::Error::from).map_err(ApiError::from)?,
        resume_on: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    cases::insert(conn, &row).map_err(|err| duplicate_reference(conn, &context.organisation_id, &row.creditor_reference, err))?;
    let invoice_rows = invoice_rows(&row, &case.invoices, now)?;
    invoices::insert_all(conn, &invoice_rows)?;
    let postings = opening_postings(&row, &invoice_rows, &case.invoices, jurisdiction, &fee_terms, now)?;
    ledger::insert_all(conn, &postings)?;
    let principal = Money::checked_sum(case.invoices.iter().map(|invoice| invoice.amount), case.currency)
        .map_err(|err| ApiError::invalid("invoices", "too_large", err.to_string()))?;
    let placed = event(
        &row.id,
        &context.actor,
        "placed",
        (None, Some(row.state.as_str())),
        &json!({"invoices": invoice_rows.len(), "principal": MoneyView::from(principal), "rf_reference": row.rf_reference}),
        now,
    );
    case_events::insert_all(conn, &[placed])?;
    let case_row = assign_on_placement(conn, row, &debtor, principal, now)?;
    Ok(Placed { case: case_row, debtor, invoices: invoice_rows })
}

fn resolve_debtor(conn: &mut AnyConnection, organisation_id: &str, choice: DebtorChoice) -> Result<DebtorRow, PlacementError> {
    match choice {
        DebtorChoice::New(row) => Ok(find_or_create(conn, *row)?.0),
        DebtorChoice::Existing(id) => match debtors::find(conn, Some(organisation_id), &id) {
            Ok(row) => Ok(row),
            Err(PersistenceError::NotFound) => Err(PlacementError::Rejected(vec![FieldError::new(
                "debtor_id",
                "unknown_debtor",
                "No debtor of yours has this id.",
            )])),
            Err(err) => Err(err.into()),
        },
    }
}

/// The explicit jurisdiction, or the debtor country's default; countries whose law differs by
/// state or province (US, CA, AU) need it named.
fn resolve_jurisdiction(explicit: Option<JurisdictionCode>, country: &str) -> Result<JurisdictionCode, PlacementError> {
    if let Some(code) = explicit {
        if code.country() != country {
            return Err(PlacementError::Rejected(vec![FieldError::new(
                "jurisdiction",
                "jurisdiction_country_mismatch",
                format!("The jurisdiction {} is not in the debtor's country {country}.", code.as_str()),
            )]));
        }
        return Ok(code);
    }
    if let Some(code) = jurisdiction::default_for_country(country) {
        return Ok(code);
    }
    JurisdictionCode::parse(country).map_err(|err| {
        PlacementError::Rejected(vec![FieldError::new("jurisdiction", "jurisdiction_required", err.to_string())])
    })
}

fn reject_duplicates(
    conn: &mut AnyConnection,
    organisation_id: &str,
    creditor_reference: &str,
    invoices: &[super::input::ValidInvoice],
) -> Result<(), PlacementError> {
    if let Some(existing) = cases::find_by_reference(conn, organisation_id, creditor_reference)? {
        return Err(PlacementError::Duplicate {
            detail: format!("The creditor reference {creditor_reference} was placed before as case {}.", existing.id),
            existing_case_id: existing.id,
        });
    }
    let numbers: Vec<String> = invoices.iter().map(|invoice| invoice.number.clone()).collect();
    if let Some((number, case_id)) = invoices::placed_numbers(conn, organisation_id, &numbers)?.into_iter().next() {
        return Err(PlacementError::Duplicate {
            detail: format!("Invoice {number} was placed before in case {case_id}."),
            existing_case_id: case_id,
        });
    }
    Ok(())
}

/// A unique-index failure on insert means a concurrent placement won the race: report it like
/// the duplicate it is.
fn duplicate_reference(conn: &mut AnyConnection, organisation_id: &str, reference: &str, err: PersistenceError) -> PlacementError {
    match err {
        PersistenceError::Conflict(_) => match cases::find_by_reference(conn, organisation_id, reference) {
            Ok(Some(existing)) => PlacementError::Duplicate {
                detail: format!("The creditor reference {reference} was placed before as case {}.", existing.id),
                existing_case_id: existing.id,
            },
            _ => PlacementError::Failed(ApiError::Conflict("The case conflicts with one placed concurrently.".into())),
        },
        other => other.into(),
    }
}

fn invoice_rows(case: &CaseRow, invoices: &[super::input::ValidInvoice], now: NaiveDateTime) -> Result<Vec<InvoiceRow>, ApiError> {
    invoices
        .iter()
        .enumerate()
        .map(|(index, invoice)| {
            Ok(InvoiceRow {
                id: new_id("inv"),
                case_id: case.id.clone(),
                organisation_id: case.organisation_id.clone(),
                number: invoice.number.clone(),
                issue_date: invoice.issue_date,
                due_date: invoice.due_date,
                amount_minor: to_minor(invoice.amount, &format!("invoices[{index}].amount"))?,
                currency: case.currency.clone(),
                created_at: now,
            })
        })
        .collect()
}

/// Principal per invoice (from its due date), the jurisdiction's fixed recovery compensation
/// where it applies in the case currency (from the day after the due date, when it becomes
/// payable), and the introduction fee owed by the creditor.
fn opening_postings(
    case: &CaseRow,
    rows: &[InvoiceRow],
    invoices: &[super::input::ValidInvoice],
    code: JurisdictionCode,
    fee_terms: &FeeSchedule,
    now: NaiveDateTime,
) -> Result<Vec<PostingRow>, ApiError> {
    let posting = |invoice_id: Option<&str>, account: &str, minor: i64, on, description: String| PostingRow {
        id: new_id("pst"),
        case_id: case.id.clone(),
        invoice_id: invoice_id.map(ToOwned::to_owned),
        account: account.to_owned(),
        amount_minor: minor,
        currency: case.currency.clone(),
        effective_date: on,
        description,
        created_at: now,
    };
    let mut postings = Vec::with_capacity(rows.len() * 2 + 1);
    let rules = jurisdiction::find(code);
    let mut compensated_once = false;
    for (row, invoice) in rows.iter().zip(invoices) {
        postings.push(posting(Some(&row.id), "principal", row.amount_minor, row.due_date, format!("Invoice {}", row.number)));
        let Some(rule) = rules.and_then(|rules| rules.compensation_for(invoice.due_date)) else { continue };
        if rule.unit == CompensationUnit::OncePerDefault && compensated_once {
            continue;
        }
        let Ok(amount) = rule.amount_for(invoice.amount) else { continue };
        let minor = to_minor(amount, "compensation")?;
        let payable_from = invoice.due_date.checked_add_days(Days::new(1)).unwrap_or(invoice.due_date);
        postings.push(posting(Some(&row.id), "compensation", minor, payable_from, format!("Recovery compensation ({})", rule.legal_basis)));
        compensated_once = true;
    }
    let fee = to_minor(fee_terms.introduction_fee, "fee_terms.introduction_fee")?;
    if fee != 0 && fee_terms.introduction_fee.currency().code() == case.currency {
        postings.push(posting(None, "fees", fee, now.date(), "Introduction fee".to_owned()));
    }
    Ok(postings)
}

fn assign_on_placement(
    conn: &mut AnyConnection,
    case: CaseRow,
    debtor: &DebtorRow,
    principal: Money,
    now: NaiveDateTime,
) -> Result<CaseRow, ApiError> {
    let Some(collector) = choose_collector(conn, &debtor.country, debtor.preferred_language.as_deref())? else {
        return Ok(case);
    };
    cases::assign(conn, &case.id, Some(&collector), now)?;
    let current = cases::find(conn, None, &case.id)?;
    let command = Command::Assign { collector: collector.clone() };
    let extras = super::transition::Extras { resume_on: None, detail: json!({"collector_id": collector, "automatic": true}) };
    apply_command(conn, &current, &command, &Facts::owing(principal), &ActorRef::system(), extras, now)
}
