//! One-sentence summaries of a jurisdiction's rules, written from the domain records so the words
//! can never disagree with the figures the computations use.
//!
//! Each topic says whether Solvo knows the rule ([`RuleAvailability`]); an absent rule is
//! `not_available` with the reason from the record's gaps, never "none".

use rust_decimal::Decimal;
use serde::Serialize;
use solvo_domain::allocation::{AllocationRule, Component, InvoiceOrder};
use solvo_domain::interest::{
    Compounding, DayCount, InterestRule, RateFixing, RateFormula, RateRounding, ReferenceDay,
};
use solvo_domain::jurisdiction::{
    CollectionCostBasis, CollectionCostRule, CompensationSchedule, CompensationUnit, Jurisdiction,
    RecoveryCompensation, RuleTopic, StatutoryAmount,
};
use solvo_domain::prescription::{PrescriptionRule, PrescriptionStart};
use utoipa::ToSchema;

/// Whether Solvo knows a jurisdiction's rule on a topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleAvailability {
    /// The rule is known in full.
    Available,
    /// The rule is known, but parts of it are not; `gaps` says which.
    Partial,
    /// No primary source confirms the rule; `gaps` says why. Not the same as "none".
    NotAvailable,
}

/// A topic of a jurisdiction's collection law, as named on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum RuleTopicName {
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

impl From<RuleTopic> for RuleTopicName {
    fn from(topic: RuleTopic) -> Self {
        match topic {
            RuleTopic::Interest => Self::Interest,
            RuleTopic::RecoveryCompensation => Self::RecoveryCompensation,
            RuleTopic::CollectionCosts => Self::CollectionCosts,
            RuleTopic::Allocation => Self::Allocation,
            RuleTopic::Prescription => Self::Prescription,
        }
    }
}

/// One rule in a sentence, with its legal basis.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleLine {
    /// What the rule says, e.g. "Basiszinssatz (BGB s.247), Deutsche Bundesbank + 9 percentage
    /// points, re-fixed each half-year …".
    pub summary: String,
    /// Statute and article.
    pub legal_basis: String,
}

/// What Solvo knows on one topic of a jurisdiction.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct TopicSummary {
    /// Known, partly known, or not available.
    pub availability: RuleAvailability,
    /// The rules, in the order the record holds them (the first is the general one).
    pub rules: Vec<RuleLine>,
    /// What is not known on this topic and why.
    pub gaps: Vec<String>,
}

/// A summary of every topic of a jurisdiction.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct RuleSummaries {
    /// Statutory late-payment interest.
    pub interest: TopicSummary,
    /// Fixed recovery-cost compensation.
    pub recovery_compensation: TopicSummary,
    /// Further collection costs chargeable to a business debtor.
    pub collection_costs: TopicSummary,
    /// Order of applying part payments.
    pub allocation: TopicSummary,
    /// Prescription (limitation) of invoice claims.
    pub prescription: TopicSummary,
}

/// Summarises every topic of `jurisdiction`.
#[must_use]
pub fn summaries(jurisdiction: &Jurisdiction) -> RuleSummaries {
    let topic = |topic: RuleTopic, rules: Vec<RuleLine>| {
        let gaps: Vec<String> = jurisdiction
            .gaps_on(topic)
            .map(|gap| gap.reason.to_owned())
            .collect();
        let availability = match (rules.is_empty(), gaps.is_empty()) {
            (true, _) => RuleAvailability::NotAvailable,
            (false, false) => RuleAvailability::Partial,
            (false, true) => RuleAvailability::Available,
        };
        TopicSummary {
            availability,
            rules,
            gaps,
        }
    };
    RuleSummaries {
        interest: topic(
            RuleTopic::Interest,
            jurisdiction.interest.iter().map(interest_line).collect(),
        ),
        recovery_compensation: topic(
            RuleTopic::RecoveryCompensation,
            jurisdiction
                .recovery_compensation
                .iter()
                .map(compensation_line)
                .collect(),
        ),
        collection_costs: topic(
            RuleTopic::CollectionCosts,
            jurisdiction
                .collection_costs
                .iter()
                .map(collection_costs_line)
                .collect(),
        ),
        allocation: topic(
            RuleTopic::Allocation,
            jurisdiction
                .allocation
                .iter()
                .map(allocation_line)
                .collect(),
        ),
        prescription: topic(
            RuleTopic::Prescription,
            jurisdiction
                .prescription
                .iter()
                .map(prescription_line)
                .collect(),
        ),
    }
}

