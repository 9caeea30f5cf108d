//! A case's balance on a date: sums of its ledger postings plus statutory interest computed from
//! the jurisdiction's rule over each invoice's principal as it changed.

use super::{Account, InvoiceKey, LedgerInvoice, Posting};
use crate::interest::{
    BalanceChange, BalanceSchedule, InterestError, InterestLine, InterestRule, statutory_interest,
};
use crate::jurisdiction::{self, JurisdictionCode};
use crate::money::{Currency, Money, MoneyError};
use crate::rates::RateTables;
use chrono::{Days, NaiveDate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt;

/// What a balance needs to know of the case besides its invoices and postings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CaseTerms {
    /// The jurisdiction whose interest rule applies.
    pub jurisdiction: JurisdictionCode,
    /// The case currency; every posting must be in it.
    pub currency: Currency,
    /// The rate the parties agreed, in percent per year, which replaces the statutory rate as the
    /// rule's contractual-rate policy says.
    pub contractual_rate: Option<Decimal>,
}

/// One interest line, with the invoice it runs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceInterestLine {
    /// The creditor's invoice number.
    pub invoice: String,
    /// The computed line.
    pub line: InterestLine,
}

/// Why interest is not computed for one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InterestGapReason {
    /// No verified statutory rule of the jurisdiction covers the invoice (or the jurisdiction is
    /// not in the data).
    NoRule {
        /// The case's jurisdiction.
        jurisdiction: JurisdictionCode,
    },
    /// The rule applies but the computation could not be done (a period too long, overflow).
    Unavailable(InterestError),
    /// The rate for part of the period is not known yet (not published, or not in the tables):
    /// interest up to the gap is in the lines, the days of the gap are not computed.
    RateMissing(crate::interest::InterestGap),
}

/// An invoice whose interest is left out of the balance, and why. `Display` gives the sentence
/// the api shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InterestGap {
    /// The creditor's invoice number.
    pub invoice: String,
    /// Why.
    pub reason: InterestGapReason,
}

impl fmt::Display for InterestGap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.reason {
            InterestGapReason::NoRule { jurisdiction } => write!(
                f,
                "Invoice {}: no verified statutory interest rule for {jurisdiction} applies; \
                 interest is not computed.",
                self.invoice
            ),
            InterestGapReason::Unavailable(reason) => write!(
                f,
                "Invoice {}: interest is not available ({reason}).",
                self.invoice
            ),
            InterestGapReason::RateMissing(gap) => write!(
                f,
                "Invoice {}: interest from {} to {} ({} days) is not computed yet ({}).",
                self.invoice,
                gap.from,
                gap.to.pred_opt().unwrap_or(gap.to),
                gap.days,
                InterestError::from(gap.reason)
            ),
        }
    }
}

/// What one invoice still owes on a date, by account. Payments are allocated onto these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvoiceBalance {
    /// The invoice's key.
    pub invoice: InvoiceKey,
    /// The creditor's invoice number.
    pub number: String,
    /// The invoice's due date.
    pub due_date: NaiveDate,
    /// Principal still owed.
    pub principal: Money,
    /// Interest still owed: accrued on this invoice minus what payments covered. Negative only
    /// when a payment with an earlier value date, entered later, lowered the interest another
    /// payment had already paid: the difference is the debtor's credit.
    pub interest: Money,
    /// Fixed recovery compensation still owed.
    pub compensation: Money,
    /// Collection and legal costs still owed.
    pub costs: Money,
}

impl InvoiceBalance {
    /// Everything the invoice still owes.
    ///
    /// # Errors
    /// [`MoneyError`] on overflow.
    pub fn outstanding(&self) -> Result<Money, MoneyError> {
        Money::checked_sum(
            [self.principal, self.interest, self.compensation, self.costs],
            self.principal.currency(),
        )
    }
}

/// A balance on a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Balance {
    /// The date it is computed for (interest runs through this day).
    pub as_of: NaiveDate,
    /// Principal still owed.
    pub principal: Money,
    /// Interest accrued to `as_of` (statutory or contractual).
    pub interest_accrued: Money,
    /// Interest still owed: accrued plus what the `interest` account holds (payments allocated to
    /// interest are negative there).
    pub interest: Money,
    /// The lines of the accrued interest.
    pub interest_lines: Vec<InvoiceInterestLine>,
    /// Why interest could not be computed for some invoices (no verified rule, no rate data).
    pub interest_gaps: Vec<InterestGap>,
    /// Fixed recovery compensation owed.
    pub compensation: Money,
    /// Collection and legal costs owed.
    pub costs: Money,
    /// Fees the creditor owes the agency (not part of what the debtor owes).
    pub fees: Money,
    /// Paid by the debtor so far: the negated sum of the `payment` account.
    pub paid: Money,
    /// What the debtor owes: principal + interest + compensation + costs.
    pub outstanding: Money,
    /// The same, per invoice, in the order the invoices were given. Case-level postings on an
    /// owed account (none is booked today) count in the totals only.
    pub invoices: Vec<InvoiceBalance>,
    /// Payments received but not allocated to any invoice (an overpayment), less refunds: money
    /// the agency holds for the debtor. Not part of `outstanding`.
    pub unapplied: Money,
}

