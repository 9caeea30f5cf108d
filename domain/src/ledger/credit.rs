//! A credit note: the creditor concedes part of its claim (a dispute upheld in part), so the
//! principal it claims is reduced by the amount credited. A credit note is booked on the
//! `principal` account as a negative posting (the account's sign convention already counts a
//! credit note as a reduction), so every balance, interest schedule and allocation reads it
//! without knowing about credit notes: interest runs on the reduced principal from the day the
//! credit takes effect, and nothing before that day changes.

use super::{Account, InvoiceBalance, Posting};
use crate::money::{Money, MoneyError};
use chrono::NaiveDate;

/// Why a credit cannot be booked.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreditError {
    /// The credit is zero or negative.
    #[error("a credit note must be positive")]
    NotPositive,
    /// The credit is more than the principal still owed on the invoices it may reduce.
    #[error("the credit of {credit} is more than the {owed} of principal still owed")]
    ExceedsPrincipal {
        /// The credit asked for.
        credit: Money,
        /// The principal still owed on the invoices concerned.
        owed: Money,
    },
    /// Arithmetic (another currency, overflow).
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// The postings of a credit note of `credit` on the `invoices` it concerns, effective
/// `effective_date`: a negative `principal` posting per invoice, the invoices taken oldest due
/// first (by due date, then in the order given), each reduced by at most the principal it still
/// owes.
///
/// # Errors
/// [`CreditError::NotPositive`]; [`CreditError::ExceedsPrincipal`] when the invoices do not owe
/// that much principal; [`CreditError::Money`] for a credit in another currency.
pub fn credit_note_postings(
    credit: Money,
    invoices: &[&InvoiceBalance],
    effective_date: NaiveDate,
    description: &str,
) -> Result<Vec<Posting>, CreditError> {
    if !credit.is_positive() {
        return Err(CreditError::NotPositive);
    }
    let currency = credit.currency();
    let owed = Money::checked_sum(
        invoices
            .iter()
            .map(|invoice| invoice.principal)
            .filter(Money::is_positive),
        currency,
    )?;
    if credit.checked_cmp(&owed)? == std::cmp::Ordering::Greater {
        return Err(CreditError::ExceedsPrincipal { credit, owed });
    }
    let mut ordered: Vec<&InvoiceBalance> = invoices.to_vec();
    ordered.sort_by_key(|invoice| invoice.due_date);
    let mut left = credit;
    let mut postings = Vec::new();
    for invoice in ordered {
        if !left.is_positive() {
            break;
        }
        if !invoice.principal.is_positive() {
            continue;
        }
        let taken = left.min(invoice.principal)?;
        left = left.checked_sub(taken)?;
        postings.push(Posting {
            invoice: Some(invoice.invoice.clone()),
            account: Account::Principal,
            amount: taken.negated(),
            effective_date,
            description: description.to_owned(),
        });
    }
    Ok(postings)
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{day, eur};
    use super::*;

    fn open(n: u32, due: NaiveDate, principal: &str) -> InvoiceBalance {
        InvoiceBalance {
            invoice: format!("inv-{n}"),
            number: format!("INV-{n}"),
            due_date: due,
            principal: eur(principal),
            interest: eur("0.00"),
            compensation: eur("0.00"),
            costs: eur("0.00"),
        }
    }

    fn amounts(postings: &[Posting]) -> Vec<(String, String)> {
        postings
            .iter()
            .map(|p| (p.invoice.clone().unwrap(), p.amount.amount_string()))
            .collect()
    }

    #[test]
    fn a_credit_reduces_the_oldest_invoice_first_then_the_next() {
        let newer = open(2, day(2029, 12, 1), "300.00");
        let older = open(1, day(2029, 11, 1), "200.00");
        // 250.00: all 200.00 of the older invoice, then 50.00 of the newer one.
        let postings = credit_note_postings(
            eur("250.00"),
            &[&newer, &older],
            day(2030, 1, 7),
            "Credit note",
        )
        .unwrap();
        assert_eq!(
            amounts(&postings),
            [
                ("inv-1".to_owned(), "-200.00".to_owned()),
                ("inv-2".to_owned(), "-50.00".to_owned())
            ]
        );
        assert!(postings.iter().all(|p| p.account == Account::Principal
            && p.effective_date == day(2030, 1, 7)
            && p.description == "Credit note"));
    }

    #[test]
    fn a_credit_skips_invoices_already_paid_off() {
        let paid = open(1, day(2029, 11, 1), "0.00");
        let owing = open(2, day(2029, 12, 1), "300.00");
        let postings =
            credit_note_postings(eur("100.00"), &[&paid, &owing], day(2030, 1, 7), "x").unwrap();
        assert_eq!(
            amounts(&postings),
            [("inv-2".to_owned(), "-100.00".to_owned())]
        );
    }

    #[test]
    fn a_credit_above_the_principal_owed_or_not_positive_is_refused() {
        let one = open(1, day(2029, 11, 1), "200.00");
        assert_eq!(
            credit_note_postings(eur("200.01"), &[&one], day(2030, 1, 7), "x"),
            Err(CreditError::ExceedsPrincipal {
                credit: eur("200.01"),
                owed: eur("200.00")
            })
        );
        assert_eq!(
            credit_note_postings(eur("0.00"), &[&one], day(2030, 1, 7), "x"),
            Err(CreditError::NotPositive)
        );
        let all = credit_note_postings(eur("200.00"), &[&one], day(2030, 1, 7), "x").unwrap();
        assert_eq!(amounts(&all), [("inv-1".to_owned(), "-200.00".to_owned())]);
    }
}
