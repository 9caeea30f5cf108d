//! ISO 4217 currencies, backed by the `iso_currency` table so minor units come from the standard.

use super::MoneyError;
use std::fmt;

/// An ISO 4217 currency that can hold a claim: it has a minor unit (0 to 4 decimals).
///
/// Built only through [`Currency::parse`] or the associated constants, so every value has a
/// known minor unit. Serialised as its code string, `"EUR"`.
#[cfg_attr(
    feature = "storage",
    derive(diesel::AsExpression, diesel::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency(iso_currency::Currency);

impl Currency {
    /// Euro, 2 decimals.
    pub const EUR: Currency = Currency(iso_currency::Currency::EUR);
    /// Pound sterling, 2 decimals.
    pub const GBP: Currency = Currency(iso_currency::Currency::GBP);
    /// US dollar, 2 decimals.
    pub const USD: Currency = Currency(iso_currency::Currency::USD);
    /// Swiss franc, 2 decimals.
    pub const CHF: Currency = Currency(iso_currency::Currency::CHF);
    /// Swedish krona, 2 decimals.
    pub const SEK: Currency = Currency(iso_currency::Currency::SEK);
    /// Norwegian krone, 2 decimals.
    pub const NOK: Currency = Currency(iso_currency::Currency::NOK);
    /// Danish krone, 2 decimals.
    pub const DKK: Currency = Currency(iso_currency::Currency::DKK);
    /// Polish zloty, 2 decimals.
    pub const PLN: Currency = Currency(iso_currency::Currency::PLN);
    /// Czech koruna, 2 decimals.
    pub const CZK: Currency = Currency(iso_currency::Currency::CZK);
    /// Hungarian forint, 2 decimals (ISO keeps 2 although cash has none).
    pub const HUF: Currency = Currency(iso_currency::Currency::HUF);
    /// Japanese yen, no decimals.
    pub const JPY: Currency = Currency(iso_currency::Currency::JPY);
    /// Kuwaiti dinar, 3 decimals.
    pub const KWD: Currency = Currency(iso_currency::Currency::KWD);
    /// Bahraini dinar, 3 decimals.
    pub const BHD: Currency = Currency(iso_currency::Currency::BHD);
    /// Canadian dollar, 2 decimals.
    pub const CAD: Currency = Currency(iso_currency::Currency::CAD);
    /// Australian dollar, 2 decimals.
    pub const AUD: Currency = Currency(iso_currency::Currency::AUD);
    /// Bulgarian lev, 2 decimals: the currency of Bulgaria's statutory amounts until the euro
    /// replaced it on 1 January 2026.
    pub const BGN: Currency = Currency(iso_currency::Currency::BGN);
    /// Turkish lira, 2 decimals.
    pub const TRY: Currency = Currency(iso_currency::Currency::TRY);

    /// Parses an upper-case ISO 4217 alphabetic code such as `"EUR"`.
    ///
    /// Lower-case input is refused rather than fixed up: codes are upper case in the standard and
    /// on our wire, and one spelling keeps idempotency keys and stored rows comparable.
    ///
    /// # Errors
    /// [`MoneyError::UnknownCurrency`] for a code not in ISO 4217, and
    /// [`MoneyError::NotAMoneyCurrency`] for codes without a minor unit (XAU, XDR, XXX, ...).
    pub fn parse(code: &str) -> Result<Currency, MoneyError> {
        let iso = iso_currency::Currency::from_code(code)
            .ok_or_else(|| MoneyError::UnknownCurrency(code.to_owned()))?;
        if iso.exponent().is_none() {
            return Err(MoneyError::NotAMoneyCurrency(code.to_owned()));
        }
        Ok(Currency(iso))
    }

    /// The three-letter ISO 4217 code, `"EUR"`.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.0.code()
    }

    /// The number of decimals of the minor unit: 2 for EUR, 0 for JPY, 3 for KWD.
    #[must_use]
    pub fn minor_units(&self) -> u32 {
        // Every Currency is built with an exponent (see `parse`), so the fallback is never used.
        self.0.exponent().map_or(0, u32::from)
    }

    /// The English name from ISO 4217, for documents and messages.
    #[must_use]
    pub fn name(&self) -> &str {
        self.0.name()
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Currency({})", self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl std::str::FromStr for Currency {
    type Err = MoneyError;

    fn from_str(code: &str) -> Result<Self, Self::Err> {
        Currency::parse(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minor_units_follow_iso_4217() {
        assert_eq!(Currency::EUR.minor_units(), 2);
        assert_eq!(Currency::JPY.minor_units(), 0);
        assert_eq!(Currency::KWD.minor_units(), 3);
        for code in ["BHD", "OMR", "JOD", "TND", "IQD", "LYD"] {
            assert_eq!(
                Currency::parse(code).map(|c| c.minor_units()),
                Ok(3),
                "{code}"
            );
        }
    }

    #[test]
    fn unknown_and_lower_case_codes_are_refused() {
        assert_eq!(
            Currency::parse("ABC"),
            Err(MoneyError::UnknownCurrency("ABC".into()))
        );
        assert!(Currency::parse("eur").is_err());
        assert!(Currency::parse("").is_err());
        assert!(Currency::parse("EURO").is_err());
    }

    #[test]
    fn metals_and_special_codes_cannot_hold_a_claim() {
        for code in ["XAU", "XDR", "XXX", "XTS"] {
            assert_eq!(
                Currency::parse(code),
                Err(MoneyError::NotAMoneyCurrency(code.into()))
            );
        }
    }

    #[test]
    fn a_currency_prints_as_its_code() {
        assert_eq!(Currency::GBP.to_string(), "GBP");
        assert_eq!(Currency::parse("CHF"), Ok(Currency::CHF));
    }
}
