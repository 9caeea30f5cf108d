//! Applying one payment to a case's open invoices.

use super::{AllocationOrder, AllocationRule, Component, InvoiceOrder};
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
    /// Everything the invoice still owes.
    ///
    /// # Errors
    /// [`MoneyError`] when the components are in different currencies or overflow.
    pub fn total(&self) -> Result<Money, MoneyError> {
        self.costs
            .checked_add(self.interest)?
            .checked_add(self.principal)
    }

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

/// A designation of the invoice a payment is for.
#[derive(Debug, PartialEq, Eq)]
pub struct Designation<'a, K> {
    /// The invoice designated.
    pub invoice: &'a K,
    /// Whether the creditor agreed to it, which a designation needs where the debtor's alone does
    /// not bind (AT ABGB s.1415).
    pub creditor_consents: bool,
}

// By hand: a derive would ask `K: Copy`, but only a reference to `K` is held.
impl<K> Clone for Designation<'_, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K> Copy for Designation<'_, K> {}

/// An allocation under a jurisdiction's rule, and whether the designation counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuledAllocation<K> {
    /// Where the payment went.
    pub outcome: AllocationOutcome<K>,
    /// Whether a designation was honoured: false when there was none, or when the debtor's
    /// designation does not bind and the creditor did not consent.
    pub designation_honoured: bool,
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

/// Applies `payment` to `items` under a jurisdiction's rule: the designated invoice first when
/// the designation counts (the debtor's binds where the rule says so, otherwise only with the
/// creditor's consent, AT ABGB s.1415), then the others in the rule's invoice order; within an
/// invoice, components in the rule's order.
///
/// # Errors
/// As [`allocate`].
pub fn allocate_under<K: Clone + PartialEq>(
    rule: &AllocationRule,
    payment: Money,
    items: &[OpenItem<K>],
    designation: Option<Designation<'_, K>>,
) -> Result<RuledAllocation<K>, AllocationError> {
    let honoured = designation
        .filter(|designation| rule.debtor_designation_binds || designation.creditor_consents)
        .map(|designation| designation.invoice);
    let outcome = allocate(payment, items, honoured, &rule.order, rule.invoice_order)?;
    Ok(RuledAllocation {
        outcome,
        designation_honoured: honoured.is_some(),
    })
}

/// Applies `payment` to `items`: the designated invoice first (if any), then the others in
/// `invoices` order (oldest due first, invoices due on one day sharing pro rata where the order
/// says so); within an invoice, components in `order`.
///
/// What remains after every item is paid is `unapplied`. Allocated plus unapplied always equals the
/// payment exactly, and no amount is negative. A pro rata share is computed in minor units, each
/// invoice getting its share rounded down and the cents left over going one each to the largest
/// remainders (ties to the earlier invoice in the given order), so the shares add up to the cent.
///
/// # Errors
/// [`AllocationError`] for negative amounts, mixed currencies, an unknown designated invoice, or
/// when the order leaves open which of two competing components to pay.
pub fn allocate<K: Clone + PartialEq>(
    payment: Money,
    items: &[OpenItem<K>],
    designated: Option<&K>,
    order: &AllocationOrder,
    invoices: InvoiceOrder,
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
    let mut remaining = payment;
    let mut allocations = Vec::new();
    for group in payment_groups(items, designated, invoices)? {
        if remaining.is_zero() {
            break;
        }
        let owed: Vec<Money> = group
            .iter()
            .map(|item| item.total())
            .collect::<Result<_, _>>()?;
        let group_owed = Money::checked_sum(owed.iter().copied(), payment.currency())?;
        let paid = remaining.min(group_owed)?;
        for (item, share) in group.iter().zip(pro_rata(paid, &owed)?) {
            allocations.extend(pay_item(item, *order, share)?);
        }
        remaining = remaining.checked_sub(paid)?;
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

/// `amount` applied to one invoice, component by component in `order`.
fn pay_item<K: Clone>(
    item: &OpenItem<K>,
    order: AllocationOrder,
    amount: Money,
) -> Result<Vec<Allocation<K>>, AllocationError> {
    let mut remaining = amount;
    let mut allocations = Vec::new();
    if remaining.is_zero() {
        return Ok(allocations);
    }
    for component in components_in_order(item, order, remaining)? {
        let paid = remaining.min(item.open(component))?;
        if paid.is_zero() {
            continue;
        }
        remaining = remaining.checked_sub(paid)?;
        allocations.push(Allocation {
            invoice: item.invoice.clone(),
            component,
            amount: paid,
        });
    }
    Ok(allocations)
}

/// The groups of items a payment goes through, in turn: the designated item alone first, then
/// the rest by the invoice order. Within a group the payment is shared pro rata.
fn payment_groups<'a, K: PartialEq>(
    items: &'a [OpenItem<K>],
    designated: Option<&K>,
    invoices: InvoiceOrder,
) -> Result<Vec<Vec<&'a OpenItem<K>>>, AllocationError> {
    let mut rest: Vec<&OpenItem<K>> = items.iter().collect();
    // A stable sort keeps the given order on equal dates.
    rest.sort_by_key(|item| item.due_date);
    let mut groups = Vec::new();
    if let Some(key) = designated {
        let position = rest
            .iter()
            .position(|item| item.invoice == *key)
            .ok_or(AllocationError::UnknownDesignatedInvoice)?;
        groups.push(vec![rest.remove(position)]);
    }
    match invoices {
        InvoiceOrder::OldestDueFirst => groups.extend(rest.into_iter().map(|item| vec![item])),
        InvoiceOrder::OldestDueFirstThenProRata => groups.extend(
            rest.chunk_by(|a, b| a.due_date == b.due_date)
                .map(<[&OpenItem<K>]>::to_vec),
        ),
        InvoiceOrder::ProRata => {
            if !rest.is_empty() {
                groups.push(rest);
            }
        }
    }
    Ok(groups)
}

/// `amount` shared in proportion to `weights` (which sum to at least `amount`), in minor units:
/// each share rounded down, then one minor unit each to the largest remainders, earlier first on
/// a tie. The shares sum to `amount` exactly and none exceeds its weight.
fn pro_rata(amount: Money, weights: &[Money]) -> Result<Vec<Money>, AllocationError> {
    let currency = amount.currency();
    let total = Money::checked_sum(weights.iter().copied(), currency)?;
    if let [_] = weights {
        return Ok(vec![amount]);
    }
    if !amount.checked_cmp(&total)?.is_lt() {
        return Ok(weights.to_vec());
    }
    let paid = i128::from(amount.to_minor()?);
    let total = i128::from(total.to_minor()?);
    let mut shares = Vec::with_capacity(weights.len());
    let mut remainders = Vec::with_capacity(weights.len());
    for (index, weight) in weights.iter().enumerate() {
        let product = paid * i128::from(weight.to_minor()?);
        shares.push(product / total);
        remainders.push((product % total, index));
    }
    let handed_out: i128 = shares.iter().sum();
    // Largest remainder first; on equal remainders the earlier invoice first.
    remainders.sort_by(|(a, i), (b, j)| b.cmp(a).then(i.cmp(j)));
    let left = usize::try_from(paid - handed_out).map_err(|_| MoneyError::Overflow)?;
    for (_, index) in remainders.into_iter().take(left) {
        if let Some(share) = shares.get_mut(index) {
            *share += 1;
        }
    }
    shares
        .into_iter()
        .map(|minor| {
            i64::try_from(minor)
                .map(|minor| Money::from_minor(minor, currency))
                .map_err(|_| AllocationError::Money(MoneyError::Overflow))
        })
        .collect()
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
