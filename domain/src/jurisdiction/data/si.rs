//! Slovenia. Described in `docs/law.md`, "SI — Slovenia".

use super::common::{
    Applicability, CompensationSchedule, CompensationUnit, EventEffects, HALF_YEARLY_DAY_BEFORE,
    Jurisdiction, JurisdictionCode, RateSeries, RecoveryCompensation, RuleTopic, UNKNOWN, dec, eur,
    from_due_date, gap, halt, no_effect, reference_rule,
};

/// Slovenia (`SI`).
pub(in crate::jurisdiction) const SI: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("SI"),
    name: "Slovenia",
    languages: &["sl"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_DAY_BEFORE,
        Applicability::ALWAYS,
        "ZPOMZO-1 art. 2: the ECB main refinancing rate before the first calendar day of the half-year + 8 pp, \
         published by the Minister of Finance; no interest on unpaid interest",
        "Verified published values: 8.0 % 2016-2022, 10.5 % 2023-H1, 12.25 % from 1 July 2024. Parties may agree \
         otherwise.",
    )],
    recovery_compensation: &[RecoveryCompensation {
        schedule: CompensationSchedule::Flat { amount: eur(40) },
        unit: CompensationUnit::PerClaim,
        valid_from: None,
        valid_until: None,
        legal_basis: "ZPreZP-1 art. 14: EUR 40 per claim in default",
        note: "Not an enforcement cost; the right prescribes 3 years from the default; further costs claimable.",
    }],
    collection_costs: None,
    allocation: None,
    prescription: &[from_due_date(
        "claims from commercial contracts",
        3,
        EventEffects {
            written_acknowledgement: UNKNOWN,
            oral_acknowledgement: UNKNOWN,
            part_payment: UNKNOWN,
            written_demand: no_effect("OZ art. 368 (a reminder does not interrupt)"),
            court_filing: halt("OZ (suit or another court act interrupts)"),
            judgment: UNKNOWN,
        },
        "OZ art. 349 (3 years for claims from commercial contracts, separately for each delivery or service); \
         art. 336 (from the first day after the creditor could demand performance)",
        "Periods cannot be changed by contract (art. 339).",
    )],
    gaps: &[
        gap(
            RuleTopic::Interest,
            "The ne ultra alterum tantum cap (interest stops when unpaid interest equals the principal, OZ art. 376) \
             is unverified and not applied.",
        ),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Allocation,
            "OZ art. 288 (costs, interest, principal) not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Acknowledgment (also by part payment) interrupts, but that a new period then starts (art. 371) is \
             unverified.",
        ),
    ],
};
