//! The one rounding rule for money.
//!
//! Every amount that is computed rather than entered (interest, commission, VAT, a share of a
//! payment) is rounded here and nowhere else, so a figure on a quote, a statement and a fee invoice
//! is always the same figure.
//!
//! The rule is commercial rounding: to the currency's minor unit, half away from zero
//! (0.005 EUR becomes 0.01, -0.005 becomes -0.01). It is what invoicing software and accountants in
//! Europe use, what a debtor can reproduce with a calculator, and it treats claims and credits
//! symmetrically. Banker's rounding (half to even) is deliberately not used: it is unbiased over
//! millions of postings, but a creditor checking one invoice reads it as an error.

use super::Currency;
use rust_decimal::{Decimal, RoundingStrategy};

/// The rounding mode used for every monetary amount: half away from zero.
pub const MONEY_ROUNDING: RoundingStrategy = RoundingStrategy::MidpointAwayFromZero;

/// Rounds `amount` to `currency`'s minor unit with [`MONEY_ROUNDING`].
#[must_use]
pub fn round_to_minor(amount: Decimal, currency: Currency) -> Decimal {
    amount.round_dp_with_strategy(currency.minor_units(), MONEY_ROUNDING)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn a_half_cent_rounds_away_from_zero() {
        assert_eq!(round_to_minor(dec!(0.005), Currency::EUR), dec!(0.01));
        assert_eq!(round_to_minor(dec!(-0.005), Currency::EUR), dec!(-0.01));
        assert_eq!(round_to_minor(dec!(0.0049), Currency::EUR), dec!(0.00));
        assert_eq!(round_to_minor(dec!(2.5), Currency::JPY), dec!(3));
        assert_eq!(round_to_minor(dec!(1.0005), Currency::KWD), dec!(1.001));
    }
}
