//! Taiwan. Described in `docs/law.md`, "TW — Taiwan"; Civil Code arts. 203, 229, 233 and 321-323
//! read on law.moj.gov.tw, arts. 127-129 and 137 on copies of the Code.

use super::common::{
    AllocationOrder, AllocationRule, EventEffects, InvoiceOrder, Jurisdiction, JurisdictionCode,
    RuleTopic, UNKNOWN, dec, fixed_rule, from_due_date, gap, halt, restart,
};

const TW_RESTART: &str = "Civil Code art. 129(1)(ii) (acknowledgment interrupts); art. 137(1) (the period runs anew \
                          from the end of the interrupting event)";

/// Taiwan (`TW`).
pub(in crate::jurisdiction) const TW: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("TW"),
    name: "Taiwan",
    languages: &["zh"],
    currency_code: "TWD",
    interest: &[fixed_rule(
        dec(5, 0),
        None,
        None,
        "Civil Code art. 233(1): a money debt in default bears interest at the statutory rate, or a higher agreed \
         one; art. 203: the statutory rate is 5 % a year; art. 229(1): with a fixed period the debtor is in default \
         when it expires",
        "Agreed rates above 16 % are void for the excess (art. 205). No compounding unless agreed in writing after \
         interest has been overdue for over a year (art. 207).",
    )],
    recovery_compensation: &[],
    collection_costs: None,
    allocation: Some(AllocationRule {
        order: AllocationOrder::COSTS_INTEREST_PRINCIPAL,
        invoice_order: InvoiceOrder::OldestDueFirstThenProRata,
        debtor_designation_binds: true,
        legal_basis: "Civil Code art. 323 (expenses first, then interest, then principal, also under arts. 321-322); \
                      art. 321 (the payer designates the debt at payment); art. 322 (otherwise the due debts first; \
                      among them the least secured, then the one most beneficial to the debtor, then the one due \
                      first; equal ones pro rata)",
        note: "The invoices of a case are all due, equally unsecured and bear the same interest, so the one due first \
               is paid first and those due on one day share pro rata.",
    }),
    prescription: &[from_due_date(
        "price of goods supplied by merchants, manufacturers and handicraftsmen",
        2,
        EventEffects {
            written_acknowledgement: restart(2, TW_RESTART),
            oral_acknowledgement: restart(2, TW_RESTART),
            part_payment: UNKNOWN,
            written_demand: UNKNOWN,
            court_filing: halt("Civil Code art. 129(1)(iii) (bringing an action interrupts)"),
            judgment: UNKNOWN,
        },
        "Civil Code art. 127(viii) (2 years for the price of goods supplied by merchants, manufacturers and \
         handicraftsmen); art. 128 (from when the claim can be exercised)",
        "Applies whatever the volume of the transaction (Supreme Court 109-Tai-Shang-1172, 2020). After a judgment \
         the new period is at least 5 years (art. 137(3), not encoded).",
    )],
    gaps: &[
        gap(RuleTopic::RecoveryCompensation, "Not found."),
        gap(RuleTopic::CollectionCosts, "Not verified."),
        gap(
            RuleTopic::Prescription,
            "A demand interrupts (art. 129) but lapses unless an action follows within 6 months (art. 130, \
             unverified), and whether a part payment is an acknowledgment was not verified; neither restarts the \
             period here.",
        ),
    ],
};
