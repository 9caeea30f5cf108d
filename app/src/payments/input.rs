//! A payment as a client records it, and its checks against the case.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_domain::allocation::{AllocationOrder, Component};
use solvo_domain::money::{Currency, Money};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};
use crate::money::{check_case_currency, parse_amount};

/// Longest bank reference accepted: a SEPA credit transfer's unstructured remittance information.
pub const MAX_BANK_REFERENCE_CHARS: usize = 140;
/// Longest payer name accepted.
pub const MAX_PAYER_CHARS: usize = 200;
/// Longest invoice number looked up; placement accepts no longer one.
pub const MAX_INVOICE_NUMBER_CHARS: usize = 100;
/// Longest reversal reason accepted.
pub const MAX_REASON_CHARS: usize = 1_000;

/// How the money was paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum PaymentMethod {
    /// A credit transfer.
    BankTransfer,
    /// A card payment.
    Card,
    /// A direct debit.
    DirectDebit,
    /// Cash.
    Cash,
    /// A cheque.
    Cheque,
    /// Anything else.
    Other,
}

impl PaymentMethod {
    /// Every method.
    pub const ALL: [PaymentMethod; 6] = [
        Self::BankTransfer,
        Self::Card,
        Self::DirectDebit,
        Self::Cash,
        Self::Cheque,
        Self::Other,
    ];

    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::BankTransfer => "bank_transfer",
            Self::Card => "card",
            Self::DirectDebit => "direct_debit",
            Self::Cash => "cash",
            Self::Cheque => "cheque",
            Self::Other => "other",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|method| method.as_str() == raw)
    }
}

/// Who received the money.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum ReceivedBy {
    /// The agency, on its collection account: it remits the money to the creditor.
    Agency,
    /// The creditor, directly: it reduces the claim; nothing is remitted.
    Creditor,
}

impl ReceivedBy {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Agency => "agency",
            Self::Creditor => "creditor",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        [Self::Agency, Self::Creditor]
            .into_iter()
            .find(|by| by.as_str() == raw)
    }
}

/// A payment to record on a case.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"amount": "250.00", "currency": "EUR", "value_date": "2027-01-15", "method": "bank_transfer", "bank_reference": "RF18539007547034", "payer": "Globex GmbH"}))]
pub struct NewPayment {
    /// The amount received, a positive decimal string in the case currency.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "250.00"
    )]
    pub amount: String,
    /// The currency, if given; it must be the case's (a payment is never converted silently).
    #[schema(value_type = Option<crate::wire_names::CurrencyCode>, example = "EUR")]
    pub currency: Option<String>,
    /// The day the money arrived (value date), not after today. Interest stops on what it pays
    /// from this day.
    #[schema(example = "2027-01-15")]
    pub value_date: NaiveDate,
    /// How it was paid.
    pub method: PaymentMethod,
    /// The bank's reference or the remittance information, up to 140 characters.
    #[schema(example = "RF18539007547034", max_length = 140)]
    pub bank_reference: Option<String>,
    /// Who paid, as the bank statement names them, up to 200 characters.
    #[schema(example = "Globex GmbH", max_length = 200)]
    pub payer: Option<String>,
    /// The invoice the payer designated, by the creditor's number. The designation is honoured
    /// where the jurisdiction says a debtor's designation binds, otherwise only with
    /// `creditor_consents_to_designation`.
    #[schema(example = "2026-17", max_length = 100)]
    pub invoice_number: Option<String>,
    /// The creditor agreed to the payer's designation (needed where the debtor's alone does not
    /// bind, e.g. Austria, ABGB s.1415).
    #[serde(default)]
    pub creditor_consents_to_designation: bool,
    /// The creditor's order of `costs`, `interest` and `principal`, used only where the
    /// jurisdiction's order leaves the choice open and the payment must make it; it must agree
    /// with every choice the law makes.
    #[schema(value_type = Option<Vec<crate::wire_names::AllocationComponent>>, example = json!(["costs", "interest", "principal"]))]
    pub allocation_order: Option<Vec<Component>>,
}

