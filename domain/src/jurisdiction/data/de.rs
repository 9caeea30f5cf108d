//! Germany. Described in `docs/law.md`, "DE — Germany" (BGB and EGBGB read in
//! the bundestag/gesetze snapshot of 2022-03).

use super::common::{
    AllocationOrder, AllocationRule, CollectionCostBasis, CollectionCostRule, EventEffects,
    HALF_YEARLY_FIRST_DAY, InvoiceOrder, Jurisdiction, JurisdictionCode, PrescriptionRule,
    PrescriptionStart, RateSeries, RuleTopic, UNKNOWN, date, dec, eur, flat_per_payment, from_date,
    gap, halt, reference_rule, restart, until_date,
};

const DE_INTEREST_NOTE: &str = "The Basiszinssatz changes on 1 January and 1 July and the new rate applies to running \
                                debts; no default interest on interest (s.289 sentence 1).";

/// Germany (`DE`).
pub(in crate::jurisdiction) const DE: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("DE"),
    name: "Germany",
    languages: &["de"],
    currency_code: "EUR",
    interest: &[
        reference_rule(
            RateSeries::DeBasiszinssatz,
            dec(9, 0),
            HALF_YEARLY_FIRST_DAY,
            from_date(date(2014, 7, 29), "date the obligation arose"),
            "BGB s.288(2): 9 percentage points above the Basiszinssatz for payment claims where no consumer is a \
             party; s.247 (Basiszinssatz per half-year); s.289; EGBGB art. 229 s.34 (obligations arising after \
             28 July 2014)",
            DE_INTEREST_NOTE,
        ),
        reference_rule(
            RateSeries::DeBasiszinssatz,
            dec(8, 0),
            HALF_YEARLY_FIRST_DAY,
            until_date(date(2014, 7, 28), "date the obligation arose"),
            "BGB s.288(2) in the version before 29 July 2014: 8 percentage points above the Basiszinssatz; s.247; \
             s.289; EGBGB art. 229 s.34",
            "For continuing obligations the 9-point rule also applies where the consideration is rendered after \
             30 June 2016 (EGBGB art. 229 s.34).",
        ),
    ],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        Some(date(2014, 7, 29)),
        "BGB s.288(5): EUR 40 flat when the debtor is not a consumer, also for instalments; EGBGB art. 229 s.34",
        "The statute looks at when the obligation arose (after 28 July 2014); the due date is used here, which \
         differs only for obligations that arose before and fell due after that day.",
    )],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        },
        legal_basis: "BGB s.288(5) sentence 3: the EUR 40 is credited against damages for the costs of legal pursuit",
        note: "Collection costs are recoverable as damages for delay; the flat sum counts towards them.",
    }),
    allocation: Some(AllocationRule {
        order: AllocationOrder::COSTS_INTEREST_PRINCIPAL,
        invoice_order: InvoiceOrder::OldestDueFirstThenProRata,
        debtor_designation_binds: true,
        legal_basis: "BGB s.367(1): costs, then interest, then principal; s.366(1) the debt the debtor designates, \
                      s.366(2) otherwise the due debt, the least secured, the most burdensome, the older, pro rata",
        note: "Security and burden are not recorded on a case, so the older due date decides, and invoices due on one day share pro rata. If the debtor \
               designates another component order the creditor may refuse the payment (s.367(2)).",
    }),
    prescription: &[PrescriptionRule {
        applies_to: "payment claims between businesses",
        period_years: 3,
        start: PrescriptionStart::EndOfYearOfDueDate,
        ends_at_year_end: false,
        long_stop_years: None,
        long_stop_moves_with_restart: false,
        effects: EventEffects {
            written_acknowledgement: restart(
                3,
                "BGB s.212(1) no.1 (acknowledgment restarts the period)",
            ),
            oral_acknowledgement: restart(3, "BGB s.212(1) no.1 (acknowledgment in any form)"),
            part_payment: restart(
                3,
                "BGB s.212(1) no.1 (part payment as acknowledgment; BGH VIII ZR 347/06)",
            ),
            written_demand: UNKNOWN,
            court_filing: halt(
                "BGB s.204(1): court action or service of a Mahnbescheid suspends the period",
            ),
            judgment: restart(
                30,
                "BGB s.197(1) no.3 (30 years for a claim established by final judgment), s.201 (from \
                 the judgment's finality; counted here from the judgment's date, which is never later)",
            ),
        },
        legal_basis: "BGB s.195 (3 years), s.199(1) (from the end of the year in which the claim arose and the \
                      creditor knew of it)",
        note: "Assumes the creditor knew the claim and the debtor in the year the claim fell due. Negotiations \
               suspend (s.203) and are not an event here. An official enforcement act also restarts (s.212(1) no.2).",
    }],
    gaps: &[gap(
        RuleTopic::Prescription,
        "A reminder (Mahnung) is not among ss.203-213, but no source confirms it has no effect.",
    )],
};
