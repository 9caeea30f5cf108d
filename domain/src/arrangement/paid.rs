//! Money received towards an arrangement, as the judgements below read it.
//!
//! What counts is money recorded after the arrangement was agreed: the amount agreed was what
//! the case owed then, so money already on the ledger must not pay it a second time. Its value
//! date decides whether it came in time.

use chrono::{NaiveDate, NaiveDateTime};

use crate::money::Money;

/// One payment that counts: when it was recorded, its value date and amount. Reversed payments
/// are left out by the caller, so a bounced transfer never keeps a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// When the payment was recorded on the case.
    pub recorded_at: NaiveDateTime,
    /// The day the money reached the account.
    pub value_date: NaiveDate,
    /// How much, in the arrangement's currency.
    pub amount: Money,
}

impl Received {
    /// Whether it counts towards an arrangement agreed at `since` and due by `through`.
    pub(super) fn counts(&self, since: NaiveDateTime, through: NaiveDate) -> bool {
        self.recorded_at >= since && self.value_date <= through
    }
}

/// The sum, in minor units, of what counts towards an arrangement agreed at `since` by
/// `through`.
pub(super) fn received_between(
    received: &[Received],
    since: NaiveDateTime,
    through: NaiveDate,
) -> i128 {
    received
        .iter()
        .filter(|payment| payment.counts(since, through))
        .map(|payment| minor(payment.amount))
        .sum()
}

/// Minor units of a stored amount; amounts read from storage always fit.
pub(super) fn minor(amount: Money) -> i128 {
    i128::from(amount.to_minor().unwrap_or(i64::MAX))
}
