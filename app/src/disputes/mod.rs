//! Disputes: a debtor contests the claim, in whole or in part. Raising one moves the case to
//! `disputed` (the state machine remembers where it was); it is decided once:
//!
//! - `rejected`: the claim stands, the case returns where it was (`resolve_dispute` rejected);
//! - `upheld` for the whole claim: the case closes `dispute_upheld`;
//! - `upheld` for part of it: a credit note reduces the principal by the amount credited
//!   (`solvo_domain::ledger::credit_note_postings`, the invoices named or else oldest first)
//!   and the case returns where it was (`resolve_dispute` upheld in part).
//!
//! While disputed the machine refuses what needs a working state (agreeing a payment plan,
//! escalating); contact stays allowed, as collectors record their conversations about the
//! dispute as activities, and interest is computed as ever (it is the creditor's to credit).

pub mod input;

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::case::StateName;
use solvo_domain::case::{Command, DisputeResolution, Facts};
use solvo_domain::ledger::{CreditError, InvoiceBalance, credit_note_postings};
use solvo_domain::money::Money;
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::PersistenceError;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::disputes::{self, DisputeRow, Resolution};
use solvo_persistence::repositories::ledger::{self as postings_repo, PostingRow};
use solvo_persistence::repositories::page::{Page, PageRequest};
use solvo_persistence::repositories::{documents, invoices};

pub use input::{DisputeCategory, DisputeOutcome, NewDispute, NewResolution};

use crate::arrangements::judge::judge;
use crate::cases::access::visible_case;
use crate::cases::balance;
use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::error::{AppError, FieldError};
use crate::money::{detail_json, to_minor};
use crate::principal::Principal;

/// A dispute read back: the row with its amounts and lists parsed.
#[derive(Debug, Clone)]
pub struct DisputeRecord {
    /// The stored row.
    pub row: DisputeRow,
    /// The category.
    pub category: DisputeCategory,
    /// The part disputed; `None` for the whole claim.
    pub disputed_amount: Option<Money>,
    /// What an upheld partial dispute credited.
    pub credited_amount: Option<Money>,
    /// The invoice numbers concerned (empty: all).
    pub invoice_numbers: Vec<String>,
    /// The documents relied on.
    pub document_ids: Vec<String>,
}

impl DisputeRecord {
    /// Parses a stored row.
    ///
    /// # Errors
    /// [`AppError::Corrupt`] for an unreadable column.
    pub fn from_row(row: DisputeRow) -> Result<Self, AppError> {
        let corrupt = |what: &str| AppError::corrupt("dispute", &row.id, what);
        let category = DisputeCategory::parse(&row.category).ok_or_else(|| corrupt("category"))?;
        let list = |raw: &str| serde_json::from_str::<Vec<String>>(raw);
        let invoice_numbers = list(&row.invoice_numbers).map_err(|_| corrupt("invoice_numbers"))?;
        let document_ids = list(&row.document_ids).map_err(|_| corrupt("document_ids"))?;
        let money = |minor: Option<i64>| minor.map(|minor| Money::from_minor(minor, row.currency));
        Ok(Self {
            disputed_amount: money(row.disputed_amount_minor),
            credited_amount: money(row.credited_amount_minor),
            category,
            invoice_numbers,
            document_ids,
            row,
        })
    }
}

/// A dispute raised or resolved, and the case after it.
#[derive(Debug, Clone)]
pub struct DisputeChange {
    /// The dispute.
    pub dispute: DisputeRecord,
    /// The case after the change.
    pub case: CaseRow,
}

