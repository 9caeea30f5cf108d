//! How often fixed recovery compensation is due on a case: the one rule the quote and the
//! placement both apply, so what a creditor is quoted is what the ledger books.
//!
//! The reading of each [`CompensationUnit`]:
//!
//! - `PerLatePayment`: every late invoice is a late payment and gets the amount (Directive
//!   2011/7/EU art. 6(1), "for each late payment"; CJEU C-78/22 *ALD Automotive*).
//! - `PerClaim`: every invoice is its own claim, so it is per invoice too. Each statute ties the
//!   sum to one debt or claim, and an invoice is one:
//!   - England and Wales: Late Payment of Commercial Debts (Interest) Act 1998 s.5A(1) gives the
//!     fixed sum once statutory interest begins to run "in relation to a qualifying debt"; a debt
//!     is qualifying (s.3(1)) when it is created by an obligation to pay "the whole or any part of
//!     the contract price", so each invoice is one, with its own relevant day (s.4) and its band
//!     taken from its own size (s.5A(2)). Scotland: the same s.5A, inserted by the Late Payment of
//!     Commercial Debts (Scotland) Regulations 2002 reg. 2.
//!   - Estonia: Võlaõigusseadus §113¹ gives EUR 40 per monetary obligation in default (not per
//!     reminder); each invoice is a monetary obligation of its own.
//!   - Slovenia: ZPreZP-1 art. 14 gives EUR 40 for each claim in default; each invoice is a claim
//!     with its own due date and default (OZ art. 349 even prescribes each delivery separately).
//!   - Czech Republic: nařízení vlády 351/2013 Sb. gives minimum recovery costs of CZK 1,200 per
//!     claim (pohledávka) between businesses; each invoice is one.
//! - `OncePerDefault`: once per case, however many invoices are late, on the earliest-due
//!   invoice that qualifies (Slovak Obchodný zákonník §369c(1) with NV 21/2013 Z.z. §2: EUR 40,
//!   once, whatever the length of the delay). Earliest-due because that is when the default
//!   began, so the ledger counts it from the first day it could be claimed.

use super::LedgerInvoice;
use crate::jurisdiction::{self, CompensationError, CompensationUnit, JurisdictionCode};
use crate::money::{Currency, Money, MoneyError};
use chrono::NaiveDate;
use std::fmt;

/// Which invoices are counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompensationScope {
    /// Only invoices overdue on the date (due strictly before it), as a quote on that date shows.
    OverdueOn(NaiveDate),
    /// Every invoice, whether due yet or not, as a placement books them: each charge is posted
    /// from the day after its invoice's due date, and a balance only counts postings effective by
    /// its date.
    EveryInvoice,
}

impl CompensationScope {
    /// Whether an invoice due on `due_date` is counted.
    fn counts(self, due_date: NaiveDate) -> bool {
        match self {
            Self::OverdueOn(as_of) => due_date < as_of,
            Self::EveryInvoice => true,
        }
    }
}

/// One fixed compensation due, on one invoice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompensationCharge {
    /// The invoice's position in the slice passed in.
    pub invoice: usize,
    /// The invoice's key.
    pub invoice_id: String,
    /// The amount, in the statute's currency (which may differ from the invoice's: EUR 40 on a
    /// USD case; converting it is the caller's decision, never done here).
    pub amount: Money,
    /// How often the statute gives it.
    pub unit: CompensationUnit,
    /// Statute and article.
    pub legal_basis: &'static str,
}

/// Why a counted invoice gets no compensation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompensationGapReason {
    /// No fixed compensation rule of the jurisdiction is known for a debt due that day (or the
    /// jurisdiction is not in the data).
    NoRule {
        /// The jurisdiction.
        jurisdiction: JurisdictionCode,
        /// The invoice's due date.
        due_date: NaiveDate,
    },
    /// The statute's thresholds are in another currency than the invoice; the exchange rate the
    /// statute names is not data here.
    ThresholdCurrency {
        /// The thresholds' currency.
        expected: Currency,
        /// The invoice's currency.
        found: Currency,
    },
    /// Arithmetic failed.
    Money(MoneyError),
}

impl fmt::Display for CompensationGapReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoRule {
                jurisdiction,
                due_date,
            } => write!(
                f,
                "No fixed compensation rule of {jurisdiction} is known for a debt due on {due_date}."
            ),
            Self::ThresholdCurrency { expected, found } => write!(
                f,
                "The statute's thresholds are in {expected} and the invoice is in {found}; the \
                 exchange rate the statute names is not data Solvo has."
            ),
            Self::Money(err) => write!(f, "The compensation could not be computed: {err}."),
        }
    }
}

/// A counted invoice without compensation, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompensationGap {
    /// The invoice's position in the slice passed in.
    pub invoice: usize,
    /// The invoice's key.
    pub invoice_id: String,
    /// Why.
    pub reason: CompensationGapReason,
}

/// The compensation due on a case's invoices.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CompensationDue {
    /// The charges, in invoice order.
    pub charges: Vec<CompensationCharge>,
    /// The counted invoices that get none for a reason worth showing, in invoice order. An
    /// invoice covered by a once-per-default charge on another invoice is not a gap.
    pub gaps: Vec<CompensationGap>,
}

/// The fixed compensation due on `invoices` under `code`'s rules; see the module documentation
/// for how each unit is read.
#[must_use]
pub fn compensation_due(
    code: JurisdictionCode,
    invoices: &[LedgerInvoice],
    scope: CompensationScope,
) -> CompensationDue {
    let rules = jurisdiction::find(code);
    // Earliest due first, so a once-per-default charge lands where the default began; the sort is
    // stable, so invoices due the same day keep the caller's order.
    let mut order: Vec<usize> = (0..invoices.len()).collect();
    order.sort_by_key(|&index| invoices.get(index).map(|invoice| invoice.due_date));
    let mut due = CompensationDue::default();
    let mut once_charged = false;
    for index in order {
        let Some(invoice) = invoices.get(index) else {
            continue;
        };
        if !scope.counts(invoice.due_date) {
            continue;
        }
        let gap = |reason| CompensationGap {
            invoice: index,
            invoice_id: invoice.id.clone(),
            reason,
        };
        let Some(rule) = rules.and_then(|rules| rules.compensation_for(invoice.due_date)) else {
            due.gaps.push(gap(CompensationGapReason::NoRule {
                jurisdiction: code,
                due_date: invoice.due_date,
            }));
            continue;
        };
        if rule.unit == CompensationUnit::OncePerDefault && once_charged {
            continue;
        }
        match rule.amount_for(invoice.principal) {
            Ok(amount) => {
                once_charged |= rule.unit == CompensationUnit::OncePerDefault;
                due.charges.push(CompensationCharge {
                    invoice: index,
                    invoice_id: invoice.id.clone(),
                    amount,
                    unit: rule.unit,
                    legal_basis: rule.legal_basis,
                });
            }
            Err(CompensationError::ThresholdCurrency { expected, found }) => {
                due.gaps.push(gap(CompensationGapReason::ThresholdCurrency {
                    expected,
                    found,
                }));
            }
            Err(CompensationError::Money(err)) => {
                due.gaps.push(gap(CompensationGapReason::Money(err)));
            }
        }
    }
    due.charges.sort_by_key(|charge| charge.invoice);
    due.gaps.sort_by_key(|gap| gap.invoice);
    due
}
