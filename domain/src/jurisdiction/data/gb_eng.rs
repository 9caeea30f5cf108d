//! England and Wales. Described in `docs/law.md`, "GB-ENG — England and Wales".

use super::common::{
    AllocationOrder, AllocationRule, CollectionCostBasis, CollectionCostRule, CompensationSchedule,
    CompensationUnit, Currency, EventEffects, InvoiceOrder, Jurisdiction, JurisdictionCode,
    RateFixing, RateSeries, RecoveryCompensation, ReferenceDay, RuleTopic, UK_BANDS, UNKNOWN, date,
    dec, from_date, from_due_date, gap, halt, no_effect, reference_rule, restart,
};

/// England and Wales (`GB-ENG`, also what `GB` resolves to).
pub(in crate::jurisdiction) const GB_ENG: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("GB-ENG"),
    name: "England and Wales",
    languages: &["en", "cy"],
    currency_code: "GBP",
    interest: &[reference_rule(
        RateSeries::BoeBankRate,
        dec(8, 0),
        RateFixing::FixedAtStart {
            reference_day: ReferenceDay::LastDayBeforeHalfYear,
        },
        from_date(date(2002, 8, 7), "first day statutory interest runs"),
        "Late Payment of Commercial Debts (Interest) Act 1998 s.1(1) (simple interest) and s.6; Late Payment of \
         Commercial Debts (Rate of Interest) (No. 3) Order 2002 (SI 2002/1675) art. 4: 8 % over the Bank of England \
         official dealing rate in force on 30 June / 31 December immediately before the day interest starts to run",
        "The rate is fixed for the life of the debt; the Order has no re-fixing rule. The Act's term is implied only \
         where the contract gives no substantial remedy for late payment (ss.8-9).",
    )],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Banded {
            debt_currency: Currency::GBP,
            bands: &UK_BANDS,
        },
        unit: CompensationUnit::PerClaim,
        valid_from: None,
        valid_until: None,
        legal_basis: "Late Payment of Commercial Debts (Interest) Act 1998 s.5A: GBP 40 (debt under 1,000), \
                      GBP 70 (1,000 to 9,999.99), GBP 100 (10,000 or more)",
        note: "Due once statutory interest runs on a qualifying debt.",
    }],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        },
        legal_basis: "Late Payment of Commercial Debts (Interest) Act 1998 s.5A: reasonable recovery costs above the \
                      fixed sum",
        note: "For contracts made from 16 March 2013.",
    }),
    allocation: Some(AllocationRule {
        order: AllocationOrder::NONE,
        invoice_order: InvoiceOrder::OldestDueFirst,
        debtor_designation_binds: true,
        legal_basis: "Common-law appropriation: the debtor may appropriate when paying, failing that the creditor, \
                      failing both the earliest debts are discharged first on a running account (Clayton's Case, \
                      Devaynes v Noble (1816))",
        note: "Implied first-in-first-out appropriation goes to the earliest debt not statute-barred. No rule was \
               found for interest against principal within one debt, so a payment that must choose between them is \
               refused; the creditor, who may appropriate, can pass its own order.",
    }),
    prescription: &[from_due_date(
        "contract claims, including unpaid invoices",
        6,
        EventEffects {
            written_acknowledgement: restart(
                6,
                "Limitation Act 1980 s.29(5), s.30 (written, signed acknowledgment)",
            ),
            oral_acknowledgement: no_effect(
                "Limitation Act 1980 s.30 (an acknowledgment must be in writing and signed)",
            ),
            part_payment: restart(
                6,
                "Limitation Act 1980 s.29(5) (payment in respect of the debt)",
            ),
            written_demand: UNKNOWN,
            court_filing: halt(
                "Limitation Act 1980 s.5 (issuing the claim form brings the action)",
            ),
            judgment: UNKNOWN,
        },
        "Limitation Act 1980 s.5: 6 years from accrual; for an unpaid invoice the cause of action accrues on the due \
         date",
        "s.29(7): a barred debt is not revived. An acknowledgment of only a small part of the claim may not restart \
         time for the whole (LJR Interiors v Cooper Construction).",
    )],
    gaps: &[
        gap(
            RuleTopic::Allocation,
            "No rule found for interest against principal within one debt.",
        ),
        gap(
            RuleTopic::Prescription,
            "A demand letter is not among the ss.29-31 grounds, but no source confirms it has no effect.",
        ),
    ],
};
