//! Fee invoices and credit notes as the agency asks for them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_domain::money::Currency;
use utoipa::ToSchema;
use validator::Validate;

use crate::error::AppError;
use crate::remittances::input::currency_and_period;

/// Which creditor, currency and period to bill.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"organisation_id": "org_0193b7c4a1e07a3c9d2f5e6b8a1c4d70", "currency": "EUR", "period_end": "2027-01-31"}))]
pub struct NewFeeInvoice {
    /// The creditor organisation billed.
    #[schema(example = "org_0193…")]
    pub organisation_id: String,
    /// The currency billed (one invoice per currency).
    #[schema(value_type = crate::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
    /// The last day billed: fees posted, direct payments value-dated and remittances run by its
    /// end; not after today.
    #[schema(example = "2027-01-31")]
    pub period_end: NaiveDate,
}

impl NewFeeInvoice {
    /// The currency, checked with the period against today.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each bad field.
    pub fn validate_for(&self, today: NaiveDate) -> Result<Currency, AppError> {
        currency_and_period(&self.currency, self.period_end, today)
    }
}

/// Why an invoice is cancelled.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Billed to the wrong address; reissued."}))]
pub struct NewCreditNote {
    /// Printed on the credit note (1 to 500 characters, not all blank).
    #[schema(
        example = "Billed to the wrong address; reissued.",
        min_length = 1,
        max_length = 500,
        pattern = r"\S"
    )]
    pub reason: String,
}

impl NewCreditNote {
    /// The reason, trimmed.
    ///
    /// # Errors
    /// [`AppError::Validation`] for a blank or overlong reason.
    pub fn validated(&self) -> Result<String, AppError> {
        let reason = self.reason.trim();
        if reason.is_empty() || reason.chars().count() > 500 {
            return Err(AppError::invalid(
                "reason",
                "invalid_length",
                "Give the reason in 1 to 500 characters.",
            ));
        }
        Ok(reason.to_owned())
    }
}
