//! A payment on the ledger: what each invoice owes on the payment's value date, the jurisdiction's
//! allocation of the payment onto it, and the postings that record the result.
//!
//! Every payment posts its amount on the `payment` account (negative: money in) and the same
//! amount, split, as reductions of the owed accounts it paid and as credit on `unapplied`. So for
//! every payment `sum(payment) = sum(allocations) + sum(unapplied)`, and a reversal posts the
//! same entries negated. Nothing here is stored or dated by a clock: the caller passes the date.

use super::balance::account_total;
use super::{Account, BalanceError, CaseTerms, InvoiceKey, LedgerInvoice, Posting, balance};
use crate::allocation::{
    AllocationError, AllocationOrder, AllocationRule, Component, Designation, OpenItem,
    RuledAllocation, allocate, allocate_under,
};
use crate::money::{Money, MoneyError};
use crate::rates::RateTables;
use chrono::NaiveDate;

/// What one invoice owes when a payment arrives, by the components allocation knows and by the
/// two accounts its `costs` component covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInvoice {
    /// The item allocation works on: costs (compensation and collection costs), interest and
    /// principal, none negative.
    pub item: OpenItem<InvoiceKey>,
    /// The creditor's invoice number.
    pub number: String,
    /// The part of `item.costs` that is the fixed recovery compensation; the rest is collection
    /// costs.
    pub compensation: Money,
}

/// Why a payment cannot be put on the ledger.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PaymentError {
    /// The ledger could not be read into a balance (corrupt data).
    #[error(transparent)]
    Balance(#[from] BalanceError),
    /// Allocation refused the payment (for example, the law leaves the order open).
    #[error(transparent)]
    Allocation(#[from] AllocationError),
    /// The order the creditor gave contradicts the order the law fixes.
    #[error(
        "the allocation order given puts {later:?} before {earlier:?}, which the law pays first"
    )]
    OrderContradictsTheLaw {
        /// The component the law pays first.
        earlier: Component,
        /// The component the law pays later.
        later: Component,
    },
    /// Arithmetic.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// What each invoice owes when money arrives on `value_date`: principal, compensation and costs
/// as every posting known now leaves them (a payment entered late with an earlier value date must
/// not pay again what a later-dated payment already paid), and interest accrued through the day
/// before `value_date` less all interest already paid. The value date itself bears interest only
/// on what the payment leaves unpaid: a payment lowers the principal from the start of its value
/// date, as the interest schedule counts it. Negative remainders (interest overpaid after a back-dated payment) are
/// taken as nothing owed.
///
/// # Errors
/// [`BalanceError`] when the ledger does not add up.
pub fn open_invoices(
    terms: &CaseTerms,
    invoices: &[LedgerInvoice],
    postings: &[Posting],
    rates: &RateTables,
    value_date: NaiveDate,
) -> Result<Vec<OpenInvoice>, BalanceError> {
    let day_before = value_date.pred_opt().unwrap_or(value_date);
    let on_value_date = balance(terms, invoices, postings, rates, day_before)?;
    let mut open = Vec::with_capacity(invoices.len());
    for invoice in &on_value_date.invoices {
        let own = |account: Account| -> Result<Money, BalanceError> {
            own_total(postings, &invoice.invoice, account, terms)
        };
        let later_interest = Money::checked_sum(
            postings
                .iter()
                .filter(|posting| {
                    posting.account == Account::Interest
                        && posting.invoice.as_deref() == Some(invoice.invoice.as_str())
                        && posting.effective_date > day_before
                })
                .map(|posting| posting.amount),
            terms.currency,
        )?;
        let interest = invoice.interest.checked_add(later_interest)?;
        let compensation = floor_zero(own(Account::Compensation)?);
        let costs = floor_zero(own(Account::Costs)?);
        open.push(OpenInvoice {
            item: OpenItem {
                invoice: invoice.invoice.clone(),
                due_date: invoice.due_date,
                costs: compensation.checked_add(costs)?,
                interest: floor_zero(interest),
                principal: floor_zero(own(Account::Principal)?),
            },
            number: invoice.number.clone(),
            compensation,
        });
    }
    Ok(open)
}

