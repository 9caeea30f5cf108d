//! A debtor as the API returns it.

use serde::Serialize;
use solvo_app::AppError;
use utoipa::ToSchema;

use solvo_app::clock;
use solvo_app::debtors::DebtorRow;

pub use solvo_app::debtors::ContactInput as Contact;

/// A postal address.
#[derive(Debug, Serialize, ToSchema)]
pub struct Address {
    /// Street and number.
    pub line1: Option<String>,
    /// Second line.
    pub line2: Option<String>,
    /// Postal code.
    pub postal_code: Option<String>,
    /// City.
    pub city: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2.
    #[schema(value_type = Option<solvo_app::wire_names::CountryCodeName>)]
    pub country: Option<String>,
}

/// A debtor.
#[derive(Debug, Serialize, ToSchema)]
pub struct Debtor {
    /// `dbt_…`
    pub id: String,
    /// The creditor organisation the debtor belongs to.
    pub organisation_id: String,
    /// Always `business`.
    #[schema(value_type = solvo_app::debtors::DebtorKind)]
    pub kind: String,
    /// Registered legal name.
    pub legal_name: String,
    /// Company register number.
    pub registration_number: Option<String>,
    /// Normalised VAT id.
    pub vat_id: Option<String>,
    /// Country of establishment.
    #[schema(value_type = solvo_app::wire_names::CountryCodeName)]
    pub country: String,
    /// Postal address.
    pub address: Address,
    /// Contacts.
    pub contacts: Vec<Contact>,
    /// ISO 639-1 language.
    pub preferred_language: Option<String>,
    /// Version for `If-Match`.
    pub version: i64,
    /// RFC 3339 creation time.
    #[schema(format = DateTime)]
    pub created_at: String,
    /// RFC 3339 time of the last change.
    #[schema(format = DateTime)]
    pub updated_at: String,
}

/// A page of debtors.
#[derive(Debug, Serialize, ToSchema)]
pub struct DebtorList {
    /// This page.
    pub data: Vec<Debtor>,
    /// Cursor of the next page.
    pub next_cursor: Option<String>,
}

impl TryFrom<DebtorRow> for Debtor {
    type Error = AppError;
    fn try_from(row: DebtorRow) -> Result<Self, AppError> {
        let contacts = serde_json::from_str(&row.contacts).map_err(|err| {
            AppError::Internal(anyhow::anyhow!(
                "debtor {} has unreadable contacts: {err}",
                row.id
            ))
        })?;
        Ok(Self {
            id: row.id,
            organisation_id: row.organisation_id,
            kind: "business".to_owned(),
            legal_name: row.legal_name,
            registration_number: row.registration_number,
            vat_id: row.vat_id,
            country: row.country,
            address: Address {
                line1: row.address_line1,
                line2: row.address_line2,
                postal_code: row.postal_code,
                city: row.city,
                region: row.region,
                country: row.address_country,
            },
            contacts,
            preferred_language: row.preferred_language,
            version: row.version,
            created_at: clock::rfc3339(row.created_at),
            updated_at: clock::rfc3339(row.updated_at),
        })
    }
}
