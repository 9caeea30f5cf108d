//! The details a fee invoice names its parties by: `PUT/GET /v1/organisations/{id}/billing`.
//!
//! What is decided here: the agency administrator sets them for any organisation, a creditor's
//! administrator for its own; the VAT rate belongs to the agency alone (it is the supplier); a
//! legal name and at least one address line are required (Article 226(5) of Directive
//! 2006/112/EC: the full name and address of supplier and customer).

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use solvo_domain::permission::Permission;
use solvo_persistence::AnyConnection;
use solvo_persistence::PersistenceError;
use solvo_persistence::repositories::billing::{self, BillingRow};
use solvo_persistence::repositories::organisations::{self, OrganisationRow};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};
use crate::principal::Principal;

/// The most address lines an invoice prints.
pub const MAX_ADDRESS_LINES: usize = 6;
/// The highest VAT rate accepted, in percent (the highest standard rate in the Union is 27 %).
const MAX_VAT_RATE_PERCENT: i64 = 50;

/// Billing details as set.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"legal_name": "Van den Berg Logistiek B.V.", "address_lines": ["Keizersgracht 1", "1015 CJ Amsterdam"]}))]
pub struct BillingInput {
    /// The legal name invoices show.
    #[schema(example = "Van den Berg Logistiek B.V.")]
    pub legal_name: String,
    /// The postal address, one line per entry (1 to 6), without the country.
    #[schema(example = json!(["Keizersgracht 1", "1015 CJ Amsterdam"]))]
    pub address_lines: Vec<String>,
    /// The VAT identification number, with its country prefix.
    #[schema(example = "NL123456789B01")]
    pub vat_id: Option<String>,
    /// The agency's VAT rate in percent as a decimal string ("19", "25.5"); only for the agency.
    #[schema(example = "21")]
    pub vat_rate: Option<String>,
}

/// Stored billing details of one organisation.
#[derive(Debug, Clone)]
pub struct Billing {
    /// The organisation.
    pub organisation: OrganisationRow,
    /// Its details.
    pub row: BillingRow,
}

impl Billing {
    /// The address lines.
    #[must_use]
    pub fn address_lines(&self) -> Vec<String> {
        self.row.address.lines().map(ToOwned::to_owned).collect()
    }
}

fn field(errors: &mut Vec<FieldError>, name: &str, code: &str, message: &str) {
    errors.push(FieldError::new(name, code, message.to_owned()));
}

/// The VAT rate in basis points read off a percent string.
fn rate_bp(raw: &str) -> Option<u32> {
    let percent: Decimal = raw.trim().parse().ok()?;
    if percent.is_sign_negative() || percent > Decimal::from(MAX_VAT_RATE_PERCENT) {
        return None;
    }
    let bp = percent.checked_mul(Decimal::from(100))?;
    if bp.fract() != Decimal::ZERO {
        return None;
    }
    u32::try_from(bp.mantissa() / 10_i128.pow(bp.scale())).ok()
}

