//! Fixed recovery-cost compensation (EU Directive 2011/7/EU art. 6, UK LPCDIA s.5A, ...) and
//! whether and how further collection costs can be charged to a business debtor.

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

/// One tier of a percentage scale: `percent` of the part of the claim up to `up_to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ScaleTier {
    /// Cumulative upper bound of the claim for this tier; `None` for the last tier.
    pub up_to: Option<Decimal>,
    /// Percentage of the claim's part in this tier.
    pub percent: Decimal,
}

/// A statutory scale of extrajudicial collection costs (NL BIK).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CostScale {
    /// The currency of bounds and limits.
    pub currency: Currency,
    /// The tiers, lowest first.
    pub tiers: &'static [ScaleTier],
    /// The least amount charged.
    pub minimum: Decimal,
    /// The most charged.
    pub maximum: Decimal,
}

impl CostScale {
    /// The costs for a claim of `principal`, rounded once by the money rounding rule.
    ///
    /// # Errors
    /// [`CompensationError::ThresholdCurrency`] for a claim in another currency.
    pub fn amount_for(&self, principal: Money) -> Result<Money, CompensationError> {
        if principal.currency() != self.currency {
            return Err(CompensationError::ThresholdCurrency {
                expected: self.currency,
                found: principal.currency(),
            });
        }
        let claim = principal.amount();
        let mut lower = Decimal::ZERO;
        let mut total = Decimal::ZERO;
        for tier in self.tiers {
            let upper = tier.up_to.map_or(claim, |bound| bound.min(claim));
            if upper > lower {
                // part x percent / 100, exact to Decimal's 28 digits; rounded once below.
                let share = (upper - lower)
                    .checked_mul(tier.percent)
                    .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
                    .ok_or(MoneyError::Overflow)?;
                total = total.checked_add(share).ok_or(MoneyError::Overflow)?;
            }
            lower = tier.up_to.unwrap_or(claim).max(lower);
        }
        Ok(Money::rounded(
            total.clamp(self.minimum, self.maximum),
            self.currency,
        ))
    }
}

/// Whether further collection costs can be charged to a business debtor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CollectionCostBasis {
    /// By a statutory scale.
    Scale {
        /// The scale.
        scale: CostScale,
    },
    /// Reasonable, proven recovery costs are recoverable; `fixed_compensation_credited` says
    /// whether the fixed compensation counts towards them (only the excess is charged) or is due
    /// on top.
    ReasonableCosts {
        /// True when only costs above the fixed compensation are charged.
        fixed_compensation_credited: bool,
    },
}

/// A jurisdiction's rule on extrajudicial collection costs between businesses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CollectionCostRule {
    /// How the costs are measured.
    pub basis: CollectionCostBasis,
    /// Statute and article.
    pub legal_basis: &'static str,
    /// Scope remarks.
    pub note: &'static str,
}
