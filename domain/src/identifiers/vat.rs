//! VAT identification numbers: EU member states (VIES prefixes), Northern Ireland, the UK,
//! Switzerland and Norway.

use super::check::compact;
use super::vat_formats::{matches, vat_format};
use std::fmt;

/// Suffixes Swiss numbers carry by language (MWST, TVA, IVA, TPV); one number, so they are dropped.
const SWISS_SUFFIXES: [&str; 4] = ["MWST", "TVA", "IVA", "TPV"];

/// Why a VAT number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VatNumberError {
    /// The number does not start with a VAT prefix we know (EU, XI, GB, CH, NO).
    #[error("{0:?} is not a VAT country prefix we know")]
    UnknownCountry(String),
    /// The number after the prefix does not have the country's format.
    #[error("a {prefix} VAT number is {expected}")]
    BadFormat {
        /// The VAT prefix, e.g. "DE" or "EL".
        prefix: String,
        /// What the country's numbers look like.
        expected: &'static str,
    },
}

/// A VAT number with valid syntax for its country, held as prefix and number without separators
/// (`DE123456789`, `EL123456789`, `CHE123456789`, `NO123456789MVA`).
///
/// Syntax only: national check digits are not verified and the number may not be registered;
/// a VIES or HMRC look-up is IO and belongs outside the domain.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct VatNumber(String);

impl VatNumber {
    /// Reads a VAT number with its country prefix as typed (`"de 123.456.789"`,
    /// `"CHE-123.456.789 MWST"`). Greek numbers use EL; a GR prefix is read as EL because
    /// creditors often type the ISO country code. Norwegian numbers gain MVA if it was left off.
    ///
    /// # Errors
    /// [`VatNumberError::UnknownCountry`] or [`VatNumberError::BadFormat`].
    pub fn parse(input: &str) -> Result<Self, VatNumberError> {
        let text = compact(input);
        let prefix = match text.get(..2) {
            Some("GR") => "EL",
            Some(prefix) => prefix,
            None => return Err(VatNumberError::UnknownCountry(text)),
        };
        let format =
            vat_format(prefix).ok_or_else(|| VatNumberError::UnknownCountry(prefix.to_owned()))?;
        let mut number = text.get(2..).unwrap_or_default().to_owned();
        if prefix == "CH"
            && let Some(stripped) = SWISS_SUFFIXES.iter().find_map(|s| number.strip_suffix(s))
        {
            number = stripped.to_owned();
        }
        if prefix == "NO" && !number.ends_with("MVA") {
            number.push_str("MVA");
        }
        if !format
            .patterns
            .iter()
            .any(|pattern| matches(pattern, &number))
        {
            return Err(VatNumberError::BadFormat {
                prefix: prefix.to_owned(),
                expected: format.description,
            });
        }
        Ok(Self(format!("{prefix}{number}")))
    }

    /// Reads a number entered beside a separate country field: `country` is an ISO 3166-1 code
    /// (GR or EL for Greece, GB or XI), and `number` may or may not repeat the prefix.
    ///
    /// # Errors
    /// As [`VatNumber::parse`].
    pub fn parse_with_country(country: &str, number: &str) -> Result<Self, VatNumberError> {
        let country = compact(country);
        let number = compact(number);
        let prefixes: &[&str] = if country == "GR" || country == "EL" {
            &["EL", "GR"]
        } else {
            &[country.as_str()]
        };
        if prefixes.iter().any(|prefix| number.starts_with(prefix)) {
            Self::parse(&number)
        } else {
            Self::parse(&format!("{country}{number}"))
        }
    }

    /// The canonical form, `DE123456789`, for rows and JSON.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The VAT prefix (`EL` for Greece, `XI` for Northern Ireland).
    #[must_use]
    pub fn prefix(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }

    /// The ISO 3166-1 alpha-2 country (`GR` for an EL number, `GB` for XI).
    #[must_use]
    pub fn country_code(&self) -> &str {
        match self.prefix() {
            "EL" => "GR",
            "XI" => "GB",
            other => other,
        }
    }

    /// Whether the number can be checked in VIES: EU member states and XI (Northern Ireland
    /// traders in goods).
    #[must_use]
    pub fn is_vies(&self) -> bool {
        !matches!(self.prefix(), "GB" | "CH" | "NO")
    }
}

impl fmt::Display for VatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for VatNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "VatNumber({})", self.0)
    }
}

impl TryFrom<String> for VatNumber {
    type Error = VatNumberError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<VatNumber> for String {
    fn from(value: VatNumber) -> Self {
        value.0
    }
}
