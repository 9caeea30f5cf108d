//! South Africa. Described in `docs/law.md`, "ZA — South Africa".

use super::common::{
    Applicability, Compounding, ContractualRatePolicy, DayCount, Decimal, EventEffects,
    InterestRule, Jurisdiction, JurisdictionCode, RateFixing, RateFormula, RateRounding,
    RateSeries, ReferenceDay, RuleTopic, UNKNOWN, from_due_date, gap, halt, restart,
};

/// South Africa (`ZA`).
pub(in crate::jurisdiction) const ZA: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("ZA"),
    name: "South Africa",
    languages: &[
        "en", "af", "zu", "xh", "nso", "tn", "st", "ts", "ss", "ve", "nr",
    ],
    currency_code: "ZAR",
    interest: &[InterestRule {
        rate: RateFormula::Reference {
            series: RateSeries::ZaPrescribedRate,
            margin_percent: Decimal::ZERO,
            fixing: RateFixing::FixedAtStart {
                reference_day: ReferenceDay::DayInterestStarts,
            },
            rounding: RateRounding::None,
        },
        compounding: Compounding::Simple,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::Replaces,
        applies_to: Applicability::ALWAYS,
        legal_basis: "Prescribed Rate of Interest Act 55 of 1975 s.1 (as amended 2016): repo rate + 3.5 % a year \
                      where no rate is agreed, as at the time interest begins to run",
        note: "The embedded prescribed rate already includes the 3.5 and lags the repo rate (s.1(2)(c)); it starts \
               on 1 March 2016 (see docs/law.md). The in duplum rule (interest stops while unpaid interest equals the \
               capital) is not applied here.",
    }],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "any other debt",
        3,
        EventEffects {
            written_acknowledgement: restart(
                3,
                "Prescription Act 68 of 1969 s.14(1) (express acknowledgment of liability)",
            ),
            oral_acknowledgement: restart(
                3,
                "Prescription Act 68 of 1969 s.14(1) (tacit acknowledgment of liability)",
            ),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt(
                "Prescription Act 68 of 1969 s.15(1) (service of process claiming payment)",
            ),
            judgment: UNKNOWN,
        },
        "Prescription Act 68 of 1969 s.11(d) (3 years), s.12(1) (from when the debt is due)",
        "Interruption by process needs service on the debtor, not filing, and lapses unless the claim is prosecuted \
         to final judgment (s.15(2)). An acknowledgment must admit liability, not only indebtedness.",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "The in duplum cap is not modelled; interest starting before 1 March 2016 has no embedded rate.",
        ),
        gap(RuleTopic::RecoveryCompensation, "None known (unverified)."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "Interest before capital at common law not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Part payment as tacit acknowledgment not verified.",
        ),
    ],
};