/// A decimal as people write it: `9`, not `9.00`.
fn plain(value: Decimal) -> String {
    value.normalize().to_string()
}

fn statutory(amount: StatutoryAmount) -> String {
    format!("{} {}", amount.currency, plain(amount.amount))
}

fn interest_line(rule: &InterestRule) -> RuleLine {
    let rate = match rule.rate {
        RateFormula::Reference {
            series,
            margin_percent,
            fixing,
            rounding,
        } => {
            let rounding = match rounding {
                RateRounding::None => "",
                RateRounding::UpToHalfPoint => ", rounded up to the next half point",
            };
            // Some series already include the statutory margin (NL handelsrente, ZA prescribed
            // rate); "+ 0 points" would only puzzle a reader.
            let margin = if margin_percent.is_zero() {
                String::new()
            } else {
                format!(" + {} percentage points", plain(margin_percent))
            };
            format!(
                "{}{margin}{rounding}, {}",
                series.name(),
                fixing_text(fixing)
            )
        }
        RateFormula::Fixed {
            rate_percent,
            known_from,
            known_until,
        } => {
            // The span says when a default may begin to bear the rate; it then keeps it to the end.
            let span = match (known_from, known_until) {
                (None, None) => String::new(),
                (Some(from), None) => format!(" for defaults beginning from {from}"),
                (None, Some(until)) => format!(" for defaults beginning until {until}"),
                (Some(from), Some(until)) => {
                    format!(" for defaults beginning from {from} to {until}")
                }
            };
            let whole = if span.is_empty() {
                ""
            } else {
                ", kept for the whole default"
            };
            format!(
                "{} % a year, fixed by statute{span}{whole}",
                plain(rate_percent)
            )
        }
    };
    let compounding = match rule.compounding {
        Compounding::Simple => "simple interest",
        Compounding::Yearly => "each full year's interest still owed is added to the base",
    };
    let day_count = match rule.day_count {
        DayCount::Actual365Fixed => "actual/365",
    };
    let scope = &rule.applies_to;
    let applies = match (scope.from, scope.until) {
        (None, None) => String::new(),
        (Some(from), None) => format!(
            " (claims whose {} is on or after {from})",
            scope.date_tested
        ),
        (None, Some(until)) => format!(
            " (claims whose {} is on or before {until})",
            scope.date_tested
        ),
        (Some(from), Some(until)) => format!(
            " (claims whose {} is from {from} to {until})",
            scope.date_tested
        ),
    };
    RuleLine {
        summary: format!("{rate}; {compounding}, {day_count}{applies}"),
        legal_basis: rule.legal_basis.to_owned(),
    }
}

