//! The `Jurisdiction` record: every rule Solvo knows for one jurisdiction, and what it does not know.

use super::JurisdictionCode;
use super::{CollectionCostRule, RecoveryCompensation};
use crate::allocation::AllocationRule;
use crate::interest::InterestRule;
use crate::money::{Currency, MoneyError};
use crate::prescription::PrescriptionRule;
use chrono::NaiveDate;
use serde::Serialize;

/// The kinds of rule a jurisdiction record holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleTopic {
    /// Statutory late-payment interest.
    Interest,
    /// Fixed recovery-cost compensation.
    RecoveryCompensation,
    /// Further extrajudicial collection costs.
    CollectionCosts,
    /// Order of applying part payments.
    Allocation,
    /// Prescription (limitation).
    Prescription,
}

/// A rule, or part of one, that is left out because no primary source confirms it.
/// The API shows these so a user sees "not available, because …" rather than a silent gap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Gap {
    /// The topic affected.
    pub topic: RuleTopic,
    /// What is missing and why, in a sentence.
    pub reason: &'static str,
}

/// Everything Solvo knows about one jurisdiction's B2B collection law.
///
/// A rule that is absent (`None`, an empty list, or an allocation order with unranked components)
/// is unknown, never "none": look at `gaps` for why. Each present rule carries its `legal_basis`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Jurisdiction {
    /// The ISO 3166 code.
    pub code: JurisdictionCode,
    /// English name.
    pub name: &'static str,
    /// Official languages (BCP 47 primary tags), first the one most used in commerce: the
    /// languages a debtor may be written to in and statutes are published in.
    pub languages: &'static [&'static str],
    /// The ISO 4217 code of the local currency.
    pub currency_code: &'static str,
    /// Statutory interest rules, each for the claims its `applies_to` covers.
    pub interest: &'static [InterestRule],
    /// Fixed recovery-cost compensation rules, each for the due dates it covers.
    pub recovery_compensation: &'static [RecoveryCompensation],
    /// Further collection costs chargeable to a business debtor.
    pub collection_costs: Option<CollectionCostRule>,
    /// The order of applying part payments.
    pub allocation: Option<AllocationRule>,
    /// Prescription rules; the first is the general one for B2B invoices, others cover the
    /// special claims named in their `applies_to`.
    pub prescription: &'static [PrescriptionRule],
    /// What is left out and why.
    pub gaps: &'static [Gap],
}

impl Jurisdiction {
    /// The interest rule for a claim whose relevant date (see the rule's
    /// `applies_to.date_tested`) is `claim_date`, if one is known.
    #[must_use]
    pub fn interest_rule_for(&self, claim_date: NaiveDate) -> Option<&'static InterestRule> {
        self.interest
            .iter()
            .find(|rule| rule.applies_to.covers(claim_date))
    }

    /// The fixed compensation rule for a debt due on `due_date`, if one is known.
    #[must_use]
    pub fn compensation_for(&self, due_date: NaiveDate) -> Option<&'static RecoveryCompensation> {
        self.recovery_compensation
            .iter()
            .find(|rule| rule.covers(due_date))
    }

    /// The general prescription rule for B2B invoices, if one is known.
    #[must_use]
    pub fn general_prescription(&self) -> Option<&'static PrescriptionRule> {
        self.prescription.first()
    }

    /// The gaps on one topic.
    pub fn gaps_on(&self, topic: RuleTopic) -> impl Iterator<Item = &'static Gap> {
        self.gaps.iter().filter(move |gap| gap.topic == topic)
    }

    /// The local currency.
    ///
    /// # Errors
    /// Never for the data in this crate (a unit test parses every code).
    pub fn currency(&self) -> Result<Currency, MoneyError> {
        Currency::parse(self.currency_code)
    }
}
