//! Reading invoices and credit notes back: one with its lines and parties, or a page of them.

use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::fee_invoices::{self, FeeInvoiceLineRow, FeeInvoiceRow};
use solvo_persistence::repositories::page::{Page, PageRequest};

use super::figures;
use super::parties::Party;
use crate::error::AppError;
use crate::principal::Principal;

/// An invoice or credit note with everything it prints.
#[derive(Debug, Clone)]
pub struct FeeInvoice {
    /// The stored invoice.
    pub row: FeeInvoiceRow,
    /// Its lines in order.
    pub lines: Vec<FeeInvoiceLineRow>,
    /// The agency as of the day of issue.
    pub seller: Party,
    /// The creditor as of the day of issue.
    pub buyer: Party,
    /// For a credit note: the number of the invoice it cancels.
    pub credits_number: Option<String>,
    /// For an invoice: the credit note that cancelled it, by id and number.
    pub credited_by: Option<(String, String)>,
}

/// The invoice or credit note `id` as the caller may see it.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_fee_invoices`; [`AppError::NotFound`].
pub fn get(conn: &mut AnyConnection, caller: &Principal, id: &str) -> Result<FeeInvoice, AppError> {
    caller.require(Permission::ReadFeeInvoices)?;
    let row = fee_invoices::find(conn, caller.tenant_scope(), id)?;
    let lines = fee_invoices::lines_of(conn, &row.id)?;
    assemble(conn, row, lines)
}

/// One page of the invoices and credit notes the caller may see, oldest first.
///
/// # Errors
/// [`AppError::Forbidden`] without `read_fee_invoices`.
pub fn list(
    conn: &mut AnyConnection,
    caller: &Principal,
    page: &PageRequest,
) -> Result<Page<FeeInvoiceRow>, AppError> {
    caller.require(Permission::ReadFeeInvoices)?;
    Ok(fee_invoices::list(conn, caller.tenant_scope(), page)?)
}

/// An invoice with its parties and the documents it is linked to.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for unreadable parties.
pub(super) fn assemble(
    conn: &mut AnyConnection,
    row: FeeInvoiceRow,
    lines: Vec<FeeInvoiceLineRow>,
) -> Result<FeeInvoice, AppError> {
    let seller = Party::read(&row.seller, &row.id)?;
    let buyer = Party::read(&row.buyer, &row.id)?;
    let credits_number = match &row.credits_id {
        Some(id) => Some(figures::number(&fee_invoices::find(conn, None, id)?)?),
        None => None,
    };
    let credited_by = match fee_invoices::credit_note_of(conn, &row.id)? {
        Some(note) => Some((note.id.clone(), figures::number(&note)?)),
        None => None,
    };
    Ok(FeeInvoice {
        row,
        lines,
        seller,
        buyer,
        credits_number,
        credited_by,
    })
}
