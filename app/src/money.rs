//! Money at the edge of a use case: decimal strings parsed through the domain's strict parser
//! (a float or a third decimal on EUR is a field error, never a silent rounding), and the integer
//! minor units the database stores.

use serde::{Deserialize, Serialize};
use solvo_domain::money::{Currency, Money};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};

/// An amount as a caller sends it: a decimal string and its currency, parsed by
/// [`MoneyInput::parse`] against the currency it must be in.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct MoneyInput {
    /// Decimal string.
    #[schema(example = "1500.00")]
    pub amount: String,
    /// ISO 4217.
    #[schema(value_type = crate::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
}

impl MoneyInput {
    /// The amount, which must be in `expected` (money is never converted), zero allowed when
    /// `allow_zero`; the fields are named `<field>.amount` and `<field>.currency`. Every error at
    /// once: an unknown currency, an amount that does not parse, another currency than
    /// `expected` (`currency_mismatch`).
    ///
    /// # Errors
    /// One field error per invalid field.
    pub fn parse(
        &self,
        expected: Currency,
        field: &str,
        allow_zero: bool,
    ) -> Result<Money, Vec<FieldError>> {
        let currency_field = format!("{field}.currency");
        let mut errors = Vec::new();
        let currency = parse_currency(&self.currency, &currency_field)
            .map_err(|err| errors.push(err))
            .ok();
        let amount = parse_amount(
            &self.amount,
            currency.unwrap_or(expected),
            &format!("{field}.amount"),
            allow_zero,
        )
        .map_err(|err| errors.push(err))
        .ok();
        if currency.is_some_and(|currency| currency != expected) {
            errors.push(FieldError::new(
                currency_field,
                "currency_mismatch",
                "Use the case currency.",
            ));
        }
        match amount {
            Some(amount) if errors.is_empty() => Ok(amount),
            _ => Err(errors),
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

/// A currency given beside an amount must be the case's: money is never converted silently.
pub(crate) fn check_case_currency(
    given: Option<&str>,
    currency: Currency,
    errors: &mut Vec<FieldError>,
) {
    let Some(given) = given else { return };
    match parse_currency(given, "currency") {
        Ok(given) if given != currency => errors.push(FieldError::new(
            "currency",
            "not_case_currency",
            format!(
                "The case is in {}; an amount is never converted.",
                currency.code()
            ),
        )),
        Ok(_) => {}
        Err(err) => errors.push(err),
    }
}

/// Money to minor units for storage.
///
/// # Errors
/// A validation error naming `field` when the amount does not fit.
pub fn to_minor(money: Money, field: &str) -> Result<i64, AppError> {
    money
        .to_minor()
        .map_err(|err| AppError::invalid(field, "too_large", err.to_string()))
}

/// Money as the timeline stores it in an event's detail: `{"amount": "…", "currency": "…"}`,
/// the same shape the API shows money in.
#[must_use]
pub fn detail_json(money: Money) -> serde_json::Value {
    serde_json::json!({"amount": money.amount_string(), "currency": money.currency().code()})
}
