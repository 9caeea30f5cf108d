//! Money at the edge of a use case: decimal strings parsed through the domain's strict parser
//! (a float or a third decimal on EUR is a field error, never a silent rounding), and the integer
//! minor units the database stores.

use solvo_domain::money::{Currency, Money};

use crate::error::{AppError, FieldError};

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

/// Stored minor units back to money, treating a corrupt currency as a server error.
///
/// # Errors
/// [`AppError::Internal`] when the stored currency is unknown.
pub fn from_minor(minor: i64, currency: &str) -> Result<Money, AppError> {
    let currency = Currency::parse(currency)
        .map_err(|err| AppError::internal(format!("stored currency `{currency}`: {err}")))?;
    Ok(Money::from_minor(minor, currency))
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
