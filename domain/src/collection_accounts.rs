//! The agency's collection accounts: the bank accounts debtors pay into, one per currency.
//!
//! They are configured once (`SOLVO_COLLECTION_ACCOUNTS`, a JSON list) and read by two sides of
//! the same money: the debtor portal tells a debtor where to transfer (and draws the EPC QR code
//! of a euro account), and bank reconciliation flags a statement of any other account. A list
//! with an invalid IBAN, a malformed BIC or two accounts for one currency is refused as a whole,
//! so the server never starts telling debtors to pay into an account that cannot exist.

use serde::Deserialize;

use crate::identifiers::{Iban, IbanError};
use crate::money::{Currency, MoneyError};

/// One account debtors pay into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CollectionAccount {
    /// The currency the account is held in; cases in it are paid here.
    pub currency: Currency,
    /// The account holder's name, as the bank has it (the beneficiary of a transfer).
    pub holder: String,
    /// The account number.
    pub iban: Iban,
    /// The bank's BIC (ISO 9362), 8 or 11 characters, upper case.
    pub bic: String,
    /// The bank's name, for the debtor to read.
    pub bank: String,
}

/// Every configured collection account; at most one per currency.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CollectionAccounts(Vec<CollectionAccount>);

/// Why a configured list of collection accounts was refused; each names the entry (from 1).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CollectionAccountsError {
    /// Not a JSON list of objects with the five fields.
    #[error("not a JSON list of {{\"currency\", \"holder\", \"iban\", \"bic\", \"bank\"}}: {0}")]
    Shape(String),
    /// An unknown currency code.
    #[error("account {entry}: {source}")]
    Currency {
        /// Which entry, from 1.
        entry: usize,
        /// Why.
        source: MoneyError,
    },
    /// An IBAN that fails ISO 13616.
    #[error("account {entry}: {source}")]
    Iban {
        /// Which entry, from 1.
        entry: usize,
        /// Why.
        source: IbanError,
    },
    /// A BIC that is not 8 or 11 characters of the ISO 9362 shape.
    #[error(
        "account {entry}: `{bic}` is not a BIC (ISO 9362: 4 letters, 2 letters of a country, 2 letters or digits, optionally 3 more)"
    )]
    Bic {
        /// Which entry, from 1.
        entry: usize,
        /// The value given.
        bic: String,
    },
    /// An empty holder or bank name, or one longer than a transfer carries.
    #[error("account {entry}: `{field}` must be 1 to {max} characters")]
    Name {
        /// Which entry, from 1.
        entry: usize,
        /// `holder` or `bank`.
        field: &'static str,
        /// The most characters allowed.
        max: usize,
    },
    /// A second account for a currency; a debtor must be told one place to pay.
    #[error("account {entry}: a second account for {currency}; configure one per currency")]
    DuplicateCurrency {
        /// Which entry, from 1.
        entry: usize,
        /// The currency code.
        currency: String,
    },
}

/// The EPC QR code carries at most 70 characters of the beneficiary's name (EPC069-12, field 6).
const HOLDER_MAX: usize = 70;
const BANK_MAX: usize = 140;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAccount {
    currency: String,
    holder: String,
    iban: String,
    bic: String,
    bank: String,
}

impl CollectionAccounts {
    /// Reads the configured JSON list; an empty text is no accounts.
    ///
    /// # Errors
    /// [`CollectionAccountsError`] naming the first wrong entry.
    pub fn parse_json(text: &str) -> Result<Self, CollectionAccountsError> {
        if text.trim().is_empty() {
            return Ok(Self::default());
        }
        let raw: Vec<RawAccount> = serde_json::from_str(text)
            .map_err(|err| CollectionAccountsError::Shape(err.to_string()))?;
        let mut accounts: Vec<CollectionAccount> = Vec::with_capacity(raw.len());
        for (index, account) in raw.into_iter().enumerate() {
            let entry = index + 1;
            let currency = Currency::parse(account.currency.trim())
                .map_err(|source| CollectionAccountsError::Currency { entry, source })?;
            if accounts.iter().any(|known| known.currency == currency) {
                return Err(CollectionAccountsError::DuplicateCurrency {
                    entry,
                    currency: currency.code().to_owned(),
                });
            }
            let iban = Iban::parse(&account.iban)
                .map_err(|source| CollectionAccountsError::Iban { entry, source })?;
            let bic = normalised_bic(&account.bic).ok_or(CollectionAccountsError::Bic {
                entry,
                bic: account.bic.clone(),
            })?;
            let holder = bounded_name(&account.holder, "holder", HOLDER_MAX, entry)?;
            let bank = bounded_name(&account.bank, "bank", BANK_MAX, entry)?;
            accounts.push(CollectionAccount {
                currency,
                holder,
                iban,
                bic,
                bank,
            });
        }
        Ok(Self(accounts))
    }

    /// The account a case in `currency` is paid into, if the agency has one.
    #[must_use]
    pub fn for_currency(&self, currency: Currency) -> Option<&CollectionAccount> {
        self.0.iter().find(|account| account.currency == currency)
    }

