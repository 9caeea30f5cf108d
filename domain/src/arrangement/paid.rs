//! Money received towards an arrangement, as the judgements below read it.

use chrono::NaiveDate;

use crate::money::Money;

/// One payment that counts: its value date and amount. Reversed payments are left out by the
/// caller, so a bounced transfer never keeps a promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Received {
    /// The day the money reached the account.
    pub value_date: NaiveDate,
    /// How much, in the arrangement's currency.
    pub amount: Money,
}

/// The sum, in minor units, of what was received from `from` through `through`, both included.
pub(super) fn received_between(received: &[Received], from: NaiveDate, through: NaiveDate) -> i128 {
    received
        .iter()
        .filter(|payment| payment.value_date >= from && payment.value_date <= through)
        .map(|payment| i128::from(payment.amount.to_minor().unwrap_or(i64::MAX)))
        .sum()
}
