//! A debtor as a client sends it, checked and normalised into a row.

use serde::{Deserialize, Serialize};
use solvo_domain::country::CountryCode;
use solvo_domain::identifiers::VatNumber;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::debtors::DebtorRow;
use utoipa::ToSchema;
use validator::Validate;

use crate::error::FieldError;

/// Whether the debtor is a business; consumers are refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DebtorKind {
    /// A company, partnership or sole trader acting in business.
    #[default]
    Business,
    /// A private person: not accepted (the platform collects business debts only).
    Consumer,
}

/// A postal address.
#[derive(Debug, Clone, Default, Deserialize, Serialize, Validate, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct AddressInput {
    /// Street and number.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub line1: Option<String>,
    /// Second line.
    #[validate(length(max = 200))]
    #[schema(max_length = 200)]
    pub line2: Option<String>,
    /// Postal code.
    #[validate(length(max = 20))]
    #[schema(max_length = 20)]
    pub postal_code: Option<String>,
    /// City.
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub city: Option<String>,
    /// Region, state or province.
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub region: Option<String>,
    /// ISO 3166-1 alpha-2; defaults to the debtor's country.
    #[schema(value_type = Option<crate::wire_names::CountryCodeName>, example = "DE")]
    pub country: Option<String>,
}

/// A person to contact at the debtor.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct ContactInput {
    /// Full name.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200)]
    pub name: String,
    /// Email address.
    #[validate(email)]
    #[schema(format = "email")]
    pub email: Option<String>,
    /// Phone number, ideally E.164.
    #[validate(length(max = 40))]
    #[schema(max_length = 40)]
    pub phone: Option<String>,
    /// Role, e.g. "accounts payable".
    #[validate(length(max = 100))]
    #[schema(max_length = 100)]
    pub role: Option<String>,
}

/// A debtor as sent on create (and embedded in a case).
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"legal_name": "Globex B.V.", "country": "NL", "vat_id": "NL123456789B01", "preferred_language": "nl"}))]
pub struct DebtorInput {
    /// `business` (default); `consumer` is refused.
    #[serde(default)]
    pub kind: DebtorKind,
    /// Registered legal name.
    #[validate(length(min = 1, max = 200))]
    #[schema(min_length = 1, max_length = 200, example = "Globex B.V.")]
    pub legal_name: String,
    /// Company register number (e.g. `KvK`, HRB, Companies House).
    #[validate(length(min = 1, max = 50))]
    #[schema(min_length = 1, max_length = 50)]
    pub registration_number: Option<String>,
    /// VAT id, checked against the country's format; the country prefix is optional.
    #[schema(example = "NL123456789B01")]
    pub vat_id: Option<String>,
    /// ISO 3166-1 alpha-2 country of establishment.
    #[schema(value_type = crate::wire_names::CountryCodeName, example = "NL")]
    pub country: String,
    /// Postal address.
    #[validate(nested)]
    pub address: Option<AddressInput>,
    /// Contacts.
    #[validate(nested, length(max = 20))]
    #[serde(default)]
    #[schema(max_items = 20)]
    pub contacts: Vec<ContactInput>,
    /// ISO 639-1 language for correspondence, e.g. `nl`.
    #[schema(example = "nl")]
    pub preferred_language: Option<String>,
}

impl DebtorInput {
    /// Checks the business rules and builds a row for `organisation_id`. Field paths in errors
    /// start with `prefix` (`""` or `"debtor."`).
    ///
    /// # Errors
    /// Every invalid field at once.
    pub fn into_row(
        self,
        organisation_id: &str,
        prefix: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<DebtorRow, Vec<FieldError>> {
        let mut errors = Vec::new();
        let field = |name: &str| format!("{prefix}{name}");
        if self.kind == DebtorKind::Consumer {
            errors.push(FieldError::new(
                field("kind"),
                "consumer_debtor",
                "Solvo collects business-to-business debts only; a consumer debt cannot be placed.",
            ));
        }
        let legal_name = self.legal_name.trim().to_owned();
        if legal_name.is_empty() {
            errors.push(FieldError::new(
                field("legal_name"),
                "blank",
                "legal_name must not be blank",
            ));
        }
        let country = CountryCode::parse(&self.country)
            .map_err(|err| {
                errors.push(FieldError::new(
                    field("country"),
                    "invalid_country",
                    err.to_string(),
                ));
            })
            .ok();
        let vat_id = match (&self.vat_id, country) {
            (Some(raw), Some(country)) => VatNumber::parse_with_country(country.as_str(), raw)
                .map(|vat| vat.as_str().to_owned())
                .map_err(|err| {
                    errors.push(FieldError::new(
                        field("vat_id"),
                        "invalid_vat_id",
                        err.to_string(),
                    ));
                })
                .ok(),
            _ => None,
        };
        let registration_number = self
            .registration_number
            .map(|number| number.trim().to_uppercase())
            .filter(|number| !number.is_empty());
        if self.vat_id.is_none()
            && registration_number.is_none()
            && self.kind == DebtorKind::Business
        {
            errors.push(FieldError::new(
                field("vat_id"),
                "business_identifier_required",
                "A business debtor needs a vat_id or a registration_number: Solvo collects business debts only.",
            ));
        }
        let language = self
            .preferred_language
            .as_deref()
            .map(str::to_ascii_lowercase);
        if let Some(language) = &language
            && !(language.len() == 2 && language.bytes().all(|b| b.is_ascii_lowercase()))
        {
            errors.push(FieldError::new(
                field("preferred_language"),
                "invalid_language",
                "Use an ISO 639-1 code such as `nl`.",
            ));
        }
        let address = self.address.unwrap_or_default();
        let address_country = match address.country.as_deref().map(CountryCode::parse) {
            Some(Ok(code)) => Some(code.to_string()),
            Some(Err(err)) => {
                errors.push(FieldError::new(
                    field("address.country"),
                    "invalid_country",
                    err.to_string(),
                ));
                None
            }
            None => country.map(|code| code.to_string()),
        };
        let contacts = serde_json::to_string(&self.contacts).unwrap_or_else(|_| "[]".to_owned());
        let Some(country) = country.filter(|_| errors.is_empty()) else {
            return Err(errors);
        };
        Ok(DebtorRow {
            id: new_id("dbt"),
            organisation_id: organisation_id.to_owned(),
            legal_name,
            registration_number,
            vat_id,
            country: country.to_string(),
            address_line1: trimmed(address.line1),
            address_line2: trimmed(address.line2),
            postal_code: trimmed(address.postal_code),
            city: trimmed(address.city),
            region: trimmed(address.region),
            address_country,
            contacts,
            preferred_language: language,
            version: 1,
            created_at: now,
            updated_at: now,
        })
    }
}

fn trimmed(value: Option<String>) -> Option<String> {
    value
        .map(|text| text.trim().to_owned())
        .filter(|text| !text.is_empty())
}
