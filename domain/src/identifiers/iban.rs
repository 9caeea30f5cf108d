//! International Bank Account Numbers (ISO 13616).

use super::check::{compact, group_by_four, mod97};
use super::iban_countries::iban_country;
use std::fmt;

/// Why an IBAN was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IbanError {
    /// The IBAN holds something other than letters A-Z and digits (after removing spaces).
    #[error("an IBAN holds only letters A-Z and digits")]
    InvalidCharacter,
    /// The first two characters are not a country in the IBAN table.
    #[error("{0:?} is not a country with IBANs we know")]
    UnknownCountry(String),
    /// The length does not match the country's IBAN length.
    #[error("an IBAN from {country} has {expected} characters, got {found}")]
    WrongLength {
        /// The country code the IBAN starts with.
        country: String,
        /// The country's IBAN length.
        expected: usize,
        /// The length found.
        found: usize,
    },
    /// The check digits (positions 3 and 4) are not digits or do not match (a typing error).
    #[error("the IBAN check digits do not match")]
    BadCheckDigits,
}

/// A syntactically valid IBAN, held in electronic form (`DE89370400440532013000`).
///
/// Checked: known country, the country's length, characters, ISO 7064 mod 97 check digits. Not
/// checked: national BBAN structure and national check digits, and whether the account exists;
/// those need bank data the domain does not have.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Iban(String);

impl Iban {
    /// Reads an IBAN as printed or typed: spaces, dots and dashes are ignored, letters
    /// upper-cased (`"gb82 west 1234 5698 7654 32"`).
    ///
    /// # Errors
    /// An [`IbanError`] naming the first thing wrong.
    pub fn parse(input: &str) -> Result<Self, IbanError> {
        let text = compact(input);
        if !text
            .chars()
            .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
        {
            return Err(IbanError::InvalidCharacter);
        }
        let country_code = text.get(..2).unwrap_or_default();
        let country = iban_country(country_code)
            .ok_or_else(|| IbanError::UnknownCountry(country_code.to_owned()))?;
        if text.len() != country.length {
            return Err(IbanError::WrongLength {
                country: country.code.to_owned(),
                expected: country.length,
                found: text.len(),
            });
        }
        // ISO 13616 check digits are 98 minus a remainder, so 02 to 98: 00, 01 and 99 pass the
        // mod-97 test as aliases of 97, 98 and 02 but are never issued.
        let check_digits = text.get(2..4).and_then(|digits| digits.parse::<u8>().ok());
        let check_digits_in_range = check_digits.is_some_and(|digits| (2..=98).contains(&digits));
        // Moving the first four characters to the end must leave remainder 1.
        let remainder = mod97(text.chars().skip(4).chain(text.chars().take(4)));
        if !check_digits_in_range || remainder != Some(1) {
            return Err(IbanError::BadCheckDigits);
        }
        Ok(Self(text))
    }

    /// The electronic form, `GB82WEST12345698765432`, for rows, files and payment messages.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The ISO 3166-1 alpha-2 country code the IBAN starts with.
    #[must_use]
    pub fn country_code(&self) -> &str {
        self.0.get(..2).unwrap_or_default()
    }

    /// The national account number (BBAN), everything after the check digits.
    #[must_use]
    pub fn bban(&self) -> &str {
        self.0.get(4..).unwrap_or_default()
    }

    /// Whether the IBAN's country is in the SEPA schemes' long-standing scope, so a SEPA credit
    /// transfer can reach it.
    #[must_use]
    pub fn is_sepa(&self) -> bool {
        iban_country(self.country_code()).is_some_and(|country| country.sepa)
    }
}

/// Prints the paper form in groups of four, `GB82 WEST 1234 5698 7654 32`.
impl fmt::Display for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&group_by_four(&self.0))
    }
}

impl fmt::Debug for Iban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Iban({})", self.0)
    }
}

impl TryFrom<String> for Iban {
    type Error = IbanError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<Iban> for String {
    fn from(value: Iban) -> Self {
        value.0
    }
}
