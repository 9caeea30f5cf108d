//! Which VAT the agency charges a creditor on its fees.
//!
//! Debt collection is a service supplied to a business (the creditor). Under Council Directive
//! 2006/112/EC:
//! - Article 44: a service to a taxable person is supplied where that person is established;
//! - Article 196: when that is another member state, the customer owes the VAT (reverse
//!   charge), and Article 226(11a) requires the words "Reverse charge" on the invoice;
//! - Implementing Regulation (EU) No 282/2011, Article 18(2): a customer in the Union that has
//!   not given its VAT identification number may be treated as a non-taxable person, so the
//!   supplier charges its own VAT.
//!
//! So an agency established in a member state charges its own rate to creditors in its own
//! country and to creditors in other member states without a VAT number, reverse-charges
//! creditors in other member states with one, and charges no VAT to creditors outside the
//! Union (the supply is outside the scope of its VAT). For an agency outside the Union the
//! rules of its own country are not encoded: it charges its configured rate on every invoice,
//! and `docs/money.md` says so.

use serde::{Deserialize, Serialize};

use crate::country::CountryCode;

/// The 27 member states of the European Union, by ISO 3166-1 code (Greece is `GR` here; its
/// VAT numbers start with `EL`).
const EU_MEMBERS: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT",
    "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// Whether `country` is a member state of the European Union.
#[must_use]
pub fn is_eu_member(country: &CountryCode) -> bool {
    EU_MEMBERS.contains(&country.as_str())
}

/// The VAT on one fee invoice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VatTreatment {
    /// The agency's own VAT at its rate (basis points: 1900 is 19 %).
    Standard {
        /// The rate in basis points.
        rate_bp: u32,
    },
    /// No VAT charged: the creditor, in another member state, accounts for it (Article 196).
    ReverseCharge,
    /// No VAT charged: the creditor is established outside the Union (Article 44).
    OutsideScope,
}

impl VatTreatment {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Standard { .. } => "standard",
            Self::ReverseCharge => "reverse_charge",
            Self::OutsideScope => "outside_scope",
        }
    }

    /// The rate charged in basis points (zero unless standard).
    #[must_use]
    pub fn rate_bp(self) -> u32 {
        match self {
            Self::Standard { rate_bp } => rate_bp,
            Self::ReverseCharge | Self::OutsideScope => 0,
        }
    }

    /// Reads a stored name with its rate.
    #[must_use]
    pub fn parse(raw: &str, rate_bp: u32) -> Option<Self> {
        match raw {
            "standard" => Some(Self::Standard { rate_bp }),
            "reverse_charge" => Some(Self::ReverseCharge),
            "outside_scope" => Some(Self::OutsideScope),
            _ => None,
        }
    }

    /// The mention the invoice must carry, if any.
    #[must_use]
    pub fn mention(self) -> Option<&'static str> {
        match self {
            Self::Standard { .. } => None,
            Self::ReverseCharge => Some(
                "Reverse charge: the recipient accounts for the VAT (Article 196 of Council Directive 2006/112/EC).",
            ),
            Self::OutsideScope => Some(
                "Not subject to VAT in the supplier's country: the service is supplied where the recipient is established, outside the European Union (Article 44 of Council Directive 2006/112/EC).",
            ),
        }
    }
}

/// The VAT the agency, established in `agency_country` with the rate `agency_rate_bp`, charges
/// a creditor established in `creditor_country` with `creditor_vat_id` (if it gave one).
#[must_use]
pub fn treatment(
    agency_country: &CountryCode,
    agency_rate_bp: u32,
    creditor_country: &CountryCode,
    creditor_vat_id: Option<&str>,
) -> VatTreatment {
    let standard = VatTreatment::Standard {
        rate_bp: agency_rate_bp,
    };
    if !is_eu_member(agency_country) || agency_country == creditor_country {
        return standard;
    }
    if !is_eu_member(creditor_country) {
        return VatTreatment::OutsideScope;
    }
    match creditor_vat_id.map(str::trim) {
        Some(id) if !id.is_empty() => VatTreatment::ReverseCharge,
        _ => standard,
    }
}