/// A payment whose fields passed their checks.
#[derive(Debug, Clone)]
pub struct ValidPayment {
    /// The amount in the case currency.
    pub amount: Money,
    /// Value date.
    pub value_date: NaiveDate,
    /// Method.
    pub method: PaymentMethod,
    /// Bank reference, trimmed, `None` when blank.
    pub bank_reference: Option<String>,
    /// Payer, trimmed, `None` when blank.
    pub payer: Option<String>,
    /// The designated invoice number, trimmed.
    pub invoice_number: Option<String>,
    /// Creditor's consent to the designation.
    pub creditor_consents: bool,
    /// The creditor's order, if given.
    pub allocation_order: Option<AllocationOrder>,
}

impl NewPayment {
    /// Checks every field against the case currency and today; all field errors at once.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each bad field.
    pub fn validate_for(
        &self,
        currency: Currency,
        today: NaiveDate,
    ) -> Result<ValidPayment, AppError> {
        let mut errors = Vec::new();
        check_case_currency(self.currency.as_deref(), currency, &mut errors);
        let amount = parse_amount(&self.amount, currency, "amount", false)
            .map_err(|err| errors.push(err))
            .ok();
        if self.value_date > today {
            errors.push(FieldError::new(
                "value_date",
                "in_future",
                format!("The value date must not be after today ({today})."),
            ));
        }
        let bank_reference = text(
            self.bank_reference.as_deref(),
            "bank_reference",
            MAX_BANK_REFERENCE_CHARS,
            &mut errors,
        );
        let payer = text(self.payer.as_deref(), "payer", MAX_PAYER_CHARS, &mut errors);
        let invoice_number = text(
            self.invoice_number.as_deref(),
            "invoice_number",
            MAX_INVOICE_NUMBER_CHARS,
            &mut errors,
        );
        let allocation_order = match self.allocation_order.as_deref() {
            None => None,
            Some([first, second, third]) => {
                let order = AllocationOrder::strict(*first, *second, *third);
                if order.is_none() {
                    errors.push(order_error());
                }
                order
            }
            Some(_) => {
                errors.push(order_error());
                None
            }
        };
        match amount {
            Some(amount) if errors.is_empty() => Ok(ValidPayment {
                amount,
                value_date: self.value_date,
                method: self.method,
                bank_reference,
                payer,
                invoice_number,
                creditor_consents: self.creditor_consents_to_designation,
                allocation_order,
            }),
            _ => Err(AppError::Validation(errors)),
        }
    }
}

fn order_error() -> FieldError {
    FieldError::new(
        "allocation_order",
        "not_an_order",
        "Give costs, interest and principal once each, in the order to pay them.",
    )
}

/// An optional free text, trimmed; blank is `None`; too long is a field error.
pub(crate) fn text(
    raw: Option<&str>,
    field: &str,
    max_chars: usize,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let trimmed = raw.map(str::trim).filter(|text| !text.is_empty())?;
    if trimmed.chars().count() > max_chars {
        errors.push(FieldError::new(
            field,
            "too_long",
            format!("{field} has at most {max_chars} characters."),
        ));
        return None;
    }
    Some(trimmed.to_owned())
}

/// Why a payment is reversed.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"reason": "Returned by the debtor's bank: AC04 account closed"}))]
pub struct NewReversal {
    /// Why: the bank's return reason, the chargeback's. Required, up to 1,000 characters.
    #[schema(
        example = "Returned by the debtor's bank: AC04 account closed",
        min_length = 1,
        max_length = 1000
    )]
    pub reason: String,
}

impl NewReversal {
    /// The reason, trimmed.
    ///
    /// # Errors
    /// [`AppError::Validation`] when blank or too long.
    pub fn reason(&self) -> Result<String, AppError> {
        required_reason(&self.reason)
    }
}

/// A required reason, trimmed: blank or longer than [`MAX_REASON_CHARS`] is a field error.
///
/// # Errors
/// [`AppError::Validation`] naming `reason`.
pub(crate) fn required_reason(raw: &str) -> Result<String, AppError> {
    let mut errors = Vec::new();
    let reason = text(Some(raw), "reason", MAX_REASON_CHARS, &mut errors);
    match reason {
        Some(reason) if errors.is_empty() => Ok(reason),
        _ if errors.is_empty() => Err(AppError::invalid("reason", "blank", "Give a reason.")),
        _ => Err(AppError::Validation(errors)),
    }
}
