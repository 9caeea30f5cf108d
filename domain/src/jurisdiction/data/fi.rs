//! Finland. Described in `docs/law.md`, "FI — Finland".

use super::common::{
    Compounding, ContractualRatePolicy, DayCount, EventEffects, HALF_YEARLY_DAY_BEFORE,
    InterestRule, Jurisdiction, JurisdictionCode, RateFormula, RateRounding, RateSeries, RuleTopic,
    date, dec, eur, flat_per_payment, from_date, from_due_date, gap, halt, restart,
};

const FI_BASIS: &str =
    "Act on the limitation of debts (728/2003): interruption and a new 3-year period";

/// Finland (`FI`).
pub(in crate::jurisdiction) const FI: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("FI"),
    name: "Finland",
    languages: &["fi", "sv"],
    currency_code: "EUR",
    interest: &[InterestRule {
        rate: RateFormula::Reference {
            series: RateSeries::EcbMainRefinancing,
            margin_percent: dec(8, 0),
            fixing: HALF_YEARLY_DAY_BEFORE,
            // The statute rounds the reference rate; with a whole-point margin rounding the sum
            // gives the same figure.
            rounding: RateRounding::UpToHalfPoint,
        },
        compounding: Compounding::Simple,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::Replaces,
        applies_to: from_date(date(2013, 3, 16), "day interest starts to run"),
        legal_basis: "Korkolaki (633/1982) s.4 a(1): in commercial contracts the reference rate + 8 pp; s.12: the \
                      reference rate is the ECB's rate on its most recent main refinancing operation before the \
                      first calendar day of each half-year, rounded up to the next half point, for the following \
                      six months; s.12 a: announced by Suomen Pankki",
        note: "Suomen Pankki's announcements match: 8.5 % for 2014-H1, 10.5 % for 2023-H1 (SK 1276/2022), 12.5 % for \
               2024-H1, 10.5 % for 2026-H1. The 7 pp of s.4(1) is for other debts. Simple interest: Directive \
               2011/7/EU art. 2(6).",
    }],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Laki saatavien perinnästä (Debt Collection Act) s.10 e: EUR 40 vakiokorvaus when a business or contracting \
         authority pays a business late",
        "",
    )],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "debts in general",
        3,
        EventEffects {
            written_acknowledgement: restart(3, FI_BASIS),
            oral_acknowledgement: restart(3, FI_BASIS),
            part_payment: restart(3, FI_BASIS),
            written_demand: restart(3, FI_BASIS),
            court_filing: halt(
                "Act on the limitation of debts (728/2003): a court claim interrupts",
            ),
            judgment: crate::prescription::EventEffect::NotEstablished,
        },
        "Act on the limitation of debts (728/2003): 3 years from the due date",
        "Any reminder that identifies the debt interrupts, even a text message; after a judgment 5 years. Section \
         numbers were not verified.",
    )],
    gaps: &[
        gap(
            RuleTopic::CollectionCosts,
            "Caps on non-consumer collection costs (HE 241/2021) were proposed; their in-force date is unverified.",
        ),
        gap(RuleTopic::Allocation, "No statute found."),
    ],
};
