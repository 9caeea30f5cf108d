//! Recording a payment: allocated by the jurisdiction's order onto what each invoice owes on the
//! value date, written as ledger postings with the payment, in one transaction that holds the
//! case's lock, so two payments on one case are allocated one after the other.

use chrono::NaiveDateTime;
use serde_json::json;
use solvo_domain::allocation::{AllocationError, AllocationRule, Designation};
use solvo_domain::case::{Command, Facts};
use solvo_domain::jurisdiction;
use solvo_domain::ledger::{
    self, LedgerInvoice, PaymentError, Posting, allocate_payment, open_invoices, payment_postings,
};
use solvo_domain::money::{Currency, Money};
use solvo_domain::permission::Permission;
use solvo_domain::rates::RateTables;
use solvo_domain::webhook::EventType;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::cases::{self, CaseRow};
use solvo_persistence::repositories::invoices;
use solvo_persistence::repositories::ledger::{self as postings_repo, PostingRow};
use solvo_persistence::repositories::payments::{self, PaymentRow};

use super::input::{NewPayment, ReceivedBy, ValidPayment};
use super::view::{PaymentRecord, invoice_numbers};
use crate::arrangements::judge::judge;
use crate::cases::access::visible_case;
use crate::cases::balance::{invoice_of, posting_of, terms_of};
use crate::cases::events::ActorRef;
use crate::cases::transition::{Extras, apply_command};
use crate::error::AppError;
use crate::money::{detail_json, to_minor};
use crate::principal::Principal;

/// A recorded payment and the case after it (closed `paid_in_full` when it settled everything).
#[derive(Debug, Clone)]
pub struct Recorded {
    /// The payment with its allocation.
    pub payment: PaymentRecord,
    /// The case after the payment.
    pub case: CaseRow,
}

/// Records `input` on case `case_id` as received by the agency or, for a direct payment, by the
/// creditor.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission; [`AppError::NotFound`] for a case the caller
/// may not see; [`AppError::Validation`] for bad fields, an unknown designated invoice, or an
/// allocation the law leaves open without the creditor's order;
/// [`AppError::TransitionRefused`] on a closed case.
pub fn record(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    received_by: ReceivedBy,
    input: &NewPayment,
    rates: &RateTables,
    now: NaiveDateTime,
) -> Result<Recorded, AppError> {
    caller.require(match received_by {
        ReceivedBy::Agency => Permission::RecordPayments,
        ReceivedBy::Creditor => Permission::ReportDirectPayments,
    })?;
    let case = visible_case(conn, caller, case_id)?;
    cases::lock_for_change(conn, &case.id, now)?;
    let case = cases::find(conn, None, &case.id)?;
    let terms = terms_of(&case)?;
    let valid = input.validate_for(terms.currency, now.date())?;
    let invoice_rows = invoices::of_case(conn, &case.id)?;
    let posting_rows = postings_repo::of_case(conn, &case.id)?;
    let invoices = invoice_rows
        .iter()
        .map(|row| invoice_of(row, terms.currency))
        .collect::<Result<Vec<_>, _>>()?;
    let postings = posting_rows
        .iter()
        .map(|row| posting_of(row, terms.currency))
        .collect::<Result<Vec<_>, _>>()?;
    let designated = designated_invoice(&valid, &invoices)?;
    let open = open_invoices(&terms, &invoices, &postings, rates, valid.value_date)
        .map_err(|err| AppError::corrupt("case", &case.id, err))?;
    let rule = jurisdiction::find(terms.jurisdiction)
        .and_then(|rules| rules.allocation)
        .unwrap_or(AllocationRule::UNKNOWN);
    let designation = designated.as_ref().map(|invoice| Designation {
        invoice,
        creditor_consents: valid.creditor_consents,
    });
    let allocation = allocate_payment(
        &rule,
        valid.amount,
        &open,
        designation,
        valid.allocation_order,
    )
    .map_err(|err| refused_allocation(&err, &case.id))?;
    let payment_id = new_id("pay");
    let description = format!("Payment {payment_id}");
    let made = payment_postings(
        valid.amount,
        valid.value_date,
        &open,
        &allocation,
        &description,
    )
    .map_err(|err| AppError::corrupt("case", &case.id, err))?;
    let owed_before = owed_on(&open, terms.currency)?;
    // The confirmation comes before the case's change of state it may cause (a close).
    let confirmation = crate::events::outbox::reserve_id();
    let updated = apply_command(
        conn,
        &case,
        &Command::RecordPayment {
            amount: valid.amount,
        },
        &Facts::owing(owed_before),
        &ActorRef::from(caller),
        Extras {
            resume_on: case.resume_on,
            detail: json!({
                "payment_id": payment_id,
                "received_by": received_by.as_str(),
                "amount": detail_json(valid.amount),
                "value_date": valid.value_date,
                "method": valid.method.as_str(),
                "unapplied": detail_json(allocation.outcome.unapplied),
            }),
        },
        now,
    )?;
    let row = PaymentRow {
        id: payment_id.clone(),
        case_id: case.id.clone(),
        organisation_id: case.organisation_id.clone(),
        received_by: received_by.as_str().to_owned(),
        amount_minor: to_minor(valid.amount, "amount")?,
        currency: case.currency,
        value_date: valid.value_date,
        method: valid.method.as_str().to_owned(),
        bank_reference: valid.bank_reference.clone(),
        payer: valid.payer.clone(),
        designated_invoice_id: designated,
        designation_honoured: allocation.designation_honoured,
        recorded_by: caller.actor_id().to_owned(),
        created_at: now,
        reversed_at: None,
        reversal_reason: None,
        reversed_by: None,
    };
    payments::insert(conn, &row)?;
    let stored = rows_of(&made, &case, &payment_id, now)?;
    postings_repo::insert_all(conn, &stored)?;
    let own: Vec<&PostingRow> = stored.iter().collect();
    let payment = PaymentRecord::assemble(row, &own, &invoice_numbers(&invoice_rows))?;
    let applied = payment
        .amount
        .checked_sub(payment.unapplied)
        .map_err(|err| AppError::internal(err.to_string()))?;
    let outstanding = owed_before
        .checked_sub(applied)
        .map_err(|err| AppError::internal(err.to_string()))?;
    crate::events::outbox::record_as(
        conn,
        confirmation,
        &updated.organisation_id,
        Some(&updated.id),
        EventType::PaymentReceived,
        &crate::events::payload::PaymentEventData::new(&updated, &payment, outstanding),
        now,
    )?;
    // The money may keep a promise or pay off a plan: judged now, in the same transaction.
    let case = judge(conn, updated, now.date(), now)?;
    Ok(Recorded { payment, case })
}

