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
        RateFixing::FixedAtStart {
            reference_day: ReferenceDay::FirstDayOfHalfYear,
        },
        from_date(date(2013, 3, 16), "day the payment fell due"),
        "European Communities (Late Payment in Commercial Transactions) Regulations 2012 (S.I. No. 580/2012): ECB \
         main refinancing rate in force on 1 January / 1 July + 8 pp; department guidance: only one rate applies to \
         a late payment",
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
            "Under review: the department's current guidance ('the ECB rate in force on 1 January and 1 July apply \
             for the following six months') can be read as a half-yearly rate, its older guidance as one rate for \
             the debt, read on the payment date; the rule fixes one rate from the half-year of the first interest \
             day, so a debt due on 30 June or 31 December, or running into a later half-year, may differ.",
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
