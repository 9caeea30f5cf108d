//! Bank reconciliation: reading the agency's bank statements ([`camt`], ISO 20022 camt.053 and
//! camt.054) and finding in a transaction what identifies the case it pays.
//!
//! Only what the payer wrote is read here; which case holds a reference is the database's
//! business, and the app layer asks it in the order of [`MatchMethod`].

pub mod camt;

use crate::identifiers::CreditorReference;

#[cfg(test)]
mod tests;

/// How a transaction was tied to its case, strongest first: the order the matching tries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchMethod {
    /// A structured creditor reference (`Strd/CdtrRefInf/Ref`) that is a valid ISO 11649 RF
    /// reference of the case.
    StructuredRf,
    /// A valid RF reference of the case written in the unstructured remittance text.
    TextRf,
    /// The creditor's case reference or an invoice number of the case, with the debtor's name or
    /// an IBAN the debtor paid from before.
    ReferenceAndDebtor,
    /// A debit returning or reversing a matched credit (same end-to-end id, or a return of the
    /// same amount with the same reference).
    Return,
    /// Matched by a person.
    Manual,
}

impl MatchMethod {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::StructuredRf => "structured_rf",
            Self::TextRf => "text_rf",
            Self::ReferenceAndDebtor => "reference_and_debtor",
            Self::Return => "return",
            Self::Manual => "manual",
        }
    }
}

/// Every valid ISO 11649 RF reference written in `text`, in order, each once.
///
/// A reference is read in its electronic form (`RF18539007547034`) or its paper form in groups
/// of four (`RF18 5390 0754 7034`, ISO 11649 s.6), upper or lower case, and must stand on its own
/// (no letter or digit right before the `RF` or right after the reference). Text whose check
/// digits fail is not a reference: a typo must never pay another debtor's case.
#[must_use]
pub fn rf_references_in(text: &str) -> Vec<CreditorReference> {
    let upper: Vec<char> = text.chars().flat_map(char::to_uppercase).collect();
    let mut found: Vec<CreditorReference> = Vec::new();
    let mut at = 0;
    while at + 1 < upper.len() {
        let starts = upper.get(at) == Some(&'R')
            && upper.get(at + 1) == Some(&'F')
            && (at == 0 || !upper.get(at - 1).is_some_and(char::is_ascii_alphanumeric));
        if !starts {
            at += 1;
            continue;
        }
        let groups = groups_from(&upper, at);
        // Longest reading first: the paper form's groups belong together.
        for count in (1..=groups.len()).rev() {
            let candidate: String = groups.iter().take(count).map(String::as_str).collect();
            if let Ok(reference) = CreditorReference::parse(&candidate)
                && !found.contains(&reference)
            {
                found.push(reference);
                break;
            }
        }
        at += 2;
    }
    found
}

/// The runs of letters and digits from `start`, separated by single spaces, that may together
/// be one reference: the first run, then further runs only while every run before was a full
/// group of four (the paper form), up to the 25 characters a reference has at most.
fn groups_from(chars: &[char], start: usize) -> Vec<String> {
    let mut groups = Vec::new();
    let mut total = 0;
    let mut at = start;
    loop {
        let run: String = chars
            .iter()
            .skip(at)
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if run.is_empty() {
            break;
        }
        let length = run.chars().count();
        total += length;
        if total > 25 {
            break;
        }
        at += length;
        groups.push(run);
        let full_group = length == 4;
        if !full_group || chars.get(at) != Some(&' ') {
            break;
        }
        at += 1;
    }
    groups
}

/// The words of a payer's text that may be a case reference or an invoice number: runs of
/// letters, digits and the separators references carry (`-`, `/`, `.`, `_`), without the
/// punctuation around them, at least three characters long and holding a digit, each once.
#[must_use]
pub fn reference_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for raw in text.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')')) {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        if word.chars().count() >= 3
            && word.chars().count() <= 100
            && word.chars().any(|c| c.is_ascii_digit())
            && !words.iter().any(|seen| seen == word)
        {
            words.push(word.to_owned());
        }
    }
    words
}

/// Whether the name a bank gives the payer and the debtor's legal name are the same party:
/// equal, or one containing the other, once case, punctuation and spacing are set aside.
#[must_use]
pub fn same_party(counterparty: &str, legal_name: &str) -> bool {
    let squeeze = |text: &str| -> String {
        text.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (a, b) = (squeeze(counterparty), squeeze(legal_name));
    // Three letters in common prove nothing ("AG", "BV"); a name of the debtor's does.
    if a.chars().count() < 4 || b.chars().count() < 4 {
        return false;
    }
    a == b || a.contains(&b) || b.contains(&a)
}
