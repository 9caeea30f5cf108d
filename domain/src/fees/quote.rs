//! A quote: the fee functions run ahead of time on the invoices a creditor means to place.

use super::commission::{MAX_INVOICES, RecoveredAmount, commission};
use super::contingent::{legal_costs, own_non_negative, withdrawal_fee};
use super::percent::{fraction, label};
use super::{FeeComponent, FeeError, FeeKind, FeeSchedule, Scope};
use crate::money::{Currency, Money};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One invoice to be placed: its principal and due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteInvoice {
    /// The unpaid principal.
    pub principal: Money,
    /// The due date, which fixes the invoice's age at placement.
    pub due_date: NaiveDate,
}

/// What a creditor asks a quote for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteRequest {
    /// The currency of the invoices (must be the schedule's).
    pub currency: Currency,
    /// The day the case would be placed; ages are counted to it.
    pub as_of: NaiveDate,
    /// Domestic or international debtor.
    pub scope: Scope,
    /// The invoices, one or more.
    pub invoices: Vec<QuoteInvoice>,
}

/// The priced quote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quote {
    /// Sum of the invoices' principal.
    pub principal_total: Money,
    /// What the creditor pays if the whole principal is recovered: introduction fee, commission
    /// lines and, when the schedule has a rate, VAT. Zero lines are listed so nothing is hidden.
    pub components: Vec<FeeComponent>,
    /// Sum of `components`.
    pub total: Money,
    /// Lines that apply only if it happens: withdrawal fee on the whole principal, legal costs.
    pub contingent: Vec<FeeComponent>,
}

/// Prices `request` under `schedule`, assuming the whole principal is recovered.
///
/// Commission is on principal only: interest and recovery costs the debtor pays on top are
/// outside the quote because they depend on the jurisdiction and on how long collection takes.
///
/// # Errors
/// [`FeeError`] for an invalid schedule, no or too many invoices, a negative principal, or a
/// currency other than the schedule's.
pub fn quote(schedule: &FeeSchedule, request: &QuoteRequest) -> Result<Quote, FeeError> {
    schedule.validate()?;
    if request.invoices.is_empty() {
        return Err(FeeError::NoInvoices);
    }
    if request.invoices.len() > MAX_INVOICES {
        return Err(FeeError::TooManyInvoices(MAX_INVOICES));
    }
    own_non_negative(schedule, Money::zero(request.currency))?;
    let currency = schedule.currency;
    let principal_total =
        Money::checked_sum(request.invoices.iter().map(|i| i.principal), currency)?;
    let recovered: Vec<RecoveredAmount> = request
        .invoices
        .iter()
        .map(|i| RecoveredAmount {
            amount: i.principal,
            due_date: i.due_date,
        })
        .collect();
    let success = commission(schedule, &recovered, request.as_of, request.scope)?;
    let introduction = FeeComponent::new(
        FeeKind::IntroductionFee,
        schedule.introduction_fee,
        format!("flat fee per case, due at placement on {}", request.as_of),
        schedule.vat_applicable,
    );
    let mut components = vec![introduction];
    components.extend(success.components);
    if let Some(vat) = vat_line(schedule, &components)? {
        components.push(vat);
    }
    let total = Money::checked_sum(components.iter().map(|c| c.amount), currency)?;
    let contingent = vec![
        withdrawal_fee(schedule, principal_total)?,
        legal_costs(schedule, Money::zero(currency))?,
    ];
    Ok(Quote {
        principal_total,
        components,
        total,
        contingent,
    })
}

/// VAT on the VAT-able lines, rounded once on their sum, when the schedule charges VAT at a known
/// rate.
fn vat_line(
    schedule: &FeeSchedule,
    components: &[FeeComponent],
) -> Result<Option<FeeComponent>, FeeError> {
    let (true, Some(rate_bp)) = (schedule.vat_applicable, schedule.vat_rate_bp) else {
        return Ok(None);
    };
    let taxable = components
        .iter()
        .filter(|c| c.vat_applicable)
        .map(|c| c.amount);
    let base = Money::checked_sum(taxable, schedule.currency)?;
    let vat = base.checked_mul_rounded(fraction(rate_bp))?;
    let text = format!("VAT at {} on {base}", label(rate_bp));
    Ok(Some(FeeComponent::new(FeeKind::Vat, vat, text, false)))
}
