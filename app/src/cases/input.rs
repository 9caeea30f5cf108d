//! A case as a client places it, and its validation into a [`ValidCase`] (pure: no database).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Deserialize;
use solvo_domain::jurisdiction::{JurisdictionCode, choice};
use solvo_domain::money::{Currency, Money};
use solvo_persistence::repositories::debtors::DebtorRow;
use utoipa::ToSchema;
use validator::Validate;

use crate::debtors::DebtorInput;
use crate::error::FieldError;
use crate::money::{parse_amount, parse_currency};

/// Largest invoice in minor units: with at most [`MAX_INVOICES_PER_CASE`] invoices, a case's
/// ledger sums stay far inside `i64`.
pub const MAX_INVOICE_MINOR: i64 = 1_000_000_000_000_000;

/// Most invoices one case may carry.
pub const MAX_INVOICES_PER_CASE: usize = 1_000;

/// One invoice of a case.
#[derive(Debug, Clone, Deserialize, serde::Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct InvoiceInput {
    /// The creditor's invoice number, unique per creditor.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "INV-2026-0042")]
    pub number: String,
    /// Issue date, `YYYY-MM-DD`.
    pub issue_date: NaiveDate,
    /// Due date, `YYYY-MM-DD`, not before the issue date.
    pub due_date: NaiveDate,
    /// Open amount as a decimal string in the case currency, e.g. `"1250.00"`.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "1250.00"
    )]
    pub amount: String,
}

/// A case to place: a debtor (new or existing), invoices in one currency, and terms.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"creditor_reference": "ACME-2026-0042", "currency": "EUR", "jurisdiction": "DE", "contractual_interest_rate": "9.5", "debtor": {"legal_name": "Globex GmbH", "country": "DE", "vat_id": "DE123456789"}, "invoices": [{"number": "INV-2026-0042", "amount": "1250.00", "issue_date": "2026-09-01", "due_date": "2026-10-01"}]}))]
pub struct PlaceCase {
    /// The debtor, created or matched by VAT id / registration number. Give this or `debtor_id`.
    #[validate(nested)]
    pub debtor: Option<DebtorInput>,
    /// An existing debtor of the creditor. Give this or `debtor`.
    pub debtor_id: Option<String>,
    /// ISO 4217 currency of every invoice.
    #[schema(value_type = crate::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
    /// The creditor's own reference for the case, unique per creditor.
    #[validate(length(min = 1, max = 100))]
    #[schema(min_length = 1, max_length = 100, example = "ACME-2026-0042")]
    pub creditor_reference: String,
    /// Jurisdiction whose rules apply (`DE`, `GB-SCT`, `US-NY`, …). Defaults from the debtor's
    /// country (GB: England and Wales); required for US, CA and AU.
    #[schema(example = "DE")]
    pub jurisdiction: Option<String>,
    /// The invoices (1 to 1,000).
    #[validate(nested, length(min = 1, max = 1000))]
    #[schema(min_items = 1, max_items = 1000)]
    pub invoices: Vec<InvoiceInput>,
    /// Agreed contractual interest, percent per year as a decimal string (e.g. `"9.5"`); replaces
    /// the statutory rate where the law allows.
    #[schema(example = "9.5")]
    pub contractual_interest_rate: Option<String>,
    /// Notes for the collector.
    #[validate(length(max = 4000))]
    #[schema(max_length = 4000)]
    pub notes: Option<String>,
    /// A quote whose fee terms apply, if still valid.
    pub quote_id: Option<String>,
}

/// Which debtor a case is against.
#[derive(Debug, Clone)]
pub enum DebtorChoice {
    /// A new (or matched) debtor from the request.
    New(Box<DebtorRow>),
    /// An existing debtor id.
    Existing(String),
}

/// A validated invoice.
#[derive(Debug, Clone)]
pub struct ValidInvoice {
    /// Creditor's number.
    pub number: String,
    /// Issue date.
    pub issue_date: NaiveDate,
    /// Due date.
    pub due_date: NaiveDate,
    /// Amount.
    pub amount: Money,
}

/// A case that passed every check that needs no database.
#[derive(Debug, Clone)]
pub struct ValidCase {
    /// The debtor.
    pub debtor: DebtorChoice,
    /// Case currency.
    pub currency: Currency,
    /// Creditor's reference.
    pub creditor_reference: String,
    /// Explicit jurisdiction, if given.
    pub jurisdiction: Option<JurisdictionCode>,
    /// Invoices.
    pub invoices: Vec<ValidInvoice>,
    /// Contractual rate, percent per year.
    pub contractual_interest_rate: Option<Decimal>,
    /// Notes.
    pub notes: Option<String>,
    /// Quote id.
    pub quote_id: Option<String>,
}

