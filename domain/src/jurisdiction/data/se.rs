//! Sweden. Described in `docs/law.md`, "SE — Sweden" (SFS 1981:739 read on
//! rkrattsbaser.gov.se).

use super::common::{
    Applicability, CompensationSchedule, CompensationUnit, Currency, EventEffects,
    HALF_YEARLY_FIRST_DAY, Jurisdiction, JurisdictionCode, PrescriptionRule, PrescriptionStart,
    RateSeries, RecoveryCompensation, RuleTopic, amount, date, dec, gap, halt, reference_rule,
    restart,
};

const SE_BASIS: &str = "Preskriptionslag (1981:130) s.5 (interruption), s.6 (new period)";

/// Sweden (`SE`).
pub(in crate::jurisdiction) const SE: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("SE"),
    name: "Sweden",
    languages: &["sv"],
    currency_code: "SEK",
    interest: &[reference_rule(
        RateSeries::SeRiksbankReferenceRate,
        dec(8, 0),
        HALF_YEARLY_FIRST_DAY,
        Applicability::ALWAYS,
        "Räntelagen s.6: the reference rate + 8 pp; s.9: the reference rate is fixed for 1 January and 1 July",
        "The embedded series is the reference rate the Riksbank fixes for each half-year (the policy rate at the end \
         of the previous half-year rounded up to the next half point), not the policy rate; it exists from \
         1 July 2002, when it replaced the discount rate, so earlier days are a gap. Simple interest: Directive \
         2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Flat {
            amount: amount(450, Currency::SEK),
        },
        unit: CompensationUnit::PerLatePayment,
        valid_from: Some(date(2013, 3, 16)),
        valid_until: None,
        legal_basis: "Lag (1981:739) om ersättning för inkassokostnader m.m. s.4 a (inserted by SFS 2013:56): \
                      förseningsersättning SEK 450 whenever default interest is due on a B2B payment",
        note: "It absorbs reminder and collection fees up to SEK 450.",
    }],
    collection_costs: None,
    allocation: None,
    prescription: &[PrescriptionRule {
        applies_to: "claims between businesses",
        period_years: 10,
        start: PrescriptionStart::ClaimArose,
        ends_at_year_end: false,
        long_stop_years: None,
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: restart(10, SE_BASIS),
            oral_acknowledgement: restart(10, SE_BASIS),
            part_payment: restart(10, SE_BASIS),
            written_demand: restart(10, SE_BASIS),
            court_filing: halt("Preskriptionslag (1981:130) s.5 (legal action)"),
            judgment: crate::prescription::EventEffect::NotEstablished,
        },
        legal_basis: "Preskriptionslag (1981:130) s.2: 10 years from the claim's creation (3 years against consumers)",
        note: "The period runs from when the claim arose (delivery or performance), which the caller must supply.",
    }],
    gaps: &[
        gap(
            RuleTopic::CollectionCosts,
            "The fee amounts of lag 1981:739 beyond the SEK 450 were not verified.",
        ),
        gap(RuleTopic::Allocation, "No statute found."),
    ],
};