/// Allocates `amount` onto `open` under the jurisdiction's `rule`. Where the law leaves the
/// order between two open components undecided and the payment must choose, the creditor's
/// `creditor_order` (if given) decides, provided it agrees with every choice the law makes.
///
/// # Errors
/// [`PaymentError::Allocation`] when allocation refuses (the order is open and no creditor order
/// was given, an unknown designated invoice); [`PaymentError::OrderContradictsTheLaw`].
pub fn allocate_payment(
    rule: &AllocationRule,
    amount: Money,
    open: &[OpenInvoice],
    designation: Option<Designation<'_, InvoiceKey>>,
    creditor_order: Option<AllocationOrder>,
) -> Result<RuledAllocation<InvoiceKey>, PaymentError> {
    let items: Vec<OpenItem<InvoiceKey>> =
        open.iter().map(|invoice| invoice.item.clone()).collect();
    let order = match (
        allocate_under(rule, amount, &items, designation),
        creditor_order,
    ) {
        (Err(AllocationError::OrderNotEstablished(..)), Some(order)) => order,
        (result, _) => return Ok(result?),
    };
    if let Some((earlier, later)) = rule.order.contradiction(&order) {
        return Err(PaymentError::OrderContradictsTheLaw { earlier, later });
    }
    let honoured = designation
        .filter(|designation| rule.debtor_designation_binds || designation.creditor_consents)
        .map(|designation| designation.invoice);
    let outcome = allocate(amount, &items, honoured, &order, rule.invoice_order)?;
    Ok(RuledAllocation {
        outcome,
        designation_honoured: honoured.is_some(),
    })
}

/// The postings of a payment of `amount` with value date `value_date` allocated as `allocation`:
/// the money in on `payment`, each allocation as a reduction of its account (a `costs`
/// allocation reduces the compensation first, then collection costs), and the unapplied rest on
/// `unapplied`.
///
/// # Errors
/// [`MoneyError`] on overflow.
pub fn payment_postings(
    amount: Money,
    value_date: NaiveDate,
    open: &[OpenInvoice],
    allocation: &RuledAllocation<InvoiceKey>,
    description: &str,
) -> Result<Vec<Posting>, MoneyError> {
    let currency = amount.currency();
    let zero = Money::zero(currency);
    let posting =
        |invoice: Option<&InvoiceKey>, account, amount: Money| -> Result<Posting, MoneyError> {
            Ok(Posting {
                invoice: invoice.cloned(),
                account,
                amount: zero.checked_sub(amount)?,
                effective_date: value_date,
                description: description.to_owned(),
            })
        };
    let mut postings = vec![posting(None, Account::Payment, amount)?];
    // Compensation still open per invoice, as costs allocations use it up.
    let mut compensation: Vec<(InvoiceKey, Money)> = open
        .iter()
        .map(|invoice| (invoice.item.invoice.clone(), invoice.compensation))
        .collect();
    for line in &allocation.outcome.allocations {
        match line.component {
            Component::Interest => {
                postings.push(posting(
                    Some(&line.invoice),
                    Account::Interest,
                    line.amount,
                )?);
            }
            Component::Principal => {
                postings.push(posting(
                    Some(&line.invoice),
                    Account::Principal,
                    line.amount,
                )?);
            }
            Component::Costs => {
                let left = compensation
                    .iter_mut()
                    .find(|(invoice, _)| *invoice == line.invoice)
                    .map(|(_, left)| left);
                let to_compensation = match left {
                    Some(left) => {
                        let taken = line.amount.min(*left)?;
                        *left = left.checked_sub(taken)?;
                        taken
                    }
                    None => zero,
                };
                let to_costs = line.amount.checked_sub(to_compensation)?;
                if to_compensation.is_positive() {
                    postings.push(posting(
                        Some(&line.invoice),
                        Account::Compensation,
                        to_compensation,
                    )?);
                }
                if to_costs.is_positive() {
                    postings.push(posting(Some(&line.invoice), Account::Costs, to_costs)?);
                }
            }
        }
    }
    if allocation.outcome.unapplied.is_positive() {
        postings.push(posting(
            None,
            Account::Unapplied,
            allocation.outcome.unapplied,
        )?);
    }
    Ok(postings)
}

/// The postings that undo `postings` (a reversal): each negated, on its own date, so the ledger
/// reads as if the payment had never been made (a bounced transfer discharges nothing).
#[must_use]
pub fn reversal_postings(postings: &[Posting], description: &str) -> Vec<Posting> {
    postings
        .iter()
        .map(|posting| Posting {
            invoice: posting.invoice.clone(),
            account: posting.account,
            amount: posting.amount.negated(),
            effective_date: posting.effective_date,
            description: description.to_owned(),
        })
        .collect()
}

fn own_total(
    postings: &[Posting],
    invoice: &str,
    account: Account,
    terms: &CaseTerms,
) -> Result<Money, BalanceError> {
    let own: Vec<&Posting> = postings
        .iter()
        .filter(|posting| posting.invoice.as_deref() == Some(invoice))
        .collect();
    account_total(&own, account, terms.currency)
}

fn floor_zero(amount: Money) -> Money {
    if amount.is_negative() {
        Money::zero(amount.currency())
    } else {
        amount
    }
}
