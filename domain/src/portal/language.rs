//! The language a debtor reads the portal in: English, German, Dutch or French.
//!
//! The browser's `Accept-Language` (RFC 9110 s.12.5.4) wins, by its quality values, because it
//! is what the person at the screen reads; the debtor's preferred language on file comes next;
//! English last. A range matches by its primary subtag (`de-AT` reads German), `*` matches the
//! preferred language or English, and `q=0` refuses a language.

use serde::{Deserialize, Serialize};

/// A language the portal's texts are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// English.
    En,
    /// German.
    De,
    /// Dutch.
    Nl,
    /// French.
    Fr,
}

/// Every language, in the order they are documented.
pub const ALL: [Language; 4] = [Language::En, Language::De, Language::Nl, Language::Fr];

impl Language {
    /// The ISO 639-1 code, as `Content-Language` carries it.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::De => "de",
            Self::Nl => "nl",
            Self::Fr => "fr",
        }
    }

    /// The language of a tag such as `de`, `nl-BE` or `FR`; `None` for any other language.
    #[must_use]
    pub fn of_tag(tag: &str) -> Option<Self> {
        let primary = tag.trim().split(['-', '_']).next()?;
        ALL.into_iter()
            .find(|language| language.code().eq_ignore_ascii_case(primary))
    }

    /// The language to answer in, from the request's `Accept-Language` (if any) and the
    /// debtor's preferred language on file (if any).
    #[must_use]
    pub fn negotiate(accept_language: Option<&str>, preferred: Option<&str>) -> Self {
        let preferred = preferred.and_then(Self::of_tag);
        let mut best: Option<(u16, Self)> = None;
        for range in accept_language.unwrap_or_default().split(',') {
            let mut parts = range.split(';');
            let tag = parts.next().unwrap_or_default().trim();
            let quality = parts
                .find_map(|param| param.trim().strip_prefix("q="))
                .map_or(Some(1000), quality_in_thousandths);
            let Some(quality) = quality.filter(|q| *q > 0) else {
                continue;
            };
            let language = if tag == "*" {
                Some(preferred.unwrap_or(Self::En))
            } else {
                Self::of_tag(tag)
            };
            if let Some(language) = language
                && best.is_none_or(|(known, _)| quality > known)
            {
                best = Some((quality, language));
            }
        }
        best.map(|(_, language)| language)
            .or(preferred)
            .unwrap_or(Self::En)
    }
}

/// RFC 9110 `qvalue`: 0 to 1 with at most three decimals, as thousandths; `None` if malformed.
fn quality_in_thousandths(raw: &str) -> Option<u16> {
    let (whole, fraction) = raw.trim().split_once('.').unwrap_or((raw.trim(), ""));
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let thousandths = format!("{fraction:0<3}").parse::<u16>().ok()?;
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_wins_by_quality_then_the_preference_on_file_then_english() {
        let cases = [
            (Some("de-AT,de;q=0.9,en;q=0.8"), None, Language::De),
            (Some("en;q=0.5, nl-BE;q=0.8"), Some("fr"), Language::Nl),
            (Some("ja, zh;q=0.9"), Some("fr"), Language::Fr),
            (Some("*"), Some("nl"), Language::Nl),
            (Some("*"), None, Language::En),
            (None, Some("de"), Language::De),
            (None, Some("es"), Language::En),
            (Some("fr;q=0, de;q=0.1"), None, Language::De),
            (Some("fr;q=1.5"), Some("nl"), Language::Nl),
            (Some(""), None, Language::En),
        ];
        for (accept, preferred, expected) in cases {
            assert_eq!(
                Language::negotiate(accept, preferred),
                expected,
                "{accept:?} / {preferred:?}"
            );
        }
    }

    #[test]
    fn quality_values_follow_the_rfc_grammar() {
        assert_eq!(quality_in_thousandths("0.8"), Some(800));
        assert_eq!(quality_in_thousandths("1"), Some(1000));
        assert_eq!(quality_in_thousandths("1.000"), Some(1000));
        assert_eq!(quality_in_thousandths("0.0001"), None);
        assert_eq!(quality_in_thousandths("1.5"), None);
        assert_eq!(quality_in_thousandths("x"), None);
    }
}
