//! The payments that count towards a case's arrangements, read back into the domain's terms.

use solvo_domain::arrangement::Received;
use solvo_domain::money::{Currency, Money};
use solvo_persistence::AnyConnection;
use solvo_persistence::repositories::payments;

use crate::error::AppError;

/// Every payment of the case not reversed, oldest value date first.
///
/// # Errors
/// Database errors only.
pub(super) fn received(
    conn: &mut AnyConnection,
    case_id: &str,
    currency: Currency,
) -> Result<Vec<Received>, AppError> {
    Ok(payments::received(conn, case_id)?
        .into_iter()
        .map(|(recorded_at, value_date, minor)| Received {
            recorded_at,
            value_date,
            amount: Money::from_minor(minor, currency),
        })
        .collect())
}
