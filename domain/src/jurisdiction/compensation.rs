//! Fixed recovery-cost compensation (EU Directive 2011/7/EU art. 6, UK LPCDIA s.5A, ...).

use crate::money::{Currency, Money, MoneyError};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

/// An amount written in a statute, in the currency the statute uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct StatutoryAmount {
    /// The amount.
    pub amount: Decimal,
    /// The statute's currency (EUR for most EU transpositions, even outside the euro area).
    pub currency: Currency,
}

impl StatutoryAmount {
    /// The amount as money. Statutory figures are whole units, so the money rounding rule leaves
    /// them unchanged (a unit test checks every figure in the data).
    #[must_use]
    pub fn to_money(&self) -> Money {
        Money::rounded(self.amount, self.currency)
    }
}

/// How often the fixed compensation is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CompensationUnit {
    /// For each late payment, so for each invoice (CJEU C-78/22 for the Directive).
    PerLatePayment,
    /// Once per qualifying debt or claim.
    PerClaim,
    /// Once for the whole default, whatever its length (SK NV 21/2013 s.2).
    OncePerDefault,
}

/// An upper bound of a band, compared with the debt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BandLimit {
    /// The limit, in the band currency.
    pub amount: Decimal,
    /// Whether a debt equal to the limit falls in this band.
    pub inclusive: bool,
}

/// One band of a banded compensation: debts up to `up_to` get `amount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CompensationBand {
    /// The band's upper limit; `None` for the last band.
    pub up_to: Option<BandLimit>,
    /// The compensation for debts in the band.
    pub amount: StatutoryAmount,
}

/// The amount of the compensation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CompensationSchedule {
    /// One amount whatever the debt.
    Flat {
        /// The amount.
        amount: StatutoryAmount,
    },
    /// Amounts by size of the debt, compared in `debt_currency` (UK s.5A, IE, PL art. 10).
    Banded {
        /// The currency of the band limits.
        debt_currency: Currency,
        /// The bands, smallest first.
        bands: &'static [CompensationBand],
    },
}

/// A fixed recovery-cost compensation rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RecoveryCompensation {
    /// The amounts.
    pub schedule: CompensationSchedule,
    /// How often it is due.
    pub unit: CompensationUnit,
    /// First day a debt may fall due for the rule to apply, if bounded.
    pub valid_from: Option<NaiveDate>,
    /// Last day, if bounded (a superseded amount, or the last date a figure is confirmed).
    pub valid_until: Option<NaiveDate>,
    /// Statute and article.
    pub legal_basis: &'static str,
    /// Conversion or scope remarks.
    pub note: &'static str,
}

/// Why a compensation or cost amount could not be given.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CompensationError {
    /// The debt is in another currency than the statute's thresholds; converting it is a question
    /// of the exchange rate the statute names, which is not data here.
    #[error("the thresholds are in {expected}, the debt is in {found}")]
    ThresholdCurrency {
        /// The statute's currency.
        expected: Currency,
        /// The debt's currency.
        found: Currency,
    },
    /// Arithmetic failed.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

impl RecoveryCompensation {
    /// Whether the rule applies to a debt that fell due on `due_date`.
    #[must_use]
    pub fn covers(&self, due_date: NaiveDate) -> bool {
        self.valid_from.is_none_or(|from| due_date >= from)
            && self.valid_until.is_none_or(|until| due_date <= until)
    }

    /// The compensation for a debt of `debt`, in the statute's currency.
    ///
    /// # Errors
    /// [`CompensationError::ThresholdCurrency`] when a banded rule meets a debt in another currency.
    pub fn amount_for(&self, debt: Money) -> Result<Money, CompensationError> {
        match self.schedule {
            CompensationSchedule::Flat { amount } => Ok(amount.to_money()),
            CompensationSchedule::Banded {
                debt_currency,
                bands,
            } => {
                if debt.currency() != debt_currency {
                    return Err(CompensationError::ThresholdCurrency {
                        expected: debt_currency,
                        found: debt.currency(),
                    });
                }
                let value = debt.amount();
                let band = bands.iter().find(|band| match band.up_to {
                    None => true,
                    Some(limit) if limit.inclusive => value <= limit.amount,
                    Some(limit) => value < limit.amount,
                });
                // The data tests check that every banded rule ends with an open band.
                Ok(band.map_or(Money::zero(debt.currency()), |band| band.amount.to_money()))
            }
        }
    }
}