/// Why a balance could not be computed. Each means corrupt or absurd ledger data, never a
/// legal question.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BalanceError {
    /// A posting is in another currency than the case.
    #[error("a {account} posting is in {found}, the case is in {expected}")]
    MixedCurrency {
        /// The posting's account.
        account: Account,
        /// The case currency.
        expected: Currency,
        /// The posting's currency.
        found: Currency,
    },
    /// An account's total does not fit 64-bit minor units, as stored.
    #[error("the {0} account overflows")]
    Overflow(Account),
    /// An invoice's principal postings do not form a valid schedule (negative opening or
    /// running balance).
    #[error("principal of invoice {invoice}: {reason}")]
    Schedule {
        /// The invoice number.
        invoice: String,
        /// The schedule's refusal.
        reason: String,
    },
    /// Adding up the totals failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// The balance of a case on `as_of`, from its invoices and postings.
///
/// Each account sums the postings effective on or before `as_of`. Interest runs per invoice from
/// the day after its due date through `as_of`, on the principal as that invoice's principal
/// postings changed it; an invoice without a verified rule, or whose interest cannot be computed,
/// is listed in `interest_gaps` instead of failing the balance.
///
/// # Errors
/// [`BalanceError`] on a posting in another currency, an account overflowing 64-bit minor units,
/// or principal postings that make a negative schedule.
pub fn balance(
    terms: &CaseTerms,
    invoices: &[LedgerInvoice],
    postings: &[Posting],
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<Balance, BalanceError> {
    let currency = terms.currency;
    for posting in postings {
        if posting.amount.currency() != currency {
            return Err(BalanceError::MixedCurrency {
                account: posting.account,
                expected: currency,
                found: posting.amount.currency(),
            });
        }
    }
    let effective: Vec<&Posting> = postings
        .iter()
        .filter(|posting| posting.effective_date <= as_of)
        .collect();
    let principal = account_total(&effective, Account::Principal, currency)?;
    let interest_posted = account_total(&effective, Account::Interest, currency)?;
    let compensation = account_total(&effective, Account::Compensation, currency)?;
    let costs = account_total(&effective, Account::Costs, currency)?;
    let fees = account_total(&effective, Account::Fees, currency)?;
    let paid = Money::zero(currency).checked_sub(account_total(
        &effective,
        Account::Payment,
        currency,
    )?)?;
    let unapplied = Money::zero(currency).checked_sub(account_total(
        &effective,
        Account::Unapplied,
        currency,
    )?)?;
    let (interest_lines, interest_gaps, accrued) =
        accrued_interest(terms, invoices, postings, rates, as_of)?;
    let per_invoice = invoices
        .iter()
        .zip(accrued)
        .map(|(invoice, accrued)| invoice_balance(invoice, accrued, &effective, currency))
        .collect::<Result<Vec<_>, _>>()?;
    let interest_accrued =
        Money::checked_sum(interest_lines.iter().map(|line| line.line.amount), currency)?;
    let interest = interest_accrued.checked_add(interest_posted)?;
    let outstanding = Money::checked_sum([principal, interest, compensation, costs], currency)?;
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
        invoices: per_invoice,
        unapplied,
    })
}

/// One invoice's accounts on the effective postings, with the interest accrued on it.
fn invoice_balance(
    invoice: &LedgerInvoice,
    accrued: Money,
    effective: &[&Posting],
    currency: Currency,
) -> Result<InvoiceBalance, BalanceError> {
    let own: Vec<&Posting> = effective
        .iter()
        .copied()
        .filter(|posting| posting.invoice.as_deref() == Some(invoice.id.as_str()))
        .collect();
    let interest_posted = account_total(&own, Account::Interest, currency)?;
    Ok(InvoiceBalance {
        invoice: invoice.id.clone(),
        number: invoice.number.clone(),
        due_date: invoice.due_date,
        principal: account_total(&own, Account::Principal, currency)?,
        interest: accrued.checked_add(interest_posted)?,
        compensation: account_total(&own, Account::Compensation, currency)?,
        costs: account_total(&own, Account::Costs, currency)?,
    })
}

/// The sum of one account, added in 64-bit minor units as the ledger stores them, so a total the
/// ledger could not hold is refused rather than shown.
pub(super) fn account_total(
    effective: &[&Posting],
    account: Account,
    currency: Currency,
) -> Result<Money, BalanceError> {
    let minor = effective
        .iter()
        .filter(|posting| posting.account == account)
        .try_fold(0_i64, |total, posting| {
            posting
                .amount
                .to_minor()
                .ok()
                .and_then(|minor| total.checked_add(minor))
        })
        .ok_or(BalanceError::Overflow(account))?;
    Ok(Money::from_minor(minor, currency))
}

