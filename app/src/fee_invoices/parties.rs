//! The parties as an invoice keeps them: a copy taken on the day of issue, so that changing an
//! address later never rewrites an invoice already sent.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::billing::Billing;
use crate::error::AppError;

/// A party to a fee invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Party {
    /// The organisation.
    pub organisation_id: String,
    /// Its legal name.
    pub legal_name: String,
    /// Its address lines.
    pub address_lines: Vec<String>,
    /// ISO 3166-1 alpha-2.
    #[schema(value_type = crate::wire_names::CountryCodeName)]
    pub country: String,
    /// Its VAT identification number.
    pub vat_id: Option<String>,
}

impl Party {
    /// The party as `billing` describes it now.
    pub(super) fn of(billing: &Billing) -> Self {
        Self {
            organisation_id: billing.organisation.id.clone(),
            legal_name: billing.row.legal_name.clone(),
            address_lines: billing.address_lines(),
            country: billing.organisation.country.clone(),
            vat_id: billing.row.vat_id.clone(),
        }
    }

    /// The stored form.
    pub(super) fn stored(&self) -> Result<String, AppError> {
        serde_json::to_string(self).map_err(AppError::internal)
    }

    /// Reads a stored copy.
    pub(super) fn read(raw: &str, invoice_id: &str) -> Result<Self, AppError> {
        serde_json::from_str(raw).map_err(|err| AppError::corrupt("fee invoice", invoice_id, err))
    }
}
