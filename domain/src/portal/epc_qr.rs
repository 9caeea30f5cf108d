//! The payload of the European Payments Council's QR code for a SEPA credit transfer
//! ("EPC069-12, Quick Response Code: Guidelines to Enable Data Capture for the Initiation of a
//! SEPA Credit Transfer", version 002 of the data format), which banking apps across the euro
//! area scan to fill in a transfer.
//!
//! Twelve fields on lines of their own, in this order: service tag `BCD`, version `002`,
//! character set `1` (UTF-8), identification `SCT`, the beneficiary bank's BIC, the
//! beneficiary's name (at most 70 characters), the IBAN, the amount (`EUR` and 0.01 to
//! 999999999.99 with a decimal point), a purpose code (empty), the structured remittance
//! information (an ISO 11649 RF creditor reference, at most 35 characters), the unstructured
//! remittance information (empty: the guideline allows one or the other, never both) and the
//! beneficiary-to-originator information (empty). Trailing empty fields are left out, and the
//! whole payload is at most 331 bytes so that it fits a version 13 symbol at error correction
//! level M, as the guideline requires.

use rust_decimal::Decimal;

use crate::identifiers::{CreditorReference, Iban};
use crate::money::{Currency, Money};

/// Most bytes a payload may have (EPC069-12: QR version 13 at level M).
pub const MAX_BYTES: usize = 331;
/// Most characters of the beneficiary's name.
pub const NAME_MAX: usize = 70;

/// What a debtor's banking app fills in.
#[derive(Debug, Clone, Copy)]
pub struct CreditTransfer<'a> {
    /// The beneficiary bank's BIC (optional inside the EEA, given when known).
    pub bic: Option<&'a str>,
    /// The account holder the transfer is to.
    pub beneficiary: &'a str,
    /// The account.
    pub iban: &'a Iban,
    /// How much, in euro.
    pub amount: Money,
    /// The case's RF reference, carried as structured remittance information.
    pub reference: &'a CreditorReference,
}

/// Why no EPC QR code can be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EpcQrError {
    /// The code only carries euro.
    #[error("the EPC QR code carries euro amounts only, not {0}")]
    NotEuro(Currency),
    /// Nothing or too much to pay.
    #[error("the EPC QR code carries amounts from 0.01 to 999999999.99 EUR, not {0}")]
    AmountOutOfRange(Decimal),
    /// The beneficiary's name is blank or longer than the code carries.
    #[error("the beneficiary's name must be 1 to 70 characters")]
    Name,
    /// The payload would not fit the symbol the guideline allows.
    #[error("the payload is {0} bytes, more than the 331 the guideline allows")]
    TooLong(usize),
}

/// The payload for `transfer`.
///
/// # Errors
/// [`EpcQrError`] when the transfer cannot be carried.
pub fn payload(transfer: &CreditTransfer<'_>) -> Result<String, EpcQrError> {
    let currency = transfer.amount.currency();
    if currency.code() != "EUR" {
        return Err(EpcQrError::NotEuro(currency));
    }
    let amount = transfer.amount.amount();
    let ceiling = Decimal::new(99_999_999_999, 2);
    if amount < Decimal::new(1, 2) || amount > ceiling {
        return Err(EpcQrError::AmountOutOfRange(amount));
    }
    let beneficiary = transfer.beneficiary.trim();
    if beneficiary.is_empty() || beneficiary.chars().count() > NAME_MAX {
        return Err(EpcQrError::Name);
    }
    // A line break inside a field would shift every field after it.
    let field = |text: &str| text.replace(['\r', '\n'], " ");
    let lines = [
        "BCD".to_owned(),
        "002".to_owned(),
        "1".to_owned(),
        "SCT".to_owned(),
        field(transfer.bic.unwrap_or_default()),
        field(beneficiary),
        transfer.iban.as_str().to_owned(),
        format!("EUR{}", transfer.amount.amount_string()),
        String::new(),
        transfer.reference.as_str().to_owned(),
    ];
    let text = lines.join("\n");
    if text.len() > MAX_BYTES {
        return Err(EpcQrError::TooLong(text.len()));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn eur(minor: i64) -> Money {
        Money::from_minor(minor, Currency::parse("EUR").unwrap())
    }

    fn iban() -> Iban {
        Iban::parse("DE89 3704 0044 0532 0130 00").unwrap()
    }

    fn reference() -> CreditorReference {
        CreditorReference::parse("RF18 5390 0754 7034").unwrap()
    }

    #[test]
    fn the_fields_are_the_guidelines_in_its_order() {
        let (iban, reference) = (iban(), reference());
        let text = payload(&CreditTransfer {
            bic: Some("COBADEFFXXX"),
            beneficiary: "Solvo Collections GmbH",
            iban: &iban,
            amount: eur(108_108),
            reference: &reference,
        });
        assert_eq!(
            text.as_deref(),
            Ok(
                "BCD\n002\n1\nSCT\nCOBADEFFXXX\nSolvo Collections GmbH\nDE89370400440532013000\nEUR1081.08\n\nRF18539007547034"
            )
        );
    }

    #[test]
    fn only_euro_amounts_in_range_and_a_named_beneficiary_are_carried() {
        let (iban, reference) = (iban(), reference());
        let transfer = |amount, beneficiary| CreditTransfer {
            bic: None,
            beneficiary,
            iban: &iban,
            amount,
            reference: &reference,
        };
        let pounds = Money::from_minor(100, Currency::parse("GBP").unwrap());
        assert!(matches!(
            payload(&transfer(pounds, "A")),
            Err(EpcQrError::NotEuro(_))
        ));
        assert!(matches!(
            payload(&transfer(eur(0), "A")),
            Err(EpcQrError::AmountOutOfRange(_))
        ));
        assert!(matches!(
            payload(&transfer(eur(100_000_000_000), "A")),
            Err(EpcQrError::AmountOutOfRange(_))
        ));
        assert!(payload(&transfer(eur(99_999_999_999), "A")).is_ok());
        assert_eq!(payload(&transfer(eur(1), " ")), Err(EpcQrError::Name));
        let long = "x".repeat(71);
        assert_eq!(payload(&transfer(eur(1), &long)), Err(EpcQrError::Name));
        let one_line = payload(&transfer(eur(1), "Solvo\nCollections")).unwrap();
        assert_eq!(one_line.lines().count(), 10, "{one_line}");
    }
}
