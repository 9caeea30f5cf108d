//! The order in which a part payment extinguishes the components of a debt, and a jurisdiction's
//! allocation rule.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

/// A part of what an invoice owes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Component {
    /// Costs: the fixed recovery compensation and collection costs charged on the invoice.
    Costs,
    /// Interest that has accrued on the invoice.
    Interest,
    /// The invoice's principal.
    Principal,
}

impl Component {
    /// All components, in declaration order.
    pub const ALL: [Component; 3] = [Component::Costs, Component::Interest, Component::Principal];

    /// The wire name: `costs`, `interest` or `principal`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Component::Costs => "costs",
            Component::Interest => "interest",
            Component::Principal => "principal",
        }
    }

    const fn index(self) -> usize {
        match self {
            Component::Costs => 0,
            Component::Interest => 1,
            Component::Principal => 2,
        }
    }
}

/// A (possibly partial) order of components: each component has a rank (lower is paid first) or
/// none. Equal ranks mean the law puts them on the same footing without saying which goes first
/// (IT c.c. 1194: "interest and costs" before capital); no rank means the law says nothing about it
/// (AT ABGB s.1416 ranks interest before capital but not costs).
///
/// Allocation refuses a payment only when the missing part of the order matters: when two open
/// components without a known order compete for a payment that cannot pay both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct AllocationOrder {
    ranks: [Option<u8>; 3],
}

impl AllocationOrder {
    /// A complete order: `first` is paid first, then `second`, then `third`.
    /// Returns `None` if a component is repeated.
    #[must_use]
    pub const fn strict(
        first: Component,
        second: Component,
        third: Component,
    ) -> Option<AllocationOrder> {
        let mut ranks = [None; 3];
        ranks[first.index()] = Some(0);
        if ranks[second.index()].is_some() {
            return None;
        }
        ranks[second.index()] = Some(1);
        if ranks[third.index()].is_some() {
            return None;
        }
        ranks[third.index()] = Some(2);
        Some(AllocationOrder { ranks })
    }

    /// An order given by ranks per component (`None` = not established by the law).
    #[must_use]
    pub const fn from_ranks(
        costs: Option<u8>,
        interest: Option<u8>,
        principal: Option<u8>,
    ) -> AllocationOrder {
        AllocationOrder {
            ranks: [costs, interest, principal],
        }
    }

    /// An order that establishes nothing; only invoices with a single open component can be paid.
    pub const NONE: AllocationOrder = AllocationOrder { ranks: [None; 3] };

    /// Costs, then interest, then principal (DE BGB s.367(1), NL BW 6:44(1), CH OR Art. 85).
    pub const COSTS_INTEREST_PRINCIPAL: AllocationOrder = AllocationOrder {
        ranks: [Some(0), Some(1), Some(2)],
    };

    /// The rank of `component`, if the order gives one.
    #[must_use]
    pub const fn rank(&self, component: Component) -> Option<u8> {
        self.ranks[component.index()]
    }

    /// True when the order tells which of `a` and `b` is paid first.
    #[must_use]
    pub fn decides(&self, a: Component, b: Component) -> bool {
        match (self.rank(a), self.rank(b)) {
            (Some(x), Some(y)) => x != y,
            _ => a == b,
        }
    }

    /// A pair of components this order ranks one way and `other` the other way, as
    /// `(paid first here, paid first there)`; `None` when `other` agrees with every choice this
    /// order makes (it may decide more).
    #[must_use]
    pub fn contradiction(&self, other: &AllocationOrder) -> Option<(Component, Component)> {
        Component::ALL.into_iter().find_map(|earlier| {
            Component::ALL.into_iter().find_map(|later| {
                let here = self.rank(earlier).zip(self.rank(later));
                let there = other.rank(earlier).zip(other.rank(later));
                match (here, there) {
                    (Some((a, b)), Some((x, y))) if a < b && x >= y => Some((earlier, later)),
                    (Some((a, b)), None) if a < b => Some((earlier, later)),
                    _ => None,
                }
            })
        })
    }

    /// The components grouped by rank, lowest first, and the unranked ones.
    #[must_use]
    pub fn tiers(&self) -> (Vec<Vec<Component>>, Vec<Component>) {
        let mut ranked: Vec<(u8, Component)> = Component::ALL
            .into_iter()
            .filter_map(|c| self.rank(c).map(|r| (r, c)))
            .collect();
        ranked.sort_unstable();
        let mut tiers: Vec<Vec<Component>> = Vec::new();
        let mut last_rank = None;
        for (rank, component) in ranked {
            match tiers.last_mut() {
                Some(tier) if last_rank == Some(rank) => tier.push(component),
                _ => tiers.push(vec![component]),
            }
            last_rank = Some(rank);
        }
        let unranked = Component::ALL
            .into_iter()
            .filter(|c| self.rank(*c).is_none())
            .collect();
        (tiers, unranked)
    }
}