/// Raises the dispute `input` on case `case_id`: the case moves to `disputed`.
///
/// # Errors
/// [`AppError::Forbidden`] without `raise_disputes`; [`AppError::NotFound`] for a case the
/// caller may not see; [`AppError::CaseClosed`]; [`AppError::Validation`] for bad fields, a
/// document or invoice not of the case, or an amount above the balance;
/// [`AppError::TransitionRefused`] where the machine refuses (already disputed, paused).
pub fn raise(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    input: &NewDispute,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<DisputeChange, AppError> {
    caller.require(Permission::RaiseDisputes)?;
    let case = visible_case(conn, caller, case_id)?;
    raise_on(conn, caller, &case, input, rates, now)
}

/// [`raise`] on `case`, which the caller was found to reach: by [`visible_case`] for staff,
/// by the portal's scope for a debtor raising their own dispute.
///
/// # Errors
/// As [`raise`], but for the permission and visibility checks.
pub(crate) fn raise_on(
    conn: &mut AnyConnection,
    caller: &Principal,
    case: &CaseRow,
    input: &NewDispute,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<DisputeChange, AppError> {
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    if case.state == StateName::Closed {
        return Err(AppError::CaseClosed);
    }
    let owed = balance::load(conn, &case, rates, now.date())?.outstanding;
    let valid = input.validate_for(owed.currency(), owed)?;
    let mut errors = Vec::new();
    for (index, document) in valid.document_ids.iter().enumerate() {
        match documents::find(conn, &case.id, document) {
            Ok(_) => {}
            Err(PersistenceError::NotFound) => errors.push(FieldError::new(
                format!("document_ids[{index}]"),
                "unknown_document",
                format!("The case has no document {document}."),
            )),
            Err(err) => return Err(err.into()),
        }
    }
    let numbers: Vec<String> = invoices::of_case(conn, &case.id)?
        .into_iter()
        .map(|invoice| invoice.number)
        .collect();
    for (index, number) in valid.invoice_numbers.iter().enumerate() {
        if !numbers.contains(number) {
            errors.push(FieldError::new(
                format!("invoice_numbers[{index}]"),
                "unknown_invoice",
                format!("The case has no invoice {number}."),
            ));
        }
    }
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    let dispute_id = new_id("dsp");
    let updated = apply_command(
        conn,
        &case,
        &Command::RaiseDispute {
            reason: valid.text.clone(),
        },
        &Facts::owing(owed),
        &ActorRef::from(caller),
        Extras {
            resume_on: None,
            detail: json!({
                "dispute_id": dispute_id,
                "category": valid.category.as_str(),
                "disputed_amount": valid.disputed_amount.map(detail_json),
                "invoice_numbers": valid.invoice_numbers,
                "document_ids": valid.document_ids,
            }),
        },
        now,
    )?;
    let row = DisputeRow {
        id: dispute_id,
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        category: valid.category.as_str().to_owned(),
        text: valid.text,
        disputed_amount_minor: valid
            .disputed_amount
            .map(|amount| to_minor(amount, "disputed_amount"))
            .transpose()?,
        currency: case.currency,
        invoice_numbers: serde_json::to_string(&valid.invoice_numbers)?,
        document_ids: serde_json::to_string(&valid.document_ids)?,
        raised_by: caller.actor_id().to_owned(),
        raised_at: now,
        status: "open".to_owned(),
        resolution_reasons: None,
        credited_amount_minor: None,
        resolved_by: None,
        resolved_at: None,
    };
    disputes::insert(conn, &row)?;
    Ok(DisputeChange {
        dispute: DisputeRecord::from_row(row)?,
        case: updated,
    })
}

/// Decides dispute `dispute_id` as `input` says.
///
/// # Errors
/// [`AppError::Forbidden`] without `resolve_disputes`; [`AppError::NotFound`] for a dispute the
/// caller may not see; [`AppError::DisputeResolved`] when it was decided before;
/// [`AppError::Validation`] for bad fields or a credit above the principal owed;
/// [`AppError::TransitionRefused`] when the case is no longer disputed (closed or reopened
/// meanwhile).
pub fn resolve(
    conn: &mut AnyConnection,
    caller: &Principal,
    dispute_id: &str,
    input: &NewResolution,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<DisputeChange, AppError> {
    caller.require(Permission::ResolveDisputes)?;
    let dispute = disputes::find(conn, caller.tenant_scope(), dispute_id)?;
    let case = visible_case(conn, caller, &dispute.case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    let dispute = DisputeRecord::from_row(disputes::find(conn, None, &dispute.id)?)?;
    if dispute.row.status != "open" {
        return Err(already_resolved(&dispute.row));
    }
    let today = now.date();
    let owed = balance::load(conn, &case, rates, today)?;
    let currency = owed.outstanding.currency();
    let valid = input.validate_for(currency, dispute.disputed_amount.is_some())?;
    let (resolution, credited) =
        match (valid.outcome, dispute.disputed_amount) {
            (DisputeOutcome::Rejected, _) => (DisputeResolution::Rejected, None),
            (DisputeOutcome::Upheld, None) => (DisputeResolution::Upheld, None),
            (DisputeOutcome::Upheld, Some(disputed)) => {
                let credit = valid.credited_amount.unwrap_or(disputed);
                let concerned: Vec<&InvoiceBalance> = owed
                    .invoices
                    .iter()
                    .filter(|invoice| {
                        dispute.invoice_numbers.is_empty()
                            || dispute.invoice_numbers.contains(&invoice.number)
                    })
                    .collect();
                let description = format!("Credit note: dispute {} upheld in part", dispute.row.id);
                let postings = credit_note_postings(credit, &concerned, today, &description)
                    .map_err(|err| match err {
                        CreditError::ExceedsPrincipal { owed, .. } => AppError::invalid(
                            "credited_amount",
                            "above_principal",
                            format!(
                                "The invoices concerned owe {} {} of principal; a credit is of at \
                             most that.",
                                owed.amount_string(),
                                currency.code()
                            ),
                        ),
                        CreditError::NotPositive => AppError::invalid(
                            "credited_amount",
                            "not_positive",
                            "The amount must be greater than zero.",
                        ),
                        CreditError::Money(err) => AppError::internal(err),
                    })?;
                let rows = postings
                    .iter()
                    .map(|posting| {
                        Ok(PostingRow {
                            id: new_id("pst"),
                            case_id: case.id.clone(),
                            invoice_id: posting.invoice.clone(),
                            account: posting.account,
                            amount_minor: to_minor(posting.amount, "credited_amount")?,
                            currency: case.currency,
                            effective_date: posting.effective_date,
                            description: posting.description.clone(),
                            created_at: now,
                            payment_id: None,
                        })
                    })
                    .collect::<Result<Vec<_>, AppError>>()?;
                postings_repo::insert_all(conn, &rows)?;
                (DisputeResolution::UpheldInPart, Some(credit))
            }
        };
    let updated = apply_command(
        conn,
        &case,
        &Command::ResolveDispute { resolution },
        &Facts::owing(owed.outstanding),
        &ActorRef::from(caller),
        Extras {
            resume_on: None,
            detail: json!({
                "dispute_id": dispute.row.id,
                "outcome": valid.outcome.as_str(),
                "reasons": valid.reasons,
                "credited_amount": credited.map(detail_json),
            }),
        },
        now,
    )?;
    let decided = Resolution {
        status: valid.outcome.as_str().to_owned(),
        reasons: valid.reasons,
        credited_amount_minor: credited
            .map(|credit| to_minor(credit, "credited_amount"))
            .transpose()?,
        resolved_by: caller.actor_id().to_owned(),
        resolved_at: now,
    };
    if !disputes::resolve(conn, &dispute.row.id, &decided)? {
        let row = disputes::find(conn, None, &dispute.row.id)?;
        return Err(already_resolved(&row));
    }
    // A case closed under a payment plan ends the plan; a credit may change what is owed.
    let updated = judge(conn, updated, today, now)?;
    Ok(DisputeChange {
        dispute: DisputeRecord::from_row(disputes::find(conn, None, &dispute.row.id)?)?,
        case: updated,
    })
}

fn already_resolved(row: &DisputeRow) -> AppError {
    let when = row
        .resolved_at
        .map(|at| format!(" on {}", at.date()))
        .unwrap_or_default();
    AppError::DisputeResolved(format!(
        "The dispute was already resolved ({}){when}; a dispute is decided once.",
        row.status
    ))
}

/// One page of the disputes of case `case_id`, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] for debtors; [`AppError::NotFound`] for a case the caller may not see.
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<DisputeRecord>, AppError> {
    caller.require(Permission::ReadCaseConversation)?;
    let case = visible_case(conn, caller, case_id)?;
    let rows = disputes::of_case(conn, &case.id, page)?;
    Ok(Page {
        items: rows
            .items
            .into_iter()
            .map(DisputeRecord::from_row)
            .collect::<Result<Vec<_>, _>>()?,
        next_cursor: rows.next_cursor,
    })
}

/// Dispute `dispute_id`, within the caller's tenant and through its case's visibility.
///
/// # Errors
/// [`AppError::Forbidden`] for debtors; [`AppError::NotFound`] for a dispute the caller may not
/// see.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    dispute_id: &str,
) -> Result<DisputeRecord, AppError> {
    caller.require(Permission::ReadCaseConversation)?;
    let row = disputes::find(conn, caller.tenant_scope(), dispute_id)?;
    visible_case(conn, caller, &row.case_id)?;
    DisputeRecord::from_row(row)
}
