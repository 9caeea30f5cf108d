//! A quote request as a client sends it, checked into domain values once, every invalid field
//! named at once.

use crate::error::AppError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use solvo_domain::country::CountryCode;
use solvo_domain::interest::MAX_PERIOD_DAYS;
use solvo_domain::jurisdiction::{Jurisdiction, choice};
use solvo_domain::money::{Currency, Money};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::FieldError;
use crate::money::{parse_amount, parse_currency, to_minor};

/// Most invoices one quote prices: enough for any single claim, small enough that the answer
/// (interest lines per invoice) stays readable. Larger portfolios go through bulk placement.
pub const MAX_QUOTE_INVOICES: usize = 500;

/// One invoice to be priced.
#[derive(Debug, Clone, Deserialize, Serialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct QuoteInvoiceInput {
    /// Unpaid principal as a decimal string in the quote's currency, at most its minor units.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "10000.00",
        pattern = r"^[0-9]+(\.[0-9]+)?$"
    )]
    pub amount: String,
    /// The day payment was due (`YYYY-MM-DD`).
    #[schema(example = "2025-01-01")]
    pub due_date: NaiveDate,
}

/// What a creditor asks a quote for.
#[derive(Debug, Clone, Deserialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"currency": "EUR", "debtor_country": "DE", "invoices": [{"amount": "10000.00", "due_date": "2025-01-01"}]}))]
pub struct CreateQuote {
    /// ISO 3166-1 alpha-2 country where the debtor is established.
    #[schema(value_type = crate::wire_names::CountryCodeName, example = "DE", pattern = "^[A-Za-z]{2}$")]
    pub debtor_country: String,
    /// ISO 3166 jurisdiction within that country, where the law differs by subdivision. Required
    /// for `US`, `CA` and `AU` (e.g. `US-NY`); for `GB` it defaults to England and Wales
    /// (`GB-ENG`); elsewhere it defaults to the country.
    #[schema(example = "US-NY", pattern = "^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$")]
    pub jurisdiction: Option<String>,
    /// ISO 4217 currency of the invoices.
    #[schema(value_type = crate::wire_names::CurrencyCode, example = "EUR")]
    pub currency: String,
    /// The invoices, 1 to 500.
    #[validate(length(min = 1, max = 500))]
    #[schema(min_items = 1, max_items = 500)]
    pub invoices: Vec<QuoteInvoiceInput>,
    /// The day the case would be placed and to which interest is computed (`YYYY-MM-DD`);
    /// today (UTC) when absent.
    #[schema(example = "2025-12-31")]
    pub as_of: Option<NaiveDate>,
}

/// An invoice with its amount parsed.
#[derive(Debug, Clone, Copy)]
pub struct ParsedInvoice {
    /// The principal.
    pub principal: Money,
    /// The due date.
    pub due_date: NaiveDate,
}

/// A checked quote request.
#[derive(Debug, Clone)]
pub struct ParsedQuote {
    /// The debtor's country.
    pub debtor_country: CountryCode,
    /// The jurisdiction whose rules apply.
    pub jurisdiction: &'static Jurisdiction,
    /// The currency.
    pub currency: Currency,
    /// The invoices, in request order.
    pub invoices: Vec<ParsedInvoice>,
    /// The day the quote is computed for.
    pub as_of: NaiveDate,
}

impl CreateQuote {
    /// Checks every field against the rules and resolves the jurisdiction.
    ///
    /// # Errors
    /// 422 listing each invalid field.
    pub fn parse(self, today: NaiveDate) -> Result<ParsedQuote, AppError> {
        debug_assert!(
            self.invoices.len() <= MAX_QUOTE_INVOICES,
            "checked by validate"
        );
        let mut errors = Vec::new();
        let as_of = self.as_of.unwrap_or(today);
        let currency = parse_currency(&self.currency, "currency")
            .map_err(|err| errors.push(err))
            .ok();
        let debtor_country = CountryCode::parse(&self.debtor_country)
            .map_err(|err| {
                errors.push(FieldError::new(
                    "debtor_country",
                    "invalid_country",
                    err.to_string(),
                ));
            })
            .ok();
        let jurisdiction = debtor_country.and_then(|country| {
            resolve_jurisdiction(country, self.jurisdiction.as_deref())
                .map_err(|err| errors.push(err))
                .ok()
        });
        let mut invoices = Vec::with_capacity(self.invoices.len());
        for (index, invoice) in self.invoices.iter().enumerate() {
            if let Some(parsed) = currency
                .and_then(|currency| parse_invoice(index, invoice, currency, as_of, &mut errors))
            {
                invoices.push(parsed);
            }
        }
        match (currency, debtor_country, jurisdiction) {
            (Some(currency), Some(debtor_country), Some(jurisdiction)) if errors.is_empty() => {
                Ok(ParsedQuote {
                    debtor_country,
                    jurisdiction,
                    currency,
                    invoices,
                    as_of,
                })
            }
            _ => Err(AppError::Validation(errors)),
        }
    }
}

fn parse_invoice(
    index: usize,
    invoice: &QuoteInvoiceInput,
    currency: Currency,
    as_of: NaiveDate,
    errors: &mut Vec<FieldError>,
) -> Option<ParsedInvoice> {
    let field = |name: &str| format!("invoices[{index}].{name}");
    let principal = parse_amount(&invoice.amount, currency, &field("amount"), false)
        .and_then(|money| {
            // Cases store minor units in a BIGINT; a quote for a figure no case can hold is refused
            // here rather than priced.
            to_minor(money, &field("amount"))
                .map(|_| money)
                .map_err(|_| {
                    FieldError::new(
                        field("amount"),
                        "too_large",
                        "The amount is larger than Solvo can hold.",
                    )
                })
        })
        .map_err(|err| errors.push(err))
        .ok();
    // Interest is computed over at most MAX_PERIOD_DAYS; an older due date is a typo, not a claim.
    if (as_of - invoice.due_date).num_days() >= MAX_PERIOD_DAYS {
        errors.push(FieldError::new(
            field("due_date"),
            "out_of_range",
            "The due date is more than 100 years before as_of.",
        ));
        return None;
    }
    principal.map(|principal| ParsedInvoice {
        principal,
        due_date: invoice.due_date,
    })
}

/// The jurisdiction for a debtor in `country`, optionally named by the client (the rule
/// placement follows too: `jurisdiction::choice`).
fn resolve_jurisdiction(
    country: CountryCode,
    named: Option<&str>,
) -> Result<&'static Jurisdiction, FieldError> {
    choice::choose(named, country.as_str()).map_err(|err| {
        let field = if err.is_about_the_country() {
            "debtor_country"
        } else {
            "jurisdiction"
        };
        FieldError::new(field, err.code(), err.to_string())
    })
}
