//! A remittance run as the agency asks for it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_domain::money::Currency;
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};
use crate::money::parse_currency;

/// Which creditor, currency and period to remit.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"organisation_id": "org_0193b7c4a1e07a3c9d2f5e6b8a1c4d70", "currency": "EUR", "period_end": "2027-01-31"}))]
pub struct NewRemittance {
    /// The creditor organisation.
    #[schema(example = "org_0193…")]
    pub organisation_id: String,
    /// The currency remitted (one statement per currency).
    #[schema(value_type = crate::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
    /// The last day covered: payments value-dated by it, and reversals made by its end, are
    /// remitted; not after today.
    #[schema(example = "2027-01-31")]
    pub period_end: NaiveDate,
}

impl NewRemittance {
    /// The currency, checked with the period against today.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each bad field.
    pub fn validate_for(&self, today: NaiveDate) -> Result<Currency, AppError> {
        currency_and_period(&self.currency, self.period_end, today)
    }
}

/// A run's currency and the last day it covers, which is today at the latest: what remittances
/// and fee invoices are both asked for.
///
/// # Errors
/// [`AppError::Validation`] naming each bad field.
pub(crate) fn currency_and_period(
    currency: &str,
    period_end: NaiveDate,
    today: NaiveDate,
) -> Result<Currency, AppError> {
    let mut errors = Vec::new();
    let currency = parse_currency(currency, "currency")
        .map_err(|err| errors.push(err))
        .ok();
    if period_end > today {
        errors.push(FieldError::new(
            "period_end",
            "in_future",
            format!("A period ends today ({today}) at the latest."),
        ));
    }
    match currency {
        Some(currency) if errors.is_empty() => Ok(currency),
        _ => Err(AppError::Validation(errors)),
    }
}