impl PlaceCase {
    /// Checks everything that needs no database; field paths start with `prefix`.
    ///
    /// # Errors
    /// Every invalid field.
    pub fn validate_case(
        self,
        organisation_id: &str,
        prefix: &str,
        now: chrono::NaiveDateTime,
    ) -> Result<ValidCase, Vec<FieldError>> {
        let mut errors = Vec::new();
        let field = |name: &str| format!("{prefix}{name}");
        let currency = parse_currency(&self.currency, &field("currency"))
            .map_err(|err| errors.push(err))
            .ok();
        let debtor = match (self.debtor, self.debtor_id) {
            (Some(debtor), None) => debtor
                .into_row(organisation_id, &field("debtor."), now)
                .map(|row| DebtorChoice::New(Box::new(row)))
                .map_err(|mut found| errors.append(&mut found))
                .ok(),
            (None, Some(id)) => Some(DebtorChoice::Existing(id)),
            _ => {
                errors.push(FieldError::new(
                    field("debtor"),
                    "debtor_required",
                    "Give exactly one of `debtor` and `debtor_id`.",
                ));
                None
            }
        };
        let creditor_reference = self.creditor_reference.trim().to_owned();
        if creditor_reference.is_empty() {
            errors.push(FieldError::new(
                field("creditor_reference"),
                "blank",
                "creditor_reference must not be blank",
            ));
        }
        let jurisdiction = self.jurisdiction.as_deref().and_then(|raw| {
            choice::parse_given(raw)
                .map_err(|err| {
                    errors.push(FieldError::new(
                        field("jurisdiction"),
                        err.code(),
                        err.to_string(),
                    ));
                })
                .ok()
        });
        let contractual_interest_rate = self.contractual_interest_rate.as_deref().and_then(|raw| {
            match raw.trim().parse::<Decimal>() {
                Ok(rate) if !rate.is_sign_negative() && rate <= Decimal::ONE_HUNDRED && rate.scale() <= 4 => Some(rate),
                _ => {
                    errors.push(FieldError::new(
                        field("contractual_interest_rate"),
                        "invalid_rate",
                        "A percentage between 0 and 100 as a decimal string with at most 4 decimals, e.g. \"9.5\".",
                    ));
                    None
                }
            }
        });
        let invoices = currency
            .map(|currency| validate_invoices(&self.invoices, currency, prefix, &mut errors))
            .unwrap_or_default();
        let notes = self
            .notes
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty());
        match (errors.is_empty(), debtor, currency) {
            (true, Some(debtor), Some(currency)) => Ok(ValidCase {
                debtor,
                currency,
                creditor_reference,
                jurisdiction,
                invoices,
                contractual_interest_rate,
                notes,
                quote_id: self.quote_id,
            }),
            _ => Err(errors),
        }
    }
}

fn validate_invoices(
    invoices: &[InvoiceInput],
    currency: Currency,
    prefix: &str,
    errors: &mut Vec<FieldError>,
) -> Vec<ValidInvoice> {
    let mut seen = std::collections::HashSet::new();
    let mut valid = Vec::with_capacity(invoices.len());
    for (index, invoice) in invoices.iter().enumerate() {
        let field = |name: &str| format!("{prefix}invoices[{index}].{name}");
        let number = invoice.number.trim().to_owned();
        if number.is_empty() {
            errors.push(FieldError::new(
                field("number"),
                "blank",
                "number must not be blank",
            ));
        } else if !seen.insert(number.clone()) {
            errors.push(FieldError::new(
                field("number"),
                "duplicate_in_request",
                "This invoice number appears twice in the case.",
            ));
        }
        if invoice.due_date < invoice.issue_date {
            errors.push(FieldError::new(
                field("due_date"),
                "before_issue_date",
                "due_date must not be before issue_date.",
            ));
        }
        match parse_amount(&invoice.amount, currency, &field("amount"), false) {
            Ok(amount)
                if !amount
                    .to_minor()
                    .is_ok_and(|minor| minor <= MAX_INVOICE_MINOR) =>
            {
                errors.push(FieldError::new(
                    field("amount"),
                    "too_large",
                    "An invoice may be at most 10^15 minor units (10 trillion EUR).",
                ));
            }
            Ok(amount) => valid.push(ValidInvoice {
                number,
                issue_date: invoice.issue_date,
                due_date: invoice.due_date,
                amount,
            }),
            Err(err) => errors.push(err),
        }
    }
    valid
}
