//! Remittance lines and their totals.

use serde::Serialize;

use crate::fees::{Commission, FeeError, FeeSchedule, RecoveredAmount, Scope, commission};
use crate::money::{Currency, Money, MoneyError};
use chrono::NaiveDate;

/// How one payment was allocated, as the remittance splits it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaymentParts {
    /// The amount received.
    pub amount: Money,
    /// Applied to principal (the creditor's).
    pub principal: Money,
    /// Applied to interest (the creditor's).
    pub interest: Money,
    /// Applied to compensation and costs recovered from the debtor (the agency's).
    pub costs: Money,
    /// Not applied: held for the debtor.
    pub unapplied: Money,
}

impl PaymentParts {
    /// The creditor's part: principal and interest.
    ///
    /// # Errors
    /// [`MoneyError`] on overflow or mixed currencies.
    pub fn creditors(&self) -> Result<Money, MoneyError> {
        self.principal.checked_add(self.interest)
    }

    /// Whether the parts add up to the amount, as every payment's postings do.
    #[must_use]
    pub fn add_up(&self) -> bool {
        Money::checked_sum(
            [self.principal, self.interest, self.costs, self.unapplied],
            self.amount.currency(),
        )
        .is_ok_and(|sum| sum == self.amount)
    }
}

/// A payment remitted, or the reversal of one remitted before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Money received.
    Payment,
    /// A payment remitted before and reversed since: its line again, negated.
    Reversal,
}

impl LineKind {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Payment => "payment",
            Self::Reversal => "reversal",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Payment, Self::Reversal]
            .into_iter()
            .find(|kind| kind.as_str() == raw)
    }
}

/// One line of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RemittanceLine {
    /// Payment or reversal.
    pub kind: LineKind,
    /// The payment's split (negated for a reversal).
    pub parts: PaymentParts,
    /// Commission withheld on it (negative gives it back).
    pub commission: Money,
}

impl RemittanceLine {
    /// A payment line with its commission.
    #[must_use]
    pub fn payment(parts: PaymentParts, commission: Money) -> Self {
        Self {
            kind: LineKind::Payment,
            parts,
            commission,
        }
    }

    /// The reversal of a remitted line: every figure negated.
    #[must_use]
    pub fn reversal_of(line: &RemittanceLine) -> Self {
        let parts = line.parts;
        Self {
            kind: LineKind::Reversal,
            parts: PaymentParts {
                amount: parts.amount.negated(),
                principal: parts.principal.negated(),
                interest: parts.interest.negated(),
                costs: parts.costs.negated(),
                unapplied: parts.unapplied.negated(),
            },
            commission: line.commission.negated(),
        }
    }

    /// What the creditor is paid for the line: its part less the commission.
    ///
    /// # Errors
    /// [`MoneyError`] on overflow or mixed currencies.
    pub fn net(&self) -> Result<Money, MoneyError> {
        self.parts.creditors()?.checked_sub(self.commission)
    }
}

/// The totals of a statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// Money received on the lines.
    pub collected: Money,
    /// Compensation and costs kept by the agency.
    pub costs: Money,
    /// Held for debtors.
    pub unapplied: Money,
    /// Commission withheld.
    pub commission: Money,
    /// Payable to the creditor.
    pub net: Money,
}

/// Adds the lines up.
///
/// # Errors
/// [`MoneyError`] on overflow or a line in another currency.
pub fn totals(lines: &[RemittanceLine], currency: Currency) -> Result<Totals, MoneyError> {
    let sum = |pick: &dyn Fn(&RemittanceLine) -> Money| {
        Money::checked_sum(lines.iter().map(pick), currency)
    };
    let net = Money::checked_sum(
        lines
            .iter()
            .map(RemittanceLine::net)
            .collect::<Result<Vec<_>, _>>()?,
        currency,
    )?;
    Ok(Totals {
        collected: sum(&|line| line.parts.amount)?,
        costs: sum(&|line| line.parts.costs)?,
        unapplied: sum(&|line| line.parts.unapplied)?,
        commission: sum(&|line| line.commission)?,
        net,
    })
}

/// The commission of one case under its fee schedule.
#[derive(Debug, Clone)]
pub struct CaseCommission<'a> {
    /// The case's fee schedule.
    pub schedule: &'a FeeSchedule,
    /// Domestic or international debtor.
    pub scope: Scope,
    /// The day the case was placed (an invoice's age for the surcharge is counted to it).
    pub placed_on: NaiveDate,
}

impl CaseCommission<'_> {
    /// The commission on everything in `recovered` (the creditor's part of every payment that
    /// stands, by invoice).
    ///
    /// # Errors
    /// [`FeeError`] for an invalid schedule or amounts in another currency.
    pub fn on(&self, recovered: &[RecoveredAmount]) -> Result<Commission, FeeError> {
        commission(self.schedule, recovered, self.placed_on, self.scope)
    }

    /// What one more recovery costs in commission when `before` was recovered already: the
    /// commission on both less the commission on `before`, so tiers stay marginal and the
    /// minimum is charged once per case.
    ///
    /// # Errors
    /// [`FeeError`] as for [`CaseCommission::on`].
    pub fn increment(
        &self,
        before: &[RecoveredAmount],
        this: &[RecoveredAmount],
    ) -> Result<Money, FeeError> {
        let all: Vec<RecoveredAmount> = before.iter().chain(this).copied().collect();
        Ok(self.on(&all)?.total.checked_sub(self.on(before)?.total)?)
    }
}
