//! The fee terms a case placed with a quote inherits, for the case placement code.

use chrono::NaiveDateTime;
use solvo_domain::fees::FeeSchedule;
use solvo_domain::money::Currency;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::quotes;

use crate::error::ApiError;

/// What a still-valid quote hands to a case placed with it.
#[derive(Debug, Clone)]
pub struct QuoteTerms {
    /// `quo_…`
    pub quote_id: String,
    /// The fee schedule the quote was priced with (already validated).
    pub fee_schedule: FeeSchedule,
    /// The same schedule as the JSON stored with the quote.
    pub fee_terms: String,
    /// The currency of the quote (and of its fee schedule); a case in another currency cannot
    /// use the terms.
    pub currency: Currency,
    /// The jurisdiction code the quote was computed for, e.g. `DE`, `GB-ENG`.
    pub jurisdiction: String,
    /// The debtor country the quote was computed for.
    pub debtor_country: String,
    /// When the terms stop being usable.
    pub expires_at: NaiveDateTime,
}

fn corrupt(quote_id: &str, what: &str) -> ApiError {
    ApiError::Internal(anyhow::anyhow!(
        "quote {quote_id}: stored {what} unreadable"
    ))
}

/// The fee terms of `organisation_id`'s quote `quote_id` if it exists and has not expired at
/// `now`; `None` when it is missing, another organisation's, or expired (the caller turns that
/// into a 422 naming `quote_id`). Runs on the caller's connection, so inside its transaction.
///
/// # Errors
/// Database errors; 500 when the stored JSON is unreadable.
pub fn valid_fee_terms(
    conn: &mut AnyConnection,
    organisation_id: &str,
    quote_id: &str,
    now: NaiveDateTime,
) -> Result<Option<QuoteTerms>, ApiError> {
    let Some(row) = quotes::find_unexpired(conn, organisation_id, quote_id, now)? else {
        return Ok(None);
    };
    let fee_schedule: FeeSchedule =
        serde_json::from_str(&row.fee_terms).map_err(|_| corrupt(&row.id, "fee terms"))?;
    fee_schedule
        .validate()
        .map_err(|_| corrupt(&row.id, "fee terms"))?;
    let body: serde_json::Value =
        serde_json::from_str(&row.body).map_err(|_| corrupt(&row.id, "body"))?;
    let text = |field: &str| {
        body[field]
            .as_str()
            .map(ToOwned::to_owned)
            .ok_or_else(|| corrupt(&row.id, field))
    };
    let jurisdiction = text("jurisdiction")?;
    let debtor_country = text("debtor_country")?;
    Ok(Some(QuoteTerms {
        currency: fee_schedule.currency,
        quote_id: row.id,
        fee_schedule,
        fee_terms: row.fee_terms,
        jurisdiction,
        debtor_country,
        expires_at: row.expires_at,
    }))
}