/// Serialised as `{"tiers": [["costs"], ["interest"], ["principal"]], "unranked": []}`, the form
/// an API client can show without knowing about ranks.
impl Serialize for AllocationOrder {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (tiers, unranked) = self.tiers();
        let mut state = serializer.serialize_struct("AllocationOrder", 2)?;
        state.serialize_field("tiers", &tiers)?;
        state.serialize_field("unranked", &unranked)?;
        state.end()
    }
}

/// How the invoices of a case are taken when the payer designates none.
///
/// The statutes rank several debts by criteria a case does not record (security, burden on the
/// debtor, enforcement already begun); "oldest due first" is the criterion every encoded statute
/// shares after them, so it stands in for the full list, which each rule's note names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceOrder {
    /// Oldest due date first; invoices due on one day in the order given (the statute found says
    /// nothing of equal dates).
    OldestDueFirst,
    /// Oldest due date first; invoices due on one day share the payment pro rata (BGB s.366(2)
    /// "bei gleichem Alter jede Schuld verhältnismäßig", BW 6:43(2), Code civil 1342-10, Codice
    /// civile 1193, OR Art. 87(2)).
    OldestDueFirstThenProRata,
    /// Every invoice shares the payment pro rata, whatever its due date: the most onerous debt is
    /// paid first and equally onerous ones pro rata (Código civil 1174), and the invoices of a
    /// case bear the same interest on any day, so none is more onerous.
    ProRata,
}

/// A jurisdiction's rule for applying part payments.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct AllocationRule {
    /// The order of components within one invoice.
    pub order: AllocationOrder,
    /// The order of invoices without a designation.
    pub invoice_order: InvoiceOrder,
    /// Whether a debtor's designation of the invoice binds the creditor (AT ABGB s.1415: only with
    /// the creditor's consent).
    pub debtor_designation_binds: bool,
    /// Statute and article.
    pub legal_basis: &'static str,
    /// What the encoding approximates, in a sentence or two.
    pub note: &'static str,
}

impl AllocationRule {
    /// The rule for a jurisdiction without an encoded allocation rule: no order of components is
    /// established (so a payment that must choose needs the creditor's order), invoices oldest due
    /// first, and the debtor's designation honoured, as every encoded system but one does.
    pub const UNKNOWN: AllocationRule = AllocationRule {
        order: AllocationOrder::NONE,
        invoice_order: InvoiceOrder::OldestDueFirst,
        debtor_designation_binds: true,
        legal_basis: "no allocation rule of this jurisdiction is encoded",
        note: "A payment that must choose between components needs the creditor's order.",
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_strict_order_refuses_a_repeated_component() {
        assert_eq!(
            AllocationOrder::strict(Component::Costs, Component::Costs, Component::Principal),
            None
        );
        assert_eq!(
            AllocationOrder::strict(Component::Costs, Component::Interest, Component::Principal),
            Some(AllocationOrder::COSTS_INTEREST_PRINCIPAL)
        );
    }

    #[test]
    fn equal_ranks_and_missing_ranks_decide_nothing() {
        let italian = AllocationOrder::from_ranks(Some(0), Some(0), Some(1));

        assert!(!italian.decides(Component::Costs, Component::Interest));
        assert!(italian.decides(Component::Interest, Component::Principal));
        assert!(!AllocationOrder::NONE.decides(Component::Interest, Component::Principal));
    }

    #[test]
    fn a_creditors_order_may_decide_what_the_law_leaves_open_but_not_contradict_it() {
        let spanish = AllocationOrder::from_ranks(None, Some(0), Some(1));
        let costs_last =
            AllocationOrder::strict(Component::Interest, Component::Principal, Component::Costs);
        let principal_first =
            AllocationOrder::strict(Component::Principal, Component::Interest, Component::Costs);

        assert_eq!(costs_last.and_then(|o| spanish.contradiction(&o)), None);
        assert_eq!(
            principal_first.and_then(|o| spanish.contradiction(&o)),
            Some((Component::Interest, Component::Principal))
        );
    }

    #[test]
    fn an_order_serialises_as_tiers() {
        let italian = AllocationOrder::from_ranks(Some(0), Some(0), Some(1));

        let json = serde_json::to_string(&italian).ok();

        assert_eq!(
            json.as_deref(),
            Some(r#"{"tiers":[["costs","interest"],["principal"]],"unranked":[]}"#)
        );
    }
}
