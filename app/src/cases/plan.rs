//! The rows a placement writes, built without the database once the debtor, jurisdiction, case
//! number, fee terms and collector are known. Single and bulk placement share it, so a case
//! placed either way is stored the same.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::case::StateName;
use solvo_domain::case::{CaseState, Command, Facts, apply};
use solvo_domain::fees::FeeSchedule;
use solvo_domain::identifiers::CreditorReference;
use solvo_domain::jurisdiction::JurisdictionCode;
use solvo_domain::ledger::{self, LedgerInvoice};
use solvo_domain::money::Money;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::case_events::CaseEventRow;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::debtors::DebtorRow;
use solvo_persistence::repositories::invoices::InvoiceRow;
use solvo_persistence::repositories::ledger::PostingRow;

use super::events::{ActorRef, event};
use super::input::{ValidCase, ValidInvoice};
use crate::cases::timeline_kind::TimelineKind;
use crate::error::AppError;
use crate::money::{detail_json, to_minor};

/// Everything one placement writes.
#[derive(Debug, Clone)]
pub struct CasePlan {
    /// The case (already assigned when a collector was chosen).
    pub case: CaseRow,
    /// Its invoices.
    pub invoices: Vec<InvoiceRow>,
    /// Opening ledger postings.
    pub postings: Vec<PostingRow>,
    /// Timeline: `placed`, and `assign` when a collector was chosen.
    pub events: Vec<CaseEventRow>,
}

/// The rows of many plans gathered table by table, for one batch insert per table.
#[derive(Debug, Default)]
pub struct PlannedRows {
    /// Every plan's case.
    pub cases: Vec<CaseRow>,
    /// Every plan's invoices.
    pub invoices: Vec<InvoiceRow>,
    /// Every plan's opening postings.
    pub postings: Vec<PostingRow>,
    /// Every plan's timeline events.
    pub events: Vec<CaseEventRow>,
}

impl FromIterator<CasePlan> for PlannedRows {
    fn from_iter<I: IntoIterator<Item = CasePlan>>(plans: I) -> Self {
        let mut rows = Self::default();
        for plan in plans {
            rows.cases.push(plan.case);
            rows.invoices.extend(plan.invoices);
            rows.postings.extend(plan.postings);
            rows.events.extend(plan.events);
        }
        rows
    }
}

/// What a plan needs besides the validated case.
#[derive(Debug, Clone)]
pub struct Resolved<'a> {
    /// The new case's id (chosen early so a batch can name it before the rows exist).
    pub case_id: String,
    /// The creditor.
    pub organisation_id: &'a str,
    /// Who placed it.
    pub actor: &'a ActorRef,
    /// The debtor row (stored or about to be).
    pub debtor: &'a DebtorRow,
    /// The jurisdiction whose rules apply.
    pub jurisdiction: JurisdictionCode,
    /// The case number (RF reference base).
    pub case_number: i64,
    /// The fee schedule charged.
    pub fee_terms: &'a FeeSchedule,
    /// Its stored row's id (`fee_schedules`).
    pub fee_schedule_id: &'a str,
    /// The collector chosen, if any.
    pub collector: Option<String>,
    /// Placement time.
    pub now: NaiveDateTime,
}

