//! Which jurisdiction governs a debtor's case: the one the client names, or the default of the
//! debtor's country. One rule for the quote and the placement, and refusals that say what was
//! given and what would be accepted.

use super::{
    Jurisdiction, JurisdictionCode, JurisdictionCodeError, all, default_for_country, find,
};
use crate::country::CountryCode;

/// Why no jurisdiction can be chosen for a debtor; each variant knows what was given and what
/// is accepted instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChoiceError {
    /// The text is no `CC` or `CC-SSS` code.
    #[error(
        "`{given}` is not a jurisdiction code: give the country's ISO 3166 code ({}) or leave it \
         out to use the debtor's country.",
        accepted_or_example(.accepted)
    )]
    Malformed {
        /// The text sent.
        given: String,
        /// The codes accepted for the debtor's country, if it is known.
        accepted: Vec<JurisdictionCode>,
    },
    /// A country whose law differs by part (`GB`, `US`, `CA`, `AU`), named without the part.
    #[error(
        "`{given}` has more than one legal system here: name the part whose law governs the \
         claim, one of {}.",
        list(.accepted)
    )]
    PartRequired {
        /// The country code sent.
        given: String,
        /// Its parts Solvo has rules for.
        accepted: Vec<JurisdictionCode>,
    },
    /// A jurisdiction of another country than the debtor's.
    #[error(
        "`{given}` is not in the debtor's country {country}: give {} or leave it out.",
        list_or_none(.accepted)
    )]
    OtherCountry {
        /// The code sent.
        given: JurisdictionCode,
        /// The debtor's country.
        country: String,
        /// The codes accepted for it.
        accepted: Vec<JurisdictionCode>,
    },
    /// A well-formed code of the debtor's country that Solvo has no rules for.
    #[error(
        "Solvo has no rules for `{given}`: give {} (GET /v1/jurisdictions lists every one).",
        list_or_none(.accepted)
    )]
    Unsupported {
        /// The code sent.
        given: JurisdictionCode,
        /// The codes accepted for the debtor's country.
        accepted: Vec<JurisdictionCode>,
    },
    /// None named, and the debtor's country has more than one legal system.
    #[error(
        "The law of {country} differs by state or province: name the jurisdiction, one of {}.",
        list(.accepted)
    )]
    Required {
        /// The debtor's country.
        country: String,
        /// Its parts Solvo has rules for.
        accepted: Vec<JurisdictionCode>,
    },
    /// None named, and Solvo has no rules for the debtor's country.
    #[error(
        "Solvo has no rules for the debtor's country {country} yet; GET /v1/jurisdictions lists \
         those it has."
    )]
    UnsupportedCountry {
        /// The debtor's country.
        country: String,
    },
}

impl ChoiceError {
    /// The stable code of the refusal, for the field error.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Malformed { .. } => "invalid_jurisdiction",
            Self::PartRequired { .. } => "subdivision_required",
            Self::OtherCountry { .. } => "jurisdiction_country_mismatch",
            Self::Unsupported { .. } => "unsupported_jurisdiction",
            Self::Required { .. } => "jurisdiction_required",
            Self::UnsupportedCountry { .. } => "unsupported_country",
        }
    }

    /// Whether the refusal is about the debtor's country rather than the jurisdiction named.
    #[must_use]
    pub fn is_about_the_country(&self) -> bool {
        matches!(self, Self::UnsupportedCountry { .. })
    }
}

/// The jurisdictions Solvo has rules for in `country` (upper case), in code order.
#[must_use]
pub fn of_country(country: &str) -> Vec<JurisdictionCode> {
    all()
        .iter()
        .map(|jurisdiction| jurisdiction.code)
        .filter(|code| code.country() == country)
        .collect()
}

/// Reads a jurisdiction named by a client, before the debtor's country is known: a malformed
/// code, or a country named without the part whose law applies, is refused. `GB` is refused
/// too: England and Wales and Scotland prescribe differently, so the client says which.
///
/// # Errors
/// [`ChoiceError::Malformed`] or [`ChoiceError::PartRequired`].
pub fn parse_given(given: &str) -> Result<JurisdictionCode, ChoiceError> {
    let trimmed = given.trim();
    let upper = trimmed.to_ascii_uppercase();
    if upper == "GB" {
        return Err(ChoiceError::PartRequired {
            given: trimmed.to_owned(),
            accepted: of_country("GB"),
        });
    }
    let malformed = || ChoiceError::Malformed {
        given: trimmed.to_owned(),
        accepted: Vec::new(),
    };
    let code = JurisdictionCode::parse(trimmed).map_err(|err| match err {
        JurisdictionCodeError::SubdivisionRequired(country) => ChoiceError::PartRequired {
            given: trimmed.to_owned(),
            accepted: of_country(&country),
        },
        JurisdictionCodeError::Malformed(_) => malformed(),
    })?;
    // `XX` has the shape of a code but names no country at all.
    CountryCode::parse(code.country()).map_err(|_| malformed())?;
    Ok(code)
}

