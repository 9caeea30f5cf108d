//! Ireland. Described in `docs/law.md`, "IE — Ireland".

use super::common::{
    BandLimit, CompensationBand, CompensationSchedule, CompensationUnit, Currency,
    DIRECTIVE_SIMPLE_NOTE, Jurisdiction, JurisdictionCode, RateFixing, RateSeries,
    RecoveryCompensation, ReferenceDay, RuleTopic, date, dec, eur, from_date, from_due_date, gap,
    only_filing, reference_rule,
};

/// Ireland (`IE`).
pub(in crate::jurisdiction) const IE: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("IE"),
    name: "Ireland",
    languages: &["ga", "en"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        RateFixing::DueHalfYearOnly {
            reference_day: ReferenceDay::FirstDayOfHalfYear,
        },
        from_date(date(2013, 3, 16), "day the payment fell due"),
        "European Communities (Late Payment in Commercial Transactions) Regulations 2012 (S.I. No. 580/2012): ECB \
         main refinancing rate + 8 pp; the Department's guidance on the Regulations: the ECB rates in force on \
         1 January and 1 July apply for the following six months, and only one rate applies to a late payment, the \
         rate in force on the payment date",
        DIRECTIVE_SIMPLE_NOTE,
    )],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Banded {
            debt_currency: Currency::EUR,
            bands: &[
                CompensationBand {
                    up_to: Some(BandLimit {
                        amount: dec(1000, 0),
                        inclusive: true,
                    }),
                    amount: eur(40),
                },
                CompensationBand {
                    up_to: Some(BandLimit {
                        amount: dec(10_000, 0),
                        inclusive: true,
                    }),
                    amount: eur(70),
                },
                CompensationBand {
                    up_to: None,
                    amount: eur(100),
                },
            ],
        },
        unit: CompensationUnit::PerLatePayment,
        valid_from: Some(date(2013, 3, 16)),
        valid_until: None,
        legal_basis: "S.I. No. 580/2012: EUR 40 (up to 1,000), EUR 70 (over 1,000 to 10,000), EUR 100 (over 10,000), \
                      per invoice",
        note: "",
    }],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "actions founded on simple contract",
        6,
        only_filing("Statute of Limitations 1957 s.11(1)(a) (an action brought within the period)"),
        "Statute of Limitations 1957 s.11(1)(a): 6 years from the date on which the cause of action accrued (for an \
         unpaid invoice, the due date)",
        "Part III (acknowledgment and part payment) applies to the period, but its sections and effect were not \
         verified, so those events are not applied.",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "Which ECB rate applies after the half-year of the due date is not established: the text of S.I. No. \
             580/2012 that defines the reference rate (Reg. 2, Reg. 5) was not read, and the Department's guidance \
             can be read as one rate for the debt (the rate in force on the payment date) or as a new rate each \
             half-year. Interest is computed to the end of the due date's half-year only; later days, and every day \
             of a debt due on 30 June or 31 December, are not available.",
        ),
        gap(
            RuleTopic::CollectionCosts,
            "Not found in the reference material.",
        ),
        gap(
            RuleTopic::Allocation,
            "Common-law appropriation is assumed but not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Restart by written acknowledgment or part payment (ss.56-65) not verified.",
        ),
    ],
};
