//! Prices a checked quote request: the agency's fees under the house default schedule and the
//! statutory figures of the jurisdiction, as plain values for the API to show.

use chrono::{Duration, NaiveDateTime};
use solvo_domain::fees::{self, FeeError, FeeSchedule, QuoteInvoice, QuoteRequest, Scope};
use solvo_domain::rates::RateTables;

use super::claim::{Statutory, statutory};
use super::input::ParsedQuote;
use crate::error::AppError;

/// How long a quote's fee terms can be used to place a case.
pub const VALIDITY_DAYS: i64 = 30;

/// Whether the debtor is in the creditor's country, which selects the commission rates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteRoute {
    /// The debtor is established in the creditor organisation's country.
    Domestic,
    /// The debtor is established in another country.
    International,
}

impl From<QuoteRoute> for Scope {
    fn from(route: QuoteRoute) -> Self {
        match route {
            QuoteRoute::Domestic => Self::Domestic,
            QuoteRoute::International => Self::International,
        }
    }
}

/// A priced quote: the request, the fees and the statutory figures.
#[derive(Debug, Clone)]
pub struct PricedQuote {
    /// `quo_…`
    pub id: String,
    /// Creation time.
    pub created_at: NaiveDateTime,
    /// When its fee terms stop being usable for placement.
    pub expires_at: NaiveDateTime,
    /// The checked request.
    pub request: ParsedQuote,
    /// Domestic or international.
    pub route: QuoteRoute,
    /// The fees, with the principal total.
    pub fees: fees::Quote,
    /// The schedule the fees were priced with (stored as the quote's fee terms).
    pub schedule: FeeSchedule,
    /// What the law adds.
    pub law: Statutory,
}

/// Prices `request` for a creditor whose debtor is on `route`, as quote `id` created at `now`.
///
/// # Errors
/// [`AppError::Validation`] when the fee functions refuse the amounts (e.g. a total too large
/// to add up); [`AppError::Internal`] for an invalid default schedule, which the domain's tests
/// rule out.
pub fn price(
    request: ParsedQuote,
    rates: &RateTables,
    route: QuoteRoute,
    id: String,
    now: NaiveDateTime,
) -> Result<PricedQuote, AppError> {
    let schedule = FeeSchedule::default_for(request.currency);
    let fee_request = QuoteRequest {
        currency: request.currency,
        as_of: request.as_of,
        scope: route.into(),
        invoices: request
            .invoices
            .iter()
            .map(|invoice| QuoteInvoice {
                principal: invoice.principal,
                due_date: invoice.due_date,
            })
            .collect(),
    };
    let priced = fees::quote(&schedule, &fee_request).map_err(|err| match err {
        FeeError::InvalidSchedule(why) => {
            AppError::Internal(anyhow::anyhow!("default fee schedule invalid: {why}"))
        }
        other => AppError::invalid("invoices", "not_priceable", other.to_string()),
    })?;
    let law = statutory(&request, rates, priced.principal_total)?;
    Ok(PricedQuote {
        id,
        created_at: now,
        expires_at: now + Duration::days(VALIDITY_DAYS),
        request,
        route,
        fees: priced,
        schedule,
        law,
    })
}
