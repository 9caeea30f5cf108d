//! Keeps the `## Jurisdictions` table of `domain/README.md` in step with the data: the table is
//! generated from the records, and a test fails when the README differs.
//!
//! To refresh the README after changing data, run
//! `SOLVO_UPDATE_README=1 cargo test -p solvo-domain the_readme_table_matches_the_data`, which
//! rewrites the table between the markers.

use super::*;
use crate::allocation::{AllocationRule, Component, InvoiceOrder};
use crate::interest::{
    Compounding, InterestRule, RateFixing, RateFormula, RateRounding, ReferenceDay,
};
use crate::prescription::{EventEffect, PrescriptionRule, PrescriptionStart};
use crate::rates::{RateSeries, RateTables};
use std::fmt::Write;

const BEGIN: &str = "<!-- jurisdiction-table:begin -->";
const END: &str = "<!-- jurisdiction-table:end -->";

fn series_label(series: RateSeries, embedded: &RateTables) -> String {
    let name = match series {
        RateSeries::EcbMainRefinancing => "ECB MRO",
        RateSeries::DeBasiszinssatz => "Basiszinssatz",
        RateSeries::BoeBankRate => "BoE Bank Rate",
        RateSeries::NlWettelijkeHandelsrente => "handelsrente (incl. 8 pp)",
        RateSeries::AtBasiszinssatz => "OeNB Basiszinssatz",
        RateSeries::DkNationalbankLendingRate => "Nationalbank lending rate",
        RateSeries::SeRiksbankReferenceRate => "Riksbank reference rate",
        RateSeries::NoForsinkelsesrente => "forsinkelsesrente (incl. 8 pp)",
        RateSeries::FiReferenceRate => "Suomen Pankki reference rate",
        RateSeries::PlNbpReferenceRate => "NBP reference rate",
        RateSeries::CzCnbRepoRate => "ČNB repo rate",
        RateSeries::HuMnbBaseRate => "MNB base rate",
        RateSeries::ZaPrescribedRate => "prescribed rate",
    };
    if embedded.get(series).is_some() {
        name.to_owned()
    } else {
        format!("{name} (no data)")
    }
}

fn reference_day(day: ReferenceDay) -> &'static str {
    match day {
        ReferenceDay::FirstDayOfHalfYear => "1 Jan/1 Jul",
        ReferenceDay::LastDayBeforeHalfYear => "31 Dec/30 Jun",
        ReferenceDay::DayInterestStarts => "first day of default",
    }
}

fn interest(rule: &InterestRule, embedded: &RateTables) -> String {
    let rate = match rule.rate {
        RateFormula::Fixed { rate_percent, .. } => format!("{rate_percent} % fixed"),
        RateFormula::Reference {
            series,
            margin_percent,
            fixing,
            rounding,
        } => {
            let mut text = series_label(series, embedded);
            if !margin_percent.is_zero() {
                let _ = write!(text, " + {margin_percent} pp");
            }
            if rounding == RateRounding::UpToHalfPoint {
                text.push_str(", rounded up to ½ pt");
            }
            match fixing {
                RateFixing::HalfYearly { reference_day: day } => {
                    let _ = write!(text, ", per half-year ({})", reference_day(day));
                }
                RateFixing::FixedAtStart { reference_day: day } => {
                    let _ = write!(text, ", fixed for the debt ({})", reference_day(day));
                }
                RateFixing::DueHalfYearOnly { reference_day: day } => {
                    let _ = write!(
                        text,
                        ", the due date's half-year ({}) only, later days a gap",
                        reference_day(day)
                    );
                }
            }
            text
        }
    };
    let compounding = match rule.compounding {
        Compounding::Simple => "simple",
        Compounding::Yearly => "compounded yearly",
    };
    format!("{rate}, {compounding}")
}

fn compensation(rule: &RecoveryCompensation) -> String {
    match rule.schedule {
        CompensationSchedule::Flat { amount } => format!("{} {}", amount.currency, amount.amount),
        CompensationSchedule::Banded { bands, .. } => {
            let amounts: Vec<String> = bands.iter().map(|b| b.amount.amount.to_string()).collect();
            let currency = bands
                .first()
                .map(|b| b.amount.currency.code())
                .unwrap_or_default();
            format!("{currency} {} by debt size", amounts.join("/"))
        }
    }
}

fn collection_costs(rule: &CollectionCostRule) -> String {
    match rule.basis {
        CollectionCostBasis::Scale {
            scale,
            fixed_compensation_credited,
        } => {
            let fixed = if fixed_compensation_credited {
                ", fixed sum included"
            } else {
                ", on top of the fixed sum"
            };
            format!(
                "scale, {} {}–{}{fixed}",
                scale.currency, scale.minimum, scale.maximum
            )
        }
        CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        } => "reasonable costs above the fixed sum".to_owned(),
        CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: false,
        } => "reasonable costs on top".to_owned(),
    }
}