    /// The configured account with this IBAN, if it is one of the agency's.
    #[must_use]
    pub fn with_iban(&self, iban: &Iban) -> Option<&CollectionAccount> {
        self.0.iter().find(|account| &account.iban == iban)
    }

    /// Every account, in the configured order.
    #[must_use]
    pub fn all(&self) -> &[CollectionAccount] {
        &self.0
    }
}

fn bounded_name(
    value: &str,
    field: &'static str,
    max: usize,
    entry: usize,
) -> Result<String, CollectionAccountsError> {
    let trimmed = value.trim();
    let length = trimmed.chars().count();
    if length == 0 || length > max {
        return Err(CollectionAccountsError::Name { entry, field, max });
    }
    Ok(trimmed.to_owned())
}

/// ISO 9362: institution (4 letters), country (2 letters), location (2 alphanumerics), and an
/// optional branch (3 alphanumerics).
fn normalised_bic(raw: &str) -> Option<String> {
    let bic: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_uppercase();
    let bytes = bic.as_bytes();
    let shaped = matches!(bytes.len(), 8 | 11)
        && bytes[..6].iter().all(u8::is_ascii_uppercase)
        && bytes[6..].iter().all(u8::is_ascii_alphanumeric);
    shaped.then_some(bic)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE_EURO_ACCOUNT: &str = r#"[{"currency": "EUR", "holder": "Solvo Incasso B.V.",
        "iban": "NL91 ABNA 0417 1643 00", "bic": "abnanl2a", "bank": "ABN AMRO"}]"#;

    #[test]
    fn an_account_is_read_in_its_canonical_spelling_and_found_by_currency_and_iban() {
        let accounts = CollectionAccounts::parse_json(ONE_EURO_ACCOUNT).unwrap();
        let eur = Currency::parse("EUR").unwrap();
        let account = accounts.for_currency(eur).unwrap();
        assert_eq!(account.iban.as_str(), "NL91ABNA0417164300");
        assert_eq!(account.bic, "ABNANL2A");
        assert_eq!(account.holder, "Solvo Incasso B.V.");
        let iban = Iban::parse("NL91ABNA0417164300").unwrap();
        assert_eq!(accounts.with_iban(&iban), Some(account));
        assert_eq!(accounts.for_currency(Currency::parse("GBP").unwrap()), None);
    }

    #[test]
    fn an_empty_setting_is_no_accounts() {
        assert_eq!(CollectionAccounts::parse_json("  ").unwrap().all().len(), 0);
    }

    #[test]
    fn an_iban_failing_its_check_digits_is_refused_with_its_entry() {
        let wrong = ONE_EURO_ACCOUNT.replace("NL91", "NL92");
        let err = CollectionAccounts::parse_json(&wrong).unwrap_err();
        assert!(
            matches!(err, CollectionAccountsError::Iban { entry: 1, .. }),
            "{err:?}"
        );
    }

    #[test]
    fn a_bic_of_the_wrong_shape_is_refused() {
        for bic in ["ABNANL2", "ABNANL2AX", "1BNANL2A", "ABNA NL 2A XXX X"] {
            let wrong = ONE_EURO_ACCOUNT.replace("abnanl2a", bic);
            let err = CollectionAccounts::parse_json(&wrong).unwrap_err();
            assert!(
                matches!(err, CollectionAccountsError::Bic { entry: 1, .. }),
                "{bic}: {err:?}"
            );
        }
    }

    #[test]
    fn two_accounts_for_one_currency_are_refused() {
        let list = format!(
            "[{}, {}]",
            ONE_EURO_ACCOUNT.trim_matches(['[', ']']),
            ONE_EURO_ACCOUNT.trim_matches(['[', ']'])
        );
        let err = CollectionAccounts::parse_json(&list).unwrap_err();
        assert!(
            matches!(
                err,
                CollectionAccountsError::DuplicateCurrency { entry: 2, .. }
            ),
            "{err:?}"
        );
    }

    #[test]
    fn unknown_fields_and_a_missing_field_are_a_shape_error() {
        let extra = ONE_EURO_ACCOUNT.replace("\"bank\"", "\"branch\": \"x\", \"bank\"");
        assert!(matches!(
            CollectionAccounts::parse_json(&extra),
            Err(CollectionAccountsError::Shape(_))
        ));
        let missing = ONE_EURO_ACCOUNT.replace(", \"bank\": \"ABN AMRO\"", "");
        assert!(matches!(
            CollectionAccounts::parse_json(&missing),
            Err(CollectionAccountsError::Shape(_))
        ));
    }

    #[test]
    fn a_holder_longer_than_a_transfer_carries_is_refused() {
        let long = ONE_EURO_ACCOUNT.replace("Solvo Incasso B.V.", &"x".repeat(71));
        assert!(matches!(
            CollectionAccounts::parse_json(&long),
            Err(CollectionAccountsError::Name {
                field: "holder",
                ..
            })
        ));
    }
}
