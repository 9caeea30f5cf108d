//! Which fee schedule a new case is charged on: the quote's, when the case names a quote of the
//! creditor that has not expired; the default schedule for the currency otherwise.

use chrono::NaiveDateTime;
use solvo_domain::fees::FeeSchedule;
use solvo_domain::money::Currency;
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::fee_schedules::FeeScheduleRow;
use solvo_persistence::repositories::quotes;

use crate::error::AppError;

/// The quoted fee schedule for `quote_id`, or `None` when no quote is named.
///
/// # Errors
/// 422 naming `quote_id` when the quote is unknown to the creditor, expired, or in another
/// currency than the case.
pub fn for_placement(
    conn: &mut AnyConnection,
    organisation_id: &str,
    quote_id: Option<&str>,
    currency: Currency,
    now: NaiveDateTime,
) -> Result<Option<FeeSchedule>, AppError> {
    let Some(quote_id) = quote_id else {
        return Ok(None);
    };
    let Some(quote) = quotes::find_unexpired(conn, organisation_id, quote_id, now)? else {
        return Err(AppError::invalid(
            "quote_id",
            "unknown_or_expired_quote",
            "No unexpired quote of yours has this id; request a new quote or place without one.",
        ));
    };
    let schedule: FeeSchedule = serde_json::from_str(&quote.fee_terms).map_err(|err| {
        AppError::Internal(anyhow::anyhow!(
            "quote {} has unreadable fee terms: {err}",
            quote.id
        ))
    })?;
    if schedule.currency != currency {
        return Err(AppError::invalid(
            "quote_id",
            "quote_currency_mismatch",
            format!(
                "The quote is in {}, the case in {}.",
                schedule.currency.code(),
                currency.code()
            ),
        ));
    }
    Ok(Some(schedule))
}

/// The stored form of `schedule`, named by its terms.
///
/// # Errors
/// 500 when the schedule cannot be serialised.
pub fn stored(schedule: &FeeSchedule, now: NaiveDateTime) -> Result<FeeScheduleRow, AppError> {
    let terms = serde_json::to_string(schedule).map_err(anyhow::Error::from)?;
    Ok(FeeScheduleRow::for_terms(terms, now))
}
