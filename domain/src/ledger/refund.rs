//! Refunding held credit: money the debtor paid beyond what was owed goes back to them.
//!
//! A refund releases the credit on `unapplied` and records the money leaving on `payment`, both
//! positive, so `paid` and `unapplied` fall by the same amount and nothing owed changes. Only
//! what is held can be refunded: a refund never makes the debtor owe money back.

use chrono::NaiveDate;

use super::{Account, Posting};
use crate::money::Money;

/// Why a refund cannot be made.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RefundError {
    /// Zero or negative.
    #[error("a refund must be positive")]
    NotPositive,
    /// More than the credit held.
    #[error("{asked} asked but only {held} is held for the debtor")]
    MoreThanHeld {
        /// The refund asked for.
        asked: Money,
        /// The credit held.
        held: Money,
    },
    /// Another currency than the credit's.
    #[error("the refund is in another currency than the credit held")]
    Currency,
}

/// The postings of a refund of `amount` out of `held` credit on `date`.
///
/// # Errors
/// [`RefundError`] for an amount that is not positive, exceeds what is held, or is in another
/// currency.
pub fn refund_postings(
    amount: Money,
    held: Money,
    date: NaiveDate,
    description: &str,
) -> Result<Vec<Posting>, RefundError> {
    if !amount.is_positive() {
        return Err(RefundError::NotPositive);
    }
    if amount.currency() != held.currency() {
        return Err(RefundError::Currency);
    }
    if amount
        .checked_cmp(&held)
        .map_err(|_| RefundError::Currency)?
        .is_gt()
    {
        return Err(RefundError::MoreThanHeld {
            asked: amount,
            held,
        });
    }
    let posting = |account| Posting {
        invoice: None,
        account,
        amount,
        effective_date: date,
        description: description.to_owned(),
    };
    Ok(vec![posting(Account::Unapplied), posting(Account::Payment)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Currency;

    fn eur(text: &str) -> Money {
        Money::parse(text, Currency::EUR).unwrap()
    }

    #[test]
    fn a_refund_releases_held_credit_and_records_the_money_leaving() {
        let day = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
        let postings = refund_postings(eur("127.36"), eur("127.36"), day, "Refund").unwrap();
        let accounts: Vec<(Account, String)> = postings
            .iter()
            .map(|p| (p.account, p.amount.amount_string()))
            .collect();
        assert_eq!(
            accounts,
            [
                (Account::Unapplied, "127.36".to_owned()),
                (Account::Payment, "127.36".to_owned())
            ]
        );
        assert_eq!(
            refund_postings(eur("127.37"), eur("127.36"), day, "Refund"),
            Err(RefundError::MoreThanHeld {
                asked: eur("127.37"),
                held: eur("127.36")
            })
        );
        assert_eq!(
            refund_postings(eur("0.00"), eur("127.36"), day, "Refund"),
            Err(RefundError::NotPositive)
        );
    }
}