fn fixing_text(fixing: RateFixing) -> &'static str {
    match fixing {
        RateFixing::HalfYearly {
            reference_day: ReferenceDay::FirstDayOfHalfYear,
        } => "re-fixed each half-year at the rate in force on 1 January or 1 July",
        RateFixing::HalfYearly {
            reference_day: ReferenceDay::LastDayBeforeHalfYear,
        } => "re-fixed each half-year at the rate in force on the 31 December or 30 June before it",
        // The domain refuses this combination when computing; say what the record says anyway.
        RateFixing::HalfYearly {
            reference_day: ReferenceDay::DayInterestStarts,
        } => "re-fixed each half-year at the rate in force on the day interest starts",
        RateFixing::FixedAtStart {
            reference_day: ReferenceDay::FirstDayOfHalfYear,
        } => {
            "fixed for the whole debt at the rate in force on the first day (1 January or 1 July) \
             of the half-year in which interest starts"
        }
        RateFixing::FixedAtStart {
            reference_day: ReferenceDay::LastDayBeforeHalfYear,
        } => {
            "fixed for the whole debt at the rate in force on the 31 December or 30 June \
             immediately before the half-year in which interest starts"
        }
        RateFixing::FixedAtStart {
            reference_day: ReferenceDay::DayInterestStarts,
        } => "fixed for the whole debt at the rate in force on the day interest starts",
        RateFixing::DueHalfYearOnly {
            reference_day: ReferenceDay::FirstDayOfHalfYear,
        } => {
            "at the rate in force on the first day (1 January or 1 July) of the half-year of the \
             due date, for the days of that half-year only; later days, and debts due on 30 June \
             or 31 December, are not available (see gaps)"
        }
        RateFixing::DueHalfYearOnly {
            reference_day: ReferenceDay::LastDayBeforeHalfYear,
        } => {
            "at the rate in force on the 31 December or 30 June before the half-year of the due \
             date, for the days of that half-year only; later days are not available (see gaps)"
        }
        RateFixing::DueHalfYearOnly {
            reference_day: ReferenceDay::DayInterestStarts,
        } => {
            "at the rate in force on the day interest starts, for the days of the due date's \
             half-year only; later days are not available (see gaps)"
        }
    }
}

fn compensation_line(rule: &RecoveryCompensation) -> RuleLine {
    let unit = match rule.unit {
        CompensationUnit::PerLatePayment => "per late payment (each invoice)",
        CompensationUnit::PerClaim => "per claim",
        CompensationUnit::OncePerDefault => "once per default, whatever its length",
    };
    let amount = match rule.schedule {
        CompensationSchedule::Flat { amount } => format!("{} {unit}", statutory(amount)),
        CompensationSchedule::Banded {
            debt_currency,
            bands,
        } => {
            let bands: Vec<String> = bands
                .iter()
                .map(|band| match band.up_to {
                    Some(limit) if limit.inclusive => format!(
                        "{} for debts up to {debt_currency} {}",
                        statutory(band.amount),
                        plain(limit.amount)
                    ),
                    Some(limit) => format!(
                        "{} for debts below {debt_currency} {}",
                        statutory(band.amount),
                        plain(limit.amount)
                    ),
                    None => format!("{} above", statutory(band.amount)),
                })
                .collect();
            format!("{unit}: {}", bands.join(", "))
        }
    };
    let validity = match (rule.valid_from, rule.valid_until) {
        (None, None) => String::new(),
        (Some(from), None) => format!(", for debts due on or after {from}"),
        (None, Some(until)) => format!(", for debts due on or before {until}"),
        (Some(from), Some(until)) => format!(", for debts due from {from} to {until}"),
    };
    RuleLine {
        summary: format!("{amount}{validity}"),
        legal_basis: rule.legal_basis.to_owned(),
    }
}

/// The collection-cost rule in a sentence (also used by quotes).
pub(crate) fn collection_costs_line(rule: &CollectionCostRule) -> RuleLine {
    let summary = match rule.basis {
        CollectionCostBasis::Scale {
            scale,
            fixed_compensation_credited,
        } => {
            let tiers: Vec<String> = scale
                .tiers
                .iter()
                .map(|tier| match tier.up_to {
                    Some(bound) => format!("{} % up to {}", plain(tier.percent), plain(bound)),
                    None => format!("{} % above", plain(tier.percent)),
                })
                .collect();
            let fixed = if fixed_compensation_credited {
                "; the fixed compensation is part of this amount, not added to it, so only the \
                 scale amount above it is charged on top"
            } else {
                "; on top of the fixed compensation"
            };
            format!(
                "recoverable by a statutory scale in {}: {}; at least {}, at most {}{fixed}",
                scale.currency,
                tiers.join(", "),
                plain(scale.minimum),
                plain(scale.maximum)
            )
        }
        CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        } => "reasonable, proven collection costs are recoverable; the fixed compensation counts \
              towards them"
            .to_owned(),
        CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: false,
        } => "reasonable, proven collection costs are recoverable on top of the fixed compensation"
            .to_owned(),
    };
    RuleLine {
        summary,
        legal_basis: rule.legal_basis.to_owned(),
    }
}