/// Builds the rows of a placement.
///
/// # Errors
/// 422 when an amount does not fit the storage; 500 when serialisation fails.
pub fn plan(case: ValidCase, resolved: &Resolved<'_>) -> Result<CasePlan, AppError> {
    let now = resolved.now;
    let rf =
        CreditorReference::from_number(u64::try_from(resolved.case_number).unwrap_or_default());
    let principal = Money::checked_sum(
        case.invoices.iter().map(|invoice| invoice.amount),
        case.currency,
    )
    .map_err(|err| AppError::invalid("invoices", "too_large", err.to_string()))?;
    let mut row = CaseRow {
        id: resolved.case_id.clone(),
        organisation_id: resolved.organisation_id.to_owned(),
        debtor_id: resolved.debtor.id.clone(),
        debtor_country: resolved.debtor.country.clone(),
        case_number: resolved.case_number,
        rf_reference: rf.as_str().to_owned(),
        creditor_reference: case.creditor_reference,
        currency: case.currency,
        jurisdiction: resolved.jurisdiction,
        state: StateName::Submitted,
        state_detail: String::new(),
        outcome: None,
        collector_id: None,
        contractual_interest_rate: case
            .contractual_interest_rate
            .map(|rate| rate.normalize().to_string()),
        notes: case.notes,
        quote_id: case.quote_id,
        fee_schedule_id: resolved.fee_schedule_id.to_owned(),
        resume_on: None,
        next_action_on: None,
        version: 1,
        created_at: now,
        updated_at: now,
    };
    let mut state = CaseState::Submitted;
    let mut events = vec![event(
        &row.id,
        resolved.actor,
        TimelineKind::Placed,
        (None, Some(state.name().as_str())),
        &json!({"invoices": case.invoices.len(), "principal": detail_json(principal), "rf_reference": row.rf_reference}),
        now,
    )];
    if let Some(collector) = &resolved.collector {
        let command = Command::Assign {
            collector: collector.clone(),
        };
        let transition = apply(&state, &command, &Facts::owing(principal)).map_err(|refusal| {
            AppError::Internal(anyhow::anyhow!(
                "assigning a new case was refused: {refusal:?}"
            ))
        })?;
        events.push(event(
            &row.id,
            &ActorRef::system(),
            TimelineKind::Command(command.name()),
            (Some(state.name().as_str()), Some(transition.state.name().as_str())),
            &json!({"command": command, "events": transition.events, "collector_id": collector, "automatic": true}),
            now,
        ));
        state = transition.state;
        row.collector_id = Some(collector.clone());
    }
    row.state = state.name();
    row.state_detail = serde_json::to_string(&state).map_err(anyhow::Error::from)?;
    let invoices = invoice_rows(&row, &case.invoices, now)?;
    let postings = opening_postings(
        &row,
        &invoices,
        &case.invoices,
        resolved.jurisdiction,
        resolved.fee_terms,
        now,
    )?;
    Ok(CasePlan {
        case: row,
        invoices,
        postings,
        events,
    })
}

fn invoice_rows(
    case: &CaseRow,
    invoices: &[ValidInvoice],
    now: NaiveDateTime,
) -> Result<Vec<InvoiceRow>, AppError> {
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
                currency: case.currency,
                created_at: now,
            })
        })
        .collect()
}

/// The domain's opening postings (`solvo_domain::ledger::opening_postings`: principal per
/// invoice, the fixed recovery compensation as often as the jurisdiction says, the introduction
/// fee) as rows of the new case.
fn opening_postings(
    case: &CaseRow,
    rows: &[InvoiceRow],
    invoices: &[ValidInvoice],
    code: JurisdictionCode,
    fee_terms: &FeeSchedule,
    now: NaiveDateTime,
) -> Result<Vec<PostingRow>, AppError> {
    let ledger_invoices: Vec<LedgerInvoice> = rows
        .iter()
        .zip(invoices)
        .map(|(row, invoice)| LedgerInvoice {
            id: row.id.clone(),
            number: row.number.clone(),
            due_date: row.due_date,
            principal: invoice.amount,
        })
        .collect();
    let postings = ledger::opening_postings(
        &ledger_invoices,
        code,
        fee_terms.introduction_fee,
        now.date(),
    )
    .map_err(|err| AppError::invalid("invoices", "invalid_invoices", err.to_string()))?;
    postings
        .into_iter()
        .map(|posting| {
            Ok(PostingRow {
                id: new_id("pst"),
                case_id: case.id.clone(),
                invoice_id: posting.invoice,
                account: posting.account,
                amount_minor: to_minor(posting.amount, posting.account.as_str())?,
                currency: case.currency,
                effective_date: posting.effective_date,
                description: posting.description,
                created_at: now,
                payment_id: None,
            })
        })
        .collect()
}
