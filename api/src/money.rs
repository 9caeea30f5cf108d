//! Money on the wire: `{"amount": "1234.56", "currency": "EUR"}`, the amount a decimal string with
//! at most the currency's minor units. Parsing goes through the domain's strict parser, so a
//! float or a third decimal on EUR is a 422 naming the field, never a silent rounding.

use serde::Serialize;
use solvo_domain::money::{Currency, Money};
use utoipa::ToSchema;

use crate::error::{ApiError, FieldError};

/// An amount of money.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct MoneyView {
    /// Decimal string with the currency's minor units, e.g. `"1234.50"`.
    #[schema(example = "1234.50")]
    pub amount: String,
    /// ISO 4217 code.
    #[schema(example = "EUR")]
    pub currency: String,
}

impl From<Money> for MoneyView {
    fn from(money: Money) -> Self {
        Self {
            amount: money.amount_string(),
            currency: money.currency().code().to_owned(),
        }
    }
}

/// Parses a currency code for `field`.
///
/// # Errors
/// A field error naming `field`.
pub fn parse_currency(raw: &str, field: &str) -> Result<Currency, FieldError> {
    Currency::parse(raw.trim())
        .map_err(|err| FieldError::new(field, "invalid_currency", err.to_string()))
}

/// Parses a decimal-string amount in `currency` for `field`, refusing zero and negatives unless
/// `allow_zero`.
///
/// # Errors
/// A field error naming `field`.
pub fn parse_amount(
    raw: &str,
    currency: Currency,
    field: &str,
    allow_zero: bool,
) -> Result<Money, FieldError> {
    let money = Money::parse(raw.trim(), currency)
        .map_err(|err| FieldError::new(field, "invalid_amount", err.to_string()))?;
    if money.is_negative() || (!allow_zero && money.is_zero()) {
        return Err(FieldError::new(
            field,
            "not_positive",
            "The amount must be greater than zero.",
        ));
    }
    Ok(money)
}

/// Stored minor units back to money, treating a corrupt currency as a server error.
///
/// # Errors
/// 500 when the stored currency is unknown.
pub fn from_minor(minor: i64, currency: &str) -> Result<Money, ApiError> {
    let currency = Currency::parse(currency).map_err(|err| {
        ApiError::Internal(anyhow::anyhow!("stored currency `{currency}`: {err}"))
    })?;
    Ok(Money::from_minor(minor, currency))
}

/// Money to minor units for storage.
///
/// # Errors
/// 422 naming `field` when the amount does not fit.
pub fn to_minor(money: Money, field: &str) -> Result<i64, ApiError> {
    money
        .to_minor()
        .map_err(|err| ApiError::invalid(field, "too_large", err.to_string()))
}