/// The jurisdiction of a case whose debtor is in `country` (ISO 3166-1, any case), with its
/// rules: `given` if it is one of the country's that Solvo has rules for, else the country's
/// default (`GB` gives England and Wales) when none is given.
///
/// # Errors
/// A [`ChoiceError`] that names what was given and what is accepted.
pub fn choose(given: Option<&str>, country: &str) -> Result<&'static Jurisdiction, ChoiceError> {
    let country = country.trim().to_ascii_uppercase();
    let accepted = of_country(&country);
    let Some(given) = given else {
        return match default_for_country(&country).and_then(find) {
            Some(jurisdiction) => Ok(jurisdiction),
            None if accepted.is_empty() => Err(ChoiceError::UnsupportedCountry { country }),
            None => Err(ChoiceError::Required { country, accepted }),
        };
    };
    let code = parse_given(given).map_err(|err| match err {
        ChoiceError::Malformed { given, .. } => ChoiceError::Malformed {
            given,
            accepted: accepted.clone(),
        },
        other => other,
    })?;
    if code.country() != country {
        return Err(ChoiceError::OtherCountry {
            given: code,
            country,
            accepted,
        });
    }
    find(code).ok_or(ChoiceError::Unsupported {
        given: code,
        accepted,
    })
}

fn list(codes: &[JurisdictionCode]) -> String {
    codes
        .iter()
        .map(JurisdictionCode::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

fn list_or_none(codes: &[JurisdictionCode]) -> String {
    if codes.is_empty() {
        "none: Solvo has no rules for that country yet".to_owned()
    } else {
        list(codes)
    }
}

fn accepted_or_example(codes: &[JurisdictionCode]) -> String {
    if codes.is_empty() {
        "`DE`, `GB-SCT`, `US-NY`".to_owned()
    } else {
        format!("for this debtor {}", list(codes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> JurisdictionCode {
        JurisdictionCode::parse(text).unwrap()
    }

    #[test]
    fn a_named_jurisdiction_of_the_debtors_country_is_taken() {
        assert_eq!(
            choose(Some("gb-sct"), "gb").map(|j| j.code),
            Ok(code("GB-SCT"))
        );
        assert_eq!(
            choose(Some(" us-ny "), "US").map(|j| j.code),
            Ok(code("US-NY"))
        );
        assert_eq!(choose(Some("DE"), "DE").map(|j| j.code), Ok(code("DE")));
    }

    #[test]
    fn without_one_the_countrys_default_applies_or_the_part_is_asked_for() {
        assert_eq!(choose(None, "de").map(|j| j.code), Ok(code("DE")));
        assert_eq!(choose(None, "GB").map(|j| j.code), Ok(code("GB-ENG")));
        let Err(ChoiceError::Required { country, accepted }) = choose(None, "US") else {
            panic!("a US debtor needs its state")
        };
        assert_eq!(country, "US");
        assert!(accepted.contains(&code("US-NY")) && accepted.contains(&code("US-TX")));
        assert_eq!(
            choose(None, "AQ").map(|j| j.code),
            Err(ChoiceError::UnsupportedCountry {
                country: "AQ".into()
            })
        );
    }

    #[test]
    fn gb_alone_is_refused_naming_england_and_wales_and_scotland() {
        let err = choose(Some("GB"), "GB").unwrap_err();
        assert_eq!(err.code(), "subdivision_required");
        let message = err.to_string();
        assert!(message.contains("`GB`"), "{message}");
        assert!(
            message.contains("GB-ENG") && message.contains("GB-SCT"),
            "{message}"
        );
    }

    #[test]
    fn each_refusal_says_what_was_given_and_what_is_accepted() {
        let unknown = choose(Some("XX"), "DE").unwrap_err();
        assert_eq!(unknown.code(), "invalid_jurisdiction");
        assert_eq!(
            unknown.to_string(),
            "`XX` is not a jurisdiction code: give the country's ISO 3166 code (for this debtor \
             DE) or leave it out to use the debtor's country."
        );

        let other = choose(Some("fr"), "DE").unwrap_err();
        assert_eq!(
            other.to_string(),
            "`FR` is not in the debtor's country DE: give DE or leave it out."
        );

        let unsupported = choose(Some("US-WA"), "US").unwrap_err();
        assert_eq!(unsupported.code(), "unsupported_jurisdiction");
        let message = unsupported.to_string();
        assert!(
            message.starts_with("Solvo has no rules for `US-WA`: give "),
            "{message}"
        );
        assert!(message.contains("US-NY"), "{message}");

        let malformed = choose(Some("Germany"), "DE").unwrap_err();
        assert_eq!(malformed.code(), "invalid_jurisdiction");
        assert_eq!(
            malformed.to_string(),
            "`Germany` is not a jurisdiction code: give the country's ISO 3166 code (for this \
             debtor DE) or leave it out to use the debtor's country."
        );

        let bare = parse_given("us").unwrap_err();
        assert_eq!(bare.code(), "subdivision_required");
        assert!(
            bare.to_string()
                .starts_with("`us` has more than one legal system here")
        );
    }
}
