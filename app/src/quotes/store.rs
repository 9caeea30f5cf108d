//! Creating and reading a stored quote. The route (domestic or international) is decided by the
//! creditor organisation's country; the stored body is exactly the reply the caller rendered, so
//! a read (creditors their own, agency staff any) answers the same bytes' meaning. Another
//! organisation's quote is [`AppError::NotFound`], like a missing one; expired quotes stay
//! readable.

use chrono::NaiveDateTime;
use solvo_domain::rates::RateTables;
use solvo_persistence::AnyConnection;
use solvo_persistence::ids::new_id;
use solvo_persistence::repositories::organisations;
use solvo_persistence::repositories::quotes::{self, QuoteRow};

use super::input::ParsedQuote;
use super::pricing::{PricedQuote, QuoteRoute, price};
use crate::error::AppError;
use crate::idempotency::Created;
use crate::principal::Principal;

/// Prices `request` for the caller's organisation at `now`, renders the reply with `render` and
/// stores its body with the fee terms; returns the reply.
///
/// # Errors
/// What [`price`] and `render` return; database errors.
pub fn create(
    conn: &mut AnyConnection,
    caller: &Principal,
    request: ParsedQuote,
    rates: &RateTables,
    now: NaiveDateTime,
    render: impl FnOnce(&PricedQuote) -> Result<Created, AppError>,
) -> Result<Created, AppError> {
    let organisation = organisations::find(conn, &caller.organisation_id)?;
    let route = if organisation.country == request.debtor_country.as_str() {
        QuoteRoute::Domestic
    } else {
        QuoteRoute::International
    };
    let priced = price(request, rates, route, new_id("quo"), now)?;
    let created = render(&priced)?;
    let row = QuoteRow {
        id: priced.id,
        organisation_id: caller.organisation_id.clone(),
        body: created.body.get().to_owned(),
        fee_terms: serde_json::to_string(&priced.schedule).map_err(anyhow::Error::from)?,
        created_at: priced.created_at,
        expires_at: priced.expires_at,
    };
    quotes::insert(conn, &row)?;
    Ok(created)
}

/// The body of quote `id` as it was served.
///
/// # Errors
/// [`AppError::NotFound`] for another organisation's or a missing quote;
/// [`AppError::Internal`] for a stored body that is not JSON.
pub fn get(
    conn: &mut AnyConnection,
    caller: &Principal,
    id: &str,
) -> Result<serde_json::Value, AppError> {
    let row = quotes::find(conn, caller.tenant_scope(), id)?;
    serde_json::from_str(&row.body).map_err(|err| {
        AppError::Internal(anyhow::anyhow!(
            "quote {} has an unreadable body: {err}",
            row.id
        ))
    })
}
