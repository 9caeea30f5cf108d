//! Card payments started in the debtor portal, and the provider events acted on (see the
//! migration `000021_card_payments`).

use crate::stored_time::StoredTimestamp;
use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::connection::AnyConnection;
use crate::error::PersistenceError;
use crate::schema::{card_payments, provider_events};
use solvo_domain::money::Currency;

/// A card payment.
#[derive(Debug, Clone, PartialEq, Eq, Queryable, Selectable, Insertable)]
#[diesel(table_name = card_payments)]
pub struct CardPaymentRow {
    /// `cpy_…`, sent to the provider as metadata so its event names this row.
    pub id: String,
    /// The case paid.
    pub case_id: String,
    /// The creditor.
    pub organisation_id: String,
    /// The debtor who started it.
    pub debtor_id: String,
    /// `stripe`.
    pub provider: String,
    /// What was asked, in minor units.
    pub amount_minor: i64,
    /// ISO 4217.
    pub currency: Currency,
    /// `pending`, `succeeded`, `failed` or `review`.
    pub status: String,
    /// The provider's checkout session.
    pub checkout_session_id: Option<String>,
    /// Where the debtor pays.
    pub checkout_url: Option<String>,
    /// The payment recorded, once succeeded.
    pub payment_id: Option<String>,
    /// The provider's id of the money movement.
    pub provider_reference: Option<String>,
    /// Why it failed or waits for review.
    pub detail: Option<String>,
    /// Started.
    #[diesel(deserialize_as = StoredTimestamp)]
    pub created_at: NaiveDateTime,
    /// Succeeded, failed or sent to review.
    pub completed_at: Option<NaiveDateTime>,
}

/// Stores a new card payment.
///
/// # Errors
/// Database errors only.
pub fn insert(conn: &mut AnyConnection, row: &CardPaymentRow) -> Result<(), PersistenceError> {
    diesel::insert_into(card_payments::table)
        .values(row)
        .execute(conn)?;
    Ok(())
}

/// The card payment `id`.
///
/// # Errors
/// [`PersistenceError::NotFound`] when there is none.
pub fn find(conn: &mut AnyConnection, id: &str) -> Result<CardPaymentRow, PersistenceError> {
    Ok(card_payments::table
        .find(id)
        .select(CardPaymentRow::as_select())
        .first(conn)?)
}

/// The card payments of a case, newest first.
///
/// # Errors
/// Database errors only.
pub fn of_case(
    conn: &mut AnyConnection,
    case_id: &str,
) -> Result<Vec<CardPaymentRow>, PersistenceError> {
    Ok(card_payments::table
        .filter(card_payments::case_id.eq(case_id))
        .order((card_payments::created_at.desc(), card_payments::id.desc()))
        .select(CardPaymentRow::as_select())
        .load(conn)?)
}

/// Records the provider's checkout session of a pending payment.
///
/// # Errors
/// Database errors only.
pub fn attach_session(
    conn: &mut AnyConnection,
    id: &str,
    session_id: &str,
    url: &str,
) -> Result<(), PersistenceError> {
    diesel::update(card_payments::table.find(id))
        .set((
            card_payments::checkout_session_id.eq(session_id),
            card_payments::checkout_url.eq(url),
        ))
        .execute(conn)?;
    Ok(())
}

/// Ends a pending payment with `status` (`succeeded`, `failed`, `review`); returns whether it
/// was still pending, so that two deliveries of one outcome record it once.
///
/// # Errors
/// Database errors only.
pub fn finish(
    conn: &mut AnyConnection,
    id: &str,
    status: &str,
    outcome: Finish<'_>,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let changed = diesel::update(
        card_payments::table
            .find(id)
            .filter(card_payments::status.eq("pending")),
    )
    .set((
        card_payments::status.eq(status),
        card_payments::payment_id.eq(outcome.payment_id),
        card_payments::provider_reference.eq(outcome.provider_reference),
        card_payments::detail.eq(outcome.detail),
        card_payments::completed_at.eq(now),
    ))
    .execute(conn)?;
    Ok(changed == 1)
}

/// What a finished card payment keeps.
#[derive(Debug, Clone, Copy, Default)]
pub struct Finish<'a> {
    /// The payment recorded.
    pub payment_id: Option<&'a str>,
    /// The provider's id of the money movement.
    pub provider_reference: Option<&'a str>,
    /// Why it failed or waits for review.
    pub detail: Option<&'a str>,
}

/// Notes that `provider`'s event `event_id` is acted on; `false` when it was before.
///
/// # Errors
/// Database errors only.
pub fn first_delivery(
    conn: &mut AnyConnection,
    provider: &str,
    event_id: &str,
    event_type: &str,
    now: NaiveDateTime,
) -> Result<bool, PersistenceError> {
    let row = (
        provider_events::provider.eq(provider),
        provider_events::event_id.eq(event_id),
        provider_events::event_type.eq(event_type),
        provider_events::received_at.eq(now),
    );
    let inserted = match conn {
        AnyConnection::Sqlite(inner) => diesel::insert_into(provider_events::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(inner)?,
        AnyConnection::Postgresql(inner) => diesel::insert_into(provider_events::table)
            .values(row)
            .on_conflict_do_nothing()
            .execute(inner)?,
    };
    Ok(inserted == 1)
}
