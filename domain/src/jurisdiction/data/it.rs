//! Italy. Described in `docs/law.md`, "IT — Italy"; c.c. arts. 1194 and 2935
//! checked on brocardi.it and gazzettaufficiale.it.

use super::common::{
    AllocationOrder, AllocationRule, CollectionCostBasis, CollectionCostRule, EventEffects,
    HALF_YEARLY_FIRST_DAY, InvoiceOrder, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic,
    UNKNOWN, date, dec, eur, flat_per_payment, from_date, from_due_date, gap, halt, reference_rule,
    restart, until_date,
};

const IT_RATE_BASIS: &str = "D.Lgs. 231/2002 art. 5 (as amended by D.Lgs. 192/2012): the ECB reference rate in force \
                             on 1 January for the first half-year and on 1 July for the second";

/// Italy (`IT`).
pub(in crate::jurisdiction) const IT: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("IT"),
    name: "Italy",
    languages: &["it"],
    currency_code: "EUR",
    interest: &[
        reference_rule(
            RateSeries::EcbMainRefinancing,
            dec(8, 0),
            HALF_YEARLY_FIRST_DAY,
            from_date(date(2013, 1, 1), "date the transaction was concluded"),
            IT_RATE_BASIS,
            "+ 8 pp for transactions concluded from 1 January 2013. Simple interest: Directive 2011/7/EU art. 2(6).",
        ),
        reference_rule(
            RateSeries::EcbMainRefinancing,
            dec(7, 0),
            HALF_YEARLY_FIRST_DAY,
            until_date(date(2012, 12, 31), "date the transaction was concluded"),
            IT_RATE_BASIS,
            "+ 7 pp for transactions concluded before 2013.",
        ),
    ],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "D.Lgs. 231/2002 art. 6(2) (as replaced by D.Lgs. 192/2012): EUR 40 as damages, without formal notice",
        "",
    )],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        },
        legal_basis: "D.Lgs. 231/2002 art. 6(1): reimbursement of the costs of recovering late payments; art. 6(2): the \
                      EUR 40 is a lump sum of damages, 'fatta salva la prova del maggior danno, che può comprendere i \
                      costi di assistenza per il recupero del credito'; Directive 2011/7/EU art. 6(3): compensation \
                      for recovery costs exceeding the fixed sum",
        note: "The proven greater damage includes the recovery costs, so they replace the EUR 40 rather than add to \
               it; claiming both would count the first EUR 40 of costs twice.",
    }),
    allocation: Some(AllocationRule {
        order: AllocationOrder::from_ranks(Some(0), Some(0), Some(1)),
        invoice_order: InvoiceOrder::OldestDueFirstThenProRata,
        debtor_designation_binds: true,
        legal_basis: "Codice civile art. 1194 (no imputation to capital rather than to interest and costs without \
                      the creditor's consent; a payment on capital and interest goes to interest first); art. 1193 \
                      (several debts: the due one, the least secured, the most onerous, the oldest, pro rata)",
        note: "Art. 1194 puts interest and costs before capital without ranking them against each other. Time-barred \
               debts are not included (Cass.). Security and onerousness are not recorded, so the older due date \
               decides, and invoices due on one day share pro rata.",
    }),
    prescription: &[from_due_date(
        "contract claims",
        10,
        EventEffects {
            written_acknowledgement: restart(
                10,
                "Codice civile art. 2944 (acknowledgment), art. 2945 (new period)",
            ),
            oral_acknowledgement: restart(
                10,
                "Codice civile art. 2944 (acknowledgment, also by conduct), art. 2945",
            ),
            part_payment: UNKNOWN,
            written_demand: restart(
                10,
                "Codice civile art. 2943 with art. 1219 (written demand), art. 2945",
            ),
            court_filing: halt(
                "Codice civile art. 2943 (service of the writ starting proceedings)",
            ),
            judgment: UNKNOWN,
        },
        "Codice civile art. 2946 (10 years unless the law provides otherwise); art. 2935 (from the day the right can \
         be exercised)",
        "Oral demands and negotiations do not interrupt. The period for late-payment interest (art. 2948 no.4, \
         5 years) is unsettled and not encoded.",
    )],
    gaps: &[gap(
        RuleTopic::Prescription,
        "Whether a part payment counts as an acknowledgment by conduct is not confirmed in the sources.",
    )],
};
