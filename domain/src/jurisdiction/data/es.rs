//! Spain. Described in `docs/law.md`, "ES — Spain".

use super::common::{
    AllocationOrder, AllocationRule, CollectionCostBasis, CollectionCostRule, EventEffects,
    HALF_YEARLY_DAY_BEFORE, InvoiceOrder, Jurisdiction, JurisdictionCode, RateSeries, RuleTopic,
    UNKNOWN, date, dec, eur, flat_per_payment, from_date, from_due_date, gap, halt, reference_rule,
    restart,
};

/// Spain (`ES`).
pub(in crate::jurisdiction) const ES: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("ES"),
    name: "Spain",
    languages: &["es"],
    currency_code: "EUR",
    interest: &[reference_rule(
        RateSeries::EcbMainRefinancing,
        dec(8, 0),
        HALF_YEARLY_DAY_BEFORE,
        from_date(date(2014, 1, 1), "day interest starts to run"),
        "Ley 3/2004 art. 7: ECB rate of the most recent main refinancing operation before the first day of the \
         calendar half-year + 8 pp, applying for the following six months; due without demand",
        "The margin was 7 pp before 2013 and the exact day it became 8 pp is not verified, so the rule starts in \
         2014. Simple interest: Directive 2011/7/EU art. 2(6).",
    )],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "Ley 3/2004 art. 8: EUR 40 added automatically, per invoice",
        "CJEU C-279/23 (11 July 2024): due even for short delays and small amounts.",
    )],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::ReasonableCosts {
            fixed_compensation_credited: true,
        },
        legal_basis: "Ley 3/2004 art. 8: recovery costs exceeding the EUR 40",
        note: "",
    }),
    allocation: Some(AllocationRule {
        order: AllocationOrder::from_ranks(None, Some(0), Some(1)),
        invoice_order: InvoiceOrder::ProRata,
        debtor_designation_binds: true,
        legal_basis: "Código Civil art. 1173 (no payment counts against capital while interest is uncovered); \
                      arts. 1172, 1174 (the designated debt; otherwise the most onerous of the due debts, then pro \
                      rata)",
        note: "The rank of costs is not established. The invoices of a case bear the same interest on any day \
               (art. 7 of Ley 3/2004 resets the rate for every debt each half-year), so none is more onerous and \
               every invoice shares a payment pro rata.",
    }),
    prescription: &[from_due_date(
        "personal actions without a special period",
        5,
        EventEffects {
            written_acknowledgement: restart(
                5,
                "Código Civil art. 1973 (any act of acknowledgment by the debtor)",
            ),
            oral_acknowledgement: restart(
                5,
                "Código Civil art. 1973 (any act of acknowledgment by the debtor)",
            ),
            part_payment: UNKNOWN,
            written_demand: restart(
                5,
                "Código Civil art. 1973 (extrajudicial claim by the creditor, e.g. burofax)",
            ),
            court_filing: halt("Código Civil art. 1973 (exercise of the action before the courts)"),
            judgment: UNKNOWN,
        },
        "Código Civil art. 1964.2 (as amended by Ley 42/2015): 5 years from when performance can be demanded",
        "Claims arising 7 October 2005 - 7 October 2015 prescribed on 7 October 2020 at the latest (DT 5ª). \
         Catalonia has its own periods (CCCat 121-21), not encoded.",
    )],
    gaps: &[
        gap(
            RuleTopic::Allocation,
            "Where costs rank against interest and capital is not established.",
        ),
        gap(
            RuleTopic::Prescription,
            "Whether a part payment is an act of acknowledgment is not confirmed in the sources.",
        ),
    ],
};
