//! Norway. Described in `docs/law.md`, "NO — Norway".

use super::common::{
    Applicability, CompensationSchedule, CompensationUnit, Currency, Decimal, EventEffects,
    HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, RateSeries, RecoveryCompensation,
    RuleTopic, UNKNOWN, amount, date, from_due_date, gap, halt, reference_rule, restart,
};

/// The standard compensation is set per half-year; each figure is encoded for the half-year it
/// was verified for only.
const fn nok_half_year(units: u32, year: i32, first_half: bool) -> RecoveryCompensation {
    let (from, until) = if first_half {
        (date(year, 1, 1), date(year, 6, 30))
    } else {
        (date(year, 7, 1), date(year, 12, 31))
    };
    RecoveryCompensation {
        schedule: CompensationSchedule::Flat {
            amount: amount(units, Currency::NOK),
        },
        unit: CompensationUnit::PerLatePayment,
        valid_from: Some(from),
        valid_until: Some(until),
        legal_basis: "Forsinkelsesrenteloven s.3a: standard compensation in NOK, set each half-year by regulation",
        note: "Only the half-year each figure was verified for is encoded.",
    }
}

/// Norway (`NO`).
pub(in crate::jurisdiction) const NO: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("NO"),
    name: "Norway",
    languages: &["nb", "nn"],
    currency_code: "NOK",
    interest: &[reference_rule(
        RateSeries::NoForsinkelsesrente,
        Decimal::ZERO,
        HALF_YEARLY_FIRST_DAY,
        Applicability::ALWAYS,
        "Forsinkelsesrenteloven (lov 17. desember 1976 nr. 100) s.3 first paragraph: the forsinkelsesrente \
         fixed by Finansdepartementet each half-year, from 1 January / 1 July, as Norges Bank's policy rate on \
         that day + at least 8 pp; the rate of each half-year in the Ministry's Forskrift om forsinkelsesrente og \
         kompensasjon for inndrivelseskostnader (2025-H1: FOR-2024-12-19-3279, 12.5 %)",
        "The Ministry's published half-year rate is used as it is (it includes the margin), so no margin is \
         added. Simple interest: Directive 2011/7/EU art. 2(6) through the EEA Agreement.",
    )],
    recovery_compensation: &[
        nok_half_year(320, 2014, true),
        nok_half_year(360, 2017, true),
        nok_half_year(410, 2023, true),
        nok_half_year(470, 2025, true),
    ],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "debts in general",
        3,
        EventEffects {
            written_acknowledgement: restart(
                3,
                "Foreldelsesloven s.14 (express or tacit acknowledgment)",
            ),
            oral_acknowledgement: restart(
                3,
                "Foreldelsesloven s.14 (express or tacit acknowledgment)",
            ),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt("Foreldelsesloven s.15 (legal steps, such as a forliksklage)"),
            judgment: UNKNOWN,
        },
        "Foreldelsesloven s.2 (3 years), s.3 (from the day the creditor may first demand performance)",
        "s.10 no.1 (extension when the creditor lacked knowledge) is not modelled.",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "The forsinkelsesrente is embedded for 2025-H1 only (12.5 %, FOR-2024-12-19-3279): the rates of 2024-H2 \
             (FOR-2024-06-26-1320), 2025-H2 (FOR-2025-06-23-1321) and 2026-H1 were not verified from the \
             Ministry's regulations, so interest on days before 2025-01-01 or after 2025-06-30 is a gap until the \
             values are entered.",
        ),
        gap(
            RuleTopic::RecoveryCompensation,
            "Figures for half-years other than 2014-H1, 2017-H1, 2023-H1 and 2025-H1 were not verified.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(RuleTopic::Allocation, "No statute found."),
        gap(
            RuleTopic::Prescription,
            "Paying interest is a tacit acknowledgment (s.14); a part payment of principal is not confirmed.",
        ),
    ],
};
