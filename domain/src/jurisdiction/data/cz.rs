//! Czech Republic. Described in `docs/law.md`, "CZ — Czech Republic".

use super::common::{
    AllocationOrder, AllocationRule, CompensationSchedule, CompensationUnit, Currency,
    InvoiceOrder, Jurisdiction, JurisdictionCode, RateFixing, RateSeries, RecoveryCompensation,
    ReferenceDay, RuleTopic, amount, date, dec, from_date, gap, reference_rule,
};

/// Czech Republic (`CZ`).
pub(in crate::jurisdiction) const CZ: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CZ"),
    name: "Czech Republic",
    languages: &["cs"],
    currency_code: "CZK",
    interest: &[reference_rule(
        RateSeries::CzCnbRepoRate,
        dec(8, 0),
        RateFixing::FixedAtStart {
            reference_day: ReferenceDay::FirstDayOfHalfYear,
        },
        from_date(date(2014, 1, 1), "first day of the default"),
        "Nařízení vlády 351/2013 Sb. s.2: ČNB repo rate for the first day of the calendar half-year in which the \
         default began + 8 pp, fixed for the whole default",
        "Defaults before 2014 keep the earlier rules. The embedded ČNB series holds every change from the rate in \
         force on 1 January 2014; four days of effect in 2024-2025 are inferred (see docs/law.md). Simple interest: \
         Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Flat {
            amount: amount(1200, Currency::CZK),
        },
        unit: CompensationUnit::PerClaim,
        valid_from: None,
        valid_until: None,
        legal_basis: "Nařízení vlády 351/2013 Sb.: minimum recovery costs of CZK 1,200 per claim between businesses",
        note: "The section number in 351/2013 was not verified.",
    }],
    collection_costs: None,
    allocation: Some(AllocationRule {
        order: AllocationOrder::COSTS_INTEREST_PRINCIPAL,
        invoice_order: InvoiceOrder::OldestDueFirst,
        debtor_designation_binds: true,
        legal_basis: "Občanský zákoník s.1932(1): costs already determined, then default interest, then interest, \
                      last the principal, unless the debtor declares otherwise when paying",
        note: "If the debtor directs payment to principal first, costs and interest bear interest (s.1932(2)): pass \
               the debtor's order.",
    }),
    prescription: &[],
    gaps: &[
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Prescription,
            "3 years (OZ s.629) is unverified; only the 10-year period after an acknowledgment (s.639) is verified.",
        ),
    ],
};
