//! Access codes: what a debtor types, with the case's RF reference, to open the portal.
//!
//! A code is [`LENGTH`] characters from [`ALPHABET`], which leaves out the characters read for
//! one another on a printed letter (0 and O, 1, I and L, 5 and S, 8 and B, 2 and Z, U and V), so
//! a debtor copying it from paper cannot mistype it into another valid code by misreading.
//! Twelve characters of this 23-character alphabet are 23^12 (about 2^54) codes; with the login
//! throttle in front of them, guessing one is out of reach. It is printed in groups of four
//! (`K7QM-XR3D-HW9C`) and read back with any spacing, hyphens and case.

/// The characters a code is made of: digits and upper-case letters without the ambiguous ones.
pub const ALPHABET: &[u8; 23] = b"34679ACDEFGHJKMNPQRTWXY";

/// Characters in a code.
pub const LENGTH: usize = 12;

/// The canonical form of what a debtor typed (no spaces or hyphens, upper case), or `None` if it
/// cannot be a code at all.
#[must_use]
pub fn normalise(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let valid = code.len() == LENGTH && code.bytes().all(|b| ALPHABET.contains(&b));
    valid.then_some(code)
}

/// The printed form: groups of four joined by hyphens.
#[must_use]
pub fn printed(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_leaves_out_every_character_read_for_another() {
        for ambiguous in "01258BILOSUVZ".bytes() {
            assert!(!ALPHABET.contains(&ambiguous), "{}", char::from(ambiguous));
        }
        let mut sorted = ALPHABET.to_vec();
        sorted.dedup();
        assert_eq!(sorted.len(), ALPHABET.len());
    }

    #[test]
    fn a_code_is_read_back_with_any_spacing_hyphens_and_case() {
        let code = "K7QMXR3DHW9C";
        assert_eq!(printed(code), "K7QM-XR3D-HW9C");
        for typed in ["K7QM-XR3D-HW9C", " k7qm xr3d hw9c ", "k7QmXr3dHw9C"] {
            assert_eq!(normalise(typed).as_deref(), Some(code), "{typed}");
        }
    }

    #[test]
    fn what_cannot_be_a_code_is_refused_before_any_lookup() {
        // Too short, too long, and an O that the alphabet never uses.
        for typed in ["K7QM-XR3D-HW9", "K7QM-XR3D-HW9CC", "K7QM-XR3D-HW9O", ""] {
            assert_eq!(normalise(typed), None, "{typed}");
        }
    }
}
