//! A case's balance on a date, as sums of its ledger postings plus statutory interest computed
//! from the jurisdiction's rule over each invoice's principal as it changed. Nothing here is
//! stored: the ledger is the only record, so a balance can never drift from it.

use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use solvo_domain::interest::{BalanceChange, BalanceSchedule, InterestLine, statutory_interest};
use solvo_domain::jurisdiction::{self, JurisdictionCode};
use solvo_domain::money::{Currency, Money};
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::cases::CaseRow;
use solvo_persistence::repositories::invoices::{self, InvoiceRow};
use solvo_persistence::repositories::ledger::{self, PostingRow};

use crate::error::ApiError;

/// One interest line, with the invoice it runs on.
#[derive(Debug, Clone)]
pub struct InvoiceInterestLine {
    /// The creditor's invoice number.
    pub invoice: String,
    /// The computed line.
    pub line: InterestLine,
}

/// A balance on a date.
#[derive(Debug, Clone)]
pub struct Balance {
    /// The date it is computed for (interest runs through this day).
    pub as_of: NaiveDate,
    /// Principal still owed.
    pub principal: Money,
    /// Interest accrued to `as_of` (statutory or contractual).
    pub interest_accrued: Money,
    /// Interest still owed (accrued minus what payments covered).
    pub interest: Money,
    /// The lines of the accrued interest.
    pub interest_lines: Vec<InvoiceInterestLine>,
    /// Why interest could not be computed for some invoices (no verified rule, no rate data).
    pub interest_gaps: Vec<String>,
    /// Fixed recovery compensation owed.
    pub compensation: Money,
    /// Collection and legal costs owed.
    pub costs: Money,
    /// Fees the creditor owes the agency (not part of what the debtor owes).
    pub fees: Money,
    /// Paid by the debtor so far.
    pub paid: Money,
    /// What the debtor owes: principal + interest + compensation + costs.
    pub outstanding: Money,
}

/// Loads the case's invoices and postings and computes its balance on `as_of`.
///
/// # Errors
/// Database errors; 500 on corrupt stored amounts.
pub fn load(
    conn: &mut AnyConnection,
    case: &CaseRow,
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<Balance, ApiError> {
    let invoices = invoices::of_case(conn, &case.id)?;
    let postings = ledger::of_case(conn, &case.id)?;
    compute(case, &invoices, &postings, rates, as_of)
}

/// Computes a balance from rows already read.
///
/// # Errors
/// 500 on corrupt stored amounts or overflow.
pub fn compute(
    case: &CaseRow,
    invoices: &[InvoiceRow],
    postings: &[PostingRow],
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<Balance, ApiError> {
    let currency = Currency::parse(&case.currency).map_err(|err| corrupt(case, err))?;
    let effective: Vec<&PostingRow> = postings
        .iter()
        .filter(|posting| posting.effective_date <= as_of)
        .collect();
    let sum = |account: &str| -> Result<Money, ApiError> {
        let minor = effective
            .iter()
            .filter(|posting| posting.account == account)
            .try_fold(0_i64, |total, posting| {
                total.checked_add(posting.amount_minor)
            })
            .ok_or_else(|| {
                ApiError::Internal(anyhow::anyhow!("ledger of {} overflows", case.id))
            })?;
        Ok(Money::from_minor(minor, currency))
    };
    let principal = sum("principal")?;
    let interest_posted = sum("interest")?;
    let compensation = sum("compensation")?;
    let costs = sum("costs")?;
    let fees = sum("fees")?;
    let paid = Money::from_minor(0, currency)
        .checked_sub(sum("payment")?)
        .map_err(|err| corrupt(case, err))?;
    let (interest_lines, interest_gaps) =
        accrued_interest(case, currency, invoices, postings, rates, as_of)?;
    let interest_accrued =
        Money::checked_sum(interest_lines.iter().map(|line| line.line.amount), currency)
            .map_err(|err| corrupt(case, err))?;
    let interest = interest_accrued
        .checked_add(interest_posted)
        .map_err(|err| corrupt(case, err))?;
    let outstanding = Money::checked_sum([principal, interest, compensation, costs], currency)
        .map_err(|err| corrupt(case, err))?;
    Ok(Balance {
        as_of,
        principal,
        interest_accrued,
        interest,
        interest_lines,
        interest_gaps,
        compensation,
        costs,
        fees,
        paid,
        outstanding,
    })
}

fn corrupt(case: &CaseRow, err: impl std::fmt::Display) -> ApiError {
    ApiError::Internal(anyhow::anyhow!("balance of case {}: {err}", case.id))
}

/// Interest per invoice from the day after its due date through `as_of`, on its principal as
/// the principal postings changed it.
fn accrued_interest(
    case: &CaseRow,
    currency: Currency,
    invoices: &[InvoiceRow],
    postings: &[PostingRow],
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<(Vec<InvoiceInterestLine>, Vec<String>), ApiError> {
    let mut lines = Vec::new();
    let mut gaps = Vec::new();
    let rules = JurisdictionCode::parse(&case.jurisdiction)
        .ok()
        .and_then(jurisdiction::find);
    let contractual: Option<Decimal> = case
        .contractual_interest_rate
        .as_deref()
        .and_then(|rate| rate.parse().ok());
    for invoice in invoices {
        let Some(from) = invoice.due_date.checked_add_days(Days::new(1)) else {
            continue;
        };
        let Some(to) = as_of.checked_add_days(Days::new(1)) else {
            continue;
        };
        if to <= from {
            continue;
        }
        let Some(rule) = rules.and_then(|rules| rules.interest_rule_for(invoice.due_date)) else {
            gaps.push(format!(
                "Invoice {}: no verified statutory interest rule for {} applies; interest is not computed.",
                invoice.number, case.jurisdiction
            ));
            continue;
        };
        let schedule =
            schedule_of(invoice, postings, currency, as_of).map_err(|err| corrupt(case, err))?;
        match statutory_interest(rule, rates, &schedule, from, to, contractual) {
            Ok(breakdown) => {
                lines.extend(breakdown.lines.into_iter().map(|line| InvoiceInterestLine {
                    invoice: invoice.number.clone(),
                    line,
                }))
            }
            Err(err) => gaps.push(format!(
                "Invoice {}: interest is not available ({err}).",
                invoice.number
            )),
        }
    }
    Ok((lines, gaps))
}

/// The invoice's principal over time: its first principal posting, then every later principal
/// posting up to `as_of` as a dated change.
fn schedule_of(
    invoice: &InvoiceRow,
    postings: &[PostingRow],
    currency: Currency,
    as_of: NaiveDate,
) -> Result<BalanceSchedule, String> {
    let mut principal = postings
        .iter()
        .filter(|posting| {
            posting.account == "principal"
                && posting.invoice_id.as_deref() == Some(invoice.id.as_str())
        })
        .filter(|posting| posting.effective_date <= as_of);
    let opening = principal.next().map_or(0, |posting| posting.amount_minor);
    let changes = principal
        .map(|posting| BalanceChange {
            on: posting.effective_date,
            delta: Money::from_minor(posting.amount_minor, currency),
        })
        .collect();
    BalanceSchedule::new(Money::from_minor(opening, currency), changes)
        .map_err(|err| err.to_string())
}