/// Accrued interest: the lines, the gaps, and the total per invoice in the order given.
type Accrued = (Vec<InvoiceInterestLine>, Vec<InterestGap>, Vec<Money>);

/// Interest per invoice from the day after its due date through `as_of`, on its principal as the
/// principal postings changed it.
fn accrued_interest(
    terms: &CaseTerms,
    invoices: &[LedgerInvoice],
    postings: &[Posting],
    rates: &RateTables,
    as_of: NaiveDate,
) -> Result<Accrued, BalanceError> {
    let mut lines = Vec::new();
    let mut gaps = Vec::new();
    let mut accrued = Vec::with_capacity(invoices.len());
    let rules = jurisdiction::find(terms.jurisdiction);
    for invoice in invoices {
        accrued.push(Money::zero(terms.currency));
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
            gaps.push(InterestGap {
                invoice: invoice.number.clone(),
                reason: InterestGapReason::NoRule {
                    jurisdiction: terms.jurisdiction,
                },
            });
            continue;
        };
        let schedule = schedule_of(invoice, postings, terms.currency, as_of)?;
        let (computed, gap) =
            invoice_interest(rule, rates, &schedule, from, to, terms.contractual_rate);
        let on_invoice =
            Money::checked_sum(computed.iter().map(|line| line.amount), terms.currency)?;
        if let Some(slot) = accrued.last_mut() {
            *slot = on_invoice;
        }
        lines.extend(computed.into_iter().map(|line| InvoiceInterestLine {
            invoice: invoice.number.clone(),
            line,
        }));
        if let Some(reason) = gap {
            gaps.push(InterestGap {
                invoice: invoice.number.clone(),
                reason,
            });
        }
    }
    Ok((lines, gaps, accrued))
}

/// The one call of the interest module: the lines of one invoice up to the first day whose rate
/// is unknown, and the gap after it (or why there are no lines at all).
fn invoice_interest(
    rule: &InterestRule,
    rates: &RateTables,
    schedule: &BalanceSchedule,
    from: NaiveDate,
    to: NaiveDate,
    contractual_rate: Option<Decimal>,
) -> (Vec<InterestLine>, Option<InterestGapReason>) {
    match statutory_interest(rule, rates, schedule, from, to, contractual_rate) {
        Ok(breakdown) => (
            breakdown.lines,
            breakdown.gap.map(InterestGapReason::RateMissing),
        ),
        Err(err) => (Vec::new(), Some(InterestGapReason::Unavailable(err))),
    }
}

/// The invoice's principal over time: its first principal posting by date, then every later
/// principal posting up to `as_of` as a dated change.
fn schedule_of(
    invoice: &LedgerInvoice,
    postings: &[Posting],
    currency: Currency,
    as_of: NaiveDate,
) -> Result<BalanceSchedule, BalanceError> {
    let mut principal: Vec<&Posting> = postings
        .iter()
        .filter(|posting| {
            posting.account == Account::Principal
                && posting.invoice.as_deref() == Some(invoice.id.as_str())
        })
        .filter(|posting| posting.effective_date <= as_of)
        .collect();
    // On one day, what is added counts before what is paid off, so a payment booked on the due
    // date never makes the running principal negative; the sort is stable otherwise.
    principal.sort_by_key(|posting| (posting.effective_date, posting.amount.is_negative()));
    let mut principal = principal.into_iter();
    let opening = principal
        .next()
        .map_or(Money::zero(currency), |posting| posting.amount);
    let changes = principal
        .map(|posting| BalanceChange {
            on: posting.effective_date,
            delta: posting.amount,
        })
        .collect();
    BalanceSchedule::new(opening, changes)
        .and_then(|schedule| {
            schedule.with_interest_paid(interest_paid(invoice, postings, currency, as_of)?)
        })
        .map_err(|err| BalanceError::Schedule {
            invoice: invoice.number.clone(),
            reason: err.to_string(),
        })
}

/// What was paid towards the invoice's interest up to `as_of`, netted per value date (a reversal
/// is posted on its payment's date, so it cancels it); dates that net to nothing or less are left
/// out. Only yearly compounding (NL) reads it, to keep paid interest out of the base.
fn interest_paid(
    invoice: &LedgerInvoice,
    postings: &[Posting],
    currency: Currency,
    as_of: NaiveDate,
) -> Result<Vec<BalanceChange>, MoneyError> {
    let mut by_day: BTreeMap<NaiveDate, Money> = BTreeMap::new();
    for posting in postings.iter().filter(|posting| {
        posting.account == Account::Interest
            && posting.invoice.as_deref() == Some(invoice.id.as_str())
            && posting.effective_date <= as_of
    }) {
        let paid = by_day
            .entry(posting.effective_date)
            .or_insert(Money::zero(currency));
        // Interest postings are payments (negative) and their reversals (positive).
        *paid = paid.checked_sub(posting.amount)?;
    }
    Ok(by_day
        .into_iter()
        .filter(|(_, paid)| paid.is_positive())
        .map(|(on, delta)| BalanceChange { on, delta })
        .collect())
}
