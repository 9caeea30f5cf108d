//! What a new password must be: 12 to 256 characters (NIST SP 800-63B section 5.1.1.2 asks at
//! least 8 and no composition rules; we ask 12 of staff who hold debtors' data), not one of the
//! common passwords shipped with the binary (nor such a word with digits and symbols around it),
//! not one character repeated, and not the account's own email or its name part. Checked when a
//! user is created, at bootstrap, on a change and on a reset.
//!
//! The common passwords are two lists: `SecLists`' 10,000 most common passwords as published
//! (`app/data/seclists-10k-most-common.txt`, MIT licence, its origin in its header), and the
//! stems and long sequences chosen by hand for this product (`app/data/common-passwords.txt`).
//! Both are compared in lower case.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::credentials::password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use crate::error::FieldError;

const CHOSEN: &str = include_str!("../../data/common-passwords.txt");
const SECLISTS: &str = include_str!("../../data/seclists-10k-most-common.txt");

fn common() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        CHOSEN
            .lines()
            .chain(SECLISTS.lines())
            .map(str::trim)
            .filter(|line| !line.is_empty() && !line.starts_with('#'))
            // The checked forms are lower case; a published entry with capitals still counts.
            .map(str::to_lowercase)
            .collect()
    })
}

/// Why `password` may not be the password of `email`, as a field error of `field`.
///
/// # Errors
/// The field error (`too_short`, `too_long`, `too_common`, `contains_email`) with the reason.
pub fn check(field: &str, password: &str, email: &str) -> Result<(), FieldError> {
    let refuse = |code: &str, message: &str| Err(FieldError::new(field, code, message));
    let length = u64::try_from(password.chars().count()).unwrap_or(u64::MAX);
    if length < MIN_PASSWORD_CHARS {
        return refuse("too_short", "A password has at least 12 characters.");
    }
    if length > MAX_PASSWORD_CHARS {
        return refuse("too_long", "A password has at most 256 characters.");
    }
    let lower = password.to_lowercase();
    let stem = lower.trim_matches(|c: char| !c.is_alphabetic());
    let squeezed: String = lower.chars().filter(|c| !c.is_whitespace()).collect();
    let mut chars = lower.chars();
    let first = chars.next();
    let repeated = first.is_some_and(|first| chars.all(|c| c == first));
    let list = common();
    if repeated
        || [lower.as_str(), stem, squeezed.as_str()]
            .iter()
            .any(|form| list.contains(*form))
    {
        return refuse(
            "too_common",
            "This password is among the most common ones; choose another, e.g. several unrelated words.",
        );
    }
    let email = email.trim().to_lowercase();
    let name = email.split('@').next().unwrap_or_default();
    if !email.is_empty() && (lower.contains(&email) || (name.chars().count() >= 4 && stem == name))
    {
        return refuse(
            "contains_email",
            "A password must not be the account's email.",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(password: &str) -> Option<String> {
        check("password", password, "jane.doe@acme.example")
            .err()
            .map(|error| error.code)
    }

    #[test]
    fn common_passwords_and_their_variants_are_refused() {
        assert_eq!(code("short"), Some("too_short".into()));
        assert_eq!(code("Password1234!"), Some("too_common".into()));
        assert_eq!(code("qwertyuiop123"), Some("too_common".into()));
        assert_eq!(code("123456789012"), Some("too_common".into()));
        assert_eq!(code("zzzzzzzzzzzzzz"), Some("too_common".into()));
        assert_eq!(code("!!Welcome2026!!"), Some("too_common".into()));
        assert_eq!(
            code("jane.doe@acme.example!"),
            Some("contains_email".into())
        );
        assert_eq!(code("jane.doe12345"), Some("contains_email".into()));
        assert_eq!(code("correct horse battery staple"), None);
        assert_eq!(code("Kessler invoices 2026 Q3"), None);
    }

    #[test]
    fn the_published_list_refuses_what_the_hand_chosen_one_let_through() {
        // Entries of SecLists' list that the hand-chosen list lacks: two long enough to be
        // passwords as they stand, two words with digits and symbols around them.
        for password in [
            "unbelievable",
            "Contortionist",
            "Scandinavian2024",
            "!!Marlboro!!2025",
        ] {
            assert_eq!(code(password), Some("too_common".into()), "{password}");
            let stem = password
                .to_lowercase()
                .trim_matches(|c: char| !c.is_alphabetic())
                .to_owned();
            assert!(
                !CHOSEN.lines().any(|line| line.trim() == stem),
                "{stem} is in the hand-chosen list, so this proves nothing"
            );
        }
    }

    #[test]
    fn both_lists_are_loaded_whole_without_their_comments() {
        let entries = |text: &str| {
            text.lines()
                .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
                .count()
        };
        // The published list has exactly 10,000 lines; its header is comments only.
        assert_eq!(entries(SECLISTS), 10_000);
        assert!(common().len() >= 10_000);
        assert!(common().len() <= 10_000 + entries(CHOSEN));
        assert!(common().contains("password") && common().contains("eyphed"));
        assert!(!common().iter().any(|entry| entry.starts_with('#')));
    }
}
