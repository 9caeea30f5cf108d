//! ISO 11649 structured creditor references ("RF" references).

use super::check::{compact, group_by_four, mod97};
use std::fmt;

/// The longest reference part ISO 11649 allows (25 characters in all, less "RF" and two digits).
const MAX_REFERENCE_LEN: usize = 21;

/// Why a creditor reference was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreditorReferenceError {
    /// The text does not start with "RF" and two check digits.
    #[error("a creditor reference starts with RF and two check digits")]
    NotAnRfReference,
    /// The reference part is empty or longer than 21 characters.
    #[error("the reference part must have 1 to 21 characters, got {0}")]
    BadLength(usize),
    /// The reference part holds something other than letters A-Z and digits.
    #[error("a creditor reference holds only letters A-Z and digits")]
    InvalidCharacter,
    /// The check digits do not match the reference (a typing error).
    #[error("the check digits do not match the reference")]
    BadCheckDigits,
}

/// An ISO 11649 creditor reference such as `RF18 5390 0754 7034`, held in electronic form
/// (`RF18539007547034`). Each case gets one; incoming bank payments are matched by it.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CreditorReference(String);

impl CreditorReference {
    /// Makes the reference for a case number such as `"2026000123"` or `"C7K9"`: spaces, dots
    /// and dashes are dropped, letters upper-cased, and the check digits computed.
    ///
    /// # Errors
    /// [`CreditorReferenceError::BadLength`] or [`CreditorReferenceError::InvalidCharacter`]
    /// when the case number is not 1 to 21 letters and digits.
    pub fn from_case_number(case_number: &str) -> Result<Self, CreditorReferenceError> {
        let reference = compact(case_number);
        check_reference_part(&reference)?;
        // ISO 11649: append "RF00", take mod 97, and the check digits are 98 minus it.
        let remainder = mod97(reference.chars().chain("RF00".chars()))
            .ok_or(CreditorReferenceError::InvalidCharacter)?;
        Ok(Self(format!("RF{:02}{reference}", 98 - remainder)))
    }

    /// Makes the reference for a numeric case number.
    #[must_use]
    pub fn from_number(case_number: u64) -> Self {
        // "RF00" reads as the digits 271500, so the number followed by it is
        // n * 10^6 + 271500; u128 holds that exactly, and no fallible step is needed.
        let remainder = (u128::from(case_number) * 1_000_000 + 271_500) % 97;
        Self(format!("RF{:02}{case_number}", 98 - remainder))
    }

    /// Reads a reference as printed or typed (`"RF18 5390 0754 7034"`, `"rf18539007547034"`).
    ///
    /// # Errors
    /// A [`CreditorReferenceError`] naming what is wrong; a typo fails the check digits.
    pub fn parse(input: &str) -> Result<Self, CreditorReferenceError> {
        let text = compact(input);
        let digits = text.get(2..4).unwrap_or_default();
        if !text.starts_with("RF")
            || digits.len() != 2
            || !digits.bytes().all(|b| b.is_ascii_digit())
        {
            return Err(CreditorReferenceError::NotAnRfReference);
        }
        // Check digits are 98 minus a remainder, so 02 to 98; 00, 01 and 99 are never issued.
        if !matches!(digits.parse::<u8>(), Ok(2..=98)) {
            return Err(CreditorReferenceError::BadCheckDigits);
        }
        let reference = text.get(4..).unwrap_or_default();
        check_reference_part(reference)?;
        // Moving the first four characters to the end must leave remainder 1.
        let remainder = mod97(reference.chars().chain(text.chars().take(4)));
        if remainder != Some(1) {
            return Err(CreditorReferenceError::BadCheckDigits);
        }
        Ok(Self(text))
    }

    /// The electronic form, `RF18539007547034`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The creditor's own reference without "RF" and the check digits, `539007547034`.
    #[must_use]
    pub fn reference(&self) -> &str {
        self.0.get(4..).unwrap_or_default()
    }
}

/// Checks the part after the check digits: 1 to 21 upper-case letters and digits.
fn check_reference_part(reference: &str) -> Result<(), CreditorReferenceError> {
    let length = reference.chars().count();
    if length == 0 || length > MAX_REFERENCE_LEN {
        return Err(CreditorReferenceError::BadLength(length));
    }
    if !reference
        .chars()
        .all(|c| c.is_ascii_digit() || c.is_ascii_uppercase())
    {
        return Err(CreditorReferenceError::InvalidCharacter);
    }
    Ok(())
}

/// Prints the paper form in groups of four, `RF18 5390 0754 7034`.
impl fmt::Display for CreditorReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&group_by_four(&self.0))
    }
}

impl fmt::Debug for CreditorReference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CreditorReference({})", self.0)
    }
}

impl TryFrom<String> for CreditorReference {
    type Error = CreditorReferenceError;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        Self::parse(&value)
    }
}

impl From<CreditorReference> for String {
    fn from(value: CreditorReference) -> Self {
        value.0
    }
}
