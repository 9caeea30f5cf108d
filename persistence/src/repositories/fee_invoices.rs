//! Fee invoices and credit notes, their lines, the items they bill and their numbers. Written
//! once, never changed or deleted; a credit note releases the items of the invoice it cancels.

use crate::stored_time::StoredTimestamp;
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::{exists, not};
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::repositories::ledger::PostingRow;
use crate::repositories::page::{Page, PageRequest};
use crate::repositories::payments::PaymentRow;
use crate::repositories::remittances::RemittanceRow;
use crate::schema::{
    cases, fee_invoice_items, fee_invoice_lines, fee_invoice_numbers, fee_invoices,
    ledger_postings, payments, remittances,
};
use solvo_domain::ledger::Account;
use solvo_domain::money::Currency;

/// A stored invoice or credit note.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = fee_invoices, treat_none_as_default_value = false)]
pub struct FeeInvoiceRow {
    /// `fin_…`
    pub id: String,
    /// The creditor billed.
    pub organisation_id: String,
    /// The invoice a credit note cancels.
    pub credits_id: Option<String>,
    /// Why a credit note cancels its invoice.
    pub reason: Option<String>,
    /// The numbering series: `INV` for an invoice, `CRN` for a credit note.
    pub series: String,
    /// The year of issue.
    pub year: i32,
    /// The place in the series and year.
    pub sequence: i64,
    /// ISO 4217.
    pub currency: Currency,
    /// The day of issue.
    pub issue_date: NaiveDate,
    /// The last day billed.
    pub period_end: NaiveDate,
    /// `standard`, `reverse_charge` or `outside_scope`.
    pub vat_treatment: String,
    /// The rate charged, basis points.
    pub vat_rate_bp: i32,
    /// Sum of the lines, minor units.
    pub net_minor: i64,
    /// VAT.
    pub vat_minor: i64,
    /// Commission already withheld from remittances.
    pub withheld_minor: i64,
    /// The agency as of the day of issue (JSON).
    pub seller: String,
    /// The creditor as of the day of issue (JSON).
    pub buyer: String,
    /// The user or API key that issued it.
    pub created_by: String,
    /// When.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
}

/// A stored line.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = fee_invoice_lines, treat_none_as_default_value = false)]
pub struct FeeInvoiceLineRow {
    /// `fil_…`
    pub id: String,
    /// The invoice.
    pub fee_invoice_id: String,
    /// 1 for the first line.
    pub position: i32,
    /// `case_fee`, `remittance_commission` or `direct_payment_commission`.
    pub source: String,
    /// What it bills (a posting, a remittance, a direct payment or its reversal).
    pub item: String,
    /// The case, when the item is one case's.
    pub case_id: Option<String>,
    /// As printed.
    pub description: String,
    /// Net, minor units.
    pub net_minor: i64,
}

/// Takes the next number of `series` in `year`. On PostgreSQL the row stays locked until the
/// transaction ends, so numbers are given in commit order; a rollback gives the number back.
///
/// # Errors
/// [`PersistenceError::Conflict`] when two transactions open a new year at the same moment.
pub fn next_sequence(
    conn: &mut AnyConnection,
    series: &str,
    year: i32,
) -> Result<i64, PersistenceError> {
    let key = || fee_invoice_numbers::table.find((series.to_owned(), year));
    let updated = diesel::update(key())
        .set(fee_invoice_numbers::last_sequence.eq(fee_invoice_numbers::last_sequence + 1))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(fee_invoice_numbers::table)
            .values((
                fee_invoice_numbers::series.eq(series.to_owned()),
                fee_invoice_numbers::year.eq(year),
                fee_invoice_numbers::last_sequence.eq(1_i64),
            ))
            .execute(conn)?;
        return Ok(1);
    }
    Ok(key()
        .select(fee_invoice_numbers::last_sequence)
        .first(conn)?)
}

