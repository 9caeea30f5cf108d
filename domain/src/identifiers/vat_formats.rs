//! VAT number formats per country, as published for VIES (EU) and by HMRC, the Swiss FTA and
//! the Norwegian Tax Administration.
//!
//! A format is a pattern of space-separated tokens over the number after the country prefix:
//! `d9` is nine digits, `l1` one letter A-Z, `x2` two letters or digits; any other token is literal
//! text (`U`, `B`, `MVA`, `+`). Patterns are syntax only: national check digits are not verified.

/// One country's accepted patterns and a human description for error messages.
pub(super) struct VatFormat {
    /// The VAT prefix: ISO 3166-1 alpha-2 except EL for Greece and XI for Northern Ireland.
    pub prefix: &'static str,
    /// Accepted patterns for the part after the prefix.
    pub patterns: &'static [&'static str],
    /// What the number looks like, for error messages.
    pub description: &'static str,
}

const fn f(
    prefix: &'static str,
    patterns: &'static [&'static str],
    description: &'static str,
) -> VatFormat {
    VatFormat {
        prefix,
        patterns,
        description,
    }
}

/// The formats, sorted by prefix. The 27 EU member states, XI, GB, CH and NO.
pub(super) const VAT_FORMATS: &[VatFormat] = &[
    f("AT", &["U d8"], "U followed by 8 digits"),
    f("BE", &["0 d9", "1 d9"], "10 digits starting with 0 or 1"),
    f("BG", &["d9", "d10"], "9 or 10 digits"),
    f(
        "CH",
        &["E d9"],
        "E followed by 9 digits (CHE-123.456.789), MWST/TVA/IVA optional",
    ),
    f("CY", &["d8 l1"], "8 digits and a letter"),
    f("CZ", &["d8", "d9", "d10"], "8, 9 or 10 digits"),
    f("DE", &["d9"], "9 digits"),
    f("DK", &["d8"], "8 digits"),
    f("EE", &["d9"], "9 digits"),
    f("EL", &["d9"], "9 digits"),
    f(
        "ES",
        &["x1 d7 x1"],
        "9 characters: a letter or digit, 7 digits, a letter or digit",
    ),
    f("FI", &["d8"], "8 digits"),
    f(
        "FR",
        &["x2 d9"],
        "2 letters or digits followed by the 9-digit SIREN",
    ),
    f(
        "GB",
        &["d9", "d12", "GD d3", "HA d3"],
        "9 or 12 digits, or GD/HA and 3 digits",
    ),
    f("HR", &["d11"], "11 digits"),
    f("HU", &["d8"], "8 digits"),
    f(
        "IE",
        &["d7 l1", "d7 l2", "d1 l1 d5 l1", "d1 + d5 l1", "d1 * d5 l1"],
        "7 digits and 1 or 2 letters, or digit, letter/+/*, 5 digits, letter",
    ),
    f("IT", &["d11"], "11 digits"),
    f("LT", &["d9", "d12"], "9 or 12 digits"),
    f("LU", &["d8"], "8 digits"),
    f("LV", &["d11"], "11 digits"),
    f("MT", &["d8"], "8 digits"),
    f("NL", &["d9 B d2"], "9 digits, B, 2 digits"),
    f("NO", &["d9 MVA"], "9 digits followed by MVA"),
    f("PL", &["d10"], "10 digits"),
    f("PT", &["d9"], "9 digits"),
    f(
        "RO",
        &["d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10"],
        "2 to 10 digits",
    ),
    f("SE", &["d10 01"], "12 digits ending in 01"),
    f("SI", &["d8"], "8 digits"),
    f("SK", &["d10"], "10 digits"),
    f(
        "XI",
        &["d9", "d12", "GD d3", "HA d3"],
        "9 or 12 digits, or GD/HA and 3 digits",
    ),
];

/// The format for a VAT prefix, if the table has one.
pub(super) fn vat_format(prefix: &str) -> Option<&'static VatFormat> {
    VAT_FORMATS
        .binary_search_by(|entry| entry.prefix.cmp(prefix))
        .ok()
        .and_then(|index| VAT_FORMATS.get(index))
}

/// Whether `number` matches one pattern exactly.
pub(super) fn matches(pattern: &str, number: &str) -> bool {
    let mut rest = number;
    for token in pattern.split(' ') {
        let class = token.chars().next();
        let count = token.get(1..).and_then(|n| n.parse::<usize>().ok());
        let Some(taken) = (match (class, count) {
            (Some(class @ ('d' | 'l' | 'x')), Some(count)) => take_class(rest, class, count),
            _ => rest.strip_prefix(token),
        }) else {
            return false;
        };
        rest = taken;
    }
    rest.is_empty()
}

/// Consumes `count` characters of `class` from the front of `text`, returning the remainder.
fn take_class(text: &str, class: char, count: usize) -> Option<&str> {
    let head = text.get(..count)?;
    let fits = |b: u8| match class {
        'd' => b.is_ascii_digit(),
        'l' => b.is_ascii_uppercase(),
        _ => b.is_ascii_digit() || b.is_ascii_uppercase(),
    };
    head.bytes().all(fits).then(|| text.get(count..)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_covers_the_eu_plus_xi_gb_ch_no() {
        assert!(VAT_FORMATS.windows(2).all(|w| w[0].prefix < w[1].prefix));
        assert_eq!(VAT_FORMATS.len(), 27 + 4);
    }

    #[test]
    fn patterns_match_whole_numbers_only() {
        assert!(matches("d9 B d2", "123456789B01"));
        assert!(!matches("d9 B d2", "123456789B012"));
        assert!(!matches("d9", "12345678"));
        assert!(matches("x1 d7 x1", "A1234567Z"));
        assert!(!matches("l1", "1"));
        assert!(matches("d1 + d5 l1", "1+23456A"));
    }
}
