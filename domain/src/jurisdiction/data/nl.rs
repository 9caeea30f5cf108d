//! The Netherlands. Described in `docs/law.md`, "NL — Netherlands".

use super::common::{
    AllocationOrder, AllocationRule, Applicability, CollectionCostBasis, CollectionCostRule,
    Compounding, ContractualRatePolicy, CostScale, Currency, DayCount, Decimal, EventEffects,
    HALF_YEARLY_FIRST_DAY, InterestRule, InvoiceOrder, Jurisdiction, JurisdictionCode, RateFormula,
    RateRounding, RateSeries, RuleTopic, ScaleTier, UNKNOWN, dec, eur, flat_per_payment,
    from_due_date, gap, halt, restart,
};

/// The BIK scale (Besluit vergoeding voor buitengerechtelijke incassokosten, art. 2).
const BIK_TIERS: [ScaleTier; 5] = [
    ScaleTier {
        up_to: Some(dec(2500, 0)),
        percent: dec(15, 0),
    },
    ScaleTier {
        up_to: Some(dec(5000, 0)),
        percent: dec(10, 0),
    },
    ScaleTier {
        up_to: Some(dec(10_000, 0)),
        percent: dec(5, 0),
    },
    ScaleTier {
        up_to: Some(dec(200_000, 0)),
        percent: dec(1, 0),
    },
    ScaleTier {
        up_to: None,
        percent: dec(5, 1),
    },
];

/// The Netherlands (`NL`).
pub(in crate::jurisdiction) const NL: Jurisdiction = Jurisdiction {
    code: JurisdictionCode::from_static("NL"),
    name: "Netherlands",
    languages: &["nl", "fy"],
    currency_code: "EUR",
    interest: &[InterestRule {
        rate: RateFormula::Reference {
            series: RateSeries::NlWettelijkeHandelsrente,
            margin_percent: Decimal::ZERO,
            fixing: HALF_YEARLY_FIRST_DAY,
            rounding: RateRounding::None,
        },
        compounding: Compounding::Yearly,
        day_count: DayCount::Actual365Fixed,
        contractual_rate: ContractualRatePolicy::Replaces,
        applies_to: Applicability::ALWAYS,
        legal_basis: "BW art. 6:119a (wettelijke handelsrente between businesses); art. 6:120(2) (ECB rate of the \
                      most recent main refinancing operation before 1 January / 1 July + 8 pp, per half-year); \
                      art. 6:119(2), applied by 6:119a(3): after each year the amount on which interest runs is \
                      increased by the interest owed over that year ('de over dat jaar verschuldigde rente')",
        note: "The published half-year rates are used as they are (they include the 8 pp). Rates before 2013-07-01 \
               are not embedded because the day the margin rose from 7 to 8 pp is unverified. Interest paid is no \
               longer owed and is not added to the base; a payment to interest counts from its value date, first \
               against earlier years' interest already in the base (the lower of the two orders BW 6:44 leaves \
               open).",
    }],
    recovery_compensation: &[flat_per_payment(
        eur(40),
        None,
        "BW art. 6:96(4): in a commercial contract (6:119a(1)) the compensation for extrajudicial collection \
         costs (6:96(2)(c)) is at least EUR 40, owed without a reminder from the day after the payment deadline",
        "The least part of the one compensation for extrajudicial collection costs, not a sum beside it: the BIK \
         amount under collection costs includes it, so only the BIK amount above the EUR 40 is added.",
    )],
    collection_costs: Some(CollectionCostRule {
        basis: CollectionCostBasis::Scale {
            scale: CostScale {
                currency: Currency::EUR,
                tiers: &BIK_TIERS,
                minimum: dec(40, 0),
                maximum: dec(6775, 0),
            },
            fixed_compensation_credited: true,
        },
        legal_basis: "BW art. 6:96(2)(c), (4) and (5); Besluit vergoeding voor buitengerechtelijke incassokosten (Stb. \
                      2012, 141) art. 2: 15 % of the first EUR 2,500, 10 % of the next 2,500, 5 % of the next 5,000, \
                      1 % of the next 190,000, 0.5 % above, minimum EUR 40, maximum EUR 6,775",
        note: "One compensation for extrajudicial collection costs: the EUR 40 of 6:96(4) is its least amount and is \
               counted within the scale amount, never added to it. Between businesses the Besluit is default law \
               (6:96(5) forbids departing from it only against a consumer): another agreed amount can apply, which \
               courts may moderate (Rv art. 242). VAT is added when the creditor cannot deduct it (art. 2(3)).",
    }),
    allocation: Some(AllocationRule {
        order: AllocationOrder::COSTS_INTEREST_PRINCIPAL,
        invoice_order: InvoiceOrder::OldestDueFirstThenProRata,
        debtor_designation_binds: true,
        legal_basis: "BW art. 6:44(1): costs (including extrajudicial collection costs, HR), then interest due, then \
                      principal and running interest; art. 6:43: the designated debt, otherwise the due debts, the most \
                      burdensome, the oldest, pro rata",
        note: "Burden is not recorded on a case, so the older due date decides, and invoices due on one day share pro rata. The creditor may refuse a payment \
               designating another order (6:44(2)).",
    }),
    prescription: &[from_due_date(
        "claims for payment under a contract",
        5,
        EventEffects {
            written_acknowledgement: restart(
                5,
                "BW art. 3:318 (acknowledgment), art. 3:319 (new period)",
            ),
            oral_acknowledgement: restart(
                5,
                "BW art. 3:318 (acknowledgment, oral or written), art. 3:319",
            ),
            part_payment: UNKNOWN,
            written_demand: restart(
                5,
                "BW art. 3:317(1) (written demand or unequivocal reservation), art. 3:319",
            ),
            court_filing: halt("BW art. 3:316 (legal action)"),
            judgment: restart(
                20,
                "BW art. 3:324(1): enforcing a judgment prescribes 20 years from the day after it",
            ),
        },
        "BW art. 3:307(1): 5 years from the day after the claim became due",
        "The new period after an interruption equals the original but is at most 5 years (3:319); a judgment starts \
         20 years (3:324).",
    )],
    gaps: &[gap(
        RuleTopic::Prescription,
        "Whether a part payment counts as an acknowledgment (3:318) is not confirmed in the sources.",
    )],
};