fn allocation(rule: &AllocationRule) -> String {
    let order = rule.order;
    let invoices = match rule.invoice_order {
        InvoiceOrder::OldestDueFirst => "oldest invoice first",
        InvoiceOrder::OldestDueFirstThenProRata => "oldest invoice first, same day pro rata",
        InvoiceOrder::ProRata => "invoices pro rata",
    };
    let name = |c: &Component| match c {
        Component::Costs => "costs",
        Component::Interest => "interest",
        Component::Principal => "principal",
    };
    let (tiers, unranked) = order.tiers();
    if tiers.is_empty() {
        return format!("order not established; {invoices}");
    }
    let mut text = tiers
        .iter()
        .map(|tier| tier.iter().map(name).collect::<Vec<_>>().join(" & "))
        .collect::<Vec<_>>()
        .join(" → ");
    if !unranked.is_empty() {
        let _ = write!(
            text,
            " ({} unranked)",
            unranked.iter().map(name).collect::<Vec<_>>().join(", ")
        );
    }
    let _ = write!(text, "; {invoices}");
    text
}

fn prescription(rule: &PrescriptionRule) -> String {
    let start = match rule.start {
        PrescriptionStart::DueDate => "from due date",
        PrescriptionStart::EndOfYearOfDueDate => "from end of year",
        PrescriptionStart::DayAfterDueDate => "from day after due date",
        PrescriptionStart::ClaimArose => "from creation",
    };
    let effects = &rule.effects;
    let restarts: Vec<&str> = [
        ("written ack", effects.written_acknowledgement),
        ("oral ack", effects.oral_acknowledgement),
        ("part payment", effects.part_payment),
        ("demand", effects.written_demand),
    ]
    .into_iter()
    .filter(|(_, effect)| matches!(effect, EventEffect::Restart { .. }))
    .map(|(name, _)| name)
    .collect();
    let mut text = format!("{} y {start}", rule.period_years);
    if rule.ends_at_year_end {
        text.push_str(", ends 31 Dec");
    }
    if !restarts.is_empty() {
        let _ = write!(text, "; restart: {}", restarts.join(", "));
    }
    if let Some(years) = rule.long_stop_years {
        let _ = write!(text, "; long stop {years} y");
    }
    text
}

fn topic_label(topic: RuleTopic) -> &'static str {
    match topic {
        RuleTopic::Interest => "interest",
        RuleTopic::RecoveryCompensation => "fixed compensation",
        RuleTopic::CollectionCosts => "collection costs",
        RuleTopic::Allocation => "allocation",
        RuleTopic::Prescription => "prescription",
    }
}

fn or_dash(text: Option<String>) -> String {
    text.unwrap_or_else(|| "—".to_owned())
}

/// The table and the per-jurisdiction sources, as they appear in the README.
fn table() -> String {
    let embedded = RateTables::embedded().unwrap();
    let mut out = String::new();
    out.push_str(
        "| Code | Jurisdiction | Languages | Statutory interest | Fixed compensation | Collection costs | Allocation | Prescription |\n",
    );
    out.push_str("|---|---|---|---|---|---|---|---|\n");
    for j in all() {
        let interest = j.interest.first().map(|r| interest(r, &embedded));
        // The rule for the latest due dates: the current one.
        let compensation = j
            .recovery_compensation
            .iter()
            .max_by_key(|r| r.valid_from)
            .map(compensation);
        let costs = j.collection_costs.as_ref().map(collection_costs);
        let allocation = j.allocation.as_ref().map(allocation);
        let prescription = j.general_prescription().map(prescription);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            j.code,
            j.name,
            j.languages.join(", "),
            or_dash(interest),
            or_dash(compensation),
            or_dash(costs),
            or_dash(allocation),
            or_dash(prescription),
        );
    }
    out.push_str("\n### Legal basis and gaps per jurisdiction\n\n");
    for j in all() {
        let file = j.code.as_str().to_lowercase().replace('-', "_");
        let _ = writeln!(
            out,
            "- **{}** {} (`src/jurisdiction/data/{file}.rs`)",
            j.code, j.name
        );
        let mut bases: Vec<&str> = Vec::new();
        bases.extend(j.interest.iter().map(|r| r.legal_basis));
        bases.extend(j.recovery_compensation.iter().map(|r| r.legal_basis));
        bases.extend(j.collection_costs.iter().map(|r| r.legal_basis));
        bases.extend(j.allocation.iter().map(|r| r.legal_basis));
        bases.extend(j.prescription.iter().map(|r| r.legal_basis));
        bases.dedup();
        for basis in bases {
            let _ = writeln!(out, "  - {basis}");
        }
        for gap in j.gaps {
            let _ = writeln!(
                out,
                "  - *Not available ({}):* {}",
                topic_label(gap.topic),
                gap.reason
            );
        }
    }
    out
}

#[test]
fn the_readme_table_matches_the_data() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    if std::env::var_os("SOLVO_UPDATE_README").is_some() {
        let current = std::fs::read_to_string(path).unwrap();
        let (head, rest) = current.split_once(BEGIN).unwrap();
        let (_, tail) = rest.split_once(END).unwrap();
        std::fs::write(path, format!("{head}{BEGIN}\n{}{END}{tail}", table())).unwrap();
    }
    let readme = std::fs::read_to_string(path).unwrap();
    let section = readme
        .split_once(BEGIN)
        .and_then(|(_, rest)| rest.split_once(END))
        .map(|(inside, _)| inside.trim_start_matches('\n'));

    assert_eq!(
        section,
        Some(table().as_str()),
        "domain/README.md is out of date: run \
         `SOLVO_UPDATE_README=1 cargo test -p solvo-domain the_readme_table_matches_the_data`"
    );
}