/// The designated invoice's key, from its number.
fn designated_invoice(
    valid: &ValidPayment,
    invoices: &[LedgerInvoice],
) -> Result<Option<String>, AppError> {
    let Some(number) = &valid.invoice_number else {
        return Ok(None);
    };
    invoices
        .iter()
        .find(|invoice| invoice.number == *number)
        .map(|invoice| Some(invoice.id.clone()))
        .ok_or_else(|| {
            AppError::invalid(
                "invoice_number",
                "unknown_invoice",
                format!("The case has no invoice numbered `{number}`."),
            )
        })
}

/// What the debtor owed when the money arrived, as the allocation saw it.
fn owed_on(open: &[ledger::OpenInvoice], currency: Currency) -> Result<Money, AppError> {
    let totals = open
        .iter()
        .map(|invoice| invoice.item.total())
        .collect::<Result<Vec<_>, _>>()
        .and_then(|totals| Money::checked_sum(totals, currency))
        .map_err(|err| AppError::internal(err.to_string()))?;
    Ok(totals)
}

/// The refusal a client can act on, or a corrupt ledger.
fn refused_allocation(err: &PaymentError, case_id: &str) -> AppError {
    match err {
        PaymentError::Allocation(AllocationError::OrderNotEstablished(a, b)) => AppError::invalid(
            "allocation_order",
            "allocation_order_required",
            format!(
                "The law of this case does not say whether {} or {} is paid first, and this \
                 payment must choose: give the creditor's `allocation_order`.",
                a.as_str(),
                b.as_str()
            ),
        ),
        PaymentError::OrderContradictsTheLaw { earlier, later } => AppError::invalid(
            "allocation_order",
            "contradicts_the_law",
            format!(
                "The law of this case pays {} before {}; the allocation order must keep that.",
                earlier.as_str(),
                later.as_str()
            ),
        ),
        PaymentError::Allocation(AllocationError::UnknownDesignatedInvoice) => AppError::invalid(
            "invoice_number",
            "unknown_invoice",
            "The designated invoice is not on this case.",
        ),
        other => AppError::corrupt("case", case_id, other),
    }
}

/// The domain postings as rows carrying the payment's id.
pub(super) fn rows_of(
    postings: &[Posting],
    case: &CaseRow,
    payment_id: &str,
    now: NaiveDateTime,
) -> Result<Vec<PostingRow>, AppError> {
    postings
        .iter()
        .map(|posting| {
            Ok(PostingRow {
                id: new_id("pst"),
                case_id: case.id.clone(),
                invoice_id: posting.invoice.clone(),
                account: posting.account,
                amount_minor: to_minor(posting.amount, posting.account.as_str())?,
                currency: case.currency,
                effective_date: posting.effective_date,
                description: posting.description.clone(),
                created_at: now,
                payment_id: Some(payment_id.to_owned()),
            })
        })
        .collect()
}
