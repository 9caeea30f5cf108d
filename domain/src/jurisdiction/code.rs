//! ISO 3166 codes naming a jurisdiction: a country, or a country subdivision where the law differs.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Countries whose private law differs by subdivision so much that the country code alone names
/// no jurisdiction: a US state, a Canadian province or an Australian state must be given.
const SUBDIVISION_REQUIRED: [&str; 3] = ["US", "CA", "AU"];

/// A jurisdiction code: an ISO 3166-1 alpha-2 country (`DE`) or an ISO 3166-2 subdivision
/// (`GB-SCT`, `US-NY`), always upper case.
///
/// Build it with [`JurisdictionCode::parse`], which accepts any case and resolves `GB` to `GB-ENG`.
/// Serialised as the code string.
#[cfg_attr(
    feature = "storage",
    derive(diesel::AsExpression, diesel::FromSqlRow),
    diesel(sql_type = diesel::sql_types::Text)
)]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct JurisdictionCode {
    bytes: [u8; 6],
    len: u8,
}

/// Why a text is not a jurisdiction code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JurisdictionCodeError {
    /// Not of the form `CC` or `CC-SSS` (two letters, optionally a hyphen and 1-3 letters or
    /// digits).
    #[error("not an ISO 3166 jurisdiction code: {0:?}")]
    Malformed(String),
    /// The country's law differs by subdivision and none was given (`US` instead of `US-NY`).
    #[error("{0} needs a subdivision, for example {0}-XX")]
    SubdivisionRequired(String),
}

impl JurisdictionCode {
    /// Parses a code in any case, ignoring surrounding whitespace: `"de"`, `"GB-ENG"`, `"us-ny"`.
    /// `GB` alone means England and Wales (`GB-ENG`), where most UK claims are governed.
    ///
    /// Whether Solvo has rules for the code is a separate question, see `jurisdiction::find`.
    ///
    /// # Errors
    /// [`JurisdictionCodeError::Malformed`] for anything but `CC` or `CC-SSS`;
    /// [`JurisdictionCodeError::SubdivisionRequired`] for `US`, `CA` and `AU` alone.
    pub fn parse(input: &str) -> Result<JurisdictionCode, JurisdictionCodeError> {
        let upper = input.trim().to_ascii_uppercase();
        let code = Self::from_upper(&upper)
            .ok_or_else(|| JurisdictionCodeError::Malformed(input.to_owned()))?;
        if code.subdivision().is_some() {
            return Ok(code);
        }
        if SUBDIVISION_REQUIRED.contains(&code.as_str()) {
            return Err(JurisdictionCodeError::SubdivisionRequired(upper));
        }
        if code.as_str() == "GB" {
            return Ok(Self::from_static("GB-ENG"));
        }
        Ok(code)
    }

    /// A code from a literal in the data modules. Evaluated at compile time there, so a malformed
    /// literal fails the build.
    ///
    /// # Panics
    /// If `code` is not an upper-case `CC` or `CC-SSS`.
    #[must_use]
    pub const fn from_static(code: &'static str) -> JurisdictionCode {
        match Self::from_bytes(code.as_bytes()) {
            Some(code) => code,
            None => panic!("malformed jurisdiction code literal"),
        }
    }

    fn from_upper(code: &str) -> Option<JurisdictionCode> {
        Self::from_bytes(code.as_bytes())
    }

    const fn from_bytes(code: &[u8]) -> Option<JurisdictionCode> {
        let len = code.len();
        if !(len == 2 || (len >= 4 && len <= 6)) {
            return None;
        }
        let mut bytes = [0u8; 6];
        let mut i = 0;
        while i < len {
            let b = code[i];
            let valid = match i {
                0 | 1 => b.is_ascii_uppercase(),
                2 => b == b'-',
                _ => b.is_ascii_uppercase() || b.is_ascii_digit(),
            };
            if !valid {
                return None;
            }
            bytes[i] = b;
            i += 1;
        }
        #[expect(
            clippy::cast_possible_truncation,
            reason = "`len` is at most 6 (checked above), and `u8::try_from` is not const"
        )]
        let len = len as u8;
        Some(JurisdictionCode { bytes, len })
    }

    /// The code, `"GB-SCT"`.
    #[must_use]
    pub fn as_str(&self) -> &str {
        // Only ASCII bytes are ever stored, so this never falls back.
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    /// The ISO 3166-1 country part, `"GB"` for `GB-SCT`.
    #[must_use]
    pub fn country(&self) -> &str {
        self.as_str().get(..2).unwrap_or("")
    }

    /// The subdivision part, `Some("SCT")` for `GB-SCT`, `None` for `DE`.
    #[must_use]
    pub fn subdivision(&self) -> Option<&str> {
        self.as_str().get(3..)
    }
}

impl fmt::Display for JurisdictionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for JurisdictionCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "JurisdictionCode({})", self.as_str())
    }
}

impl std::str::FromStr for JurisdictionCode {
    type Err = JurisdictionCodeError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        JurisdictionCode::parse(input)
    }
}

impl Serialize for JurisdictionCode {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for JurisdictionCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        JurisdictionCode::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_in_any_case() {
        assert_eq!(JurisdictionCode::parse("de").unwrap().as_str(), "DE");
        assert_eq!(
            JurisdictionCode::parse(" us-ny ").unwrap().as_str(),
            "US-NY"
        );
        assert_eq!(
            JurisdictionCode::parse("Au-Nsw").unwrap().as_str(),
            "AU-NSW"
        );
    }

    #[test]
    fn gb_alone_means_england_and_wales() {
        assert_eq!(JurisdictionCode::parse("gb").unwrap().as_str(), "GB-ENG");
        assert_eq!(
            JurisdictionCode::parse("GB-SCT").unwrap().as_str(),
            "GB-SCT"
        );
    }

    #[test]
    fn federal_countries_need_a_subdivision() {
        for country in ["US", "ca", "AU"] {
            assert!(matches!(
                JurisdictionCode::parse(country),
                Err(JurisdictionCodeError::SubdivisionRequired(_))
            ));
        }
    }

    #[test]
    fn malformed_codes_are_refused() {
        for input in ["", "D", "DEU", "DE-", "DE_BY", "DE-ABCD", "1E", "GB-€"] {
            assert!(
                matches!(
                    JurisdictionCode::parse(input),
                    Err(JurisdictionCodeError::Malformed(_))
                ),
                "{input:?}"
            );
        }
    }

    #[test]
    fn a_code_has_a_country_and_maybe_a_subdivision() {
        let scotland = JurisdictionCode::from_static("GB-SCT");

        assert_eq!(scotland.country(), "GB");
        assert_eq!(scotland.subdivision(), Some("SCT"));
        assert_eq!(JurisdictionCode::from_static("DE").subdivision(), None);
    }

    #[test]
    fn a_code_travels_as_a_plain_string() {
        let code = JurisdictionCode::from_static("US-CA");

        let json = serde_json::to_string(&code).unwrap();
        let back: JurisdictionCode = serde_json::from_str("\"us-ca\"").unwrap();

        assert_eq!(json, "\"US-CA\"");
        assert_eq!(back, code);
    }
}