/// Stores an invoice or credit note with its lines; an invoice claims the items it bills.
///
/// # Errors
/// [`PersistenceError::Conflict`] when another invoice billed one of the items meanwhile.
pub fn insert(
    conn: &mut AnyConnection,
    row: &FeeInvoiceRow,
    lines: &[FeeInvoiceLineRow],
) -> Result<(), PersistenceError> {
    diesel::insert_into(fee_invoices::table)
        .values(row)
        .execute(conn)?;
    for chunk in lines.chunks(500) {
        crate::dialect::insert_batch!(conn, fee_invoice_lines::table, chunk)?;
    }
    if row.credits_id.is_none() {
        for line in lines {
            diesel::insert_into(fee_invoice_items::table)
                .values((
                    fee_invoice_items::item.eq(line.item.clone()),
                    fee_invoice_items::fee_invoice_id.eq(row.id.clone()),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// Releases the items `invoice_id` billed, for the next invoice to bill again.
///
/// # Errors
/// Database errors only.
pub fn release_items(conn: &mut AnyConnection, invoice_id: &str) -> Result<(), PersistenceError> {
    diesel::delete(
        fee_invoice_items::table
            .filter(fee_invoice_items::fee_invoice_id.eq(invoice_id.to_owned())),
    )
    .execute(conn)?;
    Ok(())
}

/// The invoice or credit note `id`, within `organisation_id` when given.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none (or it is another creditor's).
pub fn find(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    id: &str,
) -> Result<FeeInvoiceRow, PersistenceError> {
    let mut query = fee_invoices::table
        .filter(fee_invoices::id.eq(id.to_owned()))
        .select(FeeInvoiceRow::as_select())
        .into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(fee_invoices::organisation_id.eq(organisation_id.to_owned()));
    }
    query
        .first(conn)
        .optional()?
        .ok_or(PersistenceError::NotFound)
}

/// The credit note that cancels `invoice_id`, if any.
///
/// # Errors
/// Database errors only.
pub fn credit_note_of(
    conn: &mut AnyConnection,
    invoice_id: &str,
) -> Result<Option<FeeInvoiceRow>, PersistenceError> {
    Ok(fee_invoices::table
        .filter(fee_invoices::credits_id.eq(invoice_id.to_owned()))
        .select(FeeInvoiceRow::as_select())
        .first(conn)
        .optional()?)
}

/// One page of invoices and credit notes, oldest first, of `organisation_id` when given.
///
/// # Errors
/// Database errors only.
pub fn list(
    conn: &mut AnyConnection,
    organisation_id: Option<&str>,
    page: &PageRequest,
) -> Result<Page<FeeInvoiceRow>, PersistenceError> {
    let mut query = fee_invoices::table.into_boxed();
    if let Some(organisation_id) = organisation_id {
        query = query.filter(fee_invoices::organisation_id.eq(organisation_id.to_owned()));
    }
    if let Some(after) = &page.after {
        query = query.filter(fee_invoices::id.gt(after.clone()));
    }
    let rows = query
        .order(fee_invoices::id.asc())
        .limit(page.fetch())
        .select(FeeInvoiceRow::as_select())
        .load(conn)?;
    Ok(Page::from_rows(rows, page, |row| &row.id))
}

/// The lines of an invoice in order.
///
/// # Errors
/// Database errors only.
pub fn lines_of(
    conn: &mut AnyConnection,
    invoice_id: &str,
) -> Result<Vec<FeeInvoiceLineRow>, PersistenceError> {
    Ok(fee_invoice_lines::table
        .filter(fee_invoice_lines::fee_invoice_id.eq(invoice_id.to_owned()))
        .order(fee_invoice_lines::position.asc())
        .select(FeeInvoiceLineRow::as_select())
        .load(conn)?)
}

/// Fees posted on the cases of `organisation_id` in `currency` by `period_end` and not billed.
///
/// # Errors
/// Database errors only.
pub fn unbilled_fees(
    conn: &mut AnyConnection,
    organisation_id: &str,
    currency: &str,
    period_end: NaiveDate,
) -> Result<Vec<PostingRow>, PersistenceError> {
    Ok(ledger_postings::table
        .inner_join(cases::table)
        .filter(cases::organisation_id.eq(organisation_id.to_owned()))
        .filter(ledger_postings::currency.eq(currency.to_owned()))
        .filter(ledger_postings::account.eq(Account::Fees))
        .filter(ledger_postings::effective_date.le(period_end))
        .filter(not(exists(
            fee_invoice_items::table.filter(fee_invoice_items::item.eq(ledger_postings::id)),
        )))
        .order(ledger_postings::id.asc())
        .select(PostingRow::as_select())
        .load(conn)?)
}

/// Remittances to `organisation_id` in `currency` run before `until` that withheld commission
/// and whose commission is not billed.
///
/// # Errors
/// Database errors only.
pub fn unbilled_remittances(
    conn: &mut AnyConnection,
    organisation_id: &str,
    currency: &str,
    until: NaiveDateTime,
) -> Result<Vec<RemittanceRow>, PersistenceError> {
    Ok(remittances::table
        .filter(remittances::organisation_id.eq(organisation_id.to_owned()))
        .filter(remittances::currency.eq(currency.to_owned()))
        .filter(remittances::created_at.lt(until))
        .filter(remittances::commission_minor.ne(0_i64))
        .filter(not(exists(
            fee_invoice_items::table.filter(fee_invoice_items::item.eq(remittances::id)),
        )))
        .order(remittances::id.asc())
        .select(RemittanceRow::as_select())
        .load(conn)?)
}

/// Payments made to the creditor directly, value-dated by `period_end`, never reversed and not
/// billed.
///
/// # Errors
/// Database errors only.
pub fn unbilled_direct_payments(
    conn: &mut AnyConnection,
    organisation_id: &str,
    currency: &str,
    period_end: NaiveDate,
) -> Result<Vec<PaymentRow>, PersistenceError> {
    Ok(payments::table
        .filter(payments::organisation_id.eq(organisation_id.to_owned()))
        .filter(payments::currency.eq(currency.to_owned()))
        .filter(payments::received_by.eq("creditor"))
        .filter(payments::value_date.le(period_end))
        .filter(payments::reversed_at.is_null())
        .filter(not(exists(
            fee_invoice_items::table.filter(fee_invoice_items::item.eq(payments::id)),
        )))
        .order(payments::id.asc())
        .select(PaymentRow::as_select())
        .load(conn)?)
}

/// Direct payments billed and reversed before `until` whose reversal is not billed.
///
/// # Errors
/// Database errors only.
pub fn reversed_since_billed(
    conn: &mut AnyConnection,
    organisation_id: &str,
    currency: &str,
    until: NaiveDateTime,
) -> Result<Vec<PaymentRow>, PersistenceError> {
    let billed: Vec<PaymentRow> = payments::table
        .filter(payments::organisation_id.eq(organisation_id.to_owned()))
        .filter(payments::currency.eq(currency.to_owned()))
        .filter(payments::received_by.eq("creditor"))
        .filter(payments::reversed_at.lt(until))
        .filter(exists(
            fee_invoice_items::table.filter(fee_invoice_items::item.eq(payments::id)),
        ))
        .order(payments::id.asc())
        .select(PaymentRow::as_select())
        .load(conn)?;
    let keys: Vec<String> = billed.iter().map(|p| reversal_item(&p.id)).collect();
    let taken: Vec<String> = fee_invoice_items::table
        .filter(fee_invoice_items::item.eq_any(keys))
        .select(fee_invoice_items::item)
        .load(conn)?;
    Ok(billed
        .into_iter()
        .filter(|payment| !taken.contains(&reversal_item(&payment.id)))
        .collect())
}

/// The item key of a direct payment's reversal.
#[must_use]
pub fn reversal_item(payment_id: &str) -> String {
    format!("{payment_id}:reversal")
}

/// The direct-payment commission lines on `case_ids` of invoices that stand (their items not
/// released by a credit note).
///
/// # Errors
/// Database errors only.
pub fn standing_direct_lines(
    conn: &mut AnyConnection,
    case_ids: &[String],
) -> Result<Vec<FeeInvoiceLineRow>, PersistenceError> {
    Ok(fee_invoice_lines::table
        .filter(fee_invoice_lines::case_id.eq_any(case_ids.to_vec()))
        .filter(fee_invoice_lines::source.eq("direct_payment_commission"))
        .filter(exists(
            fee_invoice_items::table
                .filter(fee_invoice_items::item.eq(fee_invoice_lines::item))
                .filter(fee_invoice_items::fee_invoice_id.eq(fee_invoice_lines::fee_invoice_id)),
        ))
        .order(fee_invoice_lines::id.asc())
        .select(FeeInvoiceLineRow::as_select())
        .load(conn)?)
}
