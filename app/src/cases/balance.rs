//! A case's balance on a date: the stored invoices and postings read back into the domain's
//! ledger types (one conversion, one policy for corrupt rows: [`AppError::Corrupt`] naming the
//! row) and handed to `solvo_domain::ledger::balance`, the pure function that sums the accounts
//! and computes statutory interest. Nothing here is stored: the ledger is the only record, so a
//! balance can never drift from it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use solvo_domain::ledger::{self, CaseTerms, LedgerInvoice, Posting};
pub use solvo_domain::ledger::{Balance, InterestGap, InvoiceInterestLine};
use solvo_domain::money::{Currency, Money};
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::ledger::{self as postings_repo, PostingRow};

use super::access::visible_case;
use crate::error::AppError;
use crate::principal::Principal;

/// The balance on `as_of` of case `case_id`, for a caller who may see it.
///
/// # Errors
/// [`AppError::NotFound`] for another tenant's or a missing case; database errors;
/// [`AppError::Corrupt`] for an unreadable stored row.
pub fn of_case(
    conn: &mut AnyConnection,
    caller: &Principal,
    case_id: &str,
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<Balance, AppError> {
    let case = visible_case(conn, caller, case_id)?;
    load(conn, &case, rates, as_of)
}

/// Loads the case's invoices and postings and computes its balance on `as_of`.
///
/// # Errors
/// Database errors; [`AppError::Corrupt`] for an unreadable stored row.
pub fn load(
    conn: &mut AnyConnection,
    case: &CaseRow,
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<Balance, AppError> {
    let invoices = invoices::of_case(conn, &case.id)?;
    let postings = postings_repo::of_case(conn, &case.id)?;
    compute(case, &invoices, &postings, rates, as_of)
}

/// Computes a balance from rows already read.
///
/// # Errors
/// [`AppError::Corrupt`] for an unreadable stored row or a ledger that does not add up.
pub fn compute(
    case: &CaseRow,
    invoices: &[InvoiceRow],
    postings: &[PostingRow],
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<Balance, AppError> {
    let terms = terms_of(case)?;
    let invoices = invoices
        .iter()
        .map(|row| invoice_of(row, terms.currency))
        .collect::<Result<Vec<_>, _>>()?;
    let postings = postings
        .iter()
        .map(|row| posting_of(row, terms.currency))
        .collect::<Result<Vec<_>, _>>()?;
    ledger::balance(&terms, &invoices, &postings, rates, as_of)
        .map_err(|err| AppError::corrupt("case", &case.id, err))
}

/// What the ledger needs of the case: jurisdiction, currency and the contractual rate.
///
/// # Errors
/// [`AppError::Corrupt`] when a stored value does not parse.
pub fn terms_of(case: &CaseRow) -> Result<CaseTerms, AppError> {
    let corrupt = |err: &dyn std::fmt::Display| AppError::corrupt("case", &case.id, err);
    let jurisdiction = case.jurisdiction;
    let currency = case.currency;
    let contractual_rate = case
        .contractual_interest_rate
        .as_deref()
        .map(str::parse::<Decimal>)
        .transpose()
        .map_err(|err| corrupt(&err))?;
    Ok(CaseTerms {
        jurisdiction,
        currency,
        contractual_rate,
    })
}

/// A stored invoice as the ledger sees it.
///
/// # Errors
/// [`AppError::Corrupt`] when its currency is not the case's.
pub fn invoice_of(row: &InvoiceRow, currency: Currency) -> Result<LedgerInvoice, AppError> {
    if row.currency != currency {
        return Err(AppError::corrupt(
            "invoice",
            &row.id,
            format!("currency {} on a {} case", row.currency, currency.code()),
        ));
    }
    Ok(LedgerInvoice {
        id: row.id.clone(),
        number: row.number.clone(),
        due_date: row.due_date,
        principal: Money::from_minor(row.amount_minor, currency),
    })
}

/// A stored posting as the ledger sees it.
///
/// # Errors
/// [`AppError::Corrupt`] for an unknown account or a currency other than the case's.
pub fn posting_of(row: &PostingRow, currency: Currency) -> Result<Posting, AppError> {
    let account = row.account;
    if row.currency != currency {
        return Err(AppError::corrupt(
            "posting",
            &row.id,
            format!("currency {} on a {} case", row.currency, currency.code()),
        ));
    }
    Ok(Posting {
        invoice: row.invoice_id.clone(),
        account,
        amount: Money::from_minor(row.amount_minor, currency),
        effective_date: row.effective_date,
        description: row.description.clone(),
    })
}
