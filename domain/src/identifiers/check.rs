//! Shared pieces: the ISO 7064 MOD 97-10 check used by both RF references and IBANs, input
//! clean-up, and the paper format in groups of four.

/// Removes the separators people type or print (spaces, dots, dashes) and upper-cases the rest.
pub(super) fn compact(input: &str) -> String {
    input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// The remainder mod 97 of an alphanumeric string read as a number, letters counting A = 10 ..
/// Z = 35 (ISO 7064 MOD 97-10 as used by ISO 13616 and ISO 11649). `None` for any other character.
///
/// Computed digit by digit, so no big integers are needed whatever the length.
pub(super) fn mod97(chars: impl Iterator<Item = char>) -> Option<u32> {
    let mut remainder = 0_u32;
    for c in chars {
        let value = c.to_digit(36)?;
        if c.is_ascii_lowercase() {
            return None;
        }
        let factor = if value < 10 { 10 } else { 100 };
        remainder = (remainder * factor + value) % 97;
    }
    Some(remainder)
}

/// The text in groups of four separated by single spaces, the paper form of RF and IBAN.
pub(super) fn group_by_four(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    for (index, c) in text.chars().enumerate() {
        if index > 0 && index % 4 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_are_stripped_and_letters_upper_cased() {
        assert_eq!(
            compact(" rf18-5390.0754 7034 "),
            "RF1853900754 7034".replace(' ', "")
        );
    }

    #[test]
    fn letters_count_from_ten() {
        assert_eq!(mod97("A".chars()), Some(10));
        assert_eq!(mod97("Z".chars()), Some(35));
        assert_eq!(mod97("97".chars()), Some(0));
        assert_eq!(mod97("A?".chars()), None);
        assert_eq!(mod97("a".chars()), None);
    }

    #[test]
    fn groups_of_four_have_no_trailing_space() {
        assert_eq!(group_by_four("RF18539007547034"), "RF18 5390 0754 7034");
        assert_eq!(group_by_four("RF451"), "RF45 1");
    }
}
