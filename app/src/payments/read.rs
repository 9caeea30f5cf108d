//! Reading payments: a case's payments with their allocation, and one payment.

use std::collections::HashMap;

use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::ledger::{self as postings_repo, PostingRow};
use solvo_persistence::repositories::{invoices, payments};

use super::view::{PaymentRecord, invoice_numbers};
use crate::cases::access::visible_case;
use crate::error::AppError;
use crate::paging::{Page, PageRequest};
use crate::principal::Principal;

/// One page of the payments of case `case_id`, in the order recorded.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission; [`AppError::NotFound`] for a case the caller
/// may not see.
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    page: &PageRequest,
) -> Result<Page<PaymentRecord>, AppError> {
    caller.require(Permission::ReadPayments)?;
    let case = visible_case(conn, caller, case_id)?;
    let rows = payments::of_case(conn, &case.id, page)?;
    let ids: Vec<String> = rows.items.iter().map(|row| row.id.clone()).collect();
    let postings = postings_repo::of_payments(conn, &ids)?;
    let mut by_payment: HashMap<&str, Vec<&PostingRow>> = HashMap::new();
    for posting in &postings {
        if let Some(id) = posting.payment_id.as_deref() {
            by_payment.entry(id).or_default().push(posting);
        }
    }
    let invoice_rows = invoices::of_case(conn, &case.id)?;
    let numbers = invoice_numbers(&invoice_rows);
    let items = rows
        .items
        .into_iter()
        .map(|row| {
            let own = by_payment.remove(row.id.as_str()).unwrap_or_default();
            PaymentRecord::assemble(row, &own, &numbers)
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Page {
        items,
        next_cursor: rows.next_cursor,
    })
}

/// Payment `payment_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without the permission; [`AppError::NotFound`] for a payment the
/// caller may not see.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    payment_id: &str,
) -> Result<PaymentRecord, AppError> {
    caller.require(Permission::ReadPayments)?;
    let row = payments::find(conn, caller.tenant_scope(), payment_id)?;
    let case = visible_case(conn, caller, &row.case_id)?;
    let postings = postings_repo::of_payment(conn, &row.id)?;
    let own: Vec<&PostingRow> = postings.iter().collect();
    let invoice_rows = invoices::of_case(conn, &case.id)?;
    PaymentRecord::assemble(row, &own, &invoice_numbers(&invoice_rows))
}
