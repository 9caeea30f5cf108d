//! Disputes as a client records and decides them, and their checks against the case.

use serde::{Deserialize, Serialize};
use solvo_domain::money::{Currency, Money};
use utoipa::ToSchema;
use validator::Validate;

use crate::error::{AppError, FieldError};
use crate::money::{check_case_currency, parse_amount};
use crate::payments::input::{MAX_INVOICE_NUMBER_CHARS, MAX_REASON_CHARS, text};

/// The longest dispute text.
pub const MAX_DISPUTE_TEXT_CHARS: usize = 4_000;
/// The most documents or invoice numbers one dispute names.
pub const MAX_DISPUTE_REFERENCES: usize = 100;

/// What the debtor contests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisputeCategory {
    /// The goods never arrived.
    GoodsNotReceived,
    /// The goods arrived damaged or not as ordered.
    DefectiveGoods,
    /// The services were not performed.
    ServicesNotRendered,
    /// The amount invoiced is wrong.
    WrongAmount,
    /// The debtor says it paid.
    AlreadyPaid,
    /// The debtor says the debt is someone else's.
    NotOurDebt,
    /// Anything else; the text says what.
    Other,
}

impl DisputeCategory {
    /// Every category.
    pub const ALL: [DisputeCategory; 7] = [
        Self::GoodsNotReceived,
        Self::DefectiveGoods,
        Self::ServicesNotRendered,
        Self::WrongAmount,
        Self::AlreadyPaid,
        Self::NotOurDebt,
        Self::Other,
    ];

    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::GoodsNotReceived => "goods_not_received",
            Self::DefectiveGoods => "defective_goods",
            Self::ServicesNotRendered => "services_not_rendered",
            Self::WrongAmount => "wrong_amount",
            Self::AlreadyPaid => "already_paid",
            Self::NotOurDebt => "not_our_debt",
            Self::Other => "other",
        }
    }

    /// Reads a stored name.
    #[must_use]
    pub fn parse(raw: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == raw)
    }
}

/// A debtor's dispute of the claim.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"category": "goods_not_received", "text": "The second pallet never arrived; see the delivery note."}))]
pub struct NewDispute {
    /// What the debtor contests.
    pub category: DisputeCategory,
    /// What the debtor says, up to 4,000 characters.
    #[schema(
        example = "The second pallet never arrived; see the delivery note.",
        min_length = 1,
        max_length = 4000
    )]
    pub text: String,
    /// Documents of this case the debtor relies on (`doc_…`), up to 100.
    pub document_ids: Option<Vec<String>>,
    /// The part of the claim disputed, a positive decimal string in the case currency, at most
    /// what the case owes today; absent when the whole claim is disputed.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "250.00"
    )]
    pub disputed_amount: Option<String>,
    /// The currency of `disputed_amount`, if given; it must be the case's.
    #[schema(value_type = Option<crate::wire_names::CurrencyCode>, example = "EUR")]
    pub currency: Option<String>,
    /// The case's invoices the dispute concerns, by number, up to 100; absent for all of them.
    /// An upheld partial dispute credits these invoices (oldest due first).
    pub invoice_numbers: Option<Vec<String>>,
}

/// A dispute whose own fields passed their checks (documents and invoices are checked against
/// the case by the use case).
#[derive(Debug, Clone)]
pub struct ValidDispute {
    /// The category.
    pub category: DisputeCategory,
    /// The text, trimmed.
    pub text: String,
    /// The part disputed; `None` for the whole claim.
    pub disputed_amount: Option<Money>,
    /// Document ids, deduplicated in the order given.
    pub document_ids: Vec<String>,
    /// Invoice numbers, trimmed and deduplicated in the order given.
    pub invoice_numbers: Vec<String>,
}

/// Trims and deduplicates a list of references, refusing blank entries and too many.
fn references(
    raw: Option<&[String]>,
    field: &str,
    max_chars: usize,
    errors: &mut Vec<FieldError>,
) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(raw) = raw else { return out };
    if raw.len() > MAX_DISPUTE_REFERENCES {
        errors.push(FieldError::new(
            field,
            "too_many",
            format!("At most {MAX_DISPUTE_REFERENCES} entries."),
        ));
        return out;
    }
    for (index, entry) in raw.iter().enumerate() {
        let entry = entry.trim();
        if entry.is_empty() || entry.chars().count() > max_chars {
            errors.push(FieldError::new(
                format!("{field}[{index}]"),
                "invalid",
                format!("An entry has 1 to {max_chars} characters."),
            ));
        } else if !out.iter().any(|seen| seen == entry) {
            out.push(entry.to_owned());
        }
    }
    out
}