fn component_name(component: Component) -> &'static str {
    match component {
        Component::Costs => "costs",
        Component::Interest => "interest",
        Component::Principal => "principal",
    }
}

fn allocation_line(rule: &AllocationRule) -> RuleLine {
    let (tiers, unranked) = rule.order.tiers();
    let order: Vec<String> = tiers
        .iter()
        .map(|tier| {
            let names: Vec<&str> = tier.iter().copied().map(component_name).collect();
            names.join(" and ")
        })
        .collect();
    let order_text = if order.is_empty() {
        "no statutory order of costs, interest and principal is known".to_owned()
    } else {
        order.join(", then ")
    };
    let unknown = if unranked.is_empty() || order.is_empty() {
        String::new()
    } else {
        let names: Vec<&str> = unranked.into_iter().map(component_name).collect();
        format!("; the place of {} is not known", names.join(" and "))
    };
    let invoices = match rule.invoice_order {
        InvoiceOrder::OldestDueFirst => "oldest due invoice first",
        InvoiceOrder::OldestDueFirstThenProRata => {
            "oldest due invoice first, invoices due on the same day pro rata"
        }
        InvoiceOrder::ProRata => "every invoice pro rata",
    };
    let designation = if rule.debtor_designation_binds {
        "the debtor may designate the debt paid"
    } else {
        "the debtor's designation does not bind"
    };
    RuleLine {
        summary: format!("{order_text}{unknown}; {invoices}; {designation}"),
        legal_basis: rule.legal_basis.to_owned(),
    }
}

fn prescription_line(rule: &PrescriptionRule) -> RuleLine {
    let start = match rule.start {
        PrescriptionStart::DueDate => "the due date",
        PrescriptionStart::EndOfYearOfDueDate => "the end of the year in which the claim fell due",
        PrescriptionStart::DayAfterDueDate => {
            "the day after the due date, when the claim became enforceable"
        }
        PrescriptionStart::ClaimArose => "the day the claim arose",
    };
    let year_end = if rule.ends_at_year_end {
        "; every period ends on 31 December"
    } else {
        ""
    };
    let long_stop = rule
        .long_stop_years
        .map(|years| {
            if rule.long_stop_moves_with_restart {
                format!("; at most {years} years, counted anew from each restart")
            } else {
                format!("; at most {years} years whatever restarts it")
            }
        })
        .unwrap_or_default();
    let summary = format!(
        "{} years from {start} ({}){year_end}{long_stop}",
        rule.period_years, rule.applies_to
    );
    RuleLine {
        summary,
        legal_basis: rule.legal_basis.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use solvo_domain::jurisdiction::{self, JurisdictionCode};

    use super::*;

    #[test]
    fn every_present_rule_gets_a_line_and_an_absent_one_is_not_available() {
        for record in jurisdiction::all() {
            let summary = summaries(record);
            assert_eq!(summary.interest.rules.len(), record.interest.len());
            assert_eq!(summary.prescription.rules.len(), record.prescription.len());
            let absent = record.interest.is_empty();
            assert_eq!(
                summary.interest.availability == RuleAvailability::NotAvailable,
                absent,
                "{}",
                record.code
            );
            assert!(
                summary
                    .interest
                    .rules
                    .iter()
                    .all(|line| !line.summary.is_empty() && !line.legal_basis.is_empty())
            );
        }
    }

    #[test]
    fn a_series_that_includes_its_margin_is_not_shown_with_plus_zero() {
        let netherlands = jurisdiction::find(JurisdictionCode::from_static("NL"));
        let line = netherlands.map(|record| summaries(record).interest.rules[0].summary.clone());

        assert!(line.is_some_and(|line| !line.contains("+ 0")));
    }
}