/// Checks `input` for `organisation`.
fn validate(
    input: &BillingInput,
    organisation: &OrganisationRow,
) -> Result<BillingCheck, AppError> {
    let mut errors = Vec::new();
    let legal_name = input.legal_name.trim().to_owned();
    if legal_name.is_empty() || legal_name.chars().count() > 200 {
        field(
            &mut errors,
            "legal_name",
            "invalid_length",
            "1 to 200 characters.",
        );
    }
    let lines: Vec<String> = input
        .address_lines
        .iter()
        .map(|line| line.trim().to_owned())
        .collect();
    if lines.is_empty() || lines.len() > MAX_ADDRESS_LINES {
        field(
            &mut errors,
            "address_lines",
            "invalid_length",
            "1 to 6 address lines.",
        );
    }
    if lines
        .iter()
        .any(|line| line.is_empty() || line.chars().count() > 120 || line.contains(['\n', '\r']))
    {
        field(
            &mut errors,
            "address_lines",
            "invalid_line",
            "Each line has 1 to 120 characters and no line break.",
        );
    }
    let vat_id = input
        .vat_id
        .as_deref()
        .map(|id| id.trim().replace(' ', "").to_uppercase())
        .filter(|id| !id.is_empty());
    if let Some(id) = &vat_id
        && (id.len() < 4
            || id.len() > 20
            || !id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.'))
    {
        field(
            &mut errors,
            "vat_id",
            "invalid_vat_id",
            "A VAT number is 4 to 20 letters and digits with its country prefix, such as NL123456789B01.",
        );
    }
    let is_agency = organisation.kind == "agency";
    let vat_rate_bp = match (&input.vat_rate, is_agency) {
        (None, _) => None,
        (Some(_), false) => {
            field(
                &mut errors,
                "vat_rate",
                "not_the_supplier",
                "Only the agency, which issues the invoices, has a VAT rate here.",
            );
            None
        }
        (Some(raw), true) => {
            let bp = rate_bp(raw);
            if bp.is_none() {
                field(
                    &mut errors,
                    "vat_rate",
                    "invalid_rate",
                    "A rate in percent from 0 to 50 with at most two decimals, such as \"21\" or \"25.5\".",
                );
            }
            bp
        }
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }
    Ok(BillingCheck {
        legal_name,
        address: lines.join("\n"),
        vat_id,
        vat_rate_bp,
    })
}

struct BillingCheck {
    legal_name: String,
    address: String,
    vat_id: Option<String>,
    vat_rate_bp: Option<u32>,
}

/// The organisation `organisation_id` if the caller may manage or read its billing details.
fn organisation_for(
    conn: &mut AnyConnection,
    caller: &Principal,
    organisation_id: &str,
) -> Result<OrganisationRow, AppError> {
    let visible = caller.role.may(Permission::AdministerEveryOrganisation)
        || caller.organisation_id == organisation_id;
    if !visible {
        return Err(AppError::NotFound);
    }
    match organisations::find(conn, organisation_id) {
        Ok(organisation) => Ok(organisation),
        Err(PersistenceError::NotFound) => Err(AppError::NotFound),
        Err(err) => Err(err.into()),
    }
}

/// Sets the billing details of `organisation_id`.
///
/// # Errors
/// [`AppError::Forbidden`] without `manage_billing`; [`AppError::NotFound`] for an
/// organisation the caller may not administer; [`AppError::Validation`] per field.
pub fn put(
    conn: &mut AnyConnection,
    caller: &Principal,
    organisation_id: &str,
    input: &BillingInput,
    now: NaiveDateTime,
) -> Result<Billing, AppError> {
    caller.require(Permission::ManageBilling)?;
    let organisation = organisation_for(conn, caller, organisation_id)?;
    let check = validate(input, &organisation)?;
    let vat_rate_bp = check
        .vat_rate_bp
        .map(i32::try_from)
        .transpose()
        .map_err(AppError::internal)?;
    let row = BillingRow {
        organisation_id: organisation.id.clone(),
        legal_name: check.legal_name,
        address: check.address,
        vat_id: check.vat_id,
        vat_rate_bp,
        updated_by: caller.actor_id().to_owned(),
        updated_at: now,
    };
    billing::put(conn, &row)?;
    Ok(Billing { organisation, row })
}

/// The billing details of `organisation_id`.
///
/// # Errors
/// [`AppError::NotFound`] for an organisation the caller may not see, or none set.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    organisation_id: &str,
) -> Result<Billing, AppError> {
    let organisation = organisation_for(conn, caller, organisation_id)?;
    let row = billing::find(conn, &organisation.id)?.ok_or(AppError::NotFound)?;
    Ok(Billing { organisation, row })
}

/// The stored details of `organisation` for an invoice, or a validation error naming what is
/// missing (`field` is how the request names the organisation).
pub(super) fn required(
    conn: &mut AnyConnection,
    organisation: OrganisationRow,
    field: &str,
) -> Result<Billing, AppError> {
    match billing::find(conn, &organisation.id)? {
        Some(row) => Ok(Billing { organisation, row }),
        None => Err(AppError::invalid(
            field,
            "billing_details_missing",
            format!(
                "{} has no billing details: set them with PUT /v1/organisations/{}/billing.",
                organisation.name, organisation.id
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::rate_bp;

    #[test]
    fn rates_are_read_in_percent_to_two_decimals() {
        assert_eq!(rate_bp("19"), Some(1900));
        assert_eq!(rate_bp(" 25.5 "), Some(2550));
        assert_eq!(rate_bp("0"), Some(0));
        assert_eq!(rate_bp("7.75"), Some(775));
        assert_eq!(rate_bp("7.755"), None);
        assert_eq!(rate_bp("-1"), None);
        assert_eq!(rate_bp("51"), None);
        assert_eq!(rate_bp("nineteen"), None);
    }
}
