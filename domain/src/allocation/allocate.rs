//! Applying one payment to a case's open invoices.

use super::{AllocationOrder, Component};
use crate::money::{Money, MoneyError};
use chrono::NaiveDate;
use serde::Serialize;

/// What one invoice still owes, by component.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OpenItem<K> {
    /// The invoice's key (its id in the caller's terms).
    pub invoice: K,
    /// The invoice's due date; older invoices are paid first.
    pub due_date: NaiveDate,
    /// Open costs (fixed compensation, collection costs).
    pub costs: Money,
    /// Open interest.
    pub interest: Money,
    /// Open principal.
    pub principal: Money,
}

impl<K> OpenItem<K> {
    fn open(&self, component: Component) -> Money {
        match component {
            Component::Costs => self.costs,
            Component::Interest => self.interest,
            Component::Principal => self.principal,
        }
    }
}

/// One part of a payment applied to one component of one invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Allocation<K> {
    /// The invoice paid.
    pub invoice: K,
    /// The component paid.
    pub component: Component,
    /// The amount applied, positive.
    pub amount: Money,
}

/// Where a payment went: the allocations in the order applied, and what was left over.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AllocationOutcome<K> {
    /// The allocations, in the order they were applied.
    pub allocations: Vec<Allocation<K>>,
    /// The part of the payment that exceeded everything open (an overpayment to refund or hold).
    pub unapplied: Money,
}

/// Why a payment could not be allocated.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum AllocationError {
    /// The payment is negative.
    #[error("a payment must not be negative")]
    NegativePayment,
    /// An open amount is negative.
    #[error("open amounts must not be negative")]
    NegativeOpenAmount,
    /// The designated invoice is not among the open items.
    #[error("the designated invoice is not open on this case")]
    UnknownDesignatedInvoice,
    /// The payment cannot pay both of two open components and the jurisdiction's order does not
    /// say which goes first.
    #[error("the order between {0:?} and {1:?} is not established for this jurisdiction")]
    OrderNotEstablished(Component, Component),
    /// Amounts in different currencies, or overflow.
    #[error(transparent)]
    Money(#[from] MoneyError),
}

/// Applies `payment` to `items`: the designated invoice first (if any), then the others oldest
/// due first (ties in the given order); within an invoice, components in `order`.
///
/// What remains after every item is paid is `unapplied`. Allocated plus unapplied always equals the
/// payment exactly, and no amount is negative; no rounding happens because nothing is divided.
///
/// # Errors
/// [`AllocationError`] for negative amounts, mixed currencies, an unknown designated invoice, or
/// when the order leaves open which of two competing components to pay.
pub fn allocate<K: Clone + PartialEq>(
    payment: Money,
    items: &[OpenItem<K>],
    designated: Option<&K>,
    order: &AllocationOrder,
) -> Result<AllocationOutcome<K>, AllocationError> {
    if payment.is_negative() {
        return Err(AllocationError::NegativePayment);
    }
    for item in items {
        for component in Component::ALL {
            let open = item.open(component);
            open.checked_cmp(&payment)?;
            if open.is_negative() {
                return Err(AllocationError::NegativeOpenAmount);
            }
        }
    }
    let queue = payment_queue(items, designated)?;
    let mut remaining = payment;
    let mut allocations = Vec::new();
    for item in queue {
        if remaining.is_zero() {
            break;
        }
        for component in components_in_order(item, *order, remaining)? {
            let amount = remaining.min(item.open(component))?;
            if amount.is_zero() {
                continue;
            }
            remaining = remaining.checked_sub(amount)?;
            allocations.push(Allocation {
                invoice: item.invoice.clone(),
                component,
                amount,
            });
        }
    }
    debug_assert_eq!(
        Money::checked_sum(allocations.iter().map(|a| a.amount), payment.currency())
            .and_then(|sum| sum.checked_add(remaining))
            .ok(),
        Some(payment),
        "allocated plus unapplied must equal the payment"
    );
    Ok(AllocationOutcome {
        allocations,
        unapplied: remaining,
    })
}

/// The designated item first, then the rest by due date (a stable sort keeps the given order on
/// equal dates).
fn payment_queue<'a, K: PartialEq>(
    items: &'a [OpenItem<K>],
    designated: Option<&K>,
) -> Result<Vec<&'a OpenItem<K>>, AllocationError> {
    let mut rest: Vec<&OpenItem<K>> = items.iter().collect();
    rest.sort_by_key(|item| item.due_date);
    let Some(key) = designated else {
        return Ok(rest);
    };
    let position = rest
        .iter()
        .position(|item| item.invoice == *key)
        .ok_or(AllocationError::UnknownDesignatedInvoice)?;
    let first = rest.remove(position);
    rest.insert(0, first);
    Ok(rest)
}

/// The open components of `item` in the order to pay them.
///
/// A gap in the order only matters where the payment runs out inside it: when `remaining` pays
/// everything, or pays a whole tier of equally ranked components, their relative order is
/// irrelevant and no error is raised.
fn components_in_order<K>(
    item: &OpenItem<K>,
    order: AllocationOrder,
    remaining: Money,
) -> Result<Vec<Component>, AllocationError> {
    let open: Vec<Component> = Component::ALL
        .into_iter()
        .filter(|c| !item.open(*c).is_zero())
        .collect();
    let owed = Money::checked_sum(open.iter().map(|c| item.open(*c)), remaining.currency())?;
    if open.len() < 2 || !remaining.checked_cmp(&owed)?.is_lt() {
        return Ok(open);
    }
    if let Some(unranked) = open.iter().find(|c| order.rank(**c).is_none()) {
        let other = open
            .iter()
            .find(|c| *c != unranked)
            .copied()
            .unwrap_or(*unranked);
        return Err(AllocationError::OrderNotEstablished(*unranked, other));
    }
    let mut ranked = open;
    ranked.sort_by_key(|c| order.rank(*c));
    let mut left = remaining;
    for tier in ranked.chunk_by(|a, b| order.rank(*a) == order.rank(*b)) {
        let tier_owed =
            Money::checked_sum(tier.iter().map(|c| item.open(*c)), remaining.currency())?;
        if let [first, second, ..] = tier
            && left.checked_cmp(&tier_owed)?.is_lt()
        {
            return Err(AllocationError::OrderNotEstablished(*first, *second));
        }
        left = left.checked_sub(left.min(tier_owed)?)?;
    }
    Ok(ranked)
}
