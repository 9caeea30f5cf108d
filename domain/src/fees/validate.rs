//! Checks that a schedule (perhaps loaded from JSON) can be used, so calculations can rely on it.

use super::percent::FULL_BP;
use super::{FeeError, FeeSchedule};
use crate::money::Money;

/// Enough bands for any real price list; a bound keeps every loop over tiers short.
pub(super) const MAX_TIERS: usize = 20;
/// Enough age steps for any real price list.
pub(super) const MAX_SURCHARGES: usize = 10;

impl FeeSchedule {
    /// Checks the schedule's own consistency.
    ///
    /// # Errors
    /// [`FeeError::InvalidSchedule`] naming the broken rule: tiers missing, unsorted, not ending
    /// open, a rate plus the largest surcharge above 100 %, a negative or foreign-currency amount.
    pub fn validate(&self) -> Result<(), FeeError> {
        let bad = |reason| Err(FeeError::InvalidSchedule(reason));
        if self.commission_tiers.is_empty() || self.commission_tiers.len() > MAX_TIERS {
            return bad("between 1 and 20 commission tiers are needed");
        }
        if self.age_surcharges.len() > MAX_SURCHARGES {
            return bad("at most 10 age surcharges");
        }
        let amounts = [
            self.introduction_fee,
            self.minimum_commission,
            self.withdrawal.minimum,
        ];
        if !amounts.iter().all(|m| self.is_own_non_negative(m)) {
            return bad("fees must be non-negative amounts in the schedule's currency");
        }
        self.validate_tiers()?;
        let max_surcharge = self
            .age_surcharges
            .iter()
            .map(|s| s.surcharge_bp)
            .max()
            .unwrap_or(0);
        let max_rate = self
            .commission_tiers
            .iter()
            .map(|t| t.domestic_rate_bp.max(t.international_rate_bp))
            .max()
            .unwrap_or(0);
        if max_rate.saturating_add(max_surcharge) > FULL_BP || self.withdrawal.rate_bp > FULL_BP {
            return bad("a commission rate with its surcharge must not exceed 100%");
        }
        if self.vat_rate_bp.is_some_and(|rate| rate > FULL_BP) {
            return bad("the VAT rate must not exceed 100%");
        }
        Ok(())
    }

    /// Bounds strictly ascending and positive, only the last tier open.
    fn validate_tiers(&self) -> Result<(), FeeError> {
        let last = self.commission_tiers.len().saturating_sub(1);
        let mut previous = Money::zero(self.currency);
        for (index, tier) in self.commission_tiers.iter().enumerate() {
            match (tier.up_to, index == last) {
                (None, true) => {}
                (None, false) => {
                    return Err(FeeError::InvalidSchedule("only the last tier may be open"));
                }
                (Some(_), true) => {
                    return Err(FeeError::InvalidSchedule("the last tier must be open"));
                }
                (Some(bound), false) => {
                    if !self.is_own_non_negative(&bound) || !bound.checked_cmp(&previous)?.is_gt() {
                        return Err(FeeError::InvalidSchedule("tier bounds must ascend"));
                    }
                    previous = bound;
                }
            }
        }
        Ok(())
    }

    fn is_own_non_negative(&self, amount: &Money) -> bool {
        amount.currency() == self.currency && !amount.is_negative()
    }
}
