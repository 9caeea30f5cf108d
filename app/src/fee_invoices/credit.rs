//! A credit note: cancels one invoice in full, with every figure negated and the invoice named
//! (Article 219 of Directive 2006/112/EC treats a document that amends an invoice and refers to
//! it specifically as an invoice), and returns what the invoice billed to the next invoice run,
//! which bills it again with the parties' and the VAT's details of that day.

use chrono::{Datelike, NaiveDateTime};
use solvo_domain::invoicing::DocumentKind;
use solvo_domain::permission::Permission;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::fee_invoices::{self, FeeInvoiceLineRow, FeeInvoiceRow};
use solvo_persistence::{AnyConnection, PersistenceError};

use super::figures;
use super::input::NewCreditNote;
use super::read::{FeeInvoice, assemble};
use crate::error::AppError;
use crate::principal::Principal;

/// Cancels the invoice `invoice_id` with a credit note.
///
/// # Errors
/// [`AppError::Forbidden`] without `issue_fee_invoices`; [`AppError::NotFound`];
/// [`AppError::Validation`] for a blank reason; [`AppError::InvoiceCredited`] when the invoice
/// was credited before or is itself a credit note.
pub fn credit(
    conn: &mut AnyConnection,
    caller: &Principal,
    invoice_id: &str,
    input: &NewCreditNote,
    now: NaiveDateTime,
) -> Result<FeeInvoice, AppError> {
    caller.require(Permission::IssueFeeInvoices)?;
    let reason = input.validated()?;
    let invoice = fee_invoices::find(conn, caller.tenant_scope(), invoice_id)?;
    if figures::kind(&invoice)? != DocumentKind::Invoice {
        return Err(AppError::InvoiceCredited(format!(
            "{} is a credit note; only an invoice can be credited.",
            figures::number(&invoice)?
        )));
    }
    if let Some(note) = fee_invoices::credit_note_of(conn, &invoice.id)? {
        return Err(AppError::InvoiceCredited(format!(
            "{} was cancelled by credit note {} already.",
            figures::number(&invoice)?,
            figures::number(&note)?
        )));
    }
    let kind = DocumentKind::CreditNote;
    let issue_date = now.date();
    let year = issue_date.year();
    let sequence =
        fee_invoices::next_sequence(conn, kind.series(), year).map_err(|err| match err {
            PersistenceError::Conflict(_) => AppError::Conflict(
                "Another credit note was numbered at the same moment; try again.".into(),
            ),
            other => other.into(),
        })?;
    let id = new_id("fin");
    let row = FeeInvoiceRow {
        id: id.clone(),
        credits_id: Some(invoice.id.clone()),
        reason: Some(reason),
        series: kind.series().to_owned(),
        year,
        sequence,
        issue_date,
        net_minor: -invoice.net_minor,
        vat_minor: -invoice.vat_minor,
        withheld_minor: -invoice.withheld_minor,
        created_by: caller.actor_id().to_owned(),
        created_at: now,
        ..invoice.clone()
    };
    let lines: Vec<FeeInvoiceLineRow> = fee_invoices::lines_of(conn, &invoice.id)?
        .into_iter()
        .map(|line| FeeInvoiceLineRow {
            id: new_id("fil"),
            fee_invoice_id: id.clone(),
            net_minor: -line.net_minor,
            ..line
        })
        .collect();
    fee_invoices::insert(conn, &row, &lines).map_err(conflict)?;
    fee_invoices::release_items(conn, &invoice.id)?;
    crate::events::outbox::record(
        conn,
        &row.organisation_id,
        None,
        solvo_domain::webhook::EventType::FeeInvoiceIssued,
        &crate::events::payload::FeeInvoiceEventData::new(&row)?,
        now,
    )?;
    assemble(conn, row, lines)
}

fn conflict(err: PersistenceError) -> AppError {
    match err {
        PersistenceError::Conflict(_) => AppError::InvoiceCredited(
            "Another credit note was issued at the same moment; read the invoice again.".into(),
        ),
        other => other.into(),
    }
}
