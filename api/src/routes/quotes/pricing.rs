//! Builds a quote from a checked request: the agency's fees under the house default schedule and
//! the statutory figures of the jurisdiction.

use chrono::{Duration, NaiveDateTime};
use solvo_app::AppError;
use solvo_domain::fees::{self, FeeError, FeeSchedule, QuoteInvoice, QuoteRequest};
use solvo_domain::money::Money;
use solvo_domain::rates::RateTables;

use super::claim::statutory;
use super::input::ParsedQuote;
use super::view::{Quote, QuoteFees, QuoteRoute};
use solvo_app::clock;

/// How long a quote's fee terms can be used to place a case.
pub const VALIDITY_DAYS: i64 = 30;

/// Prices `request` for a creditor whose debtor is on `route`, as quote `id` created at `now`.
/// Returns the quote and the fee schedule it was priced with (stored as the quote's fee terms).
///
/// # Errors
/// 422 when the fee functions refuse the amounts (e.g. a total too large to add up); 500 for an
/// invalid default schedule, which the domain's tests rule out.
pub fn price(
    request: &ParsedQuote,
    rates: &RateTables,
    route: QuoteRoute,
    id: String,
    now: NaiveDateTime,
) -> Result<(Quote, FeeSchedule), AppError> {
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
    let principal_total: Money = priced.principal_total;
    let law = statutory(request, rates, principal_total)?;
    let quote = Quote {
        id,
        created_at: clock::rfc3339(now),
        expires_at: clock::rfc3339(now + Duration::days(VALIDITY_DAYS)),
        as_of: request.as_of,
        debtor_country: request.debtor_country.to_string(),
        jurisdiction: request.jurisdiction.code.to_string(),
        jurisdiction_name: request.jurisdiction.name.to_owned(),
        route,
        currency: request.currency.code().to_owned(),
        principal_total: principal_total.into(),
        fees: QuoteFees {
            components: priced.components.into_iter().map(Into::into).collect(),
            total: priced.total.into(),
            contingent: priced.contingent.into_iter().map(Into::into).collect(),
        },
        interest: law.interest,
        compensation: law.compensation,
        collection_costs: law.collection_costs,
        invoices: law.invoices,
        gaps: law.gaps,
    };
    Ok((quote, schedule))
}