impl NewDispute {
    /// Checks the fields against the case currency and what the case owes now; every field
    /// error at once.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each bad field.
    pub fn validate_for(&self, currency: Currency, owed: Money) -> Result<ValidDispute, AppError> {
        let mut errors = Vec::new();
        let text = text(
            Some(&self.text),
            "text",
            MAX_DISPUTE_TEXT_CHARS,
            &mut errors,
        );
        if text.is_none() && !errors.iter().any(|e| e.field == "text") {
            errors.push(FieldError::new(
                "text",
                "blank",
                "Say what the debtor disputes.",
            ));
        }
        check_case_currency(self.currency.as_deref(), currency, &mut errors);
        let disputed_amount = match &self.disputed_amount {
            Some(raw) => match parse_amount(raw, currency, "disputed_amount", false) {
                Ok(amount)
                    if amount
                        .checked_cmp(&owed)
                        .is_ok_and(std::cmp::Ordering::is_gt) =>
                {
                    errors.push(FieldError::new(
                        "disputed_amount",
                        "above_balance",
                        format!(
                            "The case owes {} {} today; a dispute is of at most that.",
                            owed.amount_string(),
                            currency.code()
                        ),
                    ));
                    None
                }
                Ok(amount) => Some(amount),
                Err(err) => {
                    errors.push(err);
                    None
                }
            },
            None => None,
        };
        let document_ids = references(
            self.document_ids.as_deref(),
            "document_ids",
            100,
            &mut errors,
        );
        let invoice_numbers = references(
            self.invoice_numbers.as_deref(),
            "invoice_numbers",
            MAX_INVOICE_NUMBER_CHARS,
            &mut errors,
        );
        match text {
            Some(text) if errors.is_empty() => Ok(ValidDispute {
                category: self.category,
                text,
                disputed_amount,
                document_ids,
                invoice_numbers,
            }),
            _ => Err(AppError::Validation(errors)),
        }
    }
}

/// How the dispute is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum DisputeOutcome {
    /// The debtor is right: a whole-claim dispute closes the case `dispute_upheld`; a partial
    /// one credits `credited_amount` and collection of the rest resumes.
    Upheld,
    /// The claim stands: the case returns to the state it was in.
    Rejected,
}

impl DisputeOutcome {
    /// The stored and wire name.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Upheld => "upheld",
            Self::Rejected => "rejected",
        }
    }
}

/// The decision on a dispute.
#[derive(Debug, Clone, Deserialize, Serialize, Validate, ToSchema)]
#[serde(deny_unknown_fields)]
#[schema(example = json!({"outcome": "upheld", "reasons": "Delivery note signed by the debtor's warehouse."}))]
pub struct NewResolution {
    /// Upheld or rejected.
    pub outcome: DisputeOutcome,
    /// Why, up to 1,000 characters.
    #[schema(
        example = "Delivery note signed by the debtor's warehouse.",
        min_length = 1,
        max_length = 1000
    )]
    pub reasons: String,
    /// For an upheld partial dispute: the credit, a positive decimal string in the case
    /// currency, at most the principal still owed on the invoices concerned; by default the
    /// disputed amount. Not allowed otherwise.
    #[schema(
        pattern = r"^(0\.(00[1-9]|0[1-9][0-9]?|[1-9][0-9]{0,2})|[1-9][0-9]{0,14}(\.[0-9]{1,3})?)$",
        example = "250.00"
    )]
    pub credited_amount: Option<String>,
}

/// A decision whose fields passed their checks.
#[derive(Debug, Clone)]
pub struct ValidResolution {
    /// Upheld or rejected.
    pub outcome: DisputeOutcome,
    /// Why, trimmed.
    pub reasons: String,
    /// The credit asked for, if given.
    pub credited_amount: Option<Money>,
}

impl NewResolution {
    /// Checks the fields; `partial` says whether the dispute is of part of the claim.
    ///
    /// # Errors
    /// [`AppError::Validation`] naming each bad field.
    pub fn validate_for(
        &self,
        currency: Currency,
        partial: bool,
    ) -> Result<ValidResolution, AppError> {
        let mut errors = Vec::new();
        let reasons = text(
            Some(&self.reasons),
            "reasons",
            MAX_REASON_CHARS,
            &mut errors,
        );
        if reasons.is_none() && !errors.iter().any(|e| e.field == "reasons") {
            errors.push(FieldError::new("reasons", "blank", "Give the reasons."));
        }
        let credited_amount = match &self.credited_amount {
            Some(_) if !(partial && self.outcome == DisputeOutcome::Upheld) => {
                errors.push(FieldError::new(
                    "credited_amount",
                    "not_allowed",
                    "A credit is given only when a dispute of part of the claim is upheld.",
                ));
                None
            }
            Some(raw) => parse_amount(raw, currency, "credited_amount", false)
                .map_err(|err| errors.push(err))
                .ok(),
            None => None,
        };
        match reasons {
            Some(reasons) if errors.is_empty() => Ok(ValidResolution {
                outcome: self.outcome,
                reasons,
                credited_amount,
            }),
            _ => Err(AppError::Validation(errors)),
        }
    }
}
