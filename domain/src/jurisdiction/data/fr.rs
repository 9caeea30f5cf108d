//! France. Described in `docs/law.md`, "FR — France".

use super::common::{
    AllocationOrder, AllocationRule, Applicability, EventEffects, HALF_YEARLY_FIRST_DAY,
    InvoiceOrder, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic, UNKNOWN, dec, eur,
    flat_per_payment, from_due_date, gap, halt, no_effect, reference_rule, restart,
};

/// France (`FR`).
pub(in crate::jurisdiction) const FR: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("FR"),
    name: "France",
    languages: &["fr"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(10, 0),
        HALF_YEARLY_FIRST_DAY,
        Applicability::ALWAYS,
        "Code de commerce art. L441-10 II: ECB rate of its most recent refinancing operation + 10 pp, the rate in \
         force on 1 January for the first half-year and on 1 July for the second; due without reminder from the day \
         after the payment date; Code civil art. 1343-2 (interest capitalised only if agreed or ordered)",
        "A contract may set another rate, but not below three times the taux d'intérêt légal; that floor is not \
         checked because the taux légal series is not embedded.",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Code de commerce art. L441-10 and D441-5: indemnité forfaitaire pour frais de recouvrement of EUR 40",
        "",
    )],
    collection_costs: None,
    allocation: Some(AllocationRule {
        order: AllocationOrder::from_ranks(Some(0), Some(0), Some(1)),
        invoice_order: InvoiceOrder::OldestDueFirstThenProRata,
        debtor_designation_binds: true,
        legal_basis: "Code civil art. 1343-1 (a partial payment goes first to interest, before capital); Cass. 1re civ. \
                      7 February 1995 n° 92-14.216 (recovery costs, as accessories, before capital); art. 1342-10 (several \
                      debts: the designated one, otherwise the due debts, the one the debtor had most interest in \
                      paying, the oldest, pro rata)",
        note: "Neither art. 1343-1 nor the 1995 decision ranks interest against costs, so they share one rank \
               before capital and a payment that must choose between them takes the creditor's order. The debtor's \
               interest in paying is not recorded on a case, so the older due date decides, and invoices due on one \
               day share pro rata.",
    }),
    prescription: &[from_due_date(
        "obligations between merchants",
        5,
        EventEffects {
            written_acknowledgement: restart(
                5,
                "Code civil art. 2240 (acknowledgment by the debtor interrupts)",
            ),
            oral_acknowledgement: restart(
                5,
                "Code civil art. 2240 (acknowledgment by the debtor interrupts)",
            ),
            part_payment: UNKNOWN,
            written_demand: no_effect(
                "Cass. com. 18 May 2022 n° 20-23.204: a mise en demeure does not interrupt",
            ),
            court_filing: halt(
                "Code civil art. 2241 (a court claim, including référé, interrupts)",
            ),
            judgment: UNKNOWN,
        },
        "Code de commerce art. L110-4 (5 years between merchants); Code civil art. 2224 (from exigibility, the due \
         date)",
        "An interruption starts a new period of the same length. If the invoice was issued late the period runs from \
         the service (Cass. com. 26 February 2020 n° 18-25.036): pass that day as the due date. Mediation suspends \
         (art. 2238).",
    )],
    gaps: &[
        gap(
            RuleTopic::CollectionCosts,
            "Compensation for recovery costs above EUR 40 was not verified.",
        ),
        gap(
            RuleTopic::Prescription,
            "Whether a part payment counts as an acknowledgment is not confirmed in the sources.",
        ),
    ],
};
