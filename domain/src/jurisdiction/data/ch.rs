//! Switzerland. Described in `docs/law.md`, "CH — Switzerland"; OR Art. 105(3)
//! checked on droit-bilingue.ch and Art. 130(1) on law.ch.

use super::common::{
    AllocationOrder, AllocationRule, Applicability, Compounding, ContractualRatePolicy, DayCount,
    EventEffects, InterestRule, InvoiceOrder, Jurisdiction, JurisdictionCode, RateFormula,
    RuleTopic, UNKNOWN, dec, from_due_date, gap, halt, restart,
};

const CH_EFFECTS_10: EventEffects = ch_effects(10);
const CH_EFFECTS_5: EventEffects = ch_effects(5);

const fn ch_effects(years: u32) -> EventEffects {
    EventEffects {
        written_acknowledgement: restart(
            years,
            "OR Art. 135 no.1 (acknowledgment), Art. 137(1) (new period)",
        ),
        oral_acknowledgement: restart(
            years,
            "OR Art. 135 no.1 (acknowledgment), Art. 137(1) (new period)",
        ),
        part_payment: restart(
            years,
            "OR Art. 135 no.1 (acknowledgment including part payments), Art. 137(1)",
        ),
        written_demand: UNKNOWN,
        court_filing: halt("OR Art. 135 no.2 (debt enforcement, conciliation request or action)"),
        judgment: UNKNOWN,
    }
}

/// Switzerland (`CH`).
pub(in crate::jurisdiction) const CH: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("CH"),
    name: "Switzerland",
    languages: &["de", "fr", "it", "rm"],
    currency_code: "CHF",
    interest: &[InterestRule {
        rate: RateFormula::Fixed {
            rate_percent: dec(5, 0),
            known_from: None,
            known_until: None,
        },
        compounding: Compounding::Simple,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::StatutoryIsMinimum,
        applies_to: Applicability::ALWAYS,
        legal_basis: "OR Art. 104(1): 5 % default interest, also where a lower contractual rate was agreed; \
                      Art. 104(2): a higher agreed rate continues in default; Art. 105(3): no default interest on \
                      default interest",
        note: "Pass the first day of default as the start of the period.",
    }],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: Some(AllocationRule {
        order: AllocationOrder::COSTS_INTEREST_PRINCIPAL,
        invoice_order: InvoiceOrder::OldestDueFirstThenProRata,
        debtor_designation_binds: true,
        legal_basis: "OR Art. 85(1): a part payment goes to capital only insofar as no interest or costs are in \
                      arrears (costs, interest, capital); Art. 87: several debts without valid designation, the due \
                      debt, then the one first put into enforcement, otherwise the one that fell due first; Art. 87(2): debts that fell due at the same time pro rata",
        note: "Enforcement history is not recorded here, so the older due date decides.",
    }),
    prescription: &[
        from_due_date(
            "claims in general",
            10,
            CH_EFFECTS_10,
            "OR Art. 127 (10 years), Art. 130(1) (from the due date)",
            "Art. 137(2): 10 years when the debt was acknowledged in a deed or by judgment (not modelled).",
        ),
        from_due_date(
            "craftsmen's work, retail sale of goods, professional fees, periodic payments",
            5,
            CH_EFFECTS_5,
            "OR Art. 128 (5 years), Art. 130(1) (from the due date)",
            "Art. 137(2): 10 years when the debt was acknowledged in a deed or by judgment (not modelled).",
        ),
    ],
    gaps: &[
        gap(
            RuleTopic::RecoveryCompensation,
            "No statutory flat sum was verified; Betreibung fees fall on the debtor (SchKG Art. 68).",
        ),
        gap(
            RuleTopic::CollectionCosts,
            "Agency fees as damages (OR Art. 106) were not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "The effect of a written demand is not established.",
        ),
    ],
};
