//! Whether and how extrajudicial collection costs beyond the fixed compensation can be charged to a
//! business debtor, including statutory scales (NL BIK).

use super::CompensationError;
use crate::money::{Currency, Money, MoneyError};
use rust_decimal::Decimal;
use serde::Serialize;

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
        /// True when the fixed compensation is part of the scale amount, so only the scale amount
        /// less the compensation already due is charged on top of it (NL BW 6:96(4): the EUR 40 is
        /// the least the compensation for extrajudicial costs can be, not a second sum).
        fixed_compensation_credited: bool,
    },
    /// Reasonable, proven recovery costs are recoverable; `fixed_compensation_credited` says
    /// whether the fixed compensation counts towards them (only the excess is charged) or is due
    /// on top.
    ReasonableCosts {
        /// True when only costs above the fixed compensation are charged.
        fixed_compensation_credited: bool,
    },
}

impl CollectionCostBasis {
    /// What a scale charges on top of `compensation_due`, the fixed compensation already due on
    /// the same claim, for a claim of `principal`: the scale amount less the compensation where
    /// the compensation is credited (never below zero), the whole scale amount where it is not.
    /// `None` for a basis that is not a scale (proven costs have no figure).
    ///
    /// The whole rule, from the claim; a caller that already holds the scale's figure for the
    /// claim uses [`CollectionCostBasis::charged_beyond`] instead of computing it again.
    ///
    /// # Errors
    /// [`CompensationError::ThresholdCurrency`] for a claim or compensation in another currency
    /// than the scale's; [`CompensationError::Money`] for an amount past `Decimal`'s range.
    pub fn scale_beyond_compensation(
        &self,
        principal: Money,
        compensation_due: Money,
    ) -> Result<Option<Money>, CompensationError> {
        let Self::Scale { scale, .. } = self else {
            return Ok(None);
        };
        self.charged_beyond(scale.amount_for(principal)?, compensation_due)
            .map(Some)
    }

    /// [`CollectionCostBasis::scale_beyond_compensation`] for a scale amount already computed
    /// (`scale_amount`, the scale's figure for the claim); for a basis that is not a scale, the
    /// amount as given.
    ///
    /// # Errors
    /// [`CompensationError::ThresholdCurrency`] for a compensation in another currency than the
    /// scale amount; [`CompensationError::Money`] for an amount past `Decimal`'s range.
    pub fn charged_beyond(
        &self,
        scale_amount: Money,
        compensation_due: Money,
    ) -> Result<Money, CompensationError> {
        let credited = matches!(
            self,
            Self::Scale {
                fixed_compensation_credited: true,
                ..
            }
        );
        if !credited {
            return Ok(scale_amount);
        }
        if compensation_due.currency() != scale_amount.currency() {
            return Err(CompensationError::ThresholdCurrency {
                expected: scale_amount.currency(),
                found: compensation_due.currency(),
            });
        }
        let beyond = scale_amount.checked_sub(compensation_due)?;
        Ok(beyond.max(Money::zero(scale_amount.currency()))?)
    }
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
