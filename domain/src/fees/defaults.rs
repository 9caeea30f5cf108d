//! The house default schedule, used when a creditor has not negotiated its own.

use super::{AgeSurcharge, CommissionTier, FeeSchedule, WithdrawalTerms};
use crate::money::{Currency, Money};
use rust_decimal::Decimal;

/// Price level of a currency against the euro, so that a default of "25" reads as 25 EUR,
/// 250 SEK, 3750 JPY or 10 KWD. These are round order-of-magnitude levels for a price list,
/// deliberately not exchange rates (the domain has no rates to convert with); an agency sets its
/// own figures per creditor.
fn price_level(currency: Currency) -> Decimal {
    let level = match currency.code() {
        "SEK" | "NOK" | "DKK" | "HKD" | "CNY" | "MAD" => 10,
        "PLN" | "RON" | "AED" | "ILS" | "SAR" | "QAR" | "BRL" => 4,
        "CZK" | "MKD" | "RUB" | "UAH" | "THB" | "INR" | "TRY" => 25,
        "RSD" | "ISK" | "JPY" | "ALL" => 150,
        "HUF" => 400,
        "KRW" | "CLP" => 1500,
        // One dinar is worth about 2.5 to 3 euros.
        "KWD" | "BHD" | "OMR" | "JOD" => return Decimal::new(4, 1),
        _ => 1,
    };
    Decimal::from(level)
}

/// `major` euros' worth at the currency's price level, rounded by the money rule.
fn level(major: u32, currency: Currency) -> Money {
    Money::rounded(Decimal::from(major) * price_level(currency), currency)
}

impl FeeSchedule {
    /// The house default in `currency`:
    ///
    /// - introduction fee 25 per case;
    /// - commission, marginal, domestic / international: 15 % / 20 % up to 5 000, 10 % / 15 % up
    ///   to 25 000, 7 % / 10 % up to 100 000, 5 % / 7 % above;
    /// - surcharge +3 points for invoices more than 180 days overdue at placement, +5 points beyond
    ///   365 days;
    /// - minimum commission 50 once anything is recovered;
    /// - withdrawal 5 % of the outstanding principal, at least 50;
    /// - legal costs passed through at cost; VAT charged, rate left to the fee invoice;
    /// - commission charged on payments the debtor makes to the creditor directly.
    ///
    /// Figures are in euros and scaled by a round price level for other currencies.
    #[must_use]
    pub fn default_for(currency: Currency) -> FeeSchedule {
        let tier = |up_to: Option<u32>, domestic_rate_bp, international_rate_bp| CommissionTier {
            up_to: up_to.map(|major| level(major, currency)),
            domestic_rate_bp,
            international_rate_bp,
        };
        FeeSchedule {
            currency,
            introduction_fee: level(25, currency),
            commission_tiers: vec![
                tier(Some(5_000), 1500, 2000),
                tier(Some(25_000), 1000, 1500),
                tier(Some(100_000), 700, 1000),
                tier(None, 500, 700),
            ],
            age_surcharges: vec![
                AgeSurcharge {
                    older_than_days: 180,
                    surcharge_bp: 300,
                },
                AgeSurcharge {
                    older_than_days: 365,
                    surcharge_bp: 500,
                },
            ],
            minimum_commission: level(50, currency),
            withdrawal: WithdrawalTerms {
                rate_bp: 500,
                minimum: level(50, currency),
            },
            legal_costs_passed_through: true,
            vat_applicable: true,
            vat_rate_bp: None,
            commission_on_direct_payments: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_schedule_is_valid_in_every_common_currency() {
        for code in [
            "EUR", "GBP", "USD", "SEK", "JPY", "HUF", "KWD", "BHD", "CZK", "PLN", "ZAR",
        ] {
            let currency = Currency::parse(code);
            assert!(currency.is_ok(), "{code}");
            if let Ok(currency) = currency {
                assert_eq!(
                    FeeSchedule::default_for(currency).validate(),
                    Ok(()),
                    "{code}"
                );
            }
        }
    }

    #[test]
    fn default_figures_follow_the_currency_price_level() {
        assert_eq!(
            FeeSchedule::default_for(Currency::EUR)
                .introduction_fee
                .amount_string(),
            "25.00"
        );
        assert_eq!(
            FeeSchedule::default_for(Currency::JPY)
                .introduction_fee
                .amount_string(),
            "3750"
        );
        assert_eq!(
            FeeSchedule::default_for(Currency::KWD)
                .introduction_fee
                .amount_string(),
            "10.000"
        );
    }
}
