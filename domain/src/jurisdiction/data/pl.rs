//! Poland. Described in `docs/law.md`, "PL — Poland".

use super::common::{
    AllocationOrder, AllocationRule, BandLimit, CompensationBand, CompensationSchedule,
    CompensationUnit, Currency, EventEffects, HALF_YEARLY_FIRST_DAY, InvoiceOrder, Jurisdiction,
    JurisdictionCode, PrescriptionRule, PrescriptionStart, RateSeries, RecoveryCompensation,
    RuleTopic, UNKNOWN, date, dec, eur, from_date, gap, halt, reference_rule, restart,
};

const PL_ACT: &str =
    "Ustawa z 8 marca 2013 r. o przeciwdziałaniu nadmiernym opóźnieniom w transakcjach handlowych";

/// Poland (`PL`).
pub(in crate::jurisdiction) const PL: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("PL"),
    name: "Poland",
    languages: &["pl"],
    currency_code: "PLN",
    interest: &[reference_rule(
        RateSeries::PlNbpReferenceRate,
        dec(10, 0),
        HALF_YEARLY_FIRST_DAY,
        from_date(date(2020, 1, 1), "first day of the interest period"),
        "Ustawa z 8 marca 2013 r. o przeciwdziałaniu nadmiernym opóźnieniom w transakcjach handlowych (lex \
         specialis to KC art. 481), art. 4 pkt 3 lit. b: NBP reference rate + 10 pp since 1 January 2020 where the \
         debtor is not a public entity that is a healthcare provider; art. 11b: the rate in force on 1 January / \
         1 July, announced per half-year in Monitor Polski",
        "For debtors other than public healthcare providers only. The embedded NBP series holds every change from \
         the rate in force on 1 January 2020 (see docs/law.md). Simple interest: Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[
        RecoveryCompensation {
            schedule: CompensationSchedule::Banded {
                debt_currency: Currency::PLN,
                bands: &[
                    CompensationBand {
                        up_to: Some(BandLimit {
                            amount: dec(5000, 0),
                            inclusive: true,
                        }),
                        amount: eur(40),
                    },
                    CompensationBand {
                        up_to: Some(BandLimit {
                            amount: dec(50_000, 0),
                            inclusive: false,
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
            valid_from: Some(date(2020, 1, 1)),
            valid_until: None,
            legal_basis: "Ustawa z 8 marca 2013 r., art. 10 (since 1 January 2020): EUR 40 (claim up to PLN 5,000), \
                          EUR 70 (above 5,000, below 50,000), EUR 100 (PLN 50,000 or more)",
            note: "Paid in PLN at the NBP average EUR rate of the last working day of the month before the claim fell \
                   due; the claim to it cannot be assigned.",
        },
        RecoveryCompensation {
            schedule: CompensationSchedule::Flat { amount: eur(40) },
            unit: CompensationUnit::PerLatePayment,
            valid_from: None,
            valid_until: Some(date(2019, 12, 31)),
            legal_basis: PL_ACT,
            note: "EUR 40 flat before 2020 (art. 10), paid in PLN at the NBP rate.",
        },
    ],
    collection_costs: None,
    allocation: Some(AllocationRule {
        order: AllocationOrder::NONE,
        invoice_order: InvoiceOrder::OldestDueFirst,
        debtor_designation_binds: true,
        legal_basis: "Kodeks cywilny art. 451: §1 the debtor designates; §2 otherwise the creditor in the receipt; \
                      §3 otherwise the due debt, among several the longest due",
        note: "Applying a payment to overdue interest before principal is the creditor's option (SN III CKN 495/00), \
               not automatic: pass the creditor's order to apply it.",
    }),
    prescription: &[PrescriptionRule {
        applies_to: "claims connected with running a business",
        period_years: 3,
        start: PrescriptionStart::DayAfterDueDate,
        ends_at_year_end: true,
        long_stop_years: None,
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: restart(
                3,
                "Kodeks cywilny art. 123 §1 pkt 2 (acknowledgment), art. 124",
            ),
            oral_acknowledgement: restart(
                3,
                "Kodeks cywilny art. 123 §1 pkt 2 (acknowledgment), art. 124",
            ),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt(
                "Kodeks cywilny art. 123 §1 pkt 1 (act before a court or enforcement body)",
            ),
            judgment: UNKNOWN,
        },
        legal_basis: "Kodeks cywilny art. 118: 3 years, ending on the last day of a calendar year (since 9 July \
                      2018); art. 120 §1: from the day the claim became enforceable, the day after the due date",
        note: "Mediation and a conciliation summons now only suspend (not modelled).",
    }],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "A public entity that is a healthcare provider (podmiot publiczny będący podmiotem leczniczym) owes the \
             NBP reference rate + 8 pp (art. 4 pkt 3 lit. a); a case does not record whether the debtor is one, so \
             the + 10 pp figure computed under lit. b does not apply to such a debtor and must not be claimed from it.",
        ),
        gap(
            RuleTopic::Interest,
            "Transactions concluded before 1 January 2020 had the reference rate + 8 pp; whether they keep it after \
             2019 depends on the transitional provision of the amending act (ustawa z 19 lipca 2019 r., Dz.U. 2019 \
             poz. 1649), whose text was not read. The rule is chosen by the due date, not the contract date, so for \
             a transaction concluded before 2020 the + 10 pp figure is not established.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Prescription,
            "Part payment as acknowledgment and the effect of a demand are not confirmed in the sources.",
        ),
    ],
};
