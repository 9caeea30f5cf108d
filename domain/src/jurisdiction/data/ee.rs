//! Estonia. Described in `docs/law.md`, "EE — Estonia".

use super::common::{
    CompensationSchedule, CompensationUnit, EventEffects, HALF_YEARLY_DAY_BEFORE, Jurisdiction,
    JurisdictionCode, PrescriptionRule, PrescriptionStart, RateSeries, RecoveryCompensation,
    RuleTopic, UNKNOWN, date, dec, eur, from_date, gap, halt, reference_rule, restart,
};

const EE_RESTART: &str = "TsÜS: the obligor's acknowledgment, including part payment, interest payment or security, \
                          interrupts and restarts the period";

/// Estonia (`EE`).
pub(in crate::jurisdiction) const EE: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("EE"),
    name: "Estonia",
    languages: &["et"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_DAY_BEFORE,
        from_date(date(2013, 4, 15), "day interest starts to run"),
        "VÕS §113(1): the §94 rate + 8 % a year; §94(1): set half-yearly as the ECB's latest main refinancing rate \
         before 1 January / 1 July, published by Eesti Pank",
        "One law-firm note describes the base as 6-month EURIBOR; the European Judicial Network page, the better \
         source, says the ECB rate. + 7 before 15 April 2013 (not encoded). No default interest on late interest.",
    )],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Flat { amount: eur(40) },
        unit: CompensationUnit::PerClaim,
        valid_from: Some(date(2013, 4, 15)),
        valid_until: None,
        legal_basis: "VÕS §113¹: EUR 40 where the creditor is entitled to default interest and the debtor is not a \
                      consumer",
        note: "Once per monetary obligation, not per reminder; higher costs only as proven damages.",
    }],
    collection_costs: None,
    allocation: None,
    prescription: &[PrescriptionRule {
        applies_to: "claims for agreed remuneration, such as invoices",
        period_years: 3,
        start: PrescriptionStart::EndOfYearOfDueDate,
        ends_at_year_end: false,
        long_stop_years: None,
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: restart(3, EE_RESTART),
            oral_acknowledgement: restart(3, EE_RESTART),
            part_payment: restart(3, EE_RESTART),
            written_demand: UNKNOWN,
            court_filing: halt("TsÜS §146 (claim brought within the period)"),
            judgment: UNKNOWN,
        },
        legal_basis: "TsÜS §146(1) (3 years for claims from transactions); §147(3) (for agreed remuneration, from \
                      the end of the calendar year in which the claim became due)",
        note: "Where the claim is due on invoice, the year in which the invoice could be issued counts. 10 years if \
               the obligation was breached intentionally (not modelled).",
    }],
    gaps: &[
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "VÕS §88 (costs, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "That an action suspends (§160) is unverified; the filing is taken as bringing the claim.",
        ),
    ],
};
